#pragma once

#include "WizardPage.h"

#include <memory>

namespace Ui {
class ClientCaPage;
}

namespace mtls {
struct CheckReport;
}

namespace mtls::ui {

// Chat's client CA (TencentQQAuthCA.crt or its zip): subject, validity and SHA-256 fingerprint to compare with the
// console; remembered for the next setups.
class ClientCaPage : public WizardPage
{
    Q_OBJECT
public:
    explicit ClientCaPage(WizardContext& context, QWidget* parent = nullptr);
    ~ClientCaPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    QString helpText() const override;

    void chooseFile(const QString& path);
    bool isBusy() const { return m_busy || m_loading; }

private:
    void checked(const CheckReport& report);

    std::unique_ptr<Ui::ClientCaPage> m_ui;
    int m_sequence = 0;
    bool m_busy = false; // checking
    bool m_loading = false; // reading the remembered client CA
    bool m_checked = false;
    bool m_loadedRemembered = false;
    bool m_hasError = false;
};

} // namespace mtls::ui
