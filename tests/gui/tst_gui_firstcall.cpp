// The page of the first call against a real throwaway nginx: the whole first setup on this machine, then on the page
// a call made by curl with the Chat stand-in's client certificate and one without a certificate appear as rows with
// the verdicts `watch` gives; the rehearsal of the application with a webhook token shows its findings and keeps the
// token in the keychain.
#include "WizardContext.h"
#include "WizardFlow.h"
#include "pages/FirstCallPage.h"
#include "sandbox/WebhookUpstream.h"
#include "secrets/SecretStore.h"
#include "widgets/FindingsView.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTest>

using namespace mtls;
using namespace mtls::ui;
using namespace guitest;

class TestGuiFirstCall : public WizardFlowTest
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpCase(); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void callsAppearWithTheirVerdicts();

private:
    // curl POST https://localhost:PORT/im/callback?... as Chat calls, `client` a certificate of the PKI or empty.
    void call(const QString& client) const;
    void onFirstCallPage();

    WebhookUpstream m_application;
};

void TestGuiFirstCall::call(const QString& client) const
{
    curl(m_installation.port,
         QStringLiteral("/im/callback?SdkAppid=1400000000&CallbackCommand=State.StateChange&contenttype=json"
                        "&ClientIP=127.0.0.1&OptPlatform=RESTAPI"),
         client, {QStringLiteral("--data-binary"), QStringLiteral(R"({"CallbackCommand":"State.StateChange"})")});
}

void TestGuiFirstCall::onFirstCallPage()
{
    auto* page = find<FirstCallPage>(m_wizard.get(), "FirstCallPage");
    QVERIFY(page->accessLog().startsWith(m_installation.server->prefix()));
    QVERIFY(page->errorLog().isEmpty()); // nginx logs every caller in the access log
    QVERIFY(find<QLabel>(page, "introLabel")->text().contains(m_wizard->context().model.webhookUrl()));
    QTRY_VERIFY(page->isWatching());
    auto* calls = find<QListWidget>(page, "callsView");
    QCOMPARE(calls->count(), 0);

    // Chat's stand-in, then a caller without a client certificate: rows in that order, judged as watch judges them.
    call(QStringLiteral("chatclient"));
    QTRY_COMPARE_WITH_TIMEOUT(calls->count(), 1, 5000);
    call(QString());
    QTRY_COMPARE_WITH_TIMEOUT(calls->count(), 2, 5000);
    QCOMPARE(calls->item(0)->data(Qt::UserRole).toString(), QStringLiteral("CALL_OK"));
    QVERIFY2(calls->item(0)->text().contains(tt("mtls::WebhookCall", "A verified Chat call, answered with HTTP 200.")),
             qPrintable(calls->item(0)->text()));
    QVERIFY(calls->item(0)->text().contains(QStringLiteral("State.StateChange")));
    QCOMPARE(calls->item(1)->data(Qt::UserRole).toString(), QStringLiteral("CALL_NO_CLIENT_CERT"));
    QVERIFY2(calls->item(1)->text().contains(
                 tt("mtls::WebhookCall", "The caller sent no client certificate, so the call was refused.")),
             qPrintable(calls->item(1)->text()));
    QVERIFY2(calls->item(1)->text().contains(lead("mtls::WebhookCall",
                                                  "Is HTTPS mutual authentication switched on for the webhook in the "
                                                  "Chat console? Does TLS end at a load balancer in front of this "
                                                  "server (it must then pass the client certificate on, or check it "
                                                  "itself)?")),
             qPrintable(calls->item(1)->text()));
    screenshot(*m_wizard, QStringLiteral("09b-first-call"));

    // The rehearsal on the application's own address, with a token: the stand-in does not check the signature.
    typeInto(find<QLineEdit>(page, "tokenEdit"), QStringLiteral("t0ken-for-the-rehearsal"));
    mnemonic(*m_wizard, 'e');
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRehearsing(), 30000);
    const QString verdict = find<QLabel>(page, "rehearsalLabel")->text();
    // Three callbacks, and with the token one with a wrong Sign and one signed too long ago.
    QCOMPARE(verdict, tt("mtls::ui::FirstCallPage", "The application answered all %n call(s) as Chat expects.", 5));
    auto* findings = find<FindingsView>(page, "rehearsalView");
    QVERIFY(findings->isVisible());
    QVERIFY(hasCode(findings->findings(), QStringLiteral("SIGN_NOT_CHECKED")));
    QTRY_VERIFY(m_secrets->contains(SecretStore::webhookTokenKey(QStringLiteral("localhost"))));
    screenshot(*m_wizard, QStringLiteral("09c-first-call-rehearsal"));
}

void TestGuiFirstCall::callsAppearWithTheirVerdicts()
{
    QVERIFY(m_application.start());
    QVERIFY2(m_installation.start(ServerKind::Nginx).ok(), "throwaway nginx");
    makeWizard();
    toReview(QStringLiteral("https://localhost:%1/im/callback").arg(m_installation.port), ServerKind::Nginx, true,
             m_installation.port, false, {QStringLiteral("bundle.crt"), QStringLiteral("server.key")},
             m_application.url());
    if (QTest::currentTestFailed())
        return;
    reviewApplyTestFinish(QStringLiteral("first-call-"), [this] { onFirstCallPage(); });
}

QTEST_MAIN(TestGuiFirstCall)
#include "tst_gui_firstcall.moc"
