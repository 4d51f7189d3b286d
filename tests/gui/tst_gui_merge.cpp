// The merge path of the wizard end to end against a throwaway nginx that already serves a website for the webhook's
// name: the server page finds the site (file:line), merge is chosen, apply runs; then judged by curl: "/" answers
// as before, the webhook path answers 403 without a client certificate and the Chat stand-in's certificate reaches
// the application. Rollback puts the site's file back byte for byte. A second site that already owns the webhook
// path shows the engine's refusal and the explicit "replace" choice. One nginx for the whole executable.
#include "Dialogs.h"
#include "TestProcess.h"
#include "WizardContext.h"
#include "WizardFlow.h"
#include "pages/ApplyPage.h"
#include "pages/FinishPage.h"
#include "pages/ReviewPage.h"
#include "pages/ServerPage.h"
#include "pages/TestPage.h"
#include "widgets/FindingsView.h"

#include <QCheckBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QTest>
#include <QTextBrowser>

using namespace mtls;
using namespace mtls::ui;
using namespace guitest;

class TestGuiMerge : public WizardFlowTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup() { m_wizard.reset(); }
    void mergeIntoTheWebsite();
    void existingLocationIsRefused();

private:
    // To the server page with the webhook on `port`, discovery and the site look-up done.
    void toServerPage(quint16 port);

    std::unique_ptr<ThrowawayServer> m_server;
    DiscoveryOptions m_discovery;
    quint16 m_website = 0; // the website for localhost, HTTPS
    quint16 m_owned = 0; // another website whose own location serves the webhook path
    quint16 m_application = 0; // the webhook application: echoes the verification header it is given
};

void TestGuiMerge::initTestCase()
{
    setUpCase();
    if (QTest::currentTestFailed())
        return;
    m_website = freeLoopbackPort();
    do
        m_owned = freeLoopbackPort();
    while (m_owned == m_website);
    do
        m_application = freeLoopbackPort();
    while (m_application == m_website || m_application == m_owned);
    const QString tls = QStringLiteral("    ssl_certificate %1;\n    ssl_certificate_key %2;\n"
                                       "    ssl_protocols TLSv1.2 TLSv1.3;\n")
                            .arg(m_pki->path(QStringLiteral("bundle.crt")), m_pki->path(QStringLiteral("server.key")));
    ThrowawayServerOptions options;
    options.kind = ServerKind::Nginx;
    options.port = m_website;
    options.siteConfig = QStringLiteral("server {\n    listen 127.0.0.1:%1 ssl;\n    server_name localhost;\n%4"
                                        "    location / { return 200 \"website\\n\"; }\n}\n"
                                        "server {\n    listen 127.0.0.1:%2 ssl;\n    server_name localhost;\n%4"
                                        "    location = /im/callback { return 200 \"mine\\n\"; }\n}\n"
                                        "server {\n    listen 127.0.0.1:%3;\n"
                                        "    location / { return 200 \"application $http_x_client_verify\\n\"; }\n}\n")
                             .arg(m_website)
                             .arg(m_owned)
                             .arg(m_application)
                             .arg(tls);
    m_server = std::make_unique<ThrowawayServer>(options);
    QVERIFY(m_server->prepare().ok());
    const Status started = m_server->start();
    QVERIFY2(started.ok(), started ? "" : qPrintable(started.error().fullText()));
    m_discovery.binary = m_server->binary();
    m_discovery.configRoot = m_server->prefix();
    m_discovery.mainConfig = m_server->mainConfigPath();
    m_discovery.prefix = m_server->prefix();
}

void TestGuiMerge::init()
{
    setUp();
    m_installation.discovery = m_discovery;
}

void TestGuiMerge::toServerPage(quint16 port)
{
    makeWizard();
    if (QTest::currentTestFailed())
        return;
    m_wizard->context().model.upstreamUrl = QStringLiteral("http://127.0.0.1:%1").arg(m_application);
    ownCaToServerPage(port);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_wizard->currentId(), int(ServerPageId));
    auto* page = find<ServerPage>(m_wizard.get(), "ServerPage");
    mnemonic(*m_wizard, 'g');
    mnemonic(*m_wizard, 't');
    typeInto(find<QLineEdit>(page, "upstreamEdit"), QStringLiteral("http://127.0.0.1:%1").arg(m_application));
    typeInto(find<QLineEdit>(page, "listenEdit"), QStringLiteral("127.0.0.1:%1").arg(port));
    QTRY_VERIFY_WITH_TIMEOUT(find<QGroupBox>(page, "siteGroup")->isVisible(), 10000);
    QTRY_VERIFY(!page->isBusy());
}

void TestGuiMerge::mergeIntoTheWebsite()
{
    const QString siteFile = m_server->prefix() + QStringLiteral("/site.conf");
    QFile file(siteFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    const QByteArray rootBefore = curl(m_website, QStringLiteral("/"));
    QCOMPARE(rootBefore, QByteArray("website\n\n200"));

    toServerPage(m_website);
    if (QTest::currentTestFailed())
        return;
    auto* page = find<ServerPage>(m_wizard.get(), "ServerPage");
    // The site nginx would choose for the name, where it is written; no choice made yet, so no going on.
    const QString site = find<QLabel>(page, "siteLabel")->text();
    QVERIFY2(site.contains(QStringLiteral("site.conf:1")), qPrintable(site));
    QVERIFY(!find<QLabel>(page, "siteCertificateLabel")->text().isEmpty());
    QVERIFY(!find<QRadioButton>(page, "mergeRadio")->isChecked());
    QVERIFY(!find<QRadioButton>(page, "dedicatedRadio")->isChecked());
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    mnemonic(*m_wizard, 'm');
    QVERIFY(find<QRadioButton>(page, "mergeRadio")->isChecked());
    QTRY_VERIFY(!page->isBusy());
    QVERIFY2(find<FindingsView>(page, "mergeFindings")->findings().isEmpty(),
             qPrintable(find<FindingsView>(page, "mergeFindings")->findings().value(0).message));
    QVERIFY(!find<QCheckBox>(page, "replaceLocationCheck")->isVisible());
    screenshot(*m_wizard, QStringLiteral("06-merge-choice"));
    QVERIFY(next(*m_wizard));

    // The review shows the edit of the user's file: the lines added.
    QCOMPARE(m_wizard->currentId(), int(ReviewPageId));
    auto* review = find<ReviewPage>(m_wizard.get(), "ReviewPage");
    QTRY_VERIFY(!review->isBusy());
    const QString diff = find<QPlainTextEdit>(review, "configView")->toPlainText();
    QVERIFY2(diff.contains(QLatin1String("+ ")) && diff.contains(QLatin1String("/im/callback")), qPrintable(diff));
    screenshot(*m_wizard, QStringLiteral("07-merge-review"));
    QVERIFY(next(*m_wizard));

    QCOMPARE(m_wizard->currentId(), int(ApplyPageId));
    auto* apply = find<ApplyPage>(m_wizard.get(), "ApplyPage");
    mnemonic(*m_wizard, 'a');
    QTRY_VERIFY_WITH_TIMEOUT(!apply->isBusy(), 30000);
    QVERIFY2(m_wizard->context().applied.has_value(),
             qPrintable(find<QLabel>(apply, "errorMessage")->text() + QLatin1Char('\n')
                        + stepTexts(apply).join(QLatin1Char('\n'))));
    QCOMPARE(m_wizard->context().applied->mode, SetupMode::Merge);
    screenshot(*m_wizard, QStringLiteral("08-merge-apply"));

    // Judged from outside: the website as before, the webhook path closed to callers without Chat's certificate,
    // open to the Chat stand-in's, which reaches the application verified.
    QCOMPARE(curl(m_website, QStringLiteral("/")), rootBefore);
    QVERIFY(curl(m_website, QStringLiteral("/im/callback")).endsWith("\n403"));
    QCOMPARE(curl(m_website, QStringLiteral("/im/callback"), QStringLiteral("chatclient")),
             QByteArray("application SUCCESS\n\n200"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll() != before);
    file.close();

    // The test handshake meets the site's certificate and a refusal of the webhook path without a client
    // certificate; the report says where the webhook was merged.
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(TestPageId));
    QTRY_VERIFY_WITH_TIMEOUT(!find<TestPage>(m_wizard.get(), "TestPage")->isRunning(), 30000);
    QVERIFY(m_wizard->context().probe.has_value());
    QVERIFY(m_wizard->context().probe->serverCertificate.trusted);
    QCOMPARE(m_wizard->context().probe->withoutClientCertificate, CallerOutcome::RejectedByHttpStatus);
    screenshot(*m_wizard, QStringLiteral("09-merge-test"));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(FirstCallPageId)); // skipped: Chat has not called
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(FinishPageId));
    auto* finish = find<FinishPage>(m_wizard.get(), "FinishPage");
    QTRY_VERIFY(finish->isSaved());
    QVERIFY(find<QTextBrowser>(finish, "summaryView")->toPlainText().contains(QStringLiteral("site.conf:1")));
    screenshot(*m_wizard, QStringLiteral("10-merge-finish"));

    // Rollback: the site's file byte for byte, and the webhook path is the website's again.
    const Status rolledBack = rollbackLastApply(*m_wizard->context().installation, m_state->path());
    QVERIFY2(rolledBack.ok(), rolledBack ? "" : qPrintable(rolledBack.error().fullText()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    // (nginx answers with the old workers until the new ones run: a while on a busy machine.)
    QByteArray webhook;
    for (int i = 0; i < 150 && webhook != "website\n\n200"; ++i) {
        if (i)
            QTest::qWait(200);
        webhook = curl(m_website, QStringLiteral("/im/callback"));
    }
    QFile log(m_server->prefix() + QStringLiteral("/logs/error.log"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY2(webhook == "website\n\n200", (webhook + "\n" + log.readAll().right(3000)).constData());
    QCOMPARE(curl(m_website, QStringLiteral("/")), rootBefore);
}

void TestGuiMerge::existingLocationIsRefused()
{
    toServerPage(m_owned);
    if (QTest::currentTestFailed())
        return;
    auto* page = find<ServerPage>(m_wizard.get(), "ServerPage");
    mnemonic(*m_wizard, 'm');
    QTRY_VERIFY(!page->isBusy());
    // The engine's refusal, with what to do; merge cannot go on, dedicated still can.
    const Findings findings = find<FindingsView>(page, "mergeFindings")->findings();
    QVERIFY(std::any_of(findings.cbegin(), findings.cend(),
                        [](const Finding& f) { return f.code == QLatin1String("MERGE_LOCATION_EXISTS"); }));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    auto* replace = find<QCheckBox>(page, "replaceLocationCheck");
    QVERIFY(replace->isVisible());
    QVERIFY(!replace->isChecked());
    screenshot(*m_wizard, QStringLiteral("06-merge-refused"));
    mnemonic(*m_wizard, 'x');
    QVERIFY(replace->isChecked());
    QTRY_VERIFY(!page->isBusy());
    QVERIFY2(find<FindingsView>(page, "mergeFindings")->findings().isEmpty(),
             qPrintable(find<FindingsView>(page, "mergeFindings")->findings().value(0).code + QLatin1Char(' ')
                        + find<FindingsView>(page, "mergeFindings")->findings().value(0).message));
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    mnemonic(*m_wizard, 'c');
    QVERIFY(find<QRadioButton>(page, "dedicatedRadio")->isChecked());
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
}

QTEST_MAIN(TestGuiMerge)
#include "tst_gui_merge.moc"
