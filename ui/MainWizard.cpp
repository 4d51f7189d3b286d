#include "MainWizard.h"

#include "Dialogs.h"
#include "WizardContext.h"
#include "pages/ApplyPage.h"
#include "pages/CertificatePathPage.h"
#include "pages/ClientCaPage.h"
#include "pages/EndpointPage.h"
#include "pages/FinishPage.h"
#include "pages/FirstCallPage.h"
#include "pages/ImportPage.h"
#include "pages/RenewComparePage.h"
#include "pages/RenewSelectPage.h"
#include "pages/ReviewPage.h"
#include "pages/SandboxPage.h"
#include "pages/ServerPage.h"
#include "pages/TestPage.h"
#include "pages/WelcomePage.h"
#include "secrets/KeychainSecretStore.h"
#include "widgets/PlainText.h"

#include <QIcon>
#include <QSettings>

namespace mtls::ui {

MainWizard::MainWizard(SecretStore* secrets, const QString& setupDirectory, QWidget* parent)
    : QWizard(parent)
{
    if (!secrets) {
        m_ownSecrets = std::make_unique<KeychainSecretStore>();
        secrets = m_ownSecrets.get();
    }
    m_context = std::make_unique<WizardContext>(*secrets, setupDirectory);
    WizardContext& ctx = *m_context;

    setObjectName(QStringLiteral("mainWizard"));
    setWindowTitle(tr("mTLS Assistant"));
    setWindowIcon(QIcon(QStringLiteral(":/mtls-assistant.svg")));
    setWizardStyle(QWizard::ModernStyle);
    setOptions(QWizard::HaveHelpButton | QWizard::NoBackButtonOnStartPage);

    setPage(WelcomePageId, new WelcomePage(ctx, this));
    setPage(EndpointPageId, new EndpointPage(ctx, this));
    setPage(ServerPageId, new ServerPage(ctx, this));
    setPage(CertificatePathPageId, new CertificatePathPage(ctx, this));
    setPage(ImportPageId, new ImportPage(ctx, this));
    setPage(ClientCaPageId, new ClientCaPage(ctx, this));
    setPage(ReviewPageId, new ReviewPage(ctx, this));
    setPage(ApplyPageId, new ApplyPage(ctx, this));
    setPage(TestPageId, new TestPage(ctx, this));
    setPage(FinishPageId, new FinishPage(ctx, this));
    setPage(RenewSelectPageId, new RenewSelectPage(ctx, this));
    setPage(RenewComparePageId, new RenewComparePage(ctx, this));
    setPage(SandboxPageId, new SandboxPage(ctx, this));
    setPage(FirstCallPageId, new FirstCallPage(ctx, this)); // after TestPage, before FinishPage
    setStartId(WelcomePageId);

    // Object names for tests and accessibility tools: "WelcomePage", ...
    for (const int id : pageIds())
        page(id)->setObjectName(
            QString::fromLatin1(page(id)->metaObject()->className()).section(QStringLiteral("::"), -1));

    // Labels show names and subjects from files and servers: never as rich text.
    makeLabelsPlain(this);

    connect(this, &QWizard::helpRequested, this, &MainWizard::showHelp);

    const QSettings settings;
    setMinimumSize(760, 560);
    resize(900, 700);
    if (settings.contains(QStringLiteral("window/geometry")))
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
}

MainWizard::~MainWizard() = default;

void MainWizard::showHelp()
{
    const auto* current = qobject_cast<const WizardPage*>(currentPage());
    if (!current)
        return;
    Dialogs::message(this, QMessageBox::Information, tr("Help: %1").arg(current->title()), current->helpText());
}

void MainWizard::done(int result)
{
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    QWizard::done(result);
}

} // namespace mtls::ui
