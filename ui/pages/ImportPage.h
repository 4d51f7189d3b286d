#pragma once

#include "WizardPage.h"

#include <memory>

namespace Ui {
class ImportPage;
}

namespace mtls {
struct CheckReport;
}

namespace mtls::ui {

// Import of the server certificate: drop or browse for files or the downloaded zip; the engine picks leaf, chain
// and key; a passphrase prompt for protected files (optionally remembered in the system keychain); the findings at
// once, errors first. Next stays disabled while an error stands. The check runs off the UI thread.
class ImportPage : public WizardPage
{
    Q_OBJECT
public:
    explicit ImportPage(WizardContext& context, QWidget* parent = nullptr);
    ~ImportPage() override;

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;
    QString helpText() const override;

    void chooseFiles(const QStringList& paths);
    bool isBusy() const { return m_busy; }

private:
    void startCheck();
    void checked(const CheckReport& report);
    void unlock();
    void setBusy(bool busy, const QString& what = QString());
    QString passphraseKey() const;

    std::unique_ptr<Ui::ImportPage> m_ui;
    int m_sequence = 0;
    bool m_busy = false;
    bool m_checked = false;
    bool m_triedKeychain = false;
    bool m_passphraseFromKeychain = false;
    bool m_rememberAfterCheck = false;
};

} // namespace mtls::ui
