// `mtls-assistant-cli watch` against the webhook log of a generated configuration, run by the real server
// (MTLS_TEST_SERVER: nginx or apache) and called with curl like Chat, without a certificate and by a stranger.
// Apache refuses the last two during the TLS handshake: watch finds them in the site's error log.

#include "MtlsFixture.h"
#include "sandbox/WebhookUpstream.h"
#include "server/ConfigGenerator.h"
#include "server/ThrowawayServer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace mtls;

namespace {

const QString kPath = QStringLiteral("/im/callback");
const QString kQuery = QStringLiteral("?SdkAppid=1400000000&CallbackCommand=State.StateChange&contenttype=json"
                                      "&RequestTime=1700000000&Sign=5ecre7519nature0f7he7oken");

} // namespace

class TestWatchLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void judgesEachCall_data();
    void judgesEachCall();
    void neverLogsTheSign();

private:
    // Starts `watch --once --json`, makes the call, returns the one JSON object it printed.
    QJsonObject watchOneCall(const QString& client, const QStringList& curlOptions, QString* failure);

    const ServerKind m_kind
        = QLatin1String(MTLS_TEST_SERVER) == QLatin1String("nginx") ? ServerKind::Nginx : ServerKind::Apache;
    MtlsFixture m_fixture;
    WebhookUpstream m_upstream;
    std::unique_ptr<ThrowawayServer> m_server;
    QString m_log;
    quint16 m_port = 0;
};

void TestWatchLive::initTestCase()
{
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    QVERIFY(m_upstream.start());
    m_port = freeLoopbackPort();
    m_log = m_fixture.path(QStringLiteral("logs/webhook.log"));
    QVERIFY(QDir().mkpath(m_fixture.path(QStringLiteral("logs"))));
    ServerConfigRequest request;
    request.server = m_kind;
    request.domain = QStringLiteral("localhost");
    request.listen = parseListen(QStringLiteral("127.0.0.1:%1").arg(m_port));
    request.certificatePath = m_fixture.path(QStringLiteral("fullchain.pem"));
    request.keyPath = m_fixture.path(QStringLiteral("server.key"));
    request.clientCaPath = m_fixture.path(QStringLiteral("chatca.crt"));
    request.upstreamUrl = m_upstream.url();
    request.webhookPath = kPath;
    request.accessLogPath = m_log;
    const auto config = generateServerConfig(request);
    QVERIFY2(config, qPrintable(config.error().message));
    ThrowawayServerOptions options;
    options.kind = m_kind;
    options.port = m_port;
    options.addListen = false;
    options.siteConfig = config->text;
    options.extraApacheModules = config->apacheModules;
    m_server = std::make_unique<ThrowawayServer>(options);
    const Status started = m_server->start();
    QVERIFY2(started, qPrintable(started.error().fullText()));
}

void TestWatchLive::init()
{
    m_upstream.setResponse(200, WebhookUpstream::chatOkBody());
    m_upstream.setResponseDelay(0);
}

QJsonObject TestWatchLive::watchOneCall(const QString& client, const QStringList& curlOptions, QString* failure)
{
    QProcess watch;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MTLS_LANGUAGE"), QStringLiteral("en"));
    watch.setProcessEnvironment(env);
    watch.start(cliPath(),
                {QStringLiteral("watch"), QStringLiteral("--log"), m_log, QStringLiteral("--once"),
                 QStringLiteral("--json"), QStringLiteral("--timeout"), QStringLiteral("20")});
    // It says on standard error when it follows the log.
    watch.setReadChannel(QProcess::StandardError);
    QByteArray err;
    while (!err.contains("Waiting for calls") && watch.waitForReadyRead(10000))
        err += watch.readAllStandardError();
    err += watch.readAllStandardError();
    if (!err.contains("Waiting for calls")) {
        *failure = QStringLiteral("watch did not start: ") + QString::fromLocal8Bit(err);
        return {};
    }
    m_fixture.curl(m_port, kPath + kQuery, client,
                   QStringList {QStringLiteral("--max-time"), QStringLiteral("10"), QStringLiteral("--data-binary"),
                                QStringLiteral(R"({"CallbackCommand":"State.StateChange"})")}
                       + curlOptions);
    // The call is seen within a second of the server's log line (written before curl has its answer or refusal).
    QElapsedTimer seen;
    seen.start();
    watch.setReadChannel(QProcess::StandardOutput);
    while (!watch.canReadLine() && seen.elapsed() < 30000 && watch.waitForReadyRead(30000 - int(seen.elapsed())))
        ;
    const qint64 latency = seen.elapsed();
    if (watch.canReadLine() && latency >= 1000)
        *failure = QStringLiteral("watch showed the call after %1 ms").arg(latency);
    if (!watch.waitForFinished(30000)) {
        watch.kill();
        watch.waitForFinished();
        *failure = QStringLiteral("watch saw no call");
        return {};
    }
    const QByteArray out = watch.readAllStandardOutput().trimmed();
    const QJsonObject o = QJsonDocument::fromJson(out).object();
    if (o.isEmpty())
        *failure = QStringLiteral("not one JSON object: ") + QString::fromUtf8(out);
    else if (watch.exitCode() != (o.value(QStringLiteral("ok")).toBool() ? 0 : 1) && failure->isEmpty())
        *failure = QStringLiteral("exit code %1 for %2").arg(watch.exitCode()).arg(QString::fromUtf8(out));
    return o;
}

void TestWatchLive::judgesEachCall_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QStringList>("curlOptions");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("delayMs");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("verify");
    const QStringList tls12 {QStringLiteral("--tls-max"), QStringLiteral("1.2")};
    QTest::newRow("chat") << QStringLiteral("chat") << QStringList() << 200 << 0 << QStringLiteral("CALL_OK")
                          << QStringLiteral("SUCCESS");
    QTest::newRow("no certificate") << QString() << QStringList() << 200 << 0 << QStringLiteral("CALL_NO_CLIENT_CERT")
                                    << QStringLiteral("NONE");
    QTest::newRow("no certificate, TLS 1.2")
        << QString() << tls12 << 200 << 0 << QStringLiteral("CALL_NO_CLIENT_CERT") << QStringLiteral("NONE");
    QTest::newRow("another CA") << QStringLiteral("intruder") << QStringList() << 200 << 0
                                << QStringLiteral("CALL_CERT_FAILED") << QStringLiteral("FAILED:");
    QTest::newRow("another CA, TLS 1.2") << QStringLiteral("intruder") << tls12 << 200 << 0
                                         << QStringLiteral("CALL_CERT_FAILED") << QStringLiteral("FAILED:");
    QTest::newRow("application 500") << QStringLiteral("chat") << QStringList() << 500 << 0
                                     << QStringLiteral("CALL_APP_STATUS") << QStringLiteral("SUCCESS");
    QTest::newRow("application slow") << QStringLiteral("chat") << QStringList() << 200 << 2300
                                      << QStringLiteral("CALL_APP_SLOW") << QStringLiteral("SUCCESS");
}

void TestWatchLive::judgesEachCall()
{
    QFETCH(QString, client);
    QFETCH(QStringList, curlOptions);
    QFETCH(int, status);
    QFETCH(int, delayMs);
    QFETCH(QString, verdict);
    QFETCH(QString, verify);
    m_upstream.setResponse(status, WebhookUpstream::chatOkBody());
    m_upstream.setResponseDelay(delayMs);
    QString failure;
    const QJsonObject o = watchOneCall(client, curlOptions, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), verdict);
    QVERIFY2(o.value(QStringLiteral("verify")).toString().startsWith(verify),
             qPrintable(o.value(QStringLiteral("verify")).toString()));
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), verdict == QLatin1String("CALL_OK"));
    QCOMPARE(o.value(QStringLiteral("client")).toString(), QStringLiteral("127.0.0.1"));
    if (client == QLatin1String("intruder")) { // the stranger's certificate is named, as the server saw it
        QVERIFY2(o.value(QStringLiteral("subject")).toString().contains(QStringLiteral("Test Intruder")),
                 qPrintable(o.value(QStringLiteral("subject")).toString()));
        QVERIFY2(o.value(QStringLiteral("issuer")).toString().contains(QStringLiteral("Test Other CA")),
                 qPrintable(o.value(QStringLiteral("issuer")).toString()));
    }
    // Apache refuses a caller without a valid certificate during the handshake: no request was read.
    const bool handshake = m_kind == ServerKind::Apache && client != QLatin1String("chat");
    QCOMPARE(o.value(QStringLiteral("refused_in_handshake")).toBool(), handshake);
    if (handshake) {
        QVERIFY2(o.value(QStringLiteral("time")).toString().startsWith(QDate::currentDate().toString(Qt::ISODate)),
                 qPrintable(o.value(QStringLiteral("time")).toString()));
        QCOMPARE(o.value(QStringLiteral("status")).toInt(), 0);
        return;
    }
    QCOMPARE(o.value(QStringLiteral("path")).toString(), kPath);
    QCOMPARE(o.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(o.value(QStringLiteral("sdk_appid")).toString(), QStringLiteral("1400000000"));
    QCOMPARE(o.value(QStringLiteral("callback_command")).toString(), QStringLiteral("State.StateChange"));
    QCOMPARE(o.value(QStringLiteral("request_time")).toString(), QStringLiteral("1700000000"));
    if (verify == QLatin1String("SUCCESS")) {
        QCOMPARE(o.value(QStringLiteral("status")).toInt(), status);
        QVERIFY2(o.value(QStringLiteral("subject")).toString().contains(QStringLiteral("Test Chat Client")),
                 qPrintable(o.value(QStringLiteral("subject")).toString()));
        QVERIFY2(o.value(QStringLiteral("issuer")).toString().contains(QStringLiteral("Test Chat Client CA")),
                 qPrintable(o.value(QStringLiteral("issuer")).toString()));
        QCOMPARE(o.value(QStringLiteral("sni")).toString(), QStringLiteral("localhost"));
    }
}

void TestWatchLive::neverLogsTheSign()
{
    QFile log(m_log);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    QVERIFY(text.contains("1700000000")); // the calls are there
    QVERIFY(!text.contains("5ecre7519nature0f7he7oken"));
    QVERIFY(!text.contains("Sign"));
    QVERIFY(!text.contains("contenttype")); // no raw query string
}

QTEST_GUILESS_MAIN(TestWatchLive)
#include "tst_watch_live.moc"
