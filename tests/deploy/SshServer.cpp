#include "SshServer.h"

#include "TestProcess.h"
#include "core/ChildProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>

#ifdef Q_OS_UNIX
#include <csignal>
#include <unistd.h>
#endif

namespace {

const char* const kSshd = "/usr/sbin/sshd";

QString userPrefix(SshServer::User user)
{
    switch (user) {
    case SshServer::User::SudoPassword:
        return QStringLiteral("mtls-sshpw-");
    case SshServer::User::SudoNoPassword:
        return QStringLiteral("mtls-sshnopw-");
    case SshServer::User::NoSudo:
        return QStringLiteral("mtls-sshnone-");
    case SshServer::User::RequireTty:
        return QStringLiteral("mtls-sshtty-");
    case SshServer::User::Root:
        break;
    }
    return QString();
}

const QList<SshServer::User> kTestUsers {SshServer::User::SudoPassword, SshServer::User::SudoNoPassword,
                                         SshServer::User::NoSudo, SshServer::User::RequireTty};

bool writeFile(const QString& path, const QByteArray& content, QFileDevice::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return false;
    file.close();
    return file.setPermissions(permissions);
}

// Ends every process of the user `name` (a throwaway test user: its sessions, sudo and shells).
void killProcessesOf(const QString& name)
{
#ifdef Q_OS_UNIX
    const ProcessResult id = runProcess(QStringLiteral("id"), {QStringLiteral("-u"), name});
    bool ok = false;
    const uint uid = id.out.trimmed().toUInt(&ok);
    if (id.exitCode != 0 || !ok || uid == 0)
        return;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList({}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& pidText : pids) {
        const int pid = pidText.toInt(&ok);
        if (!ok)
            continue;
        QFile status(QStringLiteral("/proc/%1/status").arg(pid));
        if (!status.open(QIODevice::ReadOnly))
            continue;
        static const QRegularExpression uidLine(QStringLiteral("^Uid:\\s+(\\d+)\\s+(\\d+)"),
                                                QRegularExpression::MultilineOption);
        const auto match = uidLine.match(QString::fromLatin1(status.readAll()));
        if (match.hasMatch() && (match.captured(1).toUInt() == uid || match.captured(2).toUInt() == uid))
            ::kill(pid, SIGKILL);
    }
#else
    Q_UNUSED(name)
#endif
}

void removeUser(const QString& name)
{
    killProcessesOf(name);
    runProcess(QStringLiteral("userdel"), {QStringLiteral("-f"), name});
    // sudo's records of the user (lecture, timestamps).
    QFile::remove(QStringLiteral("/var/lib/sudo/lectured/") + name);
    QFile::remove(QStringLiteral("/run/sudo/ts/") + name);
}

} // namespace

SshServer::SshServer()
    : m_suffix(QString::number(QCoreApplication::applicationPid()))
{
    quint32 words[3];
    QRandomGenerator::system()->fillRange(words);
    // Distinctive, so a test can look for it anywhere.
    m_password = "Pw-" + QByteArray(reinterpret_cast<const char*>(words), sizeof words).toHex() + "-sudo";
    m_sudoersFile = QStringLiteral("/etc/sudoers.d/mtls-ssh-") + m_suffix;
}

SshServer::~SshServer()
{
    stopSshd();
    removeUsers();
}

QString SshServer::unavailableReason()
{
#ifdef Q_OS_UNIX
    if (::geteuid() != 0)
        return QStringLiteral("the SSH tests make users and sudoers rules: run them as root (CI does)");
#else
    return QStringLiteral("the throwaway sshd runs on Linux only");
#endif
    if (!QFileInfo(QString::fromLatin1(kSshd)).isExecutable())
        return QStringLiteral("no /usr/sbin/sshd (openssh-server; packaging/install-deps.sh installs it)");
    for (const char* program : {"ssh", "ssh-keygen", "ssh-keyscan", "sudo", "useradd", "visudo"}) {
        if (QStandardPaths::findExecutable(QLatin1String(program)).isEmpty()
            && !QFileInfo::exists(QStringLiteral("/usr/sbin/") + QLatin1String(program)))
            return QStringLiteral("%1 is not installed").arg(QLatin1String(program));
    }
    return QString();
}

QString SshServer::userName(User user) const
{
    return user == User::Root ? QStringLiteral("root") : userPrefix(user) + m_suffix;
}

QString SshServer::clientKey(User user) const
{
    return m_dir.filePath(QStringLiteral("client/") + userName(user));
}

QString SshServer::otherClientKey() const
{
    return m_dir.filePath(QStringLiteral("client/other"));
}

QString SshServer::hostKeyFingerprint() const
{
    const ProcessResult listed = runProcess(QStringLiteral("ssh-keygen"),
                                            {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"),
                                             QStringLiteral("-f"), m_dir.filePath(QStringLiteral("host_key.pub"))});
    const QList<QByteArray> fields = listed.out.split(' ');
    return fields.size() > 1 ? QString::fromLatin1(fields.at(1)) : QString();
}

mtls::SshOptions SshServer::options(User user, const QString& knownHosts) const
{
    mtls::SshOptions options;
    options.target.user = userName(user);
    options.target.host = QStringLiteral("127.0.0.1");
    options.target.port = m_port;
    options.identityFile = clientKey(user);
    options.knownHostsFile = knownHosts;
    options.connectTimeout = std::chrono::seconds(10);
    options.commandTimeout = std::chrono::seconds(20);
    return options;
}

void SshServer::removeStaleUsers()
{
    QFile passwd(QStringLiteral("/etc/passwd"));
    if (!passwd.open(QIODevice::ReadOnly))
        return;
    static const QRegularExpression name(QStringLiteral("^(mtls-ssh(?:pw|nopw|none|tty)-(\\d+)):"),
                                         QRegularExpression::MultilineOption);
    auto matches = name.globalMatch(QString::fromLatin1(passwd.readAll()));
    while (matches.hasNext()) {
        const auto match = matches.next();
        if (QFileInfo::exists(QStringLiteral("/proc/") + match.captured(2)))
            continue; // another test executable's, still running
        removeUser(match.captured(1));
        QFile::remove(QStringLiteral("/etc/sudoers.d/mtls-ssh-") + match.captured(2));
    }
}

bool SshServer::makeUsers()
{
    removeStaleUsers();
    const QDir dir(m_dir.path());
    for (const char* sub : {"client", "authorized", "home"}) {
        if (!dir.mkpath(QLatin1String(sub)))
            return false;
    }
    // sshd reads authorized_keys as the user: the folders must let every user through.
    for (const QString& path :
         {m_dir.path(), dir.filePath(QStringLiteral("authorized")), dir.filePath(QStringLiteral("home"))})
        QFile::setPermissions(path,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                  | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                  | QFileDevice::ExeOther);
    QList<User> users = kTestUsers;
    users << User::Root;
    for (const User user : users) {
        const QString name = userName(user);
        if (user != User::Root) {
            const ProcessResult added
                = runProcess(QStringLiteral("useradd"),
                             {QStringLiteral("-m"), QStringLiteral("-d"), dir.filePath(QStringLiteral("home/") + name),
                              QStringLiteral("-s"), QStringLiteral("/bin/sh"), name});
            if (added.exitCode != 0) {
                m_error = QStringLiteral("useradd %1: %2").arg(name, QString::fromLocal8Bit(added.err));
                return false;
            }
            m_madeUsers << name;
            // Through standard input: the password is on no command line.
            const ProcessResult password
                = runProcess(QStringLiteral("chpasswd"), {}, QProcessEnvironment::systemEnvironment(), 30000,
                             name.toLatin1() + ':' + m_password + '\n');
            if (password.exitCode != 0) {
                m_error = QStringLiteral("chpasswd: ") + QString::fromLocal8Bit(password.err);
                return false;
            }
        }
        const ProcessResult key
            = runProcess(QStringLiteral("ssh-keygen"),
                         {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                          QString(), QStringLiteral("-C"), name, QStringLiteral("-f"), clientKey(user)});
        if (key.exitCode != 0) {
            m_error = QStringLiteral("ssh-keygen: ") + QString::fromLocal8Bit(key.err);
            return false;
        }
        QFile publicKey(clientKey(user) + QStringLiteral(".pub"));
        if (!publicKey.open(QIODevice::ReadOnly)
            || !writeFile(dir.filePath(QStringLiteral("authorized/") + name), publicKey.readAll(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                              | QFileDevice::ReadOther)) {
            m_error = QStringLiteral("cannot write the authorized key of ") + name;
            return false;
        }
    }
    const ProcessResult other = runProcess(QStringLiteral("ssh-keygen"),
                                           {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                            QStringLiteral("-N"), QString(), QStringLiteral("-f"), otherClientKey()});
    if (other.exitCode != 0) {
        m_error = QStringLiteral("ssh-keygen: ") + QString::fromLocal8Bit(other.err);
        return false;
    }

    const QString pw = userName(User::SudoPassword);
    const QString nopw = userName(User::SudoNoPassword);
    const QString tty = userName(User::RequireTty);
    const QByteArray rules = QStringLiteral("%1 ALL=(ALL) ALL\n"
                                            "%2 ALL=(ALL) NOPASSWD: ALL\n"
                                            "Defaults:%3 requiretty\n"
                                            "%3 ALL=(ALL) NOPASSWD: ALL\n")
                                 .arg(pw, nopw, tty)
                                 .toLatin1();
    // Checked under a name sudo ignores (it skips names with a dot), then moved into place.
    const QString candidate = m_sudoersFile + QStringLiteral(".new");
    if (!writeFile(candidate, rules, QFileDevice::ReadOwner | QFileDevice::ReadGroup)) {
        m_error = QStringLiteral("cannot write ") + candidate;
        return false;
    }
    const ProcessResult checked = runProcess(QStringLiteral("visudo"), {QStringLiteral("-cf"), candidate});
    if (checked.exitCode != 0 || !QFile::rename(candidate, m_sudoersFile)) {
        QFile::remove(candidate);
        m_error = QStringLiteral("visudo -cf: ") + QString::fromLocal8Bit(checked.out + checked.err);
        return false;
    }
    return true;
}

bool SshServer::makeHostKey()
{
    const QString key = m_dir.filePath(QStringLiteral("host_key"));
    QFile::remove(key);
    QFile::remove(key + QStringLiteral(".pub"));
    const ProcessResult made = runProcess(QStringLiteral("ssh-keygen"),
                                          {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                           QStringLiteral("-N"), QString(), QStringLiteral("-f"), key});
    if (made.exitCode != 0)
        m_error = QStringLiteral("ssh-keygen: ") + QString::fromLocal8Bit(made.err);
    return made.exitCode == 0;
}

bool SshServer::startSshd()
{
    QDir().mkpath(QStringLiteral("/run/sshd")); // sshd's privilege separation folder
    const QString config = m_dir.filePath(QStringLiteral("sshd_config"));
    const QByteArray text = QStringLiteral("Port %1\n"
                                           "ListenAddress 127.0.0.1\n"
                                           "HostKey %2/host_key\n"
                                           "PidFile %2/sshd.pid\n"
                                           "AuthorizedKeysFile %2/authorized/%u\n"
                                           "StrictModes no\n"
                                           "UsePAM no\n"
                                           "PasswordAuthentication no\n"
                                           "KbdInteractiveAuthentication no\n"
                                           "PermitRootLogin prohibit-password\n"
                                           "LogLevel VERBOSE\n")
                                .arg(m_port)
                                .arg(m_dir.path())
                                .toLatin1();
    if (!writeFile(config, text, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        m_error = QStringLiteral("cannot write ") + config;
        return false;
    }
    const QString log = m_dir.filePath(QStringLiteral("sshd.log"));
    m_sshd = std::make_unique<QProcess>();
    mtls::prepareChild(*m_sshd, mtls::ChildLifetime::BoundToParent);
    m_sshd->setStandardOutputFile(log, QIODevice::Append);
    m_sshd->setStandardErrorFile(log, QIODevice::Append);
    const qint64 logStart = QFileInfo(log).size();
    m_sshd->start(QString::fromLatin1(kSshd),
                  {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), config});
    if (!m_sshd->waitForStarted()) {
        m_error = QStringLiteral("cannot start sshd: ") + m_sshd->errorString();
        return false;
    }
    const QByteArray listening = QStringLiteral("Server listening on 127.0.0.1 port %1.").arg(m_port).toLatin1();
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        QFile file(log);
        if (file.open(QIODevice::ReadOnly) && file.seek(logStart) && file.readAll().contains(listening))
            return true;
        if (m_sshd->waitForFinished(50)) {
            QFile again(log);
            again.open(QIODevice::ReadOnly);
            m_error = QStringLiteral("sshd ended: ") + QString::fromLocal8Bit(again.readAll());
            return false;
        }
    }
    m_error = QStringLiteral("sshd did not start listening within 10 s");
    return false;
}

void SshServer::stopSshd()
{
    if (!m_sshd)
        return;
    if (m_sshd->state() != QProcess::NotRunning) {
        m_sshd->terminate();
        if (!m_sshd->waitForFinished(5000)) {
            m_sshd->kill();
            m_sshd->waitForFinished(5000);
        }
    }
    m_sshd.reset();
}

void SshServer::removeUsers()
{
    for (const QString& name : std::as_const(m_madeUsers))
        removeUser(name);
    m_madeUsers.clear();
    QFile::remove(m_sudoersFile);
}

bool SshServer::start()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    m_port = freeLoopbackPort();
    return makeUsers() && makeHostKey() && startSshd();
}

bool SshServer::restartWithNewHostKey()
{
    stopSshd();
    return makeHostKey() && startSshd();
}

void SshServer::freezeConnections(bool frozen) const
{
#ifdef Q_OS_UNIX
    if (!m_sshd)
        return;
    // The listener's descendants, found through the parent field of /proc/PID/stat.
    QList<qint64> parents {m_sshd->processId()};
    QList<qint64> connections;
    for (int depth = 0; depth < 4; ++depth) {
        QList<qint64> children;
        const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString& pidText : pids) {
            bool ok = false;
            const qint64 pid = pidText.toLongLong(&ok);
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pidText));
            if (!ok || !stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray text = stat.readAll();
            const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
            if (fields.size() > 1 && parents.contains(fields.at(1).toLongLong()))
                children << pid;
        }
        connections << children;
        parents = children;
    }
    for (const qint64 pid : std::as_const(connections))
        ::kill(pid_t(pid), frozen ? SIGSTOP : SIGCONT);
#else
    Q_UNUSED(frozen)
#endif
}

BlackHole::BlackHole()
{
    m_server.listen(QHostAddress::LocalHost, 0);
}
