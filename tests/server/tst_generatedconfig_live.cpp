// The generated configuration, run by the real nginx and Apache on loopback, called by real clients.

#include "MtlsFixture.h"
#include "sandbox/WebhookUpstream.h"
#include "server/ConfigGenerator.h"
#include "server/ThrowawayServer.h"

#include <QTest>

using namespace mtls;

namespace {

const QString kQuery = QStringLiteral("?SdkAppid=1400000000&CallbackCommand=State.StateChange&contenttype=json");

} // namespace

class TestGeneratedConfigLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void enforcesClientCertificates_data();
    void enforcesClientCertificates();
    void chatGuideProfilePassesTheSyntaxTest_data();
    void chatGuideProfilePassesTheSyntaxTest();

private:
    MtlsFixture m_fixture;
};

void TestGeneratedConfigLive::initTestCase()
{
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
}

void TestGeneratedConfigLive::enforcesClientCertificates_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<TlsProfile>("profile");
    QTest::newRow("nginx intermediate") << ServerKind::Nginx << TlsProfile::Intermediate;
    QTest::newRow("nginx modern") << ServerKind::Nginx << TlsProfile::Modern;
    QTest::newRow("apache intermediate") << ServerKind::Apache << TlsProfile::Intermediate;
    QTest::newRow("apache modern") << ServerKind::Apache << TlsProfile::Modern;
}

void TestGeneratedConfigLive::enforcesClientCertificates()
{
    QFETCH(ServerKind, kind);
    QFETCH(TlsProfile, profile);
    WebhookUpstream upstream;
    QVERIFY(upstream.start());

    const quint16 port = freeLoopbackPort();
    ServerConfigRequest request;
    request.server = kind;
    request.domain = QStringLiteral("localhost");
    request.listen = parseListen(QStringLiteral("127.0.0.1:%1").arg(port));
    request.certificatePath = m_fixture.path(QStringLiteral("fullchain.pem"));
    request.chainPath = m_fixture.path(QStringLiteral("chain.pem"));
    request.keyPath = m_fixture.path(QStringLiteral("server.key"));
    request.clientCaPath = m_fixture.path(QStringLiteral("chatca.crt"));
    request.upstreamUrl = upstream.url();
    request.webhookPath = QStringLiteral("/im/callback");
    request.profile = profile;
    const auto config = generateServerConfig(request);
    QVERIFY2(config, qPrintable(config.error().message));

    ThrowawayServerOptions options;
    options.kind = kind;
    options.port = port;
    options.addListen = false; // the generated file has its own Listen line
    options.siteConfig = config->text;
    ThrowawayServer server(options);
    const Status started = server.start();
    QVERIFY2(started, qPrintable(started.error().fullText()));

    const bool nginx = kind == ServerKind::Nginx;
    // 1. No client certificate: nginx answers 400, Apache ends the handshake with an alert.
    ProcessResult none = m_fixture.curl(port, QStringLiteral("/im/callback") + kQuery, QString());
    if (nginx) {
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(none.out.endsWith("\n400"), none.out.constData());
        QVERIFY2(none.out.contains("No required SSL certificate was sent"), none.out.constData());
    } else {
        QVERIFY2(none.exitCode == 35 || none.exitCode == 56,
                 qPrintable(QString::number(none.exitCode) + QString::fromLocal8Bit(none.err)));
    }
    // 2. A certificate from another CA.
    ProcessResult intruder = m_fixture.curl(port, QStringLiteral("/im/callback") + kQuery, QStringLiteral("intruder"));
    if (nginx) {
        QCOMPARE(intruder.exitCode, 0);
        QVERIFY2(intruder.out.endsWith("\n400"), intruder.out.constData());
        QVERIFY2(intruder.out.contains("The SSL certificate error"), intruder.out.constData());
    } else {
        QVERIFY2(intruder.exitCode == 35 || intruder.exitCode == 56,
                 qPrintable(QString::number(intruder.exitCode) + QString::fromLocal8Bit(intruder.err)));
    }
    QCOMPARE(upstream.requestCount(), 0);

    // 3. A certificate from the client CA reaches the webhook application, with the verification headers.
    ProcessResult chat
        = m_fixture.curl(port, QStringLiteral("/im/callback") + kQuery, QStringLiteral("chat"),
                         {QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"), QStringLiteral("-H"),
                          QStringLiteral("X-Client-Verify: FORGED"), QStringLiteral("--data-binary"),
                          QStringLiteral(R"({"CallbackCommand":"State.StateChange"})")});
    QVERIFY2(chat.exitCode == 0, chat.err.constData());
    QCOMPARE(chat.out, WebhookUpstream::chatOkBody() + "\n200");
    QVERIFY(upstream.waitForRequests(1, 5000));
    const WebhookRequest got = upstream.requests().constFirst();
    QCOMPARE(got.method, QByteArray("POST"));
    QCOMPARE(got.target, QByteArray("/im/callback") + kQuery.toUtf8());
    QCOMPARE(got.header("X-Client-Verify"), QByteArray("SUCCESS")); // the caller's own header was replaced
    QVERIFY2(got.header("X-Client-Subject").contains("CN=Test Chat Client"),
             got.header("X-Client-Subject").constData());
    QVERIFY2(got.header("X-Client-Issuer").contains("CN=Test Chat Client CA"),
             got.header("X-Client-Issuer").constData());
    QVERIFY(!got.header("X-Client-Serial").isEmpty());
    QCOMPARE(got.header("X-Forwarded-Proto"), QByteArray("https"));
    QCOMPARE(got.body, QByteArray(R"({"CallbackCommand":"State.StateChange"})"));

    // 4. Other paths are not passed on.
    ProcessResult other = m_fixture.curl(port, QStringLiteral("/other"), QStringLiteral("chat"));
    QCOMPARE(other.exitCode, 0);
    QVERIFY2(other.out.endsWith(nginx ? "\n404" : "\n403"), other.out.constData());
    QCOMPARE(upstream.requestCount(), 1);

    // 5. openssl s_client: the server names the client CA it accepts, and speaks the profile's protocols.
    const ProcessResult names = m_fixture.sClient(port, QString());
    QVERIFY2(names.out.contains("Acceptable client certificate CA names"), names.out.constData());
    QVERIFY2(names.out.contains("CN = Test Chat Client CA"), names.out.constData());
    QVERIFY(!names.out.contains("CN = Test Other CA"));
    const ProcessResult tls12 = m_fixture.sClient(port, QStringLiteral("chat"), {QStringLiteral("-tls1_2")});
    if (profile == TlsProfile::Modern) {
        QVERIFY2(tls12.exitCode != 0, tls12.out.constData());
    } else {
        QVERIFY2(tls12.exitCode == 0, tls12.err.constData());
        QVERIFY2(tls12.out.contains("Protocol  : TLSv1.2") || tls12.out.contains("TLSv1.2"), tls12.out.constData());
    }
    const ProcessResult tls11 = m_fixture.sClient(port, QStringLiteral("chat"), {QStringLiteral("-tls1_1")});
    QVERIFY2(tls11.exitCode != 0, tls11.out.constData());
}

void TestGeneratedConfigLive::chatGuideProfilePassesTheSyntaxTest_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::newRow("nginx") << ServerKind::Nginx;
    QTest::newRow("apache") << ServerKind::Apache;
}

// The chat-guide profile is valid syntax (so the warning, not the server's test, is what tells the user).
void TestGeneratedConfigLive::chatGuideProfilePassesTheSyntaxTest()
{
    QFETCH(ServerKind, kind);
    const quint16 port = freeLoopbackPort();
    ServerConfigRequest request;
    request.server = kind;
    request.domain = QStringLiteral("localhost");
    request.listen = parseListen(QStringLiteral("127.0.0.1:%1").arg(port));
    request.certificatePath = m_fixture.path(QStringLiteral("fullchain.pem"));
    request.keyPath = m_fixture.path(QStringLiteral("server.key"));
    request.clientCaPath = m_fixture.path(QStringLiteral("chatca.crt"));
    request.profile = TlsProfile::ChatGuide;
    const auto config = generateServerConfig(request);
    QVERIFY(config);
    QVERIFY(hasCode(config->findings, QStringLiteral("LEGACY_TLS")));
    ThrowawayServerOptions options;
    options.kind = kind;
    options.port = port;
    options.addListen = false;
    options.siteConfig = config->text;
    ThrowawayServer server(options);
    const Status tested = server.test();
    QVERIFY2(tested, qPrintable(tested.error().fullText()));
}

QTEST_GUILESS_MAIN(TestGeneratedConfigLive)
#include "tst_generatedconfig_live.moc"
