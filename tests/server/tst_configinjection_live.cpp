// Hostile names and paths: refused by the generator, or quoted so that the real nginx and Apache read exactly
// the file that was meant and no directive of the user's text takes effect.

#include "MtlsFixture.h"
#include "sandbox/WebhookUpstream.h"
#include "server/ConfigGenerator.h"
#include "server/ThrowawayServer.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace mtls;

class TestConfigInjectionLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hostilePathsAreQuoted_data();
    void hostilePathsAreQuoted();
    void hostileValuesAreRefused_data();
    void hostileValuesAreRefused();

private:
    MtlsFixture m_fixture;
};

void TestConfigInjectionLive::initTestCase()
{
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
}

void TestConfigInjectionLive::hostilePathsAreQuoted_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QString>("caName");
    const QString spaces = QStringLiteral("dir with spaces;{braces}#hash'quote\"é证书");
    const QString injectionNginx = QStringLiteral("ca.crt\"; ssl_verify_client off; #");
    const QString injectionApache = QStringLiteral("ca.crt\" none #");
    QTest::newRow("nginx punctuation and non-ASCII") << ServerKind::Nginx << spaces << QStringLiteral("chat ca.crt");
    QTest::newRow("nginx directive in a file name") << ServerKind::Nginx << QStringLiteral("plain") << injectionNginx;
    QTest::newRow("nginx backslash") << ServerKind::Nginx << QStringLiteral("back\\slash")
                                     << QStringLiteral("ca\\.crt");
    QTest::newRow("apache punctuation and non-ASCII") << ServerKind::Apache << spaces << QStringLiteral("chat ca.crt");
    QTest::newRow("apache argument in a file name") << ServerKind::Apache << QStringLiteral("plain") << injectionApache;
    QTest::newRow("apache dollar") << ServerKind::Apache << QStringLiteral("cost$1") << QStringLiteral("$ca.crt");
}

void TestConfigInjectionLive::hostilePathsAreQuoted()
{
    QFETCH(ServerKind, kind);
    QFETCH(QString, directory);
    QFETCH(QString, caName);
    QTemporaryDir base;
    QVERIFY(base.isValid());
    const QString dir = base.path() + QLatin1Char('/') + directory;
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(QFile::copy(m_fixture.path(QStringLiteral("fullchain.pem")), dir + QStringLiteral("/full chain.pem")));
    QVERIFY(QFile::copy(m_fixture.path(QStringLiteral("server.key")), dir + QStringLiteral("/key;#.pem")));
    QVERIFY(QFile::copy(m_fixture.path(QStringLiteral("chatca.crt")), dir + QLatin1Char('/') + caName));

    WebhookUpstream upstream;
    QVERIFY(upstream.start());
    const quint16 port = freeLoopbackPort();
    ServerConfigRequest request;
    request.server = kind;
    request.domain = QStringLiteral("localhost");
    request.listen = parseListen(QStringLiteral("127.0.0.1:%1").arg(port));
    request.certificatePath = dir + QStringLiteral("/full chain.pem");
    request.keyPath = dir + QStringLiteral("/key;#.pem");
    request.clientCaPath = dir + QLatin1Char('/') + caName;
    request.upstreamUrl = upstream.url();
    const auto config = generateServerConfig(request);
    QVERIFY2(config, qPrintable(config.error().message));

    ThrowawayServerOptions options;
    options.kind = kind;
    options.port = port;
    options.addListen = false;
    options.siteConfig = config->text;
    ThrowawayServer server(options);
    // The real server's test reads the file names exactly as meant...
    const Status tested = server.test();
    QVERIFY2(tested, qPrintable(tested.error().fullText() + QStringLiteral("\n") + config->text));
    const Status started = server.start();
    QVERIFY2(started, qPrintable(started.error().fullText()));
    // ...and still demands a client certificate from the client CA.
    const ProcessResult none = m_fixture.curl(port, QStringLiteral("/"), QString());
    if (kind == ServerKind::Nginx)
        QVERIFY2(none.out.endsWith("\n400"), none.out.constData());
    else
        QVERIFY2(none.exitCode == 35 || none.exitCode == 56, none.err.constData());
    const ProcessResult chat = m_fixture.curl(port, QStringLiteral("/"), QStringLiteral("chat"));
    QCOMPARE(chat.out, WebhookUpstream::chatOkBody() + "\n200");
}

void TestConfigInjectionLive::hostileValuesAreRefused_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    for (ServerKind kind : {ServerKind::Nginx, ServerKind::Apache}) {
        const QByteArray k = serverKindName(kind).toLatin1();
        QTest::newRow(k + " domain with directive")
            << kind << QStringLiteral("domain") << QStringLiteral("localhost; ssl_verify_client off");
        QTest::newRow(k + " domain with newline")
            << kind << QStringLiteral("domain") << QStringLiteral("localhost\nSSLVerifyClient none");
        QTest::newRow(k + " domain with brace") << kind << QStringLiteral("domain") << QStringLiteral("localhost}");
        QTest::newRow(k + " path with brace")
            << kind << QStringLiteral("path") << QStringLiteral("/x { return 200; } location /y");
        QTest::newRow(k + " path with quote") << kind << QStringLiteral("path") << QStringLiteral("/x\" \"/");
        QTest::newRow(k + " path with variable") << kind << QStringLiteral("path") << QStringLiteral("/${HOME}");
        QTest::newRow(k + " upstream with directive")
            << kind << QStringLiteral("upstream") << QStringLiteral("http://127.0.0.1:1/;ssl_verify_client off;#");
        QTest::newRow(k + " upstream with newline")
            << kind << QStringLiteral("upstream") << QStringLiteral("http://127.0.0.1:1/\nSSLVerifyClient none");
        QTest::newRow(k + " key with newline")
            << kind << QStringLiteral("key") << QStringLiteral("/k.pem\nssl_verify_client off;");
    }
    QTest::newRow("nginx variable in a path")
        << ServerKind::Nginx << QStringLiteral("key") << QStringLiteral("/k$ssl.pem");
    QTest::newRow("apache variable in a path")
        << ServerKind::Apache << QStringLiteral("key") << QStringLiteral("/k${X}.pem");
}

// Refused values never reach a file; the rest of the request still produces a configuration the server accepts.
void TestConfigInjectionLive::hostileValuesAreRefused()
{
    QFETCH(ServerKind, kind);
    QFETCH(QString, field);
    QFETCH(QString, value);
    const quint16 port = freeLoopbackPort();
    ServerConfigRequest request;
    request.server = kind;
    request.domain = QStringLiteral("localhost");
    request.listen = parseListen(QStringLiteral("127.0.0.1:%1").arg(port));
    request.certificatePath = m_fixture.path(QStringLiteral("fullchain.pem"));
    request.keyPath = m_fixture.path(QStringLiteral("server.key"));
    request.clientCaPath = m_fixture.path(QStringLiteral("chatca.crt"));
    ServerConfigRequest hostile = request;
    if (field == QLatin1String("domain"))
        hostile.domain = value;
    else if (field == QLatin1String("path"))
        hostile.webhookPath = value;
    else if (field == QLatin1String("upstream"))
        hostile.upstreamUrl = value;
    else
        hostile.keyPath = value;
    const auto refused = generateServerConfig(hostile);
    QVERIFY(!refused);
    QVERIFY(!refused.error().message.isEmpty());

    const auto config = generateServerConfig(request);
    QVERIFY(config);
    ThrowawayServerOptions options;
    options.kind = kind;
    options.port = port;
    options.addListen = false;
    options.siteConfig = config->text;
    ThrowawayServer server(options);
    const Status tested = server.test();
    QVERIFY2(tested, qPrintable(tested.error().fullText()));
}

QTEST_GUILESS_MAIN(TestConfigInjectionLive)
#include "tst_configinjection_live.moc"
