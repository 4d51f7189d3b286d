// `watch --ssh` and `rehearse --ssh` against a real OpenSSH server on loopback ("the server" is this machine): watch
// follows the webhook log of a real nginx there through the deployment's shell while curl calls like Chat and
// without a certificate; rehearse reaches a webhook application on the server's loopback through a port forward, as
// a user without sudo, and judges it as it does here.

#include "MtlsFixture.h"
#include "SshServer.h"
#include "TestProcess.h"
#include "sandbox/WebhookUpstream.h"
#include "server/ConfigGenerator.h"
#include "server/ThrowawayServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace mtls;

namespace {

const QString kPath = QStringLiteral("/im/callback");

// The codes of a rehearsal's findings, call by call, and its verdict.
QStringList verdicts(const QJsonObject& report)
{
    QStringList codes {report.value(QStringLiteral("ok")).toBool() ? QStringLiteral("ok") : QStringLiteral("not ok")};
    for (const QJsonValue& call : report.value(QStringLiteral("calls")).toArray()) {
        QString line = QString::number(call.toObject().value(QStringLiteral("status")).toInt());
        for (const QJsonValue& f : call.toObject().value(QStringLiteral("findings")).toArray())
            line += QLatin1Char(' ') + f.toObject().value(QStringLiteral("code")).toString();
        codes << line;
    }
    return codes;
}

} // namespace

class TestWatchSsh : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void watchOverSsh_data();
    void watchOverSsh();
    void rehearseOverSsh_data();
    void rehearseOverSsh();

private:
    QStringList sshArguments(SshServer::User user) const;

    MtlsFixture m_fixture;
    WebhookUpstream m_upstream;
    std::unique_ptr<ThrowawayServer> m_server;
    std::unique_ptr<SshServer> m_sshd;
    QTemporaryDir m_client; // the desktop's known-hosts file
    QString m_log;
    quint16 m_port = 0;
};

void TestWatchSsh::initTestCase()
{
    const QString reason = SshServer::unavailableReason();
    if (!reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    QVERIFY(m_upstream.start());
    m_port = freeLoopbackPort();
    m_log = m_fixture.path(QStringLiteral("logs/webhook.log"));
    QVERIFY(QDir().mkpath(m_fixture.path(QStringLiteral("logs"))));
    ServerConfigRequest request;
    request.server = ServerKind::Nginx;
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
    options.kind = ServerKind::Nginx;
    options.port = m_port;
    options.addListen = false;
    options.siteConfig = config->text;
    m_server = std::make_unique<ThrowawayServer>(options);
    const Status started = m_server->start();
    QVERIFY2(started, qPrintable(started.error().fullText()));
    m_sshd = std::make_unique<SshServer>();
    QVERIFY2(m_sshd->start(), qPrintable(m_sshd->error()));
    QVERIFY(m_client.isValid());
}

QStringList TestWatchSsh::sshArguments(SshServer::User user) const
{
    return {QStringLiteral("--ssh"),
            QStringLiteral("%1@127.0.0.1:%2").arg(m_sshd->userName(user)).arg(m_sshd->port()),
            QStringLiteral("--identity"),
            m_sshd->clientKey(user),
            QStringLiteral("--known-hosts"),
            m_client.filePath(QStringLiteral("known_hosts")),
            QStringLiteral("--accept-host-key"),
            m_sshd->hostKeyFingerprint()};
}

void TestWatchSsh::watchOverSsh_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("verdict");
    QTest::newRow("chat") << QStringLiteral("chat") << QStringLiteral("CALL_OK");
    QTest::newRow("no certificate") << QString() << QStringLiteral("CALL_NO_CLIENT_CERT");
}

void TestWatchSsh::watchOverSsh()
{
    QFETCH(QString, client);
    QFETCH(QString, verdict);
    QProcess watch;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MTLS_LANGUAGE"), QStringLiteral("en"));
    watch.setProcessEnvironment(env);
    // A user with sudo without a password: the log is followed in the deployment's root shell.
    watch.start(cliPath(),
                QStringList {QStringLiteral("watch"), QStringLiteral("--log"), m_log, QStringLiteral("--once"),
                             QStringLiteral("--json"), QStringLiteral("--timeout"), QStringLiteral("30")}
                    + sshArguments(SshServer::User::SudoNoPassword));
    watch.setReadChannel(QProcess::StandardError);
    QByteArray err;
    while (!err.contains("Waiting for calls") && watch.waitForReadyRead(20000))
        err += watch.readAllStandardError();
    QVERIFY2(err.contains("Waiting for calls"), err.constData());
    const QStringList follower {QStringLiteral("-f"), QStringLiteral("tail -v -n 0 -F -- ") + m_log};
    QCOMPARE(runProcess(QStringLiteral("pgrep"), follower).exitCode, 0); // tail runs on "the server"
    m_fixture.curl(m_port,
                   kPath + QStringLiteral("?SdkAppid=1400000000&CallbackCommand=State.StateChange&contenttype=json"),
                   client,
                   {QStringLiteral("--max-time"), QStringLiteral("10"), QStringLiteral("--data-binary"),
                    QStringLiteral(R"({"CallbackCommand":"State.StateChange"})")});
    // Shown within a second of the server's log line, as on this machine.
    QElapsedTimer seen;
    seen.start();
    watch.setReadChannel(QProcess::StandardOutput);
    while (!watch.canReadLine() && seen.elapsed() < 10000 && watch.waitForReadyRead(10000 - int(seen.elapsed())))
        ;
    QVERIFY2(seen.elapsed() < 1000, qPrintable(QString::number(seen.elapsed())));
    QVERIFY2(watch.waitForFinished(30000), "watch did not stop after the call");
    const QByteArray out = watch.readAllStandardOutput().trimmed();
    const QJsonObject o = QJsonDocument::fromJson(out).object();
    QVERIFY2(!o.isEmpty(), out.constData());
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), verdict);
    QCOMPARE(o.value(QStringLiteral("path")).toString(), kPath);
    QCOMPARE(o.value(QStringLiteral("callback_command")).toString(), QStringLiteral("State.StateChange"));
    QCOMPARE(watch.exitCode(), verdict == QLatin1String("CALL_OK") ? 0 : 1);
    // The follower on the server ends with the connection (within its 2 s beat).
    QTRY_VERIFY_WITH_TIMEOUT(runProcess(QStringLiteral("pgrep"), follower).exitCode == 1, 10000);
}

void TestWatchSsh::rehearseOverSsh_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("answers as Chat expects") << 200;
    QTest::newRow("answers 500") << 500;
}

void TestWatchSsh::rehearseOverSsh()
{
    QFETCH(int, status);
    m_upstream.setResponse(status, WebhookUpstream::chatOkBody());
    const QStringList rehearse {QStringLiteral("rehearse"), QStringLiteral("--upstream"), m_upstream.url(),
                                QStringLiteral("--json")};
    const ProcessResult here = runCli(rehearse);
    // As a user without sudo rights: the forward needs none.
    const ProcessResult remote = runCli(rehearse + sshArguments(SshServer::User::NoSudo));
    QCOMPARE(remote.exitCode, here.exitCode);
    QCOMPARE(remote.exitCode, status == 200 ? 0 : 1);
    const QJsonObject local = QJsonDocument::fromJson(here.out).object();
    const QJsonObject forwarded = QJsonDocument::fromJson(remote.out).object();
    QVERIFY2(!forwarded.isEmpty(), (remote.out + remote.err).constData());
    QCOMPARE(verdicts(forwarded), verdicts(local));
    // The report names the server's upstream, not the forwarded port.
    QCOMPARE(forwarded.value(QStringLiteral("target")).toString(), local.value(QStringLiteral("target")).toString());
    QVERIFY(forwarded.value(QStringLiteral("target")).toString().startsWith(m_upstream.url()));
}

QTEST_GUILESS_MAIN(TestWatchSsh)
#include "tst_watch_ssh.moc"
