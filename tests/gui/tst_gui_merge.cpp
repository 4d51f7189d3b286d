// The merge path of the wizard end to end against a throwaway nginx that already serves a website for the webhook's
// name: the server page (right after the endpoint) finds the site (file:line), merge is chosen, the certificate
// pages are never shown (the site keeps its own certificate), Chat's client CA is imported, apply runs; then judged
// by curl: "/" answers as before, the webhook path answers 403 without a client certificate and the Chat stand-in's
// certificate reaches the application. The saved setup remembers the mode and the site, and its renewal re-applies
// the merge without asking for a certificate. Rollback puts the site's file back byte for byte. A second site that
// already owns the webhook path shows the engine's refusal, naming the page's "replace" choice. One nginx for the
// whole executable.
#include "Dialogs.h"
#include "TestProcess.h"
#include "WizardContext.h"
#include "WizardFlow.h"
#include "pages/ApplyPage.h"
#include "pages/FinishPage.h"
#include "pages/RenewComparePage.h"
#include "pages/ReviewPage.h"
#include "pages/ServerPage.h"
#include "pages/TestPage.h"
#include "setup/SetupStore.h"
#include "widgets/FindingsView.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QTableWidget>
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
    // The renewal wizard for the merge setup `setup`, from the welcome page to the finish page.
    void renewMerge(const SavedSetup& setup);
    // The apply page: apply, and the merge is made.
    void applyMerge();

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
    endpoint(QStringLiteral("https://localhost:%1/im/callback").arg(port));
    if (QTest::currentTestFailed())
        return;
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
    screenshot(*m_wizard, QStringLiteral("03-merge-choice"));

    // The site keeps its own certificate: from the server page straight to Chat's client CA, and Back to the server
    // page again.
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ClientCaPageId));
    QVERIFY(back(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ServerPageId));
    QVERIFY(find<QRadioButton>(page, "mergeRadio")->isChecked());
    QTRY_VERIFY(!page->isBusy());
    QVERIFY(next(*m_wizard));
    clientCa();
    if (QTest::currentTestFailed())
        return;
    screenshot(*m_wizard, QStringLiteral("05-merge-client-ca"));

    // The review shows the edit of the user's file: the lines added.
    QCOMPARE(m_wizard->currentId(), int(ReviewPageId));
    auto* review = find<ReviewPage>(m_wizard.get(), "ReviewPage");
    QTRY_VERIFY(!review->isBusy());
    const QString diff = find<QPlainTextEdit>(review, "configView")->toPlainText();
    QVERIFY2(diff.contains(QLatin1String("+ ")) && diff.contains(QLatin1String("/im/callback")), qPrintable(diff));
    screenshot(*m_wizard, QStringLiteral("07-merge-review"));
    QVERIFY(next(*m_wizard));

    applyMerge();
    if (QTest::currentTestFailed())
        return;
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
    // No certificate page on the way.
    for (const int id : {int(CertificatePathPageId), int(ImportPageId), int(RenewComparePageId)})
        QVERIFY2(!m_wizard->visitedIds().contains(id), qPrintable(QString::number(id)));

    // The saved setup remembers the mode, the site and the site's own certificate.
    const auto saved = SetupStore(m_setups->path()).load();
    QVERIFY(saved.ok());
    QCOMPARE(saved->setups.size(), 1);
    const SavedSetup setup = saved->setups.first();
    QCOMPARE(setup.mode, SetupMode::Merge);
    QCOMPARE(QFileInfo(setup.siteFile).fileName(), QStringLiteral("site.conf"));
    QCOMPARE(setup.siteLine, 2); // as the file reads now: the merge added its log format above the block
    QCOMPARE(setup.certificate.sha256,
             Certificate::fromPem(m_pki->pki.read(QStringLiteral("server.crt")))->sha256Fingerprint());
    QVERIFY(setup.certificateFile.isEmpty() && setup.keyFile.isEmpty());
    const QByteArray merged = [&file] {
        QFile f(file.fileName());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QMetaObject::invokeMethod(m_wizard->button(QWizard::FinishButton), "click");

    // Renewal of a merge setup: no certificate to import (the site's manager renews it); Chat's CA checked again and
    // the merge applied again, which leaves the site's file as it is.
    renewMerge(setup);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), merged);
    file.close();
    QCOMPARE(curl(m_website, QStringLiteral("/")), rootBefore);
    QVERIFY(curl(m_website, QStringLiteral("/im/callback")).endsWith("\n403"));
    QCOMPARE(curl(m_website, QStringLiteral("/im/callback"), QStringLiteral("chatclient")),
             QByteArray("application SUCCESS\n\n200"));

    // Rollback of both applies (the renewal's, then the merge): the site's file byte for byte, and the webhook path
    // is the website's again.
    for (int i = 0; i < 2; ++i) {
        const Status rolledBack = rollbackLastApply(*m_wizard->context().installation, m_state->path());
        QVERIFY2(rolledBack.ok(), rolledBack ? "" : qPrintable(rolledBack.error().fullText()));
    }
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

void TestGuiMerge::applyMerge()
{
    QCOMPARE(m_wizard->currentId(), int(ApplyPageId));
    auto* apply = find<ApplyPage>(m_wizard.get(), "ApplyPage");
    mnemonic(*m_wizard, 'a');
    QTRY_VERIFY_WITH_TIMEOUT(!apply->isBusy(), 30000);
    QVERIFY2(m_wizard->context().applied.has_value(),
             qPrintable(find<QLabel>(apply, "errorMessage")->text() + QLatin1Char('\n')
                        + stepTexts(apply).join(QLatin1Char('\n'))));
    QCOMPARE(m_wizard->context().applied->mode, SetupMode::Merge);
}

void TestGuiMerge::renewMerge(const SavedSetup& setup)
{
    makeWizard();
    if (QTest::currentTestFailed())
        return;
    mnemonic(*m_wizard, 'r');
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(RenewSelectPageId));
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY2(find<QLabel>(m_wizard->currentPage(), "selectionLabel")
                 ->text()
                 .startsWith(lead("mtls::ui::RenewSelectPage",
                                  "Shares the website at %1:%2, which serves its own certificate (%3, valid until "
                                  "%4): whoever manages the site renews it (certbot, the hosting panel). Renewing "
                                  "here checks Chat's client CA again and applies the merge again.")),
             qPrintable(find<QLabel>(m_wizard->currentPage(), "selectionLabel")->text()));
    screenshot(*m_wizard, QStringLiteral("11-merge-renew-select"));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(RenewComparePageId));
    auto* compare = find<RenewComparePage>(m_wizard.get(), "RenewComparePage");
    QTRY_VERIFY(!compare->isBusy());
    QVERIFY(find<QLabel>(compare, "verdictLabel")
                ->text()
                .startsWith(tt("mtls::ui::RenewComparePage",
                               "%1 shares the website at %2:%3, which keeps its own certificate: whoever manages the "
                               "site renews it (certbot, the hosting panel), so there is nothing to import here. The "
                               "next pages check Chat's client CA again and apply the merge again; when the site's "
                               "file has the lines already, it stays as it is.")
                                .arg(QStringLiteral("localhost"), QDir::toNativeSeparators(setup.siteFile))
                                .arg(setup.siteLine)));
    QCOMPARE(find<QTableWidget>(compare, "compareView")->item(4, 0)->text().remove(QLatin1Char('\n')),
             setup.certificate.sha256);
    screenshot(*m_wizard, QStringLiteral("12-merge-renew"));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ClientCaPageId));
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ReviewPageId));
    auto* review = find<ReviewPage>(m_wizard.get(), "ReviewPage");
    QTRY_VERIFY(!review->isBusy());
    QVERIFY2(find<QPlainTextEdit>(review, "configView")
                 ->toPlainText()
                 .startsWith(lead("mtls::ui::ReviewPage", "# %1 has these lines already: nothing to add.")),
             qPrintable(find<QPlainTextEdit>(review, "configView")->toPlainText()));
    QVERIFY(next(*m_wizard));
    applyMerge();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(next(*m_wizard));
    QTRY_VERIFY_WITH_TIMEOUT(!find<TestPage>(m_wizard.get(), "TestPage")->isRunning(), 30000);
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(FirstCallPageId)); // skipped: Chat has not called
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(FinishPageId));
    QTRY_VERIFY(find<FinishPage>(m_wizard.get(), "FinishPage")->isSaved());
    screenshot(*m_wizard, QStringLiteral("13-merge-renew-finish"));
    const auto saved = SetupStore(m_setups->path()).load();
    QCOMPARE(saved->setups.size(), 1);
    QCOMPARE(saved->setups.first().mode, SetupMode::Merge);
    QCOMPARE(saved->setups.first().siteFile, setup.siteFile);
    QCOMPARE(saved->setups.first().siteLine, setup.siteLine);
    for (const int id : {int(CertificatePathPageId), int(ImportPageId)})
        QVERIFY2(!m_wizard->visitedIds().contains(id), qPrintable(QString::number(id)));
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
    // The hint names this page's checkbox, not the command line's option.
    for (const Finding& f : findings) {
        if (f.code != QLatin1String("MERGE_LOCATION_EXISTS"))
            continue;
        QVERIFY2(f.hint.contains(replace->accessibleName()) && !f.hint.contains(QLatin1String("--replace-location")),
                 qPrintable(f.hint));
    }
    screenshot(*m_wizard, QStringLiteral("03-merge-refused"));
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
