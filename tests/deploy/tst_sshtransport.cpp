// The SSH transport against a real OpenSSH server on loopback (SshServer): host keys (unknown, accepted by
// fingerprint, a wrong fingerprint, changed), the root shell for each kind of user, the failures with their codes,
// a host that never answers, and no trace of the sudo password outside this process's memory. Judged by what really
// happens: `id -u` through the shell, the known-hosts file's bytes, sshd's log, the process list.

#include "SshServer.h"
#include "TestProcess.h"
#include "deploy/SshHostKey.h"
#include "deploy/SshShell.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mtls;
using namespace std::chrono_literals;

namespace {

QMutex g_logMutex;
QByteArray g_log; // every message this test printed
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        const QMutexLocker lock(&g_logMutex);
        g_log += message.toUtf8() + '\n';
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString codeOf(const Error& error)
{
    return error.findings.isEmpty() ? QString() : error.findings.first().code;
}

QByteArray idOf(ShellSession& session)
{
    const auto run = session.run("id -u", 20s);
    return run ? run->output.trimmed() : QByteArray("failed: ") + run.error().fullText().toUtf8();
}

// The processes whose user is `name`.
int processCountOf(const QString& name)
{
    const ProcessResult listed
        = runProcess(QStringLiteral("ps"), {QStringLiteral("-u"), name, QStringLiteral("-o"), QStringLiteral("pid=")});
    return int(listed.out.trimmed().isEmpty() ? 0 : listed.out.trimmed().split('\n').size());
}

} // namespace

class TestSshTransport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void unknownKeyRefusedWithoutAcceptance();
    void wrongFingerprintRefused();
    void acceptedFingerprintRecordedAndConnects();
    void defaultKnownHostsInAppData();
    void rootLogin();
    void hashedKnownHostsFile();
    void sudoWithoutPassword();
    void sudoWithPasswordLeavesNoTrace();
    void knownHostOneConnection_data();
    void knownHostOneConnection();
    void sudoWrongPassword();
    void sudoPasswordNeeded();
    void sudoNotAllowed();
    void sudoRequiresTty();
    void authenticationFailed_data();
    void authenticationFailed();
    void unreachable();
    void blackHoleEndsWithinTheBound();
    void serverThatStopsAnsweringEndsTheSession();
    void changedKeyRefusedAndNothingRun(); // last: it gives the server a new host key

private:
    // A known-hosts file that holds the server's current key (accepted by fingerprint).
    QString acceptedKnownHosts();
    int acceptedLogins() const;
    int connections() const; // every TCP connection sshd accepted (LogLevel VERBOSE: "Connection from …")

    std::unique_ptr<SshServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_knownHosts;
};

void TestSshTransport::initTestCase()
{
    const QString reason = SshServer::unavailableReason();
    if (!reason.isEmpty())
        QSKIP(qPrintable(reason));
    g_previousHandler = qInstallMessageHandler(recordMessage);
    QLoggingCategory::setFilterRules(QStringLiteral("mtls.*=true")); // every log line, so they can be searched
    m_server = std::make_unique<SshServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
}

void TestSshTransport::cleanupTestCase()
{
    m_server.reset();
    qInstallMessageHandler(g_previousHandler);
}

void TestSshTransport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_knownHosts = m_dir->filePath(QStringLiteral("known_hosts"));
}

QString TestSshTransport::acceptedKnownHosts()
{
    SshOptions options = m_server->options(SshServer::User::Root, m_knownHosts);
    options.acceptedFingerprint = m_server->hostKeyFingerprint();
    const Status accepted = verifyHostKey(options);
    return accepted ? m_knownHosts : QString();
}

int TestSshTransport::acceptedLogins() const
{
    return int(readAll(QDir(m_server->dir()).filePath(QStringLiteral("sshd.log"))).count("Accepted publickey"));
}

int TestSshTransport::connections() const
{
    return int(readAll(QDir(m_server->dir()).filePath(QStringLiteral("sshd.log"))).count("Connection from "));
}

void TestSshTransport::unknownKeyRefusedWithoutAcceptance()
{
    const int logins = acceptedLogins();
    const SshOptions options = m_server->options(SshServer::User::SudoNoPassword, m_knownHosts);
    const auto check = checkHostKey(options);
    QVERIFY2(check, qPrintable(check.error().fullText()));
    QCOMPARE(check->state, HostKeyState::Unknown);
    QCOMPARE(check->knownHostsName, QStringLiteral("[127.0.0.1]:%1").arg(m_server->port()));
    QCOMPARE(check->offered.first().fingerprint, m_server->hostKeyFingerprint());
    QCOMPARE(check->offered.first().displayType, QStringLiteral("ED25519"));

    const auto shell = openDeploymentShell(options);
    QVERIFY(!shell);
    QCOMPARE(codeOf(shell.error()), QStringLiteral("SSH_HOST_KEY_UNKNOWN"));
    QVERIFY(shell.error().message.contains(m_server->hostKeyFingerprint()));
    QVERIFY(!QFile::exists(m_knownHosts));
    QCOMPARE(acceptedLogins(), logins); // never logged in
}

void TestSshTransport::wrongFingerprintRefused()
{
    const int logins = acceptedLogins();
    SshOptions options = m_server->options(SshServer::User::SudoNoPassword, m_knownHosts);
    options.acceptedFingerprint = QStringLiteral("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
    const auto shell = openDeploymentShell(options);
    QVERIFY(!shell);
    QCOMPARE(codeOf(shell.error()), QStringLiteral("SSH_HOST_KEY_MISMATCH"));
    QVERIFY(!QFile::exists(m_knownHosts));
    QCOMPARE(acceptedLogins(), logins);
}

void TestSshTransport::acceptedFingerprintRecordedAndConnects()
{
    SshOptions options = m_server->options(SshServer::User::SudoNoPassword, m_knownHosts);
    options.acceptedFingerprint = m_server->hostKeyFingerprint();
    auto shell = openRootShell(options);
    QVERIFY2(shell, qPrintable(shell.error().fullText()));
    QCOMPARE(idOf(*shell->session), QByteArray("0"));

    // The file holds exactly the server's key under the name ssh looks up, and only the user can read it.
    const QList<QByteArray> hostKey
        = readAll(QDir(m_server->dir()).filePath(QStringLiteral("host_key.pub"))).split(' ');
    QCOMPARE(readAll(m_knownHosts),
             QStringLiteral("[127.0.0.1]:%1 ").arg(m_server->port()).toLatin1() + hostKey.at(0) + ' ' + hostKey.at(1)
                 + '\n');
    QCOMPARE(QFile::permissions(m_knownHosts) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());

    // Known now: a second connection needs no fingerprint, and the file stays as it is.
    shell->session.reset();
    options.acceptedFingerprint.clear();
    const QByteArray before = readAll(m_knownHosts);
    auto again = openDeploymentShell(options);
    QVERIFY2(again, qPrintable(again.error().fullText()));
    QCOMPARE(idOf(**again), QByteArray("0"));
    QCOMPARE(readAll(m_knownHosts), before);
}

void TestSshTransport::defaultKnownHostsInAppData()
{
    SshOptions options = m_server->options(SshServer::User::Root, QString());
    options.acceptedFingerprint = m_server->hostKeyFingerprint();
    const QString expected = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                 .filePath(QStringLiteral("known_hosts"));
    QFile::remove(expected);
    QCOMPARE(knownHostsFileOf(options), expected);
    QVERIFY(verifyHostKey(options));
    QVERIFY(
        readAll(expected).startsWith(QStringLiteral("[127.0.0.1]:%1 ssh-ed25519 ").arg(m_server->port()).toLatin1()));
}

void TestSshTransport::rootLogin()
{
    const QString knownHosts = acceptedKnownHosts();
    QVERIFY(!knownHosts.isEmpty());
    auto shell = openRootShell(m_server->options(SshServer::User::Root, knownHosts));
    QVERIFY2(shell, qPrintable(shell.error().fullText()));
    QCOMPARE(shell->privilege, SshPrivilege::RootLogin);
    QCOMPARE(idOf(*shell->session), QByteArray("0"));
}

void TestSshTransport::hashedKnownHostsFile()
{
    // A file whose names are hashed (HashKnownHosts, as Debian's ssh writes ~/.ssh/known_hosts) is read the same.
    const QString knownHosts = acceptedKnownHosts();
    QVERIFY(!knownHosts.isEmpty());
    QCOMPARE(
        runProcess(QStringLiteral("ssh-keygen"), {QStringLiteral("-H"), QStringLiteral("-f"), knownHosts}).exitCode, 0);
    QVERIFY(readAll(knownHosts).startsWith("|1|"));
    const SshOptions options = m_server->options(SshServer::User::Root, knownHosts);
    const auto check = checkHostKey(options);
    QVERIFY2(check, qPrintable(check.error().fullText()));
    QCOMPARE(check->state, HostKeyState::Known);
    auto shell = openDeploymentShell(options);
    QVERIFY2(shell, qPrintable(shell.error().fullText()));
    QCOMPARE(idOf(**shell), QByteArray("0"));
}

void TestSshTransport::sudoWithoutPassword()
{
    const QString knownHosts = acceptedKnownHosts();
    QVERIFY(!knownHosts.isEmpty());
    auto shell = openRootShell(m_server->options(SshServer::User::SudoNoPassword, knownHosts));
    QVERIFY2(shell, qPrintable(shell.error().fullText()));
    QCOMPARE(shell->privilege, SshPrivilege::SudoWithoutPassword);
    QCOMPARE(idOf(*shell->session), QByteArray("0"));
    // The login was the user's own: sudo made the shell root.
    const auto who = shell->session->run("echo \"$SUDO_USER\"", 20s);
    QVERIFY(who);
    QCOMPARE(who->output.trimmed(), m_server->userName(SshServer::User::SudoNoPassword).toLatin1());
}

void TestSshTransport::sudoWithPasswordLeavesNoTrace()
{
    const QString knownHosts = acceptedKnownHosts();
    QVERIFY(!knownHosts.isEmpty());
    SshOptions options = m_server->options(SshServer::User::SudoPassword, knownHosts);
    options.sudoPassword = m_server->passwordBytes();
    auto shell = openRootShell(options);
    QVERIFY2(shell, qPrintable(shell.error().fullText()));
    QCOMPARE(shell->privilege, SshPrivilege::SudoWithPassword);
    QCOMPARE(idOf(*shell->session), QByteArray("0"));
    const auto who = shell->session->run("echo \"$SUDO_USER\"", 20s);
    QVERIFY(who);
    QCOMPARE(who->output.trimmed(), m_server->userName(SshServer::User::SudoPassword).toLatin1());

    // While the session is open: no command line and no environment of any process on this machine (this test,
    // ssh, sshd, sudo and the shell on the "server") holds the password.
    const QByteArray secret = m_server->passwordBytes();
    int processes = 0;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& pid : pids) {
        bool isPid = false;
        pid.toInt(&isPid);
        if (!isPid)
            continue;
        for (const char* part : {"cmdline", "environ"}) {
            const QByteArray content = readAll(QStringLiteral("/proc/%1/%2").arg(pid, QLatin1String(part)));
            QVERIFY2(!content.contains(secret),
                     qPrintable(QStringLiteral("/proc/%1/%2").arg(pid, QLatin1String(part))));
        }
        ++processes;
    }
    QVERIFY(processes > 5);
    // Nor the known-hosts file, the application's data folder, the test's folders or what the test printed.
    QVERIFY(!readAll(knownHosts).contains(secret));
    const QString appData = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    for (const QString& root : {appData, m_dir->path(), m_server->dir()}) {
        QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString file = files.next();
            QVERIFY2(!readAll(file).contains(secret), qPrintable(file));
        }
    }
    const QMutexLocker lock(&g_logMutex);
    QVERIFY(!g_log.isEmpty()); // the engine's log lines were recorded
    QVERIFY(!g_log.contains(secret));
}

void TestSshTransport::knownHostOneConnection_data()
{
    QTest::addColumn<SshServer::User>("user");
    QTest::addColumn<SshPrivilege>("privilege");
    QTest::newRow("root") << SshServer::User::Root << SshPrivilege::RootLogin;
    QTest::newRow("sudo without password") << SshServer::User::SudoNoPassword << SshPrivilege::SudoWithoutPassword;
    QTest::newRow("sudo with password") << SshServer::User::SudoPassword << SshPrivilege::SudoWithPassword;
}

void TestSshTransport::knownHostOneConnection()
{
    // A host the known-hosts file holds is not scanned, and the way to root is found in the session's own login:
    // opening the shell is one connection to sshd and one login, whichever the privilege.
    QFETCH(SshServer::User, user);
    QFETCH(SshPrivilege, privilege);
    const QString knownHosts = acceptedKnownHosts();
    QVERIFY(!knownHosts.isEmpty());
    SshOptions options = m_server->options(user, knownHosts);
    if (privilege == SshPrivilege::SudoWithPassword)
        options.sudoPassword = m_server->passwordBytes();
    const int connectionsBefore = connections();
    const int loginsBefore = acceptedLogins();
    auto shell = openRootShell(options);
    QVERIFY2(shell, qPrintable(shell.error().fullText()));
    QCOMPARE(shell->privilege, privilege);
    QCOMPARE(idOf(*shell->session), QByteArray("0"));
    QCOMPARE(connections() - connectionsBefore, 1);
    QCOMPARE(acceptedLogins() - loginsBefore, 1);
}

void TestSshTransport::sudoWrongPassword()
{
    const QString knownHosts = acceptedKnownHosts();
    QVERIFY(!knownHosts.isEmpty());
    SshOptions options = m_server->options(SshServer::User::SudoPassword, knownHosts);
    options.sudoPassword = "not-" + m_server->passwordBytes();
    const auto shell = openRootShell(options);
    QVERIFY(!shell);
    QCOMPARE(codeOf(shell.error()), QStringLiteral("SSH_SUDO_PASSWORD_WRONG"));
    // Nothing of the attempt stays on the server.
    QTRY_COMPARE_WITH_TIMEOUT(processCountOf(m_server->userName(SshServer::User::SudoPassword)), 0, 10000);
}

void TestSshTransport::sudoPasswordNeeded()
{
    const QString knownHosts = acceptedKnownHosts();
    QVERIFY(!knownHosts.isEmpty());
    const auto shell = openRootShell(m_server->options(SshServer::User::SudoPassword, knownHosts));
    QVERIFY(!shell);
    QCOMPARE(codeOf(shell.error()), QStringLiteral("SSH_SUDO_PASSWORD_NEEDED"));
}

void TestSshTransport::sudoNotAllowed()
{
    const QString knownHosts = acceptedKnownHosts();
    QVERIFY(!knownHosts.isEmpty());
    SshOptions options = m_server->options(SshServer::User::NoSudo, knownHosts);
    options.sudoPassword = m_server->passwordBytes();
    const auto shell = openRootShell(options);
    QVERIFY(!shell);
    QCOMPARE(codeOf(shell.error()), QStringLiteral("SSH_SUDO_NOT_ALLOWED"));
}

void TestSshTransport::sudoRequiresTty()
{
    const QString knownHosts = acceptedKnownHosts();
    QVERIFY(!knownHosts.isEmpty());
    const auto shell = openRootShell(m_server->options(SshServer::User::RequireTty, knownHosts));
    QVERIFY(!shell);
    QCOMPARE(codeOf(shell.error()), QStringLiteral("SSH_SUDO_REQUIRETTY"));
}

void TestSshTransport::authenticationFailed_data()
{
    QTest::addColumn<bool>("unknownUser");
    QTest::newRow("unknown user") << true;
    QTest::newRow("key the user does not accept") << false;
}

void TestSshTransport::authenticationFailed()
{
    QFETCH(bool, unknownUser);
    const QString knownHosts = acceptedKnownHosts();
    QVERIFY(!knownHosts.isEmpty());
    const int logins = acceptedLogins();
    SshOptions options = m_server->options(SshServer::User::SudoNoPassword, knownHosts);
    if (unknownUser)
        options.target.user = QStringLiteral("mtls-nosuchuser");
    else
        options.identityFile = m_server->otherClientKey();
    const auto shell = openRootShell(options);
    QVERIFY(!shell);
    QCOMPARE(codeOf(shell.error()), QStringLiteral("SSH_AUTH_FAILED"));
    QCOMPARE(acceptedLogins(), logins);
}

void TestSshTransport::unreachable()
{
    SshOptions options = m_server->options(SshServer::User::Root, m_knownHosts);
    options.target.port = freeLoopbackPort(); // nothing listens there
    const auto shell = openRootShell(options);
    QVERIFY(!shell);
    QCOMPARE(codeOf(shell.error()), QStringLiteral("SSH_UNREACHABLE"));
}

void TestSshTransport::blackHoleEndsWithinTheBound()
{
    BlackHole hole;
    QVERIFY(hole.port() != 0);
    SshOptions options = m_server->options(SshServer::User::Root, m_knownHosts);
    options.target.port = hole.port();
    options.connectTimeout = 3s;
    QElapsedTimer timer;
    timer.start();
    const auto shell = openRootShell(options);
    QVERIFY(!shell);
    QCOMPARE(codeOf(shell.error()), QStringLiteral("SSH_TIMEOUT"));
    QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
}

void TestSshTransport::serverThatStopsAnsweringEndsTheSession()
{
    const QString knownHosts = acceptedKnownHosts();
    QVERIFY(!knownHosts.isEmpty());
    SshOptions options = m_server->options(SshServer::User::Root, knownHosts);
    options.connectTimeout = 3s; // keep-alives every second, three missed end the connection
    auto shell = openDeploymentShell(options);
    QVERIFY2(shell, qPrintable(shell.error().fullText()));
    m_server->freezeConnections(true);
    QElapsedTimer timer;
    timer.start();
    // The command's own bound (60 s) is far away: only ssh's keep-alives can end this early.
    const auto run = (*shell)->run("sleep 20; echo finished", 60s);
    const qint64 elapsed = timer.elapsed();
    m_server->freezeConnections(false);
    QVERIFY(!run);
    QVERIFY2(elapsed < 15000, qPrintable(QString::number(elapsed)));
    QVERIFY(!(*shell)->isRunning());
}

void TestSshTransport::changedKeyRefusedAndNothingRun()
{
    const QString knownHosts = acceptedKnownHosts();
    QVERIFY(!knownHosts.isEmpty());
    const QByteArray before = readAll(knownHosts);
    const QString oldFingerprint = m_server->hostKeyFingerprint();
    QVERIFY(m_server->restartWithNewHostKey());
    QVERIFY(m_server->hostKeyFingerprint() != oldFingerprint);
    const int logins = acceptedLogins();

    SshOptions options = m_server->options(SshServer::User::Root, knownHosts);
    const auto check = checkHostKey(options);
    QVERIFY2(check, qPrintable(check.error().fullText()));
    QCOMPARE(check->state, HostKeyState::Changed);
    for (const QString& fingerprint : {QString(), m_server->hostKeyFingerprint()}) {
        options.acceptedFingerprint = fingerprint; // not even the new key's fingerprint lets it through
        const auto shell = openRootShell(options);
        QVERIFY(!shell);
        QCOMPARE(codeOf(shell.error()), QStringLiteral("SSH_HOST_KEY_CHANGED"));
        QVERIFY(shell.error().findings.first().hint.contains(QStringLiteral("ssh-keygen -R")));
        QVERIFY(shell.error().message.contains(m_server->hostKeyFingerprint()));
    }
    QCOMPARE(readAll(knownHosts), before);
    QCOMPARE(acceptedLogins(), logins); // nothing logged in, so nothing ran
}

QTEST_GUILESS_MAIN(TestSshTransport)
#include "tst_sshtransport.moc"
