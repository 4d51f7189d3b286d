#pragma once

#include <QWizardPage>

namespace mtls::ui {

struct WizardContext;

// The wizard's page ids: setPage() order and nextId() branches.
enum PageId {
    WelcomePageId,
    EndpointPageId,
    ServerPageId, // before the certificate pages: merge keeps the site's own certificate and skips them
    CertificatePathPageId,
    ImportPageId,
    ClientCaPageId,
    ReviewPageId,
    ApplyPageId,
    TestPageId,
    FinishPageId,
    RenewSelectPageId,
    RenewComparePageId,
    SandboxPageId,
    FirstCallPageId,
};

// A page of the wizard: shares the context and has a help text.
class WizardPage : public QWizardPage
{
    Q_OBJECT
public:
    WizardPage(WizardContext& context, QWidget* parent)
        : QWizardPage(parent)
        , m_context(context)
    {
    }

    virtual QString helpText() const = 0;

protected:
    WizardContext& context() const { return m_context; }

private:
    WizardContext& m_context;
};

} // namespace mtls::ui
