// apply and rollback --elevate through the real pkexec and polkitd. An unprivileged user (nobody) cannot write the
// root-owned server tree; the CLI asks pkexec, a polkit rule answers as an administrator would at the prompt, and
// the elevated run applies, and later rolls back. A refusal changes nothing, and an elevated run refuses a server
// binary that ordinary users could replace.

#include "KeyWatcher.h"
#include "MtlsFixture.h"
#include "ThrowawayInstallation.h"
#include "deploy/ApplyRequestJson.h"
#include "sandbox/WebhookUpstream.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <csignal>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

using namespace mtls;

namespace {

constexpr auto kRefusedMarker = "refused-by-test"; // in the command line: the test's rule says no

ProcessResult systemBus(const QStringList& call)
{
    return runProcess(QStringLiteral("dbus-send"),
                      QStringList {QStringLiteral("--system"), QStringLiteral("--print-reply"),
                                   QStringLiteral("--dest=org.freedesktop.DBus"),
                                   QStringLiteral("/org/freedesktop/DBus")}
                          + call,
                      QProcessEnvironment::systemEnvironment(), 5000);
}

bool polkitRunning()
{
    const ProcessResult reply = systemBus(
        {QStringLiteral("org.freedesktop.DBus.NameHasOwner"), QStringLiteral("string:org.freedesktop.PolicyKit1")});
    return reply.exitCode == 0 && reply.out.contains("boolean true");
}

template <typename Predicate>
bool waitFor(Predicate ready, int timeoutMs = 15000)
{
    for (int waited = 0; waited < timeoutMs; waited += 100) {
        if (ready())
            return true;
        QThread::msleep(100);
    }
    return ready();
}

ProcessResult asNobody(const QString& tmpDir, const QStringList& arguments)
{
    return runProcess(QStringLiteral("runuser"),
                      QStringList {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                                   QStringLiteral("env"), QStringLiteral("TMPDIR=") + tmpDir,
                                   QStringLiteral("HOME=") + tmpDir, cliPath()}
                          + arguments,
                      QProcessEnvironment::systemEnvironment(), 120000);
}

// The system bus and polkitd (started when this machine does not run them), the product's polkit policy naming
// the CLI of this build under a test action id, and a rule that plays the administrator at the prompt for nobody.
// Everything it added is removed again.
class PolkitForTest
{
public:
    ~PolkitForTest()
    {
        for (const QString& file : std::as_const(m_files))
            QFile::remove(file);
        if (m_polkitd) {
            m_polkitd->terminate();
            m_polkitd->waitForFinished(5000);
        }
        if (m_busPid > 0)
            ::kill(pid_t(m_busPid), SIGTERM);
    }

    QString setUp()
    {
        if (systemBus({QStringLiteral("org.freedesktop.DBus.GetId")}).exitCode != 0) {
            QDir().mkpath(QStringLiteral("/run/dbus"));
            QFile::remove(QStringLiteral("/run/dbus/pid")); // stale: the bus does not answer
            const ProcessResult bus
                = runProcess(QStringLiteral("dbus-daemon"),
                             {QStringLiteral("--system"), QStringLiteral("--fork"), QStringLiteral("--print-pid")});
            m_busPid = bus.out.trimmed().toLongLong();
            if (bus.exitCode != 0 || m_busPid <= 0)
                return QStringLiteral("cannot start the system bus: ") + QString::fromLocal8Bit(bus.err);
            if (!waitFor([] { return systemBus({QStringLiteral("org.freedesktop.DBus.GetId")}).exitCode == 0; }))
                return QStringLiteral("the system bus does not answer");
        }
        if (!polkitRunning()) {
            QString daemon;
            for (const char* candidate : {"/usr/lib/polkit-1/polkitd", "/usr/libexec/polkitd"}) {
                if (QFileInfo(QLatin1String(candidate)).isExecutable())
                    daemon = QLatin1String(candidate);
            }
            if (daemon.isEmpty())
                return QStringLiteral("polkitd is not installed (package polkitd)");
            m_polkitd = std::make_unique<QProcess>();
            m_polkitd->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            m_polkitd->start(daemon, {QStringLiteral("--no-debug")});
            if (!waitFor(polkitRunning))
                return QStringLiteral("polkitd did not start");
        }

        QFile policy(QStringLiteral(MTLS_POLKIT_POLICY));
        if (!policy.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read ") + policy.fileName();
        QString text = QString::fromUtf8(policy.readAll());
        const QString id = QStringLiteral("io.github.mtls-assistant.apply");
        actionId = id + QStringLiteral(".test") + QString::number(QCoreApplication::applicationPid());
        text.replace(QStringLiteral("<action id=\"%1\">").arg(id), QStringLiteral("<action id=\"%1\">").arg(actionId));
        static const QRegularExpression execPath(
            QStringLiteral("(org\\.freedesktop\\.policykit\\.exec\\.path\">)[^<]*<"));
        text.replace(execPath, QStringLiteral("\\1") + QFileInfo(cliPath()).canonicalFilePath() + QLatin1Char('<'));
        if (!text.contains(actionId) || !text.contains(QFileInfo(cliPath()).canonicalFilePath()))
            return QStringLiteral("the policy template has no action or program path to replace");
        const QString rule
            = QStringLiteral("polkit.addRule(function(action, subject) {\n"
                             "    if (action.id != \"%1\") return polkit.Result.NOT_HANDLED;\n"
                             "    if (action.lookup(\"command_line\").indexOf(\"%2\") >= 0) return polkit.Result.NO;\n"
                             "    return subject.user == \"nobody\" ? polkit.Result.YES : polkit.Result.NOT_HANDLED;\n"
                             "});\n")
                  .arg(actionId, QLatin1String(kRefusedMarker));
        if (!install(QStringLiteral("/usr/share/polkit-1/actions/%1.policy").arg(actionId), text.toUtf8())
            || !install(QStringLiteral("/etc/polkit-1/rules.d/10-%1.rules").arg(actionId), rule.toUtf8()))
            return QStringLiteral("cannot install the test's policy and rule");
        // polkitd reads new actions and rules as they appear: wait until pkexec is allowed for our program.
        QTemporaryDir tmp;
        QFile::setPermissions(tmp.path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                                  | QFile::WriteOther | QFile::ExeOther);
        const auto allowed = [&tmp] {
            return runProcess(QStringLiteral("runuser"),
                              {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                               QStringLiteral("pkexec"), QFileInfo(cliPath()).canonicalFilePath(),
                               QStringLiteral("--version")})
                       .exitCode
                == 0;
        };
        if (!waitFor(allowed))
            return QStringLiteral("pkexec does not allow the test's action");
        return {};
    }

    QString actionId;

private:
    bool install(const QString& path, const QByteArray& content)
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return false;
        m_files << path;
        return true;
    }

    qint64 m_busPid = 0;
    std::unique_ptr<QProcess> m_polkitd;
    QStringList m_files;
};

QStringList leftovers(const QString& dir)
{
    return QDir(dir).entryList({QStringLiteral("mtls-assistant-*")}, QDir::AllEntries | QDir::Hidden);
}

} // namespace

class TestElevation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void applyAndRollback_data();
    void applyAndRollback();
    void refused();
    void interrupted_data();
    void interrupted();
    void untrustedBinaryRefused();

private:
    QString openDir(const QString& name);
    MtlsFixture m_fixture;
    QTemporaryDir m_material;
    QTemporaryDir m_tmp;
    PolkitForTest m_polkit;
};

void TestElevation::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("Installing a polkit rule and starting polkitd need root (the CI runs the suite as root).");
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pkexec")).isEmpty(), "pkexec is not installed");
    const QString problem = m_polkit.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    QVERIFY(shareApplyMaterial(m_fixture, m_material.path()));
    QFile::setPermissions(m_tmp.path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
}

// A directory that nobody can write into, for TMPDIR and HOME.
QString TestElevation::openDir(const QString& name)
{
    const QString dir = m_tmp.filePath(name);
    QDir().mkpath(dir);
    QFile::setPermissions(dir,
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::WriteOther
                              | QFile::ExeOther);
    return dir;
}

void TestElevation::applyAndRollback_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::newRow("nginx") << ServerKind::Nginx;
    QTest::newRow("apache") << ServerKind::Apache;
}

void TestElevation::applyAndRollback()
{
    QFETCH(ServerKind, kind);
    Throwaway t(kind);
    const Status started = t.start();
    QVERIFY2(started, qPrintable(started.error().fullText()));
    const QStringList before = treeDigest(t.server->prefix());
    WebhookUpstream upstream;
    QVERIFY(upstream.start());
    const QString tmp = openDir(QStringLiteral("allowed-") + serverKindName(kind));

    // Without --elevate: stops before any change, as before.
    const ProcessResult plain = asNobody(tmp, cliApplyArguments(t, m_material.path(), upstream.url()));
    QCOMPARE(plain.exitCode, 2);
    QVERIFY2(plain.err.contains("--elevate"), plain.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);

    const QByteArray needle = keyNeedle(m_fixture.read(QStringLiteral("server.key")));
    auto watcher = std::make_unique<KeyWatcher>(tmp, needle);
    const ProcessResult applied = asNobody(tmp,
                                           cliApplyArguments(t, m_material.path(), upstream.url())
                                               << QStringLiteral("--elevate") << QStringLiteral("--json"));
    watcher->finish();
    QVERIFY2(applied.exitCode == 0, (applied.out + applied.err).constData());
    // No file under TMPDIR ever held the key (the result file was seen); the request went through a descriptor.
    QVERIFY2(watcher->filesWithKey.isEmpty(), qPrintable(watcher->filesWithKey.join(QLatin1Char(' '))));
    QVERIFY(watcher->entriesSeen > 0); // it looked while the run's private folder was there
    QVERIFY(!watcher->elevatedCommandLines.isEmpty());
    for (const QString& line : std::as_const(watcher->elevatedCommandLines)) {
        QVERIFY2(line.contains(QLatin1String("--request-fd 0")), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1String("--request ")), qPrintable(line));
    }
    const QJsonObject o = QJsonDocument::fromJson(applied.out).object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    const QString siteFile = o.value(QStringLiteral("site_file")).toString();
    QCOMPARE(siteFile, t.server->prefix() + QStringLiteral("/conf.d/mtls-assistant-localhost.conf"));
    QVERIFY(o.value(QStringLiteral("changed")).toArray().size() >= 5);
    // The elevated run's steps, reported back: every file written, then tested and reloaded.
    const QJsonArray steps = o.value(QStringLiteral("steps")).toArray();
    QVERIFY2(steps.size() >= 7, applied.out.constData());
    QCOMPARE(steps.at(steps.size() - 3).toObject().value(QStringLiteral("step")).toString(),
             QStringLiteral("reloaded"));
    QCOMPARE(steps.last().toObject().value(QStringLiteral("step")).toString(), QStringLiteral("verified"));
    QVERIFY2(steps.first().toObject().value(QStringLiteral("step")).toString() != QLatin1String("failed"),
             applied.out.constData()); // the unprivileged refusal before it is not a step of this apply
    // Written by the administrator; the key readable by the administrator alone.
    QCOMPARE(QFileInfo(siteFile).ownerId(), 0u);
    const QString key = t.server->prefix() + QStringLiteral("/mtls-assistant/localhost/privkey.pem");
    QCOMPARE(QFileInfo(key).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFileDevice::Permissions());
    QVERIFY2(leftovers(tmp).isEmpty(), qPrintable(leftovers(tmp).join(QLatin1Char(' ')))); // the request is gone

    // The reloaded server enforces the Chat client CA.
    QVERIFY(waitForPortState(t.newPort, true));
    QCOMPARE(m_fixture.curl(t.newPort, QStringLiteral("/im/callback"), QStringLiteral("chat")).out,
             WebhookUpstream::chatOkBody() + "\n200");
    QVERIFY(!m_fixture.curl(t.newPort, QStringLiteral("/im/callback"), QStringLiteral("intruder"))
                 .out.contains(WebhookUpstream::chatOkBody()));

    // The rollback in text mode, as a person at a terminal runs it: the elevated run's steps are printed.
    const ProcessResult rolledBack
        = asNobody(tmp, QStringList {QStringLiteral("rollback"), QStringLiteral("--elevate")} + t.installationArgs());
    QVERIFY2(rolledBack.exitCode == 0, (rolledBack.out + rolledBack.err).constData());
    QVERIFY2(rolledBack.out.contains("Rolled back: every file is as it was before."), rolledBack.out.constData());
    QVERIFY2(rolledBack.out.contains("Removed: " + siteFile.toUtf8()), rolledBack.out.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(waitForPortState(t.newPort, false));
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
    QVERIFY(leftovers(tmp).isEmpty());
}

// The administrator says no (the prompt's answer): nothing changes and the message names the mechanism.
void TestElevation::refused()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(t.start());
    const QStringList before = treeDigest(t.server->prefix());
    const QString tmp = openDir(QLatin1String(kRefusedMarker));
    const ProcessResult result = asNobody(tmp,
                                          cliApplyArguments(t, m_material.path(), QStringLiteral("http://127.0.0.1:9"))
                                              << QStringLiteral("--elevate") << QStringLiteral("--json"));
    QCOMPARE(result.exitCode, 2);
    const QJsonObject o = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), false);
    QVERIFY2(o.value(QStringLiteral("error")).toString().contains(QLatin1String("pkexec")), result.out.constData());
    QVERIFY2(o.value(QStringLiteral("detail")).toString().contains(QLatin1String("Not authorized")),
             result.out.constData()); // pkexec's own words, one click away in the GUI
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
    QVERIFY(leftovers(tmp).isEmpty());
}

void TestElevation::interrupted_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<int>("delayMs");
    for (const auto& [name, signal] : {std::pair {"SIGINT", SIGINT}, std::pair {"SIGTERM", SIGTERM},
                                       std::pair {"SIGHUP", SIGHUP}, std::pair {"SIGKILL", SIGKILL}}) {
        for (const int delay : {0, 15, 40, 80})
            QTest::addRow("%s after %d ms", name, delay) << signal << delay;
    }
}

// The CLI interrupted while the prompt is up (the test's rule refuses, so nothing changes whatever the moment): no
// file ever held the key, and nothing is left; what SIGKILL left (a folder without a secret) goes at the next run.
void TestElevation::interrupted()
{
    QFETCH(int, signal);
    QFETCH(int, delayMs);
    Throwaway t(ServerKind::Nginx);
    QVERIFY(t.start());
    const QStringList before = treeDigest(t.server->prefix());
    const QString tmp = openDir(QStringLiteral("%1-%2-%3").arg(QLatin1String(kRefusedMarker)).arg(signal).arg(delayMs));
    const QStringList arguments = cliApplyArguments(t, m_material.path(), QStringLiteral("http://127.0.0.1:9"))
        << QStringLiteral("--elevate");
    KeyWatcher watcher(tmp, keyNeedle(m_fixture.read(QStringLiteral("server.key"))));
    // The CLI itself runs as nobody (no runuser in between), so the signal reaches it at the chosen moment.
    QProcess cli;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TMPDIR"), tmp);
    environment.insert(QStringLiteral("HOME"), tmp);
    cli.setProcessEnvironment(environment);
    const passwd* nobody = ::getpwnam("nobody");
    QVERIFY(nobody);
    const uid_t uid = nobody->pw_uid;
    const gid_t gid = nobody->pw_gid;
    cli.setChildProcessModifier([uid, gid] {
        if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
            ::_exit(126);
    });
    cli.start(cliPath(), arguments);
    QVERIFY(cli.waitForStarted());
    if (!cli.waitForFinished(delayMs)) {
        qInfo("pkexec was %s", processNaming(tmp) ? "running" : "not started yet");
        ::kill(pid_t(cli.processId()), signal);
    }
    QVERIFY(cli.state() == QProcess::NotRunning || cli.waitForFinished(30000));
    QVERIFY(cli.exitCode() != 126 || cli.exitStatus() != QProcess::NormalExit);
    // pkexec (which the CLI ended, or which ended on its own) and the elevated run are gone.
    QTRY_VERIFY_WITH_TIMEOUT(!processNaming(tmp), 45000);
    watcher.finish();
    QVERIFY2(watcher.filesWithKey.isEmpty(), qPrintable(watcher.filesWithKey.join(QLatin1Char(' '))));
    for (const QString& line : std::as_const(watcher.elevatedCommandLines))
        QVERIFY2(!line.contains(QLatin1String("--request ")), qPrintable(line));
    if (signal == SIGKILL) {
        const ProcessResult next = asNobody(tmp, arguments); // refused again; it removes what the killed run left
        QCOMPARE(next.exitCode, 2);
    }
    QVERIFY2(leftovers(tmp).isEmpty(), qPrintable(leftovers(tmp).join(QLatin1Char(' '))));
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
}

// The elevated side runs the server binary as root: one that an ordinary user could replace is refused.
void TestElevation::untrustedBinaryRefused()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(t.start());
    const QStringList before = treeDigest(t.server->prefix());
    auto installation = discoverServer(
        ServerKind::Nginx, {t.server->binary(), t.server->prefix(), t.server->mainConfigPath(), t.server->prefix()});
    QVERIFY2(installation, qPrintable(installation.error().fullText()));
    const QString dir = openDir(QStringLiteral("untrusted"));
    const QString binary = dir + QStringLiteral("/nginx");
    QVERIFY(QFile::copy(t.server->binary(), binary));
    installation->binary = binary;

    ApplyRequest request;
    request.installation = installation.value();
    request.config.domain = QStringLiteral("localhost");
    request.config.listen = {ListenAddress {QStringLiteral("127.0.0.1"), t.newPort}};
    request.material = {m_fixture.read(QStringLiteral("fullchain.pem")),
                        {},
                        m_fixture.read(QStringLiteral("server.key")),
                        m_fixture.read(QStringLiteral("chatca.crt"))};
    request.stateDir = t.stateDir.path();
    const QString requestFile = m_tmp.filePath(QStringLiteral("request.json"));
    QFile file(requestFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(applyRequestToJson(request)).toJson());
    file.close();
    const QString resultFile = m_tmp.filePath(QStringLiteral("result.json"));

    const ProcessResult result = runCli({QStringLiteral("apply"), QStringLiteral("--request"), requestFile,
                                         QStringLiteral("--result-file"), resultFile});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("other than root"), result.err.constData());
    QFile written(resultFile);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(written.readAll()).object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(treeDigest(t.server->prefix()), before);

    // The same request through standard input, as --elevate hands it over: read the same way, refused the same way.
    const QString resultFromPipe = m_tmp.filePath(QStringLiteral("result-pipe.json"));
    QFile requestData(requestFile);
    QVERIFY(requestData.open(QIODevice::ReadOnly));
    const ProcessResult piped = runProcess(cliPath(),
                                           {QStringLiteral("apply"), QStringLiteral("--request-fd"),
                                            QStringLiteral("0"), QStringLiteral("--result-file"), resultFromPipe},
                                           QProcessEnvironment::systemEnvironment(), 60000, requestData.readAll());
    QCOMPARE(piped.exitCode, 2);
    QVERIFY2(piped.err.contains("other than root"), piped.err.constData());
    QFile pipedResult(resultFromPipe);
    QVERIFY(pipedResult.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(pipedResult.readAll()).object().value(QStringLiteral("ok")).toBool(), false);

    // Not JSON on the descriptor; both ways at once.
    const ProcessResult garbage
        = runProcess(cliPath(), {QStringLiteral("apply"), QStringLiteral("--request-fd"), QStringLiteral("0")},
                     QProcessEnvironment::systemEnvironment(), 60000, QByteArray("not json"));
    QCOMPARE(garbage.exitCode, 2);
    QVERIFY2(garbage.err.contains("not valid JSON"), garbage.err.constData());
    const ProcessResult both = runCli({QStringLiteral("apply"), QStringLiteral("--request-fd"), QStringLiteral("0"),
                                       QStringLiteral("--request"), requestFile});
    QCOMPARE(both.exitCode, 2);
    QVERIFY2(both.err.contains("cannot be combined"), both.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
}

QTEST_GUILESS_MAIN(TestElevation)
#include "tst_elevation.moc"
