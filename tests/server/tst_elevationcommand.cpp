// The command lines that ask each platform for administrator rights, with hostile arguments; how a refusal is read;
// the request and result that cross to the elevated run.

#include "TestProcess.h"
#include "deploy/ApplyRequestJson.h"
#include "deploy/Elevation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace mtls;

namespace {

QStringList hostileArguments()
{
    return {QStringLiteral("plain"),
            QString(),
            QStringLiteral("with space"),
            QStringLiteral("it's"),
            QStringLiteral("say \"hi\""),
            QStringLiteral("back\\slash\\"),
            QStringLiteral("$(touch /tmp/pwned) `id` $HOME ; & | > <"),
            QStringLiteral("C:\\Program Files\\dir\\"),
            QStringLiteral("tab\there"),
            QStringLiteral("new\nline"),
            QStringLiteral("中文 ‘curly’ quotes’")};
}

// The AppleScript string literal of `do shell script "..." with administrator privileges`, read back.
QString appleScriptShellCommand(const QString& script)
{
    const QString head = QStringLiteral("do shell script \"");
    const QString tail = QStringLiteral("\" with administrator privileges");
    if (!script.startsWith(head) || !script.endsWith(tail))
        return {};
    const QString literal = script.mid(head.size(), script.size() - head.size() - tail.size());
    QString out;
    for (qsizetype i = 0; i < literal.size(); ++i) {
        if (literal.at(i) == QLatin1Char('\\') && i + 1 < literal.size())
            ++i;
        else if (literal.at(i) == QLatin1Char('"'))
            return {}; // an unescaped quote would end the string early
        out += literal.at(i);
    }
    return out;
}

} // namespace

class TestElevationCommand : public QObject
{
    Q_OBJECT

private slots:
    void pkexecRunsTheProgramDirectly();
    void macShellCommandKeepsEveryArgument();
    void windowsCommandLine_data();
    void windowsCommandLine();
    void refusals_data();
    void refusals();
    void pkexecMissing();
    void resultNeverWrittenThroughALink();
    void requestFileRemovedWhereNoPipe_data();
    void requestFileRemovedWhereNoPipe();
    void requestRoundTrip();
    void malformedRequestRefused_data();
    void malformedRequestRefused();
    void resultRoundTrip();
};

void TestElevationCommand::pkexecRunsTheProgramDirectly()
{
    const CommandLine line = elevatedCommandLine(ElevationMechanism::Pkexec,
                                                 QStringLiteral("/usr/bin/mtls-assistant-cli"), hostileArguments());
    QCOMPARE(line.program, QStringLiteral("pkexec"));
    QCOMPARE(line.arguments, QStringList {QStringLiteral("/usr/bin/mtls-assistant-cli")} + hostileArguments());
}

// The AppleScript string holds a POSIX shell command: run that command with the real sh and see every argument
// arrive as it was given.
void TestElevationCommand::macShellCommandKeepsEveryArgument()
{
    const CommandLine line
        = elevatedCommandLine(ElevationMechanism::MacAuthorization, QStringLiteral("/usr/bin/printf"),
                              QStringList {QStringLiteral("[%s]\\n")} + hostileArguments());
    QCOMPARE(line.program, QStringLiteral("/usr/bin/osascript"));
    QCOMPARE(line.arguments.size(), 2);
    QCOMPARE(line.arguments.first(), QStringLiteral("-e"));
    const QString command = appleScriptShellCommand(line.arguments.at(1));
    QVERIFY2(!command.isEmpty(), qPrintable(line.arguments.at(1)));
    const ProcessResult run = runProcess(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    QCOMPARE(run.exitCode, 0);
    QString expected;
    for (const QString& argument : hostileArguments())
        expected += QLatin1Char('[') + argument + QStringLiteral("]\n");
    QCOMPARE(QString::fromUtf8(run.out), expected);
}

// The -ArgumentList is one Windows command line (split by CommandLineToArgvW); the whole of it is a PowerShell
// single-quoted string. Expected values follow Microsoft's "Parsing C++ command-line arguments" rules.
void TestElevationCommand::windowsCommandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("argumentList");
    QTest::newRow("plain") << QStringList {QStringLiteral("apply"), QStringLiteral("--json")}
                           << QStringLiteral("'apply --json'");
    QTest::newRow("space") << QStringList {QStringLiteral("C:\\Users\\A B\\request.json")}
                           << QStringLiteral("'\"C:\\Users\\A B\\request.json\"'");
    QTest::newRow("empty") << QStringList {QString()} << QStringLiteral("'\"\"'");
    QTest::newRow("quote") << QStringList {QStringLiteral("a\"b")} << QStringLiteral("'\"a\\\"b\"'");
    QTest::newRow("backslashes before a quote")
        << QStringList {QStringLiteral("a\\\\\"b")} << QStringLiteral("'\"a\\\\\\\\\\\"b\"'");
    QTest::newRow("trailing backslash") << QStringList {QStringLiteral("C:\\dir with space\\")}
                                        << QStringLiteral("'\"C:\\dir with space\\\\\"'");
    QTest::newRow("backslashes alone") << QStringList {QStringLiteral("C:\\a\\b")} << QStringLiteral("'C:\\a\\b'");
    QTest::newRow("single quotes doubled for PowerShell")
        << QStringList {QStringLiteral("it's"), QStringLiteral("‘x’")} << QStringLiteral("'it''s ‘‘x’’'");
}

void TestElevationCommand::windowsCommandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, argumentList);
    const CommandLine line
        = elevatedCommandLine(ElevationMechanism::WindowsRunAs,
                              QStringLiteral("C:\\Program Files\\mTLS Assistant\\mtls-assistant-cli.exe"), arguments);
    QCOMPARE(line.program, QStringLiteral("powershell.exe"));
    QCOMPARE(line.arguments.at(line.arguments.size() - 2), QStringLiteral("-Command"));
    const QString script = line.arguments.constLast();
    QVERIFY2(script.contains(QStringLiteral("-FilePath 'C:\\Program Files\\mTLS Assistant\\mtls-assistant-cli.exe'")),
             qPrintable(script));
    QVERIFY2(script.contains(QStringLiteral(" -ArgumentList ") + argumentList + QStringLiteral(" -Verb RunAs")),
             qPrintable(script));
    QVERIFY(script.contains(QStringLiteral("exit 126"))); // a cancelled prompt
    QVERIFY(script.contains(QStringLiteral("exit $p.ExitCode")));
}

void TestElevationCommand::refusals_data()
{
    QTest::addColumn<ElevationMechanism>("mechanism");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("errorOutput");
    QTest::addColumn<ElevationRefusal>("refusal");
    QTest::newRow("pkexec dismissed") << ElevationMechanism::Pkexec << 126 << QString() << ElevationRefusal::Dismissed;
    QTest::newRow("pkexec not authorized")
        << ElevationMechanism::Pkexec << 127 << QStringLiteral("Not authorized") << ElevationRefusal::NotAuthorized;
    QTest::newRow("pkexec dismissed, said")
        << ElevationMechanism::Pkexec << 127
        << QStringLiteral("Error executing command as another user: Request dismissed") << ElevationRefusal::Dismissed;
    QTest::newRow("pkexec no agent") << ElevationMechanism::Pkexec << 127
                                     << QStringLiteral("Error executing command as another user: No authentication "
                                                       "agent found.")
                                     << ElevationRefusal::NoAgent;
    QTest::newRow("pkexec no polkit") << ElevationMechanism::Pkexec << 127
                                      << QStringLiteral("Error getting authority: Error initializing authority: Could "
                                                        "not connect: Connection refused")
                                      << ElevationRefusal::Unavailable;
    QTest::newRow("pkexec cannot run") << ElevationMechanism::Pkexec << 127
                                       << QStringLiteral("Cannot run program /x: No such file or directory")
                                       << ElevationRefusal::NotStarted;
    QTest::newRow("pkexec, the program's own exit")
        << ElevationMechanism::Pkexec << 2 << QString() << ElevationRefusal::None;
    QTest::newRow("UAC cancelled") << ElevationMechanism::WindowsRunAs << 126
                                   << QStringLiteral("The operation was canceled by the user.")
                                   << ElevationRefusal::Dismissed;
    QTest::newRow("UAC, the program's own exit")
        << ElevationMechanism::WindowsRunAs << 1 << QString() << ElevationRefusal::None;
    QTest::newRow("macOS cancelled") << ElevationMechanism::MacAuthorization << 1
                                     << QStringLiteral("0:90: execution error: User canceled. (-128)")
                                     << ElevationRefusal::Dismissed;
    QTest::newRow("macOS, another error") << ElevationMechanism::MacAuthorization << 1
                                          << QStringLiteral("execution error: (2)") << ElevationRefusal::None;
}

void TestElevationCommand::refusals()
{
    QFETCH(ElevationMechanism, mechanism);
    QFETCH(int, exitCode);
    QFETCH(QString, errorOutput);
    QFETCH(ElevationRefusal, refusal);
    QCOMPARE(elevationRefusal(mechanism, exitCode, errorOutput), refusal);
}

void TestElevationCommand::requestRoundTrip()
{
    ApplyRequest request;
    request.installation
        = installationForLayout(ServerKind::Apache, QStringLiteral("/etc/apache2"), ServerLayout::Debian);
    request.installation.binary = QStringLiteral("/usr/sbin/apache2");
    request.installation.version = QVersionNumber(2, 4, 57);
    request.installation.prefix = QStringLiteral("/srv/prefix");
    request.config.domain = QStringLiteral("hook.example.com");
    request.config.listen
        = {ListenAddress {QStringLiteral("::"), 8443}, ListenAddress {QStringLiteral("0.0.0.0"), 8443}};
    request.config.upstreamUrl = QStringLiteral("http://127.0.0.1:9000/x");
    request.config.webhookPath = QStringLiteral("/im/callback");
    request.config.profile = TlsProfile::Modern;
    request.config.verifyDepth = 3;
    request.config.apacheListen = false;
    request.material = {"FULL", "CHAIN", "KEY", "CA"};
    request.stateDir = QStringLiteral("/var/lib/x");

    const auto back = applyRequestFromJson(applyRequestToJson(request));
    QVERIFY2(back, qPrintable(back.error().fullText()));
    QCOMPARE(back->installation.toJson(), request.installation.toJson());
    QCOMPARE(back->installation.prefix, request.installation.prefix);
    QCOMPARE(back->config.server, ServerKind::Apache);
    QCOMPARE(back->config.domain, request.config.domain);
    QCOMPARE(back->config.listen, request.config.listen);
    QCOMPARE(back->config.upstreamUrl, request.config.upstreamUrl);
    QCOMPARE(back->config.webhookPath, request.config.webhookPath);
    QCOMPARE(back->config.profile, TlsProfile::Modern);
    QCOMPARE(back->config.verifyDepth, 3);
    QCOMPARE(back->config.apacheListen, false);
    QCOMPARE(back->material.fullChainPem, QByteArray("FULL"));
    QCOMPARE(back->material.chainPem, QByteArray("CHAIN"));
    QCOMPARE(back->material.keyPem, QByteArray("KEY"));
    QCOMPARE(back->material.clientCaPem, QByteArray("CA"));
    QCOMPARE(back->stateDir, request.stateDir);
}

void TestElevationCommand::malformedRequestRefused_data()
{
    QTest::addColumn<QString>("json");
    QTest::newRow("empty") << QStringLiteral("{}");
    QTest::newRow("unknown server") << QStringLiteral(
        R"({"installation": {"server": "iis", "layout": "custom", "binary": "/b", "config_root": "/r",
            "site_dir": "/r/s", "cert_dir": "/r/c"}, "config": {"tls_profile": "intermediate"}})");
    QTest::newRow("no binary") << QStringLiteral(
        R"({"installation": {"server": "nginx", "layout": "custom", "config_root": "/r", "site_dir": "/r/s",
            "cert_dir": "/r/c"}, "config": {"tls_profile": "intermediate"}})");
    QTest::newRow("bad port") << QStringLiteral(
        R"({"installation": {"server": "nginx", "layout": "custom", "binary": "/b", "config_root": "/r",
            "site_dir": "/r/s", "cert_dir": "/r/c"},
            "config": {"tls_profile": "intermediate", "listen": [{"host": "::", "port": 70000}]}})");
    QTest::newRow("unknown profile") << QStringLiteral(
        R"({"installation": {"server": "nginx", "layout": "custom", "binary": "/b", "config_root": "/r",
            "site_dir": "/r/s", "cert_dir": "/r/c"}, "config": {"tls_profile": "ssl3"}})");
}

void TestElevationCommand::malformedRequestRefused()
{
    QFETCH(QString, json);
    const auto request = applyRequestFromJson(QJsonDocument::fromJson(json.toUtf8()).object());
    QVERIFY(!request);
    QVERIFY(!request.error().message.isEmpty());
}

void TestElevationCommand::resultRoundTrip()
{
    ApplyResult result;
    result.siteFile = QStringLiteral("/etc/nginx/sites-available/x.conf");
    result.changed = {QStringLiteral("/a"), QStringLiteral("/b")};
    result.recovered = QStringLiteral("recovered");
    const Findings findings {{QStringLiteral("LEGACY_TLS"), Severity::Warning, QStringLiteral("m"), QStringLiteral("h"),
                              QStringLiteral("s")}};
    const auto back = applyResultFromJson(applyResultToJson(result, ServerInstallation(), findings));
    QVERIFY(back);
    QCOMPARE(back->siteFile, result.siteFile);
    QCOMPARE(back->changed, result.changed);
    QCOMPARE(back->recovered, result.recovered);
    QCOMPARE(back->findings.size(), 1);
    QCOMPARE(back->findings.first().toJson(), findings.first().toJson());

    const auto error = applyResultFromJson(applyErrorToJson(Error {QStringLiteral("refused"), QStringLiteral("why")}));
    QVERIFY(!error);
    QCOMPARE(error.error().message, QStringLiteral("refused"));
    QCOMPARE(error.error().detail, QStringLiteral("why"));
    QVERIFY(!applyResultFromJson(QJsonObject {}));
}

// Without pkexec on Linux the message says so, says nothing changed, and names the way out.
void TestElevationCommand::pkexecMissing()
{
#if defined(Q_OS_LINUX)
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", "/nonexistent");
    const Status rolledBack = rollbackElevated(ServerInstallation {});
    qputenv("PATH", path);
    QVERIFY(!rolledBack);
    QVERIFY2(rolledBack.error().message.contains(QLatin1String("pkexec is not installed; nothing was changed")),
             qPrintable(rolledBack.error().message));
    QVERIFY(rolledBack.error().message.contains(QLatin1String("sudo")));
#else
    QSKIP("pkexec is the Linux mechanism");
#endif
}

// The elevated side writes its outcome only into a new file: a link planted at the result path (to an existing
// file or to none) is not followed.
void TestElevationCommand::resultNeverWrittenThroughALink()
{
    QTemporaryDir dir;
    const QString victim = dir.filePath(QStringLiteral("victim"));
    QFile file(victim);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("keep");
    file.close();
    const QString absent = dir.filePath(QStringLiteral("absent"));
    for (const QString& target : {victim, absent}) {
        const QString result = dir.filePath(QStringLiteral("result-") + QFileInfo(target).fileName());
        QVERIFY(QFile::link(target, result));
        const ProcessResult run = runProcess(cliPath(),
                                             {QStringLiteral("apply"), QStringLiteral("--request-fd"),
                                              QStringLiteral("0"), QStringLiteral("--result-file"), result},
                                             QProcessEnvironment::systemEnvironment(), 60000, QByteArray("not json"));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("Cannot write the result file"), run.err.constData());
    }
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("keep"));
    QVERIFY(!QFileInfo::exists(absent));
}

void TestElevationCommand::requestFileRemovedWhereNoPipe_data()
{
    QTest::addColumn<ElevationMechanism>("mechanism");
    QTest::newRow("UAC") << ElevationMechanism::WindowsRunAs;
    QTest::newRow("macOS") << ElevationMechanism::MacAuthorization;
}

// UAC and the macOS authorization cannot pass a pipe: the request goes in a private file, gone when the run ends
// (here: the mechanism's program is not on this machine, so it ends at once).
void TestElevationCommand::requestFileRemovedWhereNoPipe()
{
    QFETCH(ElevationMechanism, mechanism);
    QTemporaryDir tmp;
    qputenv("TMPDIR", tmp.path().toLocal8Bit());
    ElevationOptions options;
    options.cliPath = cliPath();
    options.mechanism = mechanism;
    const Status rolledBack = rollbackElevated(ServerInstallation {}, QString(), options);
    qunsetenv("TMPDIR");
    QVERIFY(!rolledBack);
    QVERIFY2(rolledBack.error().message.startsWith(QLatin1String("Cannot start")),
             qPrintable(rolledBack.error().message));
    QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
}

QTEST_GUILESS_MAIN(TestElevationCommand)
#include "tst_elevationcommand.moc"
