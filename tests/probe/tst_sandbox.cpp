// The sandbox end to end with the real nginx and Apache: engine and command line, with and without --keep.
#include "TestProcess.h"
#include "sandbox/Sandbox.h"
#include "sandbox/SandboxWorker.h"
#include "server/ServerBinary.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace mtls;

namespace {

bool portAccepts(const QUrl& url)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), static_cast<quint16>(url.port()));
    return socket.waitForConnected(1000);
}

} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

private slots:
    void engine_data();
    void engine();
    void commandLine_data();
    void commandLine();
    void keepRunsUntilStopped_data();
    void keepRunsUntilStopped();
    void unknownServer();
    void workerForTheGui();
    void missingServerNamesThePackage_data();
    void missingServerNamesThePackage();

private:
    void servers();
};

void TestSandbox::servers()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::newRow("nginx") << ServerKind::Nginx;
    QTest::newRow("apache") << ServerKind::Apache;
}

void TestSandbox::engine_data()
{
    servers();
}

void TestSandbox::engine()
{
    QFETCH(ServerKind, kind);
    if (!findServerBinary(kind))
        QSKIP("the server binary is not installed");
    QUrl url;
    QString prefix;
    {
        Sandbox sandbox(kind);
        QStringList steps;
        sandbox.setProgressCallback([&](const QString& what) { steps << what; });
        const Result<SandboxReport> report = sandbox.run();
        QVERIFY2(report, qPrintable(report.error().fullText()));
        QVERIFY2(report->ok(), qPrintable(report->config.text));
        QCOMPARE(steps.size(), 5);
        QCOMPARE(report->server, kind);
        QCOMPARE(report->probe.withClientCertificate, CallerOutcome::Accepted);
        QCOMPARE(report->probe.withoutClientCertificate,
                 kind == ServerKind::Nginx ? CallerOutcome::RejectedByHttpStatus : CallerOutcome::RejectedInHandshake);
        QCOMPARE(report->probe.expectedClientCaListed, std::optional<bool>(true));
        QCOMPARE(report->requestsReachingApplication, 1); // only the caller with the certificate
        QVERIFY(report->config.text.contains(kind == ServerKind::Nginx ? QLatin1String("ssl_verify_client on;")
                                                                       : QLatin1String("SSLVerifyClient require")));
        url = QUrl(report->url);
        prefix = report->prefix;
        QVERIFY(sandbox.isRunning());
        QVERIFY(QFileInfo::exists(prefix + QStringLiteral("/pki/server.key")));
        QVERIFY(portAccepts(url));
    }
    // The destructor stopped the server and removed every file.
    QVERIFY(!QFileInfo::exists(prefix));
    QVERIFY(!portAccepts(url));
}

void TestSandbox::commandLine_data()
{
    servers();
}

void TestSandbox::commandLine()
{
    QFETCH(ServerKind, kind);
    if (!findServerBinary(kind))
        QSKIP("the server binary is not installed");
    const ProcessResult r = runCli({QStringLiteral("sandbox"), QStringLiteral("--server"), serverKindName(kind)});
    QVERIFY(r.finished);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY(out.contains(QLatin1String("The setup works")));
    QVERIFY(out.contains(QLatin1String("Chat client CA listed:             yes")));
    const auto removed = QRegularExpression(QStringLiteral("removed (\\S+)\\.\\n")).match(out);
    QVERIFY(removed.hasMatch());
    QVERIFY(!QFileInfo::exists(removed.captured(1)));
}

void TestSandbox::keepRunsUntilStopped_data()
{
    servers();
}

void TestSandbox::keepRunsUntilStopped()
{
    QFETCH(ServerKind, kind);
    if (!findServerBinary(kind))
        QSKIP("the server binary is not installed");
    QProcess cli;
    cli.start(cliPath(),
              {QStringLiteral("sandbox"), QStringLiteral("--server"), serverKindName(kind), QStringLiteral("--keep")});
    QVERIFY(cli.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += cli.readAllStandardOutput()).contains("to stop it and remove everything"), 20000);
    const QString text = QString::fromUtf8(out);
    const auto tryIt = QRegularExpression(QStringLiteral("\\n  (curl [^\\n]+)\\n")).match(text);
    QVERIFY2(tryIt.hasMatch(), qPrintable(text));
    const auto under = QRegularExpression(QStringLiteral("keeps running under (\\S+)\\. ")).match(text);
    QVERIFY(under.hasMatch());
    const QString prefix = under.captured(1);

    // Still serving after the report: the printed curl command gets the webhook's answer.
    const ProcessResult curl = runProcess(QStringLiteral("sh"), {QStringLiteral("-c"), tryIt.captured(1)});
    QCOMPARE(curl.exitCode, 0);
    QVERIFY2(curl.out.contains("\"ActionStatus\":\"OK\""), curl.out.constData());

    cli.terminate(); // SIGTERM, as printed ("kill PID")
    QVERIFY(cli.waitForFinished(15000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY(QString::fromUtf8(cli.readAllStandardOutput()).contains(QLatin1String("removed")));
    QVERIFY(!QFileInfo::exists(prefix));
}

void TestSandbox::unknownServer()
{
    const ProcessResult r = runCli({QStringLiteral("sandbox"), QStringLiteral("--server"), QStringLiteral("iis")});
    QCOMPARE(r.exitCode, 2);
}

void TestSandbox::missingServerNamesThePackage_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<QString>("package");
    QTest::newRow("nginx") << ServerKind::Nginx << QStringLiteral("nginx");
    QTest::newRow("apache") << ServerKind::Apache << QStringLiteral("apache2");
}

void TestSandbox::missingServerNamesThePackage()
{
    QFETCH(ServerKind, kind);
    QFETCH(QString, package);
    Sandbox sandbox(kind);
    sandbox.setServerBinary(QStringLiteral("/nonexistent/sbin/") + serverKindName(kind));
    const Result<SandboxReport> report = sandbox.run();
    QVERIFY(!report);
    QVERIFY2(report.error().message.contains(package), qPrintable(report.error().message));
    QVERIFY(!sandbox.isRunning());
    QVERIFY(sandbox.prefix().isEmpty()); // nothing was made
}

void TestSandbox::workerForTheGui()
{
    if (!findServerBinary(ServerKind::Nginx))
        QSKIP("nginx is not installed");
    SandboxWorker worker;
    QSignalSpy progress(&worker, &SandboxWorker::progress);
    QSignalSpy finished(&worker, &SandboxWorker::finished);
    QSignalSpy stopped(&worker, &SandboxWorker::stopped);
    QVERIFY(worker.start(ServerKind::Nginx));
    QVERIFY(!worker.start(ServerKind::Apache)); // one at a time
    QVERIFY(finished.wait(20000));
    QCOMPARE(progress.count(), 5);
    const SandboxReport report = finished.first().at(0).value<SandboxReport>();
    QVERIFY(report.ok());
    QVERIFY(worker.isBusy()); // still running until stopped
    QVERIFY(QFileInfo::exists(report.prefix));
    QVERIFY(portAccepts(QUrl(report.url)));
    worker.stop();
    QVERIFY(stopped.wait(10000));
    QVERIFY(!worker.isBusy());
    QVERIFY(!QFileInfo::exists(report.prefix));
    QVERIFY(!portAccepts(QUrl(report.url)));
}

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
