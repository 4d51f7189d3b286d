#include "WizardFlow.h"

#include "Dialogs.h"
#include "TestProcess.h"
#include "WizardContext.h"
#include "core/Translations.h"
#include "pages/ApplyPage.h"
#include "pages/FinishPage.h"
#include "pages/FirstCallPage.h"
#include "pages/ImportPage.h"
#include "pages/ReviewPage.h"
#include "pages/ServerPage.h"
#include "pages/TestPage.h"
#include "pages/WelcomePage.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace mtls;
using namespace mtls::ui;

namespace guitest {

namespace {

QString oldSite(ServerKind kind, quint16 port)
{
    if (kind == ServerKind::Nginx)
        return QStringLiteral("server {\n    listen 127.0.0.1:%1;\n    location / { return 200 \"old-site\\n\"; }\n}\n")
            .arg(port);
    return QStringLiteral("<VirtualHost 127.0.0.1:%1>\n    DocumentRoot htdocs\n</VirtualHost>\n").arg(port);
}

} // namespace

QStringList stepTexts(QWidget* page)
{
    QStringList texts;
    auto* list = find<QListWidget>(page, "stepsView");
    for (int i = 0; i < list->count(); ++i)
        texts << list->item(i)->text();
    return texts;
}

Status Installation::start(ServerKind kind)
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

void WizardFlowTest::setUpCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The screenshot script runs these tests once per language; normal runs leave MTLS_LANGUAGE unset (English).
    mtls::installTranslations(qEnvironmentVariable("MTLS_LANGUAGE", QStringLiteral("en")));
    m_pki = std::make_unique<Pki>();
    QVERIFY2(m_pki->ok, qPrintable(m_pki->pki.lastError()));
}

void WizardFlowTest::setUp()
{
    Dialogs::setTestMode(true);
    m_setups = std::make_unique<QTemporaryDir>();
    m_state = std::make_unique<QTemporaryDir>();
    m_secrets = std::make_unique<MemorySecretStore>();
}

void WizardFlowTest::tearDown()
{
    m_wizard.reset();
    m_installation = Installation(); // stops the server
}

QByteArray WizardFlowTest::curl(quint16 port, const QString& path, const QString& client,
                                const QStringList& extra) const
{
    QStringList args {QStringLiteral("-sS"),
                      QStringLiteral("--max-time"),
                      QStringLiteral("10"),
                      QStringLiteral("--cacert"),
                      m_pki->path(QStringLiteral("root.crt")),
                      QStringLiteral("--resolve"),
                      QStringLiteral("localhost:%1:127.0.0.1").arg(port),
                      QStringLiteral("-w"),
                      QStringLiteral("\n%{http_code}")};
    if (!client.isEmpty())
        args << QStringLiteral("--cert") << m_pki->path(client + QStringLiteral(".crt")) << QStringLiteral("--key")
             << m_pki->path(client + QStringLiteral(".key"));
    args << extra << QStringLiteral("https://localhost:%1%2").arg(port).arg(path);
    return runProcess(QStringLiteral("curl"), args).out;
}

void WizardFlowTest::makeWizard()
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

void WizardFlowTest::endpoint(const QString& url)
{
    QVERIFY(next(*m_wizard));
    typeInto(find<QLineEdit>(m_wizard->currentPage(), "urlEdit"), url);
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ServerPageId));
}

void WizardFlowTest::certificatePath(bool issuedByChat)
{
    QCOMPARE(m_wizard->currentId(), int(CertificatePathPageId));
    // Back goes to the server page, which chose this path.
    QVERIFY(back(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ServerPageId));
    QTRY_VERIFY(!find<ServerPage>(m_wizard.get(), "ServerPage")->isBusy());
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(CertificatePathPageId));
    mnemonic(*m_wizard, issuedByChat ? 'c' : 'a');
    screenshot(*m_wizard, QStringLiteral("03-certificate-path"));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ImportPageId));
}

void WizardFlowTest::importFiles(const QStringList& files)
{
    QStringList paths;
    for (const QString& f : files)
        paths << m_pki->path(f);
    Dialogs::setNextFiles(paths);
    mnemonic(*m_wizard, 'w');
    QTRY_VERIFY(!find<ImportPage>(m_wizard.get(), "ImportPage")->isBusy());
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
}

void WizardFlowTest::clientCa()
{
    QCOMPARE(m_wizard->currentId(), int(ClientCaPageId));
    Dialogs::setNextFiles({m_pki->path(QStringLiteral("TencentQQAuthCA.crt.zip"))});
    mnemonic(*m_wizard, 'w');
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ReviewPageId));
}

void WizardFlowTest::toReview(const QString& url, ServerKind kind, bool thisMachine, quint16 port, bool issuedByChat,
                              const QStringList& files, const QString& upstream)
{
    endpoint(url);
    if (QTest::currentTestFailed())
        return;
    server(kind, thisMachine, port, upstream);
    if (QTest::currentTestFailed())
        return;
    certificatePath(issuedByChat);
    if (QTest::currentTestFailed())
        return;
    importFiles(files);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(next(*m_wizard));
    clientCa();
}

void WizardFlowTest::server(ServerKind kind, bool thisMachine, quint16 port, const QString& upstream)
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
    if (!upstream.isEmpty())
        typeInto(find<QLineEdit>(m_wizard->currentPage(), "upstreamEdit"), upstream);
    // No site answers the name there: no mode to choose, a site of its own.
    QTRY_VERIFY(!find<ServerPage>(m_wizard.get(), "ServerPage")->isBusy());
    QVERIFY(!find<QWidget>(m_wizard->currentPage(), "siteScroll")->isVisible());
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(CertificatePathPageId));
}

void WizardFlowTest::reviewApplyTestFinish(const QString& shotPrefix, const std::function<void()>& onFirstCallPage)
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
    // After the reload, what was verified from outside: our site as a client meets it, and that the server reads
    // our file.
    const qsizetype reloaded = steps.indexOf(QRegularExpression(
        QRegularExpression::escape(lead("mtls::ApplyService", "Reloaded: %1 read the new configuration."))
        + QStringLiteral(".*")));
    QVERIFY2(reloaded >= 0, qPrintable(steps.join(QLatin1Char('\n'))));
    QVERIFY2(steps.mid(reloaded + 1).size() >= 2, qPrintable(steps.join(QLatin1Char('\n'))));
    for (const QString& step : steps.mid(reloaded + 1))
        QVERIFY2(step.startsWith(lead("mtls::ApplyVerification",
                                      "Verified: %1 reads %2, and no other site answers %3 on "
                                      "the same port.")),
                 qPrintable(step));
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

    // The page of the first call follows the setup's webhook log; it never holds the user back.
    QCOMPARE(m_wizard->currentId(), int(FirstCallPageId));
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(!find<FirstCallPage>(m_wizard.get(), "FirstCallPage")->accessLog().isEmpty());
    if (onFirstCallPage) {
        onFirstCallPage();
        if (QTest::currentTestFailed())
            return;
    }
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

void WizardFlowTest::chatIssuedSetupOnApache(const QString& shotPrefix)
{
    QVERIFY2(m_installation.start(ServerKind::Apache).ok(), "throwaway Apache");
    makeWizard();
    toReview(QStringLiteral("https://localhost:%1/im/callback").arg(m_installation.port), ServerKind::Apache, true,
             m_installation.port, true, {QStringLiteral("localhost.zip")});
    if (QTest::currentTestFailed())
        return;
    reviewApplyTestFinish(shotPrefix);
}

} // namespace guitest
