#pragma once

#include "WizardPage.h"

#include <memory>

namespace Ui {
class CertificatePathPage;
}

namespace mtls::ui {

// The two certificate paths of the Chat guide: a certificate from a CA, or one issued by Chat.
class CertificatePathPage : public WizardPage
{
    Q_OBJECT
public:
    explicit CertificatePathPage(WizardContext& context, QWidget* parent = nullptr);
    ~CertificatePathPage() override;

    void initializePage() override;
    bool validatePage() override;
    QString helpText() const override;

private:
    std::unique_ptr<Ui::CertificatePathPage> m_ui;
};

} // namespace mtls::ui
