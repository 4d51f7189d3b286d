// Both certificate paths through every page to the end, with the keyboard and the dialog hooks, against a
// throwaway nginx and a throwaway Apache started by the test; then a renewal of the saved setup, and an export.
#include "Dialogs.h"
#include "GuiTestSupport.h"
#include "MainWizard.h"
#include "TestProcess.h"
#include "WizardContext.h"
#include "core/Translations.h"
#include "pages/ApplyPage.h"
#include "pages/FinishPage.h"
#include "pages/ImportPage.h"
#include "pages/RenewComparePage.h"
#include "pages/ReviewPage.h"
#include "pages/SandboxPage.h"
#include "pages/ServerPage.h"
#include "pages/TestPage.h"
#include "pages/WelcomePage.h"
#include "secrets/MemorySecretStore.h"
#include "server/ThrowawayServer.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace mtls;
using namespace mtls::ui;
using namespace guitest;

namespace {

QString oldSite(ServerKind kind, quint16 port)
{
    if (kind == ServerKind::Nginx)
        return QStringLiteral("server {\n    listen 127.0.0.1:%1;\n    location / { return 200 \"old-site\\n\"; }\n}\n")
            .arg(port);
    return QStringLiteral("<VirtualHost 127.0.0.1:%1>\n    DocumentRoot htdocs\n</VirtualHost>\n").arg(port);
}

// A running throwaway installation with an old site, as a user's server would have.
struct Installation
{
    std::unique_ptr<ThrowawayServer> server;
    DiscoveryOptions discovery;
    quint16 port = 0; // where the new site will listen

    Status start(ServerKind kind)
    {
        ThrowawayServerOptions options;
        options.kind = kind;
        options.port = freeLoopbackPort();
        options.siteConfig = oldSite(kind, options.port);
        server = std::make_unique<ThrowawayServer>(options);
        if (auto prepared = server->prepare(); !prepared)
            return prepared;
        if (auto started = server->start(); !started)
            return started;
        do {
            port = freeLoopbackPort();
        } while (port == options.port);
        discovery.binary = server->binary();
        discovery.configRoot = server->prefix();
        discovery.mainConfig = server->mainConfigPath();
        if (kind == ServerKind::Nginx)
            discovery.prefix = server->prefix();
        return {};
    }
};

// The texts of the apply page's steps list, top to bottom.
QStringList stepTexts(QWidget* page)
{
    QStringList texts;
    auto* list = find<QListWidget>(page, "stepsView");
    for (int i = 0; i < list->count(); ++i)
        texts << list->item(i)->text();
    return texts;
}

} // namespace

class TestGuiFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void ownCaOnNginxThenRenewal();
    void issuedByChatOnApache();
    void exportForAnotherMachine();
    void sandboxFromTheWelcomePage();
    void failedApplyIsPutBack();

private:
    void makeWizard();
    void endpointAndPath(const QString& url, bool issuedByChat);
    void importFiles(const QStringList& files);
    void clientCa();
    void server(ServerKind kind, bool thisMachine, quint16 port);
    void reviewApplyTestFinish(const QString& shotPrefix);

    std::unique_ptr<Pki> m_pki;
    std::unique_ptr<QTemporaryDir> m_setups;
    std::unique_ptr<QTemporaryDir> m_state;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<MainWizard> m_wizard;
    Installation m_installation;
};

void TestGuiFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The screenshot script runs these tests once per language; normal runs leave MTLS_LANGUAGE unset (English).
    mtls::installTranslations(qEnvironmentVariable("MTLS_LANGUAGE", QStringLiteral("en")));
    m_pki = std::make_unique<Pki>();
    QVERIFY2(m_pki->ok, qPrintable(m_pki->pki.lastError()));
}

void TestGuiFlow::init()
{
    Dialogs::setTestMode(true);
    m_setups = std::make_unique<QTemporaryDir>();
    m_state = std::make_unique<QTemporaryDir>();
    m_secrets = std::make_unique<MemorySecretStore>();
}

void TestGuiFlow::cleanup()
{
    m_wizard.reset();
    m_installation = Installation(); // stops the server
}

void TestGuiFlow::makeWizard()
{
    m_wizard = std::make_unique<MainWizard>(m_secrets.get(), m_setups->path());
    WizardContext& ctx = m_wizard->context();
    ctx.model.rootsPath = m_pki->path(QStringLiteral("root.crt"));
    ctx.probeServerCas = {Certificate::fromPem(m_pki->pki.read(QStringLiteral("root.crt"))).value()};
    ctx.discovery = m_installation.discovery;
    ctx.applyStateDir = m_state->path();
    m_wizard->show();
    m_wizard->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_wizard.get()));
    QTRY_VERIFY(find<WelcomePage>(m_wizard.get(), "WelcomePage")->isLoaded());
}

void TestGuiFlow::endpointAndPath(const QString& url, bool issuedByChat)
{
    QVERIFY(next(*m_wizard));
    typeInto(find<QLineEdit>(m_wizard->currentPage(), "urlEdit"), url);
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(CertificatePathPageId));
    mnemonic(*m_wizard, issuedByChat ? 'c' : 'a');
    screenshot(*m_wizard, QStringLiteral("03-certificate-path"));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ImportPageId));
}

void TestGuiFlow::importFiles(const QStringList& files)
{
    QStringList paths;
    for (const QString& f : files)
        paths << m_pki->path(f);
    Dialogs::setNextFiles(paths);
    mnemonic(*m_wizard, 'w');
    QTRY_VERIFY(!find<ImportPage>(m_wizard.get(), "ImportPage")->isBusy());
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
}

void TestGuiFlow::clientCa()
{
    QCOMPARE(m_wizard->currentId(), int(ClientCaPageId));
    Dialogs::setNextFiles({m_pki->path(QStringLiteral("TencentQQAuthCA.crt.zip"))});
    mnemonic(*m_wizard, 'w');
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(next(*m_wizard));
}

void TestGuiFlow::server(ServerKind kind, bool thisMachine, quint16 port)
{
    QCOMPARE(m_wizard->currentId(), int(ServerPageId));
    QVERIFY(find<QRadioButton>(m_wizard->currentPage(), "nginxRadio")->isChecked()
            != find<QRadioButton>(m_wizard->currentPage(), "apacheRadio")->isChecked());
    mnemonic(*m_wizard, kind == ServerKind::Apache ? 'p' : 'g');
    mnemonic(*m_wizard, thisMachine ? 't' : 'o');
    QCOMPARE(find<QRadioButton>(m_wizard->currentPage(), "apacheRadio")->isChecked(), kind == ServerKind::Apache);
    QCOMPARE(find<QRadioButton>(m_wizard->currentPage(), "thisMachineRadio")->isChecked(), thisMachine);
    QTRY_VERIFY(!find<ServerPage>(m_wizard.get(), "ServerPage")->isBusy());
    if (thisMachine)
        QVERIFY2(find<QLabel>(m_wizard->currentPage(), "discoveryLabel")
                     ->text()
                     .startsWith(lead("mtls::ui::ServerPage", "Found %1 %2 on this machine, configuration in %3.")),
                 qPrintable(find<QLabel>(m_wizard->currentPage(), "discoveryLabel")->text()));
    typeInto(find<QLineEdit>(m_wizard->currentPage(), "listenEdit"), QStringLiteral("127.0.0.1:%1").arg(port));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ReviewPageId));
}

void TestGuiFlow::reviewApplyTestFinish(const QString& shotPrefix)
{
    auto* review = find<ReviewPage>(m_wizard.get(), "ReviewPage");
    QTRY_VERIFY_WITH_TIMEOUT(!review->isBusy(), 30000);
    const QString result = find<QLabel>(review, "testResultLabel")->text();
    QVERIFY2(result.startsWith(lead("mtls::ui::ReviewPage", "OK: %1 accepts this configuration.")), qPrintable(result));
    QVERIFY(find<QPlainTextEdit>(review, "configView")->toPlainText().contains(QLatin1String("localhost")));
    screenshot(*m_wizard, shotPrefix + QStringLiteral("07-review"));
    QVERIFY(next(*m_wizard));

    QCOMPARE(m_wizard->currentId(), int(ApplyPageId));
    auto* apply = find<ApplyPage>(m_wizard.get(), "ApplyPage");
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    mnemonic(*m_wizard, 'a');
    QTRY_VERIFY_WITH_TIMEOUT(!apply->isBusy(), 30000);
    QVERIFY2(m_wizard->context().applied.has_value(), qPrintable(find<QLabel>(apply, "errorMessage")->text()));
    screenshot(*m_wizard, shotPrefix + QStringLiteral("08-apply"));
    for (const QString& path : m_wizard->context().applied->changed)
        QVERIFY2(QFileInfo::exists(path) || QFileInfo(path).isSymLink(), qPrintable(path));
    // The steps list tells what happened: each file written, the test and the reload, nothing still pending.
    const QStringList steps = stepTexts(apply);
    for (const QString& path : m_wizard->context().applied->changed) {
        const QString native = QDir::toNativeSeparators(path);
        QVERIFY2(QFileInfo(path).isSymLink()
                     ? std::any_of(steps.cbegin(), steps.cend(),
                                   [&native](const QString& s) {
                                       return s.startsWith(lead("mtls::ApplyService", "Enabled: %1 (a link to %2)"))
                                           && s.contains(native);
                                   })
                     : steps.contains(tt("mtls::ApplyService", "Written: %1").arg(native)),
                 qPrintable(native + QLatin1Char('\n') + steps.join(QLatin1Char('\n'))));
    }
    QVERIFY2(steps.last().startsWith(lead("mtls::ApplyService", "Reloaded: %1 runs the new configuration.")),
             qPrintable(steps.last()));
    for (const QString& step : steps)
        QVERIFY2(!step.startsWith(lead("mtls::ui::ApplyPage", "To write: %1")), qPrintable(step));
    QVERIFY(next(*m_wizard));

    QCOMPARE(m_wizard->currentId(), int(TestPageId));
    auto* test = find<TestPage>(m_wizard.get(), "TestPage");
    QTRY_VERIFY_WITH_TIMEOUT(!test->isRunning(), 30000);
    QVERIFY(m_wizard->context().probe.has_value());
    const ProbeReport& probe = *m_wizard->context().probe;
    QVERIFY2(probe.withoutClientCertificate == CallerOutcome::RejectedByHttpStatus
                 || probe.withoutClientCertificate == CallerOutcome::RejectedInHandshake,
             qPrintable(callerOutcomeName(probe.withoutClientCertificate)));
    QVERIFY(probe.serverCertificate.trusted);
    const QString verdict = find<QLabel>(test, "verdictLabel")->accessibleName();
    QVERIFY2(verdict.startsWith(tt(
                 "mtls::ui::TestPage",
                 "Ready: your server shows a valid certificate and refuses callers without Chat's client certificate."))
                 || verdict.startsWith(tt("mtls::ui::TestPage", "Works, with warnings: read them below.")),
             qPrintable(verdict));
    const QString refusal = find<QLabel>(test, "verdictLabel")->accessibleDescription();
    QVERIFY2(refusal.contains(
                 lead("mtls::ui::TestPage", "A caller without a client certificate was refused with HTTP status %1."))
                 || refusal.contains(tt("mtls::ui::TestPage",
                                        "A caller without a client certificate was refused during the TLS handshake.")),
             qPrintable(refusal));
    screenshot(*m_wizard, shotPrefix + QStringLiteral("09-test"));
    QVERIFY(next(*m_wizard));

    QCOMPARE(m_wizard->currentId(), int(FinishPageId));
    auto* finish = find<FinishPage>(m_wizard.get(), "FinishPage");
    QTRY_VERIFY(finish->isSaved());
    screenshot(*m_wizard, shotPrefix + QStringLiteral("10-finish"));
    // The report: HTML through the save dialog hook, without any secret.
    const QString reportPath = m_state->filePath(QStringLiteral("report.html"));
    Dialogs::setNextSaveFile(reportPath);
    mnemonic(*m_wizard, 's');
    QTRY_VERIFY(!finish->isSavingReport());
    QVERIFY2(find<QLabel>(finish, "reportLabel")
                 ->text()
                 .startsWith(lead("mtls::ui::FinishPage", "The report is saved as %1.")),
             qPrintable(find<QLabel>(finish, "reportLabel")->text()));
    QFile report(reportPath);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QByteArray html = report.readAll();
    QVERIFY(html.contains("localhost"));
    QVERIFY(!html.contains("PRIVATE KEY"));
    QVERIFY(!html.contains("s3cret"));
    // The same report as PDF.
    const QString pdfPath = m_state->filePath(QStringLiteral("report.pdf"));
    Dialogs::setNextSaveFile(pdfPath);
    mnemonic(*m_wizard, 's');
    QTRY_VERIFY(!finish->isSavingReport());
    QVERIFY(find<QLabel>(finish, "reportLabel")->text().contains(QDir::toNativeSeparators(pdfPath)));
    QFile pdf(pdfPath);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray pdfContent = pdf.readAll();
    QVERIFY(pdfContent.startsWith("%PDF-"));
    QVERIFY(pdfContent.contains("/Font")); // the text was rendered, off the UI thread
    QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isVisible() || !m_wizard->button(QWizard::NextButton)->isEnabled());
}

void TestGuiFlow::ownCaOnNginxThenRenewal()
{
    QVERIFY2(m_installation.start(ServerKind::Nginx).ok(), "throwaway nginx");
    makeWizard();
    const QString url = QStringLiteral("https://localhost:%1/im/callback").arg(m_installation.port);
    endpointAndPath(url, false);
    if (QTest::currentTestFailed())
        return;
    importFiles({QStringLiteral("bundle.crt"), QStringLiteral("server.key")});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(next(*m_wizard));
    clientCa();
    if (QTest::currentTestFailed())
        return;
    server(ServerKind::Nginx, true, m_installation.port);
    if (QTest::currentTestFailed())
        return;
    reviewApplyTestFinish(QString());
    if (QTest::currentTestFailed())
        return;

    const auto saved = SetupStore(m_setups->path()).load();
    QVERIFY(saved.ok());
    QCOMPARE(saved->setups.size(), 1);
    const SavedSetup& setup = saved->setups.first();
    QCOMPARE(setup.domain, QStringLiteral("localhost"));
    QCOMPARE(setup.server, ServerKind::Nginx);
    QCOMPARE(setup.webhookPath, QStringLiteral("/im/callback"));
    const QString oldSha = Certificate::fromPem(m_pki->pki.read(QStringLiteral("server.crt")))->sha256Fingerprint();
    QCOMPARE(setup.certificate.sha256, oldSha);
    QMetaObject::invokeMethod(m_wizard->button(QWizard::FinishButton), "click");

    // Renewal: pick the saved setup, import the new certificate, compare, apply, test.
    makeWizard();
    mnemonic(*m_wizard, 'r');
    QVERIFY(find<QRadioButton>(m_wizard->currentPage(), "renewRadio")->isChecked());
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(RenewSelectPageId));
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ImportPageId));
    // The certificate in use is refused as a "renewal".
    importFiles({QStringLiteral("renewed_bundle.crt"), QStringLiteral("renewed.key")});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(RenewComparePageId));
    auto* compare = find<RenewComparePage>(m_wizard.get(), "RenewComparePage");
    QTRY_VERIFY(!compare->isBusy());
    auto* table = find<QTableWidget>(compare, "compareView");
    QCOMPARE(table->item(4, 0)->text().remove(QLatin1Char('\n')), oldSha);
    QVERIFY(table->item(4, 1)->text().remove(QLatin1Char('\n')) != oldSha);
    QVERIFY(find<QLabel>(compare, "verdictLabel")
                ->text()
                .startsWith(lead("mtls::ui::RenewComparePage",
                                 "OK: the new certificate covers %1, fits its key, and lasts until %2.")));
    screenshot(*m_wizard, QStringLiteral("12-renew-compare"));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ClientCaPageId)); // re-checked, remembered from the first setup
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(next(*m_wizard));
    reviewApplyTestFinish(QStringLiteral("renew-"));
    if (QTest::currentTestFailed())
        return;

    const auto renewed = SetupStore(m_setups->path()).load();
    QCOMPARE(renewed->setups.size(), 1);
    QCOMPARE(renewed->setups.first().certificate.sha256,
             Certificate::fromPem(m_pki->pki.read(QStringLiteral("renewed.crt")))->sha256Fingerprint());
    // The live server now shows the new certificate.
    QCOMPARE(m_wizard->context().probe->serverCertificate.leaf().sha256Fingerprint(),
             renewed->setups.first().certificate.sha256);
}

void TestGuiFlow::issuedByChatOnApache()
{
    QVERIFY2(m_installation.start(ServerKind::Apache).ok(), "throwaway Apache");
    makeWizard();
    endpointAndPath(QStringLiteral("https://localhost:%1/im/callback").arg(m_installation.port), true);
    if (QTest::currentTestFailed())
        return;
    importFiles({QStringLiteral("localhost.zip")});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(next(*m_wizard));
    clientCa();
    if (QTest::currentTestFailed())
        return;
    server(ServerKind::Apache, true, m_installation.port);
    if (QTest::currentTestFailed())
        return;
    reviewApplyTestFinish(QStringLiteral("apache-"));
    if (QTest::currentTestFailed())
        return;
    const auto saved = SetupStore(m_setups->path()).load();
    QCOMPARE(saved->setups.first().server, ServerKind::Apache);
    QCOMPARE(saved->setups.first().source, CertificateSource::IssuedByChat);
}

void TestGuiFlow::exportForAnotherMachine()
{
    makeWizard();
    endpointAndPath(QStringLiteral("https://localhost/im/callback"), false);
    if (QTest::currentTestFailed())
        return;
    importFiles({QStringLiteral("server.crt"), QStringLiteral("inter.crt"), QStringLiteral("server.key")});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(next(*m_wizard));
    clientCa();
    if (QTest::currentTestFailed())
        return;
    server(ServerKind::Nginx, false, 443);
    if (QTest::currentTestFailed())
        return;
    auto* review = find<ReviewPage>(m_wizard.get(), "ReviewPage");
    QTRY_VERIFY_WITH_TIMEOUT(!review->isBusy(), 30000);
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ApplyPageId));
    const QString out = m_state->filePath(QStringLiteral("export"));
    Dialogs::setNextDirectory(out);
    mnemonic(*m_wizard, 'e');
    auto* apply = find<ApplyPage>(m_wizard.get(), "ApplyPage");
    QTRY_VERIFY(!apply->isBusy());
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    screenshot(*m_wizard, QStringLiteral("08-export"));
    QVERIFY(QFile::exists(out + QStringLiteral("/mtls-assistant-localhost.conf")));
    QVERIFY(QFile::exists(out + QStringLiteral("/README.txt")));
    // The key is readable by its owner only.
    const QFile::Permissions keyPermissions = QFile::permissions(out + QStringLiteral("/privkey.pem"));
    QVERIFY(keyPermissions.testFlag(QFile::ReadOwner));
    QVERIFY(!keyPermissions.testFlag(QFile::ReadGroup));
    QVERIFY(!keyPermissions.testFlag(QFile::ReadOther));
    // Export goes straight to the summary: there is no live endpoint to test here.
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(FinishPageId));
    QTRY_VERIFY(find<FinishPage>(m_wizard.get(), "FinishPage")->isSaved());
    QCOMPARE(SetupStore(m_setups->path()).load()->setups.first().target, SetupTarget::Export);
}

void TestGuiFlow::sandboxFromTheWelcomePage()
{
    makeWizard();
    mnemonic(*m_wizard, 't');
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(SandboxPageId));
    screenshot(*m_wizard, QStringLiteral("13-sandbox"));
    mnemonic(*m_wizard, 'r');
    auto* sandbox = find<SandboxPage>(m_wizard.get(), "SandboxPage");
    QTRY_VERIFY_WITH_TIMEOUT(!sandbox->isRunning(), 60000);
    const QString verdict = find<QLabel>(sandbox, "verdictLabel")->accessibleName();
    QVERIFY2(verdict.startsWith(
                 lead("mtls::ui::SandboxPage",
                      "It works: %1 refused the caller without a client certificate and passed the one with Chat's "
                      "kind of certificate on to the webhook application (%n request(s) reached it).")),
             qPrintable(verdict));
    QVERIFY(find<QListWidget>(sandbox, "stepsView")->count() > 0);
    QVERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
    screenshot(*m_wizard, QStringLiteral("13-sandbox-done"));
}

void TestGuiFlow::failedApplyIsPutBack()
{
    QVERIFY2(m_installation.start(ServerKind::Nginx).ok(), "throwaway nginx");
    makeWizard();
    endpointAndPath(QStringLiteral("https://localhost:%1/im/callback").arg(m_installation.port), false);
    if (QTest::currentTestFailed())
        return;
    importFiles({QStringLiteral("bundle.crt"), QStringLiteral("server.key")});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(next(*m_wizard));
    clientCa();
    if (QTest::currentTestFailed())
        return;
    server(ServerKind::Nginx, true, m_installation.port);
    if (QTest::currentTestFailed())
        return;
    auto* review = find<ReviewPage>(m_wizard.get(), "ReviewPage");
    QTRY_VERIFY_WITH_TIMEOUT(!review->isBusy(), 30000);
    QVERIFY(next(*m_wizard));

    // The server refuses the reload (the engine's fault hook): everything is put back, the user is told.
    const QString siteDir = m_installation.server->prefix() + QStringLiteral("/conf.d");
    const QStringList before = QDir(siteDir).entryList(QDir::Files);
    qputenv("MTLS_TEST_FAIL_RELOAD", "1");
    mnemonic(*m_wizard, 'a');
    auto* apply = find<ApplyPage>(m_wizard.get(), "ApplyPage");
    QTRY_VERIFY_WITH_TIMEOUT(!apply->isBusy(), 30000);
    qunsetenv("MTLS_TEST_FAIL_RELOAD");
    QVERIFY(!m_wizard->context().applied);
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(!find<QLabel>(apply, "errorMessage")->text().isEmpty());
    QVERIFY(
        find<QLabel>(apply, "resultLabel")
            ->text()
            .contains(tt("mtls::ui::ApplyPage", "Nothing was changed. Fix the problem shown here and apply again.")));
    QCOMPARE(QDir(siteDir).entryList(QDir::Files), before);
    // The steps show what was written, the reload that failed, and the rollback.
    const QStringList steps = stepTexts(apply);
    const QString written = lead("mtls::ApplyService", "Written: %1");
    const QString removed = lead("mtls::ApplyService", "Removed: %1");
    const auto count = [&steps](const QString& start) {
        return std::count_if(steps.cbegin(), steps.cend(), [&start](const QString& s) { return s.startsWith(start); });
    };
    QVERIFY2(count(written) > 0 && count(written) == count(removed), qPrintable(steps.join(QLatin1Char('\n'))));
    const auto failed = std::find_if(steps.cbegin(), steps.cend(), [](const QString& s) {
        return s.startsWith(lead("mtls::ApplyService", "Failed: %1"));
    });
    QVERIFY2(failed != steps.cend(), qPrintable(steps.join(QLatin1Char('\n'))));
    QVERIFY(steps.contains(tt("mtls::ApplyService", "Rolled back: every file is as it was before.")));
    QVERIFY(steps.indexOf(*failed)
            < steps.indexOf(tt("mtls::ApplyService", "Rolling back: putting every file back as it was.")));
    screenshot(*m_wizard, QStringLiteral("08-apply-failed"));

    // Fixed: apply again.
    mnemonic(*m_wizard, 'a');
    QTRY_VERIFY_WITH_TIMEOUT(!apply->isBusy(), 30000);
    QVERIFY(m_wizard->context().applied.has_value());
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
}

QTEST_MAIN(TestGuiFlow)
#include "tst_gui_flow.moc"
