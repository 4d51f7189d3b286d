// The remote executor (apply, rollback, remove and status over a root shell on the server) against real nginx and
// Apache on "the remote": this machine, through a root `sh -s` ShellSession (what a server runs behind SSH, without
// the SSH hop), and over a real OpenSSH server on loopback (SshServer). Judged by curl, openssl and tree digests,
// never by the executor's messages; the connection is killed in the middle of the transaction (the local root shell,
// or over SSH this machine's ssh or sshd's process of the connection) and the server must end fully before or fully
// after.

#include "SshServer.h"
#include "ThrowawayInstallation.h"
#include "deploy/RemoteDeploy.h"
#include "deploy/RemoteDiscovery.h"
#include "deploy/ShellSession.h"
#include "deploy/SshShell.h"
#include "sandbox/WebhookUpstream.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace mtls;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<ShellSession> rootShell()
{
    auto shell = std::make_unique<ShellSession>();
    if (!shell->start(QStringLiteral("/bin/sh"), {QStringLiteral("-s")}) || !shell->run("true", 10s))
        return {};
    return shell;
}

QJsonObject jsonOf(const ProcessResult& result)
{
    return QJsonDocument::fromJson(result.out).object();
}

// Whether a Chat client gets `expected` (body, newline, status) from the webhook.
QByteArray chatCall(const MtlsFixture& fixture, quint16 port)
{
    return fixture.curl(port, QStringLiteral("/im/callback"), QStringLiteral("chat")).out;
}

// A line from the middle of the server key's PEM body (the bytes that must never stay on the server but in place).
QString keyBody(const MtlsFixture& fixture)
{
    const QList<QByteArray> lines = fixture.read(QStringLiteral("server.key")).split('\n');
    return lines.size() > 2 ? QString::fromLatin1(lines.at(1)) : QStringLiteral("missing");
}

// The parent of process `pid` (from /proc/PID/stat), 0 when it is gone.
qint64 parentOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    // "PID (COMM) STATE PPID …": the last ")" ends COMM, whatever it holds.
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() : 0;
}

QByteArray commandOf(qint64 pid)
{
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    return comm.open(QIODevice::ReadOnly) ? comm.readAll().trimmed() : QByteArray();
}

// sshd's process of the connection that `pid` (a process of the session on "the server") runs in: its nearest
// ancestor named sshd, the one that holds the connection's socket.
qint64 sshdOf(qint64 pid)
{
    for (qint64 ancestor = parentOf(pid); ancestor > 1; ancestor = parentOf(ancestor)) {
        if (commandOf(ancestor) == "sshd")
            return ancestor;
    }
    return 0;
}

} // namespace

class TestRemoteDeploy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void discoveryUsesTheLocalRules();
    void panelVhostFolderIsUsed();
    void applyThenRollbackByteForByte();
    void nameTakenRefusedBeforeChange();
    void connectionKilledDuringTheChange();
    void sshConnectionKilledDuringTheChange_data();
    void sshConnectionKilledDuringTheChange();
    void failedChangeKilledEndsBefore();
    void cliApplyStatusRemove();
    void overSshWithSudoPassword();
    void apacheOverSshApplyThenRemove();

private:
    RemoteApplyRequest request(const Throwaway& t) const;
    QStringList remoteArgs() const;
    // --ssh for `user` of the real sshd, the known-hosts file `knownHosts` (the host key accepted by its
    // fingerprint), the password from MTLS_TEST_SUDO for the user whose sudo asks for one, --state-dir and --json.
    QStringList sshArgs(SshServer::User user, const QString& knownHosts) const;
    // The newest job in the state folder has started and has no status yet: install.sh is in the middle of it.
    bool newestJobRunning() const;
    // What real clients find on `t`: "after" when the new port presents the site's certificate (openssl s_client
    // verifies it against the test root, with Chat's client certificate) and Chat's call gets the webhook's answer;
    // "before" when the configuration folder is byte for byte `before`, nothing answers on the new port and the old
    // site answers as it did; otherwise "neither".
    QString servedState(const Throwaway& t, const QStringList& before) const;

    MtlsFixture m_fixture;
    WebhookUpstream m_upstream;
    std::unique_ptr<Throwaway> m_nginx; // shared: every case leaves it as it found it
    QTemporaryDir m_state; // the assistant's folder on "the server" (root's, 0700)
    QTemporaryDir m_bin; // slow server programs (root's, 0700)
    std::unique_ptr<SshServer> m_sshd; // a real OpenSSH server on loopback, when this machine can run one
    QString m_sshdUnavailable; // why not
};

void TestRemoteDeploy::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("the remote side runs as root");
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    QVERIFY(m_upstream.start());
    m_nginx = std::make_unique<Throwaway>(ServerKind::Nginx);
    QVERIFY(m_nginx->start());
    QVERIFY(m_state.isValid());
    m_sshdUnavailable = SshServer::unavailableReason();
    if (m_sshdUnavailable.isEmpty()) {
        m_sshd = std::make_unique<SshServer>();
        QVERIFY2(m_sshd->start(), qPrintable(m_sshd->error()));
    }
}

bool TestRemoteDeploy::newestJobRunning() const
{
    const QStringList jobs
        = QDir(m_state.filePath(QStringLiteral("jobs"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    return !jobs.isEmpty()
        && !QFileInfo::exists(m_state.filePath(QStringLiteral("jobs/") + jobs.last() + QStringLiteral("/status")));
}

QString TestRemoteDeploy::servedState(const Throwaway& t, const QStringList& before) const
{
    if (treeDigest(t.server->prefix()) == before)
        return waitForPortState(t.newPort, false, 2000) && plainGet(t.oldPort) == "old-site\n"
            ? QStringLiteral("before")
            : QStringLiteral("neither");
    const ProcessResult handshake
        = m_fixture.sClient(t.newPort, QStringLiteral("chat"), {QStringLiteral("-verify_return_error")});
    if (!handshake.out.contains("Verify return code: 0 (ok)"))
        return QStringLiteral("neither");
    return chatCall(m_fixture, t.newPort) == WebhookUpstream::chatOkBody() + "\n200" ? QStringLiteral("after")
                                                                                     : QStringLiteral("neither");
}

RemoteApplyRequest TestRemoteDeploy::request(const Throwaway& t) const
{
    RemoteApplyRequest r;
    r.bundle.config.server = t.kind;
    r.bundle.config.domain = QStringLiteral("localhost");
    r.bundle.config.listen = parseListen(QStringLiteral("127.0.0.1:%1").arg(t.newPort));
    r.bundle.config.upstreamUrl = m_upstream.url();
    r.bundle.config.webhookPath = QStringLiteral("/im/callback");
    r.bundle.material.fullChainPem = m_fixture.read(QStringLiteral("fullchain.pem"));
    r.bundle.material.chainPem = m_fixture.read(QStringLiteral("chain.pem"));
    r.bundle.material.keyPem = m_fixture.read(QStringLiteral("server.key"));
    r.bundle.material.clientCaPem = m_fixture.read(QStringLiteral("chatca.crt"));
    r.bundle.serverRoot = t.server->prefix();
    r.bundle.layout = ServerLayout::Custom;
    r.bundle.binary = t.server->binary();
    r.bundle.mainConfig = t.server->mainConfigPath();
    if (t.kind == ServerKind::Nginx)
        r.bundle.prefix = t.server->prefix();
    r.stateDir = m_state.path();
    r.wait = 90s;
    return r;
}

void TestRemoteDeploy::discoveryUsesTheLocalRules()
{
    auto shell = rootShell();
    QVERIFY(shell);
    // The machine's own servers, found from nothing: the same root, layout and version as the local discovery.
    for (ServerKind kind : {ServerKind::Nginx, ServerKind::Apache}) {
        auto remote = discoverRemoteServer(*shell, kind);
        QVERIFY2(remote, qPrintable(remote.error().fullText()));
        const QString root = kind == ServerKind::Nginx ? QStringLiteral("/etc/nginx") : QStringLiteral("/etc/apache2");
        QCOMPARE(remote->configRoot, root);
        QCOMPARE(remote->layout, detectLayout(kind, root));
        QVERIFY(!remote->version.isNull());
        auto local = discoverServer(kind);
        QVERIFY2(local, qPrintable(local.error().fullText()));
        QCOMPARE(remote->version, local->version);
        QCOMPARE(remote->siteDir, local->siteDir);
        QCOMPARE(remote->enabledDir, local->enabledDir);
    }
    QCOMPARE(discoverRemoteServer(*shell, std::nullopt)->kind, ServerKind::Nginx);
    // A throwaway installation given by its options.
    DiscoveryOptions given;
    given.binary = m_nginx->server->binary();
    given.configRoot = m_nginx->server->prefix();
    given.mainConfig = m_nginx->server->mainConfigPath();
    auto throwaway = discoverRemoteServer(*shell, ServerKind::Nginx, given);
    QVERIFY2(throwaway, qPrintable(throwaway.error().fullText()));
    QCOMPARE(throwaway->layout, detectLayout(ServerKind::Nginx, given.configRoot));
    QCOMPARE(throwaway->binary, given.binary);
    given.binary = QStringLiteral("/nonexistent/nginx");
    QVERIFY(!discoverRemoteServer(*shell, ServerKind::Nginx, given));
}

void TestRemoteDeploy::panelVhostFolderIsUsed()
{
    // A BaoTa-like tree (WWW stands for /www/server): nginx.conf reads the panel's vhost folder, nothing else.
    QTemporaryDir www;
    QVERIFY(QDir().mkpath(www.filePath(QStringLiteral("nginx/conf"))));
    QVERIFY(QDir().mkpath(www.filePath(QStringLiteral("panel/vhost/nginx"))));
    const QString vhosts = www.filePath(QStringLiteral("panel/vhost/nginx"));
    QFile main(www.filePath(QStringLiteral("nginx/conf/nginx.conf")));
    QVERIFY(main.open(QIODevice::WriteOnly));
    main.write("events {}\nhttp {\n    include " + vhosts.toUtf8() + "/*.conf;\n}\n");
    main.close();
    auto shell = rootShell();
    QVERIFY(shell);
    DiscoveryOptions given;
    given.binary = m_nginx->server->binary();
    given.mainConfig = main.fileName();
    auto found = discoverRemoteServer(*shell, ServerKind::Nginx, given);
    QVERIFY2(found, qPrintable(found.error().fullText()));
    QCOMPARE(found->siteDir, vhosts);

    // The bundle puts the site there, and install.sh may write below the folder that holds both.
    ExportRequest r = request(*m_nginx).bundle;
    r.serverRoot = found->configRoot;
    r.layout = found->layout;
    r.mainConfig = found->mainConfig;
    r.prefix.clear();
    r.siteDir = found->siteDir;
    r.backupDir = www.filePath(QStringLiteral("backups"));
    r.out = www.filePath(QStringLiteral("bundle"));
    auto exported = exportBundle(r);
    QVERIFY2(exported, qPrintable(exported.error().fullText()));
    QFile data(r.out + QStringLiteral("/install.data"));
    QVERIFY(data.open(QIODevice::ReadOnly));
    const QByteArray text = data.readAll();
    QVERIFY2(text.contains("\nconf_root=" + QDir(www.path()).canonicalPath().toUtf8() + "\n")
                 || text.contains("\nconf_root=" + www.path().toUtf8() + "\n"),
             text.constData());
    QVERIFY2(text.contains(" " + vhosts.toUtf8() + "/mtls-assistant-localhost.conf 644 "), text.constData());
}

void TestRemoteDeploy::applyThenRollbackByteForByte()
{
    Throwaway& t = *m_nginx;
    const QStringList before = treeDigest(t.server->prefix());
    auto shell = rootShell();
    QVERIFY(shell);
    QStringList lines;
    RemoteApplyRequest r = request(t);
    r.progress = [&lines](const ApplyProgress& step) { lines << step.text; };
    auto job = applyRemotely(*shell, r);
    QVERIFY2(job, qPrintable(job.error().fullText()));
    QVERIFY2(job->state == RemoteJob::State::Succeeded, qPrintable(lines.join(QLatin1Char('\n'))));
    QCOMPARE(job->serverState(), QStringLiteral("after"));
    QVERIFY(lines.join(QLatin1Char('\n')).contains(QLatin1String("Reloading the server."))); // streamed live
    QCOMPARE(chatCall(m_fixture, t.newPort), WebhookUpstream::chatOkBody() + "\n200");
    // The uploaded key copy is gone (no file of the jobs or the history holds the key); the installed key is root's,
    // 0600.
    QVERIFY(!QFileInfo::exists(job->dir + QStringLiteral("/bundle/certs/privkey.pem")));
    const ProcessResult keyCopies
        = runProcess(QStringLiteral("grep"), {QStringLiteral("-rlF"), keyBody(m_fixture), m_state.path()});
    QVERIFY2(keyCopies.exitCode == 1, keyCopies.out.constData());
    const QFileInfo key(t.server->prefix() + QStringLiteral("/mtls-assistant/localhost/privkey.pem"));
    QCOMPARE(key.ownerId(), 0u);
    QCOMPARE(key.permissions(),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);

    // An upload the connection dropped in the middle of, long ago: its folder (with a key copy) goes.
    const QString stale = m_state.filePath(QStringLiteral("jobs/20200101-000000.stale"));
    QVERIFY(QDir().mkpath(stale + QStringLiteral("/bundle/certs")));
    QVERIFY(
        QFile::copy(m_fixture.path(QStringLiteral("server.key")), stale + QStringLiteral("/bundle/certs/privkey.pem")));
    QVERIFY(runProcess(QStringLiteral("touch"), {QStringLiteral("-d"), QStringLiteral("1 hour ago"), stale}).exitCode
            == 0);

    auto rolledBack = rollbackRemotely(*shell, m_state.path(), false, QString(), {}, 60s);
    QVERIFY2(rolledBack, qPrintable(rolledBack.error().fullText()));
    QCOMPARE(rolledBack->state, RemoteJob::State::Succeeded);
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(waitForPortState(t.newPort, false));
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
    QVERIFY(!QFileInfo::exists(stale));
}

// Another site of the server's already answers the name on the port: nginx would only warn ("conflicting server
// name … ignored") and keep one of the two. Refused on the server's own dump before anything is uploaded.
void TestRemoteDeploy::nameTakenRefusedBeforeChange()
{
    Throwaway& t = *m_nginx;
    const QString theirs = t.server->prefix() + QStringLiteral("/conf.d/50-their-site.conf");
    QFile site(theirs);
    QVERIFY(site.open(QIODevice::WriteOnly));
    site.write(QStringLiteral(
                   "server {\n    listen 127.0.0.1:%1;\n    server_name localhost;\n    return 200 \"theirs\\n\";\n}\n")
                   .arg(t.newPort)
                   .toUtf8());
    site.close();
    const QStringList before = treeDigest(t.server->prefix());
    auto shell = rootShell();
    QVERIFY(shell);
    auto jobsBefore = remoteStatus(*shell, m_state.path(), {}, 10s);
    QVERIFY(jobsBefore);
    auto job = applyRemotely(*shell, request(t));
    const QStringList after = treeDigest(t.server->prefix());
    QFile::remove(theirs);
    QVERIFY(!job);
    QVERIFY2(hasCode(job.error().findings, QStringLiteral("SERVER_NAME_CONFLICT")), qPrintable(job.error().fullText()));
    QCOMPARE(after, before);
    auto jobs = remoteStatus(*shell, m_state.path(), {}, 10s);
    QVERIFY(jobs);
    QCOMPARE(jobs->size(), jobsBefore->size()); // nothing was uploaded, no job started
}

void TestRemoteDeploy::connectionKilledDuringTheChange()
{
    Throwaway& t = *m_nginx;
    const QStringList before = treeDigest(t.server->prefix());
    auto shell = rootShell();
    QVERIFY(shell);
    bool endedBeforeTheKill = true;
    RemoteApplyRequest r = request(t);
    r.bundle.binary = slowReloader(t.server->binary(), m_bin.path());
    r.progress = [&](const ApplyProgress& step) {
        if (!shell->isRunning() || !step.text.contains(QLatin1String("Installing the files")))
            return;
        // The connection drops while install.sh is in the middle of the change (its job has no status yet).
        endedBeforeTheKill = !newestJobRunning();
        shell->kill();
    };
    auto job = applyRemotely(*shell, r);
    QVERIFY(!job);
    QVERIFY(hasCode(job.error().findings, QStringLiteral("REMOTE_CONNECTION_LOST")));
    QVERIFY(!endedBeforeTheKill);

    // A new connection finds the job, follows it to its end, and says the server is fully after.
    auto again = rootShell();
    QVERIFY(again);
    auto jobs = remoteStatus(*again, m_state.path(), {}, 60s);
    QVERIFY2(jobs, qPrintable(jobs.error().fullText()));
    QCOMPARE(jobs->last().action, RemoteJobAction::Install);
    QCOMPARE(jobs->last().state, RemoteJob::State::Succeeded);
    QCOMPARE(jobs->last().serverState(), QStringLiteral("after"));
    QCOMPARE(chatCall(m_fixture, t.newPort), WebhookUpstream::chatOkBody() + "\n200");
    QVERIFY(!QFileInfo::exists(jobs->last().dir + QStringLiteral("/bundle/certs/privkey.pem")));

    auto removed = rollbackRemotely(*again, m_state.path(), true, QStringLiteral("localhost"), {}, 60s);
    QVERIFY2(removed, qPrintable(removed.error().fullText()));
    QCOMPARE(removed->state, RemoteJob::State::Succeeded);
    QCOMPARE(treeDigest(t.server->prefix()), before);
}

void TestRemoteDeploy::sshConnectionKilledDuringTheChange_data()
{
    QTest::addColumn<bool>("serverSide");
    QTest::newRow("ssh killed here") << false;
    QTest::newRow("sshd's process of the connection killed") << true;
}

void TestRemoteDeploy::sshConnectionKilledDuringTheChange()
{
    // The same drop over a real OpenSSH server, as the user with NOPASSWD sudo: kill -9 of this machine's ssh, or of
    // sshd's process that holds the connection on "the server", while install.sh's job runs.
    QFETCH(bool, serverSide);
    if (!m_sshd)
        QSKIP(qPrintable(m_sshdUnavailable));
    Throwaway& t = *m_nginx;
    const QStringList before = treeDigest(t.server->prefix());
    QTemporaryDir client;
    SshOptions options
        = m_sshd->options(SshServer::User::SudoNoPassword, client.filePath(QStringLiteral("known_hosts")));
    options.acceptedFingerprint = m_sshd->hostKeyFingerprint();
    auto shell = openDeploymentShell(options);
    QVERIFY2(shell, qPrintable(shell.error().fullText()));
    const auto remoteShell = (*shell)->run("echo $$", 20s);
    QVERIFY(remoteShell && remoteShell->exitCode == 0);
    const qint64 sshd = sshdOf(remoteShell->output.trimmed().toLongLong());
    const qint64 ssh = (*shell)->processId();
    QVERIFY(sshd > 0);
    QCOMPARE(commandOf(ssh), QByteArray("ssh"));
    const qint64 victim = serverSide ? sshd : ssh;

    bool killed = false;
    bool endedBeforeTheKill = true;
    RemoteApplyRequest r = request(t);
    r.bundle.binary = slowReloader(t.server->binary(), m_bin.path());
    r.progress = [&](const ApplyProgress& step) {
        if (killed || !step.text.contains(QLatin1String("Installing the files")))
            return;
        endedBeforeTheKill = !newestJobRunning();
        killed = ::kill(pid_t(victim), SIGKILL) == 0;
    };
    auto job = applyRemotely(**shell, r);
    QVERIFY(killed);
    QVERIFY(!endedBeforeTheKill);
    QVERIFY(!job);
    QVERIFY2(hasCode(job.error().findings, QStringLiteral("REMOTE_CONNECTION_LOST")),
             qPrintable(job.error().fullText()));

    // A new connection finds the job, follows it to its end and says what the server runs; real clients agree.
    options.acceptedFingerprint.clear(); // known now
    auto again = openDeploymentShell(options);
    QVERIFY2(again, qPrintable(again.error().fullText()));
    auto jobs = remoteStatus(**again, m_state.path(), {}, 60s);
    QVERIFY2(jobs, qPrintable(jobs.error().fullText()));
    const RemoteJob last = jobs->last();
    qInfo().noquote() << "after the drop:" << remoteOutcomeText(last);
    QCOMPARE(last.action, RemoteJobAction::Install);
    QVERIFY2(last.state == RemoteJob::State::Succeeded || last.state == RemoteJob::State::Failed,
             qPrintable(remoteOutcomeText(last)));
    QCOMPARE(servedState(t, before), last.serverState());
    QVERIFY(remoteOutcomeText(last).contains(last.id));
    QVERIFY(!QFileInfo::exists(last.dir + QStringLiteral("/bundle/certs/privkey.pem")));

    if (last.serverState() == QLatin1String("after")) {
        auto removed = rollbackRemotely(**again, m_state.path(), true, QStringLiteral("localhost"), {}, 60s);
        QVERIFY2(removed, qPrintable(removed.error().fullText()));
        QCOMPARE(removed->state, RemoteJob::State::Succeeded);
    }
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(waitForPortState(t.newPort, false));
}

void TestRemoteDeploy::failedChangeKilledEndsBefore()
{
    // Another TLS site whose certificate file was damaged after Apache started: the test passes, the graceful
    // restart stops Apache, install.sh puts everything back. The connection drops in the middle of it.
    Throwaway t(ServerKind::Apache);
    QTemporaryDir work;
    const QString cert = startWithOtherTlsSite(t, m_fixture, work.path());
    QVERIFY(!cert.isEmpty());
    QVERIFY(damageCertificate(cert));
    const QStringList before = treeDigest(t.server->prefix());

    auto shell = rootShell();
    QVERIFY(shell);
    RemoteApplyRequest r = request(t);
    r.bundle.binary = slowReloader(t.server->binary(), m_bin.path());
    r.progress = [&shell](const ApplyProgress& step) {
        if (shell->isRunning() && step.text.contains(QLatin1String("Reloading the server")))
            shell->kill();
    };
    auto job = applyRemotely(*shell, r);
    QVERIFY(!job);
    QVERIFY(hasCode(job.error().findings, QStringLiteral("REMOTE_CONNECTION_LOST")));

    auto again = rootShell();
    QVERIFY(again);
    auto jobs = remoteStatus(*again, m_state.path(), {}, 90s);
    QVERIFY2(jobs, qPrintable(jobs.error().fullText()));
    QCOMPARE(jobs->last().state, RemoteJob::State::Failed);
    QCOMPARE(jobs->last().serverState(), QStringLiteral("before"));
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(!QFileInfo::exists(jobs->last().dir + QStringLiteral("/bundle/certs/privkey.pem")));
}

// The remote executor through a root shell on this machine, with the test's state folder "on the server".
QStringList TestRemoteDeploy::remoteArgs() const
{
    return {QStringLiteral("--local-root-shell"), QStringLiteral("--state-dir"), m_state.path(),
            QStringLiteral("--json")};
}

void TestRemoteDeploy::cliApplyStatusRemove()
{
    Throwaway& t = *m_nginx;
    const QStringList before = treeDigest(t.server->prefix());
    QStringList apply = cliApplyArguments(t, m_fixture.dir(), m_upstream.url());
    // --state-dir of the local installation arguments is replaced by the server's.
    const qsizetype state = apply.indexOf(QStringLiteral("--state-dir"));
    apply.remove(state, 2);
    const ProcessResult applied = runCli(apply + remoteArgs(), QProcessEnvironment::systemEnvironment(), 120000);
    QVERIFY2(applied.exitCode == 0, (applied.out + applied.err).constData());
    const QJsonObject result = jsonOf(applied);
    QCOMPARE(result.value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(result.value(QLatin1String("server_state")).toString(), QStringLiteral("after"));
    QVERIFY(result.value(QLatin1String("steps")).toArray().size() > 3);
    QCOMPARE(result.value(QLatin1String("probe")).toObject().value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(chatCall(m_fixture, t.newPort), WebhookUpstream::chatOkBody() + "\n200");

    const ProcessResult status = runCli(QStringList {QStringLiteral("status")} + remoteArgs());
    QVERIFY2(status.exitCode == 0, (status.out + status.err).constData());
    QCOMPARE(jsonOf(status).value(QLatin1String("server_state")).toString(), QStringLiteral("after"));

    const ProcessResult removed = runCli(
        QStringList {QStringLiteral("remove"), QStringLiteral("--domain"), QStringLiteral("localhost")} + remoteArgs());
    QVERIFY2(removed.exitCode == 0, (removed.out + removed.err).constData());
    QCOMPARE(jsonOf(removed).value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(waitForPortState(t.newPort, false));
}

void TestRemoteDeploy::overSshWithSudoPassword()
{
    // The same commands over a real OpenSSH server on loopback, as a user whose sudo asks for a password.
    if (!m_sshd)
        QSKIP(qPrintable(m_sshdUnavailable));
    const SshServer& sshd = *m_sshd;
    Throwaway& t = *m_nginx;
    const QStringList before = treeDigest(t.server->prefix());
    QTemporaryDir client;
    const SshServer::User user = SshServer::User::SudoPassword;
    const QStringList ssh = sshArgs(user, client.filePath(QStringLiteral("known_hosts")));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MTLS_TEST_SUDO"), sshd.password());
    QStringList apply = cliApplyArguments(t, m_fixture.dir(), m_upstream.url());
    apply.remove(apply.indexOf(QStringLiteral("--state-dir")), 2);

    const ProcessResult applied = runCli(apply + ssh, env, 120000);
    QVERIFY2(applied.exitCode == 0, (applied.out + applied.err).constData());
    QCOMPARE(jsonOf(applied).value(QLatin1String("server_state")).toString(), QStringLiteral("after"));
    QCOMPARE(chatCall(m_fixture, t.newPort), WebhookUpstream::chatOkBody() + "\n200");
    // The apply is a saved setup that names the server it went to (so the wizard renews it there), no password.
    const ProcessResult saved = runCli({QStringLiteral("status"), QStringLiteral("--json")});
    const QJsonObject setup = jsonOf(saved).value(QLatin1String("setups")).toArray().first().toObject();
    QCOMPARE(setup.value(QLatin1String("target")).toString(), QStringLiteral("ssh"));
    QCOMPARE(setup.value(QLatin1String("ssh_target")).toString(), ssh.at(1));
    QCOMPARE(setup.value(QLatin1String("ssh_identity")).toString(), sshd.clientKey(user));
    QCOMPARE(setup.value(QLatin1String("server_root")).toString(), t.server->prefix());
    QVERIFY(!saved.out.contains(sshd.passwordBytes()));
    const ProcessResult status = runCli(QStringList {QStringLiteral("status")} + ssh, env);
    QVERIFY2(status.exitCode == 0, (status.out + status.err).constData());
    QCOMPARE(jsonOf(status).value(QLatin1String("server_state")).toString(), QStringLiteral("after"));
    const ProcessResult rolledBack = runCli(QStringList {QStringLiteral("rollback")} + ssh, env, 120000);
    QVERIFY2(rolledBack.exitCode == 0, (rolledBack.out + rolledBack.err).constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(waitForPortState(t.newPort, false));
    // Neither the password nor the key stays in the jobs, their logs or the history on the server.
    for (const QString& secret : {sshd.password(), keyBody(m_fixture)}) {
        const ProcessResult found
            = runProcess(QStringLiteral("grep"), {QStringLiteral("-rlF"), secret, m_state.path()});
        QVERIFY2(found.exitCode == 1, found.out.constData());
    }
}

QStringList TestRemoteDeploy::sshArgs(SshServer::User user, const QString& knownHosts) const
{
    QStringList args {QStringLiteral("--ssh"),
                      QStringLiteral("%1@127.0.0.1:%2").arg(m_sshd->userName(user)).arg(m_sshd->port()),
                      QStringLiteral("--identity"),
                      m_sshd->clientKey(user),
                      QStringLiteral("--known-hosts"),
                      knownHosts,
                      QStringLiteral("--accept-host-key"),
                      m_sshd->hostKeyFingerprint(),
                      QStringLiteral("--state-dir"),
                      m_state.path(),
                      QStringLiteral("--json")};
    if (user == SshServer::User::SudoPassword)
        args << QStringLiteral("--sudo-password-env") << QStringLiteral("MTLS_TEST_SUDO");
    return args;
}

void TestRemoteDeploy::apacheOverSshApplyThenRemove()
{
    // Apache on the server, as a user with NOPASSWD sudo: apply, then remove, judged by curl and the tree's digest.
    if (!m_sshd)
        QSKIP(qPrintable(m_sshdUnavailable));
    Throwaway t(ServerKind::Apache);
    QVERIFY(t.start());
    const QStringList before = treeDigest(t.server->prefix());
    const QByteArray oldSite = plainGet(t.oldPort);
    QVERIFY(!oldSite.isEmpty());
    QTemporaryDir client;
    const QStringList ssh = sshArgs(SshServer::User::SudoNoPassword, client.filePath(QStringLiteral("known_hosts")));
    QStringList apply = cliApplyArguments(t, m_fixture.dir(), m_upstream.url());
    apply.remove(apply.indexOf(QStringLiteral("--state-dir")), 2);
    const ProcessResult applied = runCli(apply + ssh, QProcessEnvironment::systemEnvironment(), 120000);
    QVERIFY2(applied.exitCode == 0, (applied.out + applied.err).constData());
    QCOMPARE(jsonOf(applied).value(QLatin1String("server_state")).toString(), QStringLiteral("after"));
    QCOMPARE(chatCall(m_fixture, t.newPort), WebhookUpstream::chatOkBody() + "\n200");
    // Apache refuses a caller without a client certificate in the handshake: curl gets no HTTP status at all.
    const ProcessResult stranger = m_fixture.curl(t.newPort, QStringLiteral("/im/callback"), QString());
    QVERIFY2(stranger.exitCode != 0 || stranger.out.endsWith("\n000"), (stranger.out + stranger.err).constData());
    QCOMPARE(plainGet(t.oldPort), oldSite); // the user's site answers as before

    const ProcessResult removed
        = runCli(QStringList {QStringLiteral("remove"), QStringLiteral("--domain"), QStringLiteral("localhost")} + ssh,
                 QProcessEnvironment::systemEnvironment(), 120000);
    QVERIFY2(removed.exitCode == 0, (removed.out + removed.err).constData());
    QCOMPARE(jsonOf(removed).value(QLatin1String("server_state")).toString(), QStringLiteral("before"));
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(waitForPortState(t.newPort, false));
}

QTEST_GUILESS_MAIN(TestRemoteDeploy)
#include "tst_remote_deploy.moc"
