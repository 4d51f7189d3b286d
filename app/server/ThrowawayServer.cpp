#include "ThrowawayServer.h"

#include "ServerBinary.h"
#include "core/ChildProcess.h"
#include "core/Logging.h"
#include "core/PrivateTempDir.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QThread>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>
#endif

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ThrowawayServer)
};

// The primary group of "nobody": nogroup on Debian, nobody on RHEL and Alpine.
QString nobodyGroup()
{
#ifdef Q_OS_UNIX
    if (const passwd* user = ::getpwnam("nobody")) {
        if (const group* g = ::getgrgid(user->pw_gid))
            return QString::fromLocal8Bit(g->gr_name);
    }
#endif
    return QStringLiteral("nogroup");
}

bool runningAsRoot()
{
#ifdef Q_OS_UNIX
    return ::geteuid() == 0;
#else
    return false;
#endif
}

Status writeText(const QString& path, const QString& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0 || !file.flush())
        return Error {Text::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), {}};
    return {};
}

QString readTail(const QString& path, int lines)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList all = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return all.mid(qMax(0, all.size() - lines)).join(QLatin1Char('\n'));
}

int countInFile(const QString& path, const QByteArray& marker)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return int(file.readAll().count(marker));
}

QString apacheModuleDir()
{
    const QStringList candidates {
        QStringLiteral("/usr/lib/apache2/modules"),        QStringLiteral("/usr/lib64/httpd/modules"),
        QStringLiteral("/usr/lib/httpd/modules"),          QStringLiteral("/usr/lib/apache2"),
        QStringLiteral("/opt/homebrew/lib/httpd/modules"), QStringLiteral("/usr/local/lib/httpd/modules"),
        QStringLiteral("/usr/local/apache2/modules")};
    for (const QString& dir : candidates) {
        if (QFileInfo::exists(dir + QStringLiteral("/mod_ssl.so")))
            return dir;
    }
    return candidates.first();
}

} // namespace

ThrowawayServer::ThrowawayServer(ThrowawayServerOptions options)
    : m_options(std::move(options))
{
}

ThrowawayServer::~ThrowawayServer()
{
    stop();
}

QString ThrowawayServer::prefix() const
{
    return m_prefix;
}

QString ThrowawayServer::mainConfigPath() const
{
    return m_prefix
        + (m_options.kind == ServerKind::Nginx ? QStringLiteral("/nginx.conf") : QStringLiteral("/httpd.conf"));
}

QString ThrowawayServer::siteConfigPath() const
{
    return m_prefix + QStringLiteral("/site.conf");
}

QString ThrowawayServer::errorLogPath() const
{
    return m_prefix + QStringLiteral("/logs/error.log");
}

QString ThrowawayServer::baseUrl() const
{
    const QString host
        = m_options.host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(m_options.host) : m_options.host;
    return QStringLiteral("https://%1:%2").arg(host).arg(m_options.port);
}

QStringList ThrowawayServer::selectArguments() const
{
    if (m_options.kind == ServerKind::Nginx)
        return {QStringLiteral("-p"), m_prefix + QLatin1Char('/'), QStringLiteral("-e"),
                errorLogPath(),       QStringLiteral("-c"),        mainConfigPath()};
    return {QStringLiteral("-d"), m_prefix, QStringLiteral("-f"), mainConfigPath()};
}

QString ThrowawayServer::errorLogTail(int lines) const
{
    QString tail = readTail(errorLogPath(), lines);
    if (m_options.kind != ServerKind::Apache)
        return tail;
    // A virtual host with an ErrorLog of its own (the webhook's site) logs its startup errors there, such as a
    // certificate and key that do not match: the warnings and errors of those logs too.
    static const QRegularExpression errorLog(QStringLiteral(R"re(^\s*ErrorLog\s+(?:"([^"]+)"|(\S+))\s*$)re"),
                                             QRegularExpression::MultilineOption
                                                 | QRegularExpression::CaseInsensitiveOption);
    for (auto it = errorLog.globalMatch(m_options.siteConfig); it.hasNext();) {
        const auto m = it.next();
        QString path = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
        if (path.startsWith(QLatin1Char('|')) || path.startsWith(QLatin1String("syslog")))
            continue;
        if (QDir::isRelativePath(path))
            path = m_prefix + QLatin1Char('/') + path;
        QStringList serious;
        for (const QString& line : readTail(path, 200).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (!line.contains(QLatin1String(":info]")) && !line.contains(QLatin1String(":debug]"))
                && !line.contains(QLatin1String(":trace")))
                serious << line;
        if (!serious.isEmpty())
            tail += QLatin1Char('\n') + serious.mid(qMax(0, serious.size() - lines)).join(QLatin1Char('\n'));
    }
    return tail;
}

QString ThrowawayServer::mainConfigText() const
{
    const bool root = runningAsRoot();
    QString text
        = QStringLiteral("# Throwaway %1 installation made by mTLS Assistant. Removed when no longer needed.\n")
              .arg(serverKindDisplayName(m_options.kind));
    if (m_options.kind == ServerKind::Nginx) {
        if (root)
            text += QStringLiteral("user nobody %1;\n").arg(nobodyGroup());
        text += QStringLiteral("worker_processes 1;\n"
                               "daemon off;\n"
                               "pid logs/nginx.pid;\n"
                               "error_log logs/error.log info;\n"
                               "events { worker_connections 64; }\n"
                               "http {\n"
                               "    access_log logs/access.log;\n"
                               "    client_body_temp_path tmp/body;\n"
                               "    proxy_temp_path tmp/proxy;\n"
                               "    fastcgi_temp_path tmp/fastcgi;\n"
                               "    uwsgi_temp_path tmp/uwsgi;\n"
                               "    scgi_temp_path tmp/scgi;\n");
        if (!m_options.mainConfigExtra.isEmpty())
            text += m_options.mainConfigExtra + QLatin1Char('\n');
        text += QStringLiteral("    include site.conf;\n"
                               "    include conf.d/*.conf;\n"
                               "    include sites-enabled/*;\n"
                               "}\n");
        return text;
    }
    const QString moduleDir = apacheModuleDir();
    text += QStringLiteral("ServerRoot \"%1\"\nServerName localhost\n").arg(m_prefix);
    if (root)
        text += QStringLiteral("User nobody\nGroup %1\n").arg(nobodyGroup());
    text += QStringLiteral("DefaultRuntimeDir run\n"
                           "PidFile run/httpd.pid\n"
                           "ErrorLog logs/error.log\n"
                           "LogLevel info\n");
    QStringList modules {QStringLiteral("mpm_event"),     QStringLiteral("authz_core"), QStringLiteral("ssl"),
                         QStringLiteral("socache_shmcb"), QStringLiteral("mime"),       QStringLiteral("dir"),
                         QStringLiteral("alias"),         QStringLiteral("headers"),    QStringLiteral("setenvif"),
                         QStringLiteral("proxy"),         QStringLiteral("proxy_http")};
    modules += m_options.extraApacheModules;
    modules.removeDuplicates();
    for (const QString& module : std::as_const(modules)) {
        const QString file = QStringLiteral("%1/mod_%2.so").arg(moduleDir, module);
        if (QFileInfo::exists(file))
            text += QStringLiteral("LoadModule %1_module \"%2\"\n").arg(module, file);
    }
    text += QStringLiteral("StartServers 1\nServerLimit 1\nThreadsPerChild 16\nMaxRequestWorkers 16\n"
                           "DocumentRoot htdocs\n"
                           "LogFormat \"%h %l %u %t \\\"%r\\\" %>s %b\" common\n"
                           "CustomLog logs/access.log common\n"
                           "SSLSessionCache \"shmcb:%1/run/ssl_scache(512000)\"\n")
                .arg(m_prefix);
    if (QFileInfo::exists(QStringLiteral("/etc/mime.types")))
        text += QStringLiteral("TypesConfig /etc/mime.types\n");
    if (m_options.addListen && m_options.port != 0)
        text += QStringLiteral("Listen %1\n")
                    .arg(QStringLiteral("%1:%2")
                             .arg(m_options.host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(m_options.host)
                                                                            : m_options.host)
                             .arg(m_options.port));
    if (!m_options.mainConfigExtra.isEmpty())
        text += m_options.mainConfigExtra + QLatin1Char('\n');
    text += QStringLiteral("Include site.conf\n"
                           "IncludeOptional conf.d/*.conf\n"
                           "IncludeOptional sites-enabled/*\n");
    return text;
}

Status ThrowawayServer::prepare()
{
    if (m_prepared)
        return {};
    auto binary = findServerBinary(m_options.kind, m_options.binary);
    if (!binary)
        return binary.error();
    m_binary = binary.value();

    if (m_options.prefix.isEmpty()) {
        PrivateTempDir::sweepStale(QStringLiteral("mtls-throwaway")); // what a killed run left
        m_tempDir = std::make_unique<PrivateTempDir>(QStringLiteral("mtls-throwaway"));
        if (!m_tempDir->isValid())
            return Error {
                Text::tr("Cannot create a temporary directory for the test server: %1").arg(m_tempDir->errorString()),
                {}};
        m_prefix = QDir(m_tempDir->path()).absolutePath();
    } else {
        m_prefix = QDir(m_options.prefix).absolutePath();
    }
    if (m_prefix.contains(QLatin1Char('"')) || m_prefix.contains(QLatin1Char('\n')))
        return Error {
            Text::tr("The directory %1 cannot be used for a test server: its name contains a quote or a line break.")
                .arg(QDir::toNativeSeparators(m_prefix)),
            {}};
    for (const char* sub : {"logs", "tmp", "run", "conf.d", "sites-enabled", "htdocs"}) {
        if (!QDir().mkpath(m_prefix + QLatin1Char('/') + QLatin1String(sub)))
            return Error {Text::tr("Cannot create the directory %1.")
                              .arg(QDir::toNativeSeparators(m_prefix + QLatin1Char('/') + QLatin1String(sub))),
                          {}};
    }
    if (runningAsRoot()) {
        // Workers and children run as nobody: they must reach the prefix (temp files, runtime files).
        const auto open = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
        QFile::setPermissions(m_prefix, open);
        for (const char* sub : {"logs", "tmp", "run", "conf.d", "sites-enabled", "htdocs"})
            QFile::setPermissions(m_prefix + QLatin1Char('/') + QLatin1String(sub), open);
    }
    if (auto written = writeText(mainConfigPath(), mainConfigText()); !written)
        return written;
    if (auto written = writeText(siteConfigPath(), m_options.siteConfig); !written)
        return written;
    m_prepared = true;
    return {};
}

Status ThrowawayServer::setSiteConfig(const QString& text)
{
    m_options.siteConfig = text;
    if (!m_prepared)
        return {};
    return writeText(siteConfigPath(), text);
}

Result<QString> ThrowawayServer::runBinary(const QStringList& arguments, int timeoutMs) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_prefix);
    prepareChild(process, ChildLifetime::BoundToParent);
    process.start(m_binary, selectArguments() + arguments);
    if (!process.waitForStarted(timeoutMs))
        return Error {Text::tr("Cannot run %1: %2").arg(m_binary, process.errorString()), {}};
    const CleanupRegistration group = CleanupRegistration::processGroup(process.processId());
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return Error {Text::tr("%1 did not finish within %2 seconds.").arg(m_binary).arg(timeoutMs / 1000), {}};
    }
    const QString output = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Error {Text::tr("%1 rejected the configuration.").arg(serverKindDisplayName(m_options.kind)), output};
    return output;
}

Status ThrowawayServer::test()
{
    if (auto prepared = prepare(); !prepared)
        return prepared;
    auto result = runBinary({QStringLiteral("-t")}, 30000);
    if (!result)
        return result.error();
    return {};
}

bool ThrowawayServer::waitForPort(int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        QTcpSocket socket;
        socket.connectToHost(m_options.host, m_options.port);
        if (socket.waitForConnected(qMin<qint64>(250, qMax<qint64>(1, deadline.remainingTime())))) {
            socket.abort();
            return true;
        }
        if (deadline.hasExpired())
            return false;
        if (m_process && m_process->state() == QProcess::NotRunning)
            return false;
        QThread::msleep(20);
    }
}

Status ThrowawayServer::start()
{
    if (isRunning())
        return {};
    if (auto tested = test(); !tested)
        return tested;
    if (m_options.port == 0)
        return Error {Text::tr("No port was given for the test server."), {}};
    {
        QTcpSocket probe;
        probe.connectToHost(m_options.host, m_options.port);
        if (probe.waitForConnected(200))
            return Error {Text::tr("Port %1 on %2 is already in use.").arg(m_options.port).arg(m_options.host), {}};
    }
    m_process = std::make_unique<QProcess>();
    m_process->setWorkingDirectory(m_prefix);
    m_process->setStandardOutputFile(m_prefix + QStringLiteral("/logs/stderr.log"), QIODevice::Append);
    m_process->setStandardErrorFile(m_prefix + QStringLiteral("/logs/stderr.log"), QIODevice::Append);
    m_process->setStandardInputFile(QProcess::nullDevice());
    // Its own process group, so stop() can end the master and every worker or child together; killed with this
    // process; an environment without the passphrase.
    prepareChild(*m_process, ChildLifetime::BoundToParent);
    const int readyBefore = countInFile(errorLogPath(), QByteArrayLiteral("resuming normal operations"));
    QStringList args = selectArguments();
    if (m_options.kind == ServerKind::Apache)
        args << QStringLiteral("-DFOREGROUND");
    qCDebug(lcServer) << "starting" << m_binary << args;
    m_process->start(m_binary, args);
    if (!m_process->waitForStarted(m_options.startTimeoutMs)) {
        const QString why = m_process->errorString();
        m_process.reset();
        return Error {Text::tr("Cannot start %1: %2").arg(m_binary, why), {}};
    }
    m_pid = m_process->processId();
    m_groupCleanup = CleanupRegistration::processGroup(m_pid);
    // Apache binds its ports before it loads certificates and keys: it is ready once it logs
    // "resuming normal operations". nginx loads them before it binds.
    bool ready = waitForPort(m_options.startTimeoutMs);
    if (ready && m_options.kind == ServerKind::Apache) {
        QDeadlineTimer deadline(m_options.startTimeoutMs);
        while (countInFile(errorLogPath(), QByteArrayLiteral("resuming normal operations")) <= readyBefore) {
            if (deadline.hasExpired() || m_process->waitForFinished(20)) {
                ready = false;
                break;
            }
        }
    }
    if (!ready || m_process->state() == QProcess::NotRunning) {
        const QString output = readTail(m_prefix + QStringLiteral("/logs/stderr.log"), 20);
        stop();
        return Error {Text::tr("%1 did not start listening on %2 port %3.")
                          .arg(serverKindDisplayName(m_options.kind), m_options.host)
                          .arg(m_options.port),
                      (output + QLatin1Char('\n') + errorLogTail(20)).trimmed()};
    }
    return {};
}

Status ThrowawayServer::reload()
{
    if (!isRunning())
        return Error {Text::tr("The test server is not running."), {}};
    if (auto tested = test(); !tested)
        return tested;
#ifdef Q_OS_UNIX
    // nginx serves the new configuration once the old worker has exited ("worker process N exited"; the main
    // config runs one worker); Apache logs "resuming normal operations" when its graceful restart is done.
    const QByteArray marker = m_options.kind == ServerKind::Nginx ? QByteArrayLiteral("exited with code")
                                                                  : QByteArrayLiteral("resuming normal operations");
    const int before = countInFile(errorLogPath(), marker);
    const auto pid = pid_t(m_pid);
    if (::kill(pid, m_options.kind == ServerKind::Nginx ? SIGHUP : SIGUSR1) != 0)
        return Error {Text::tr("Cannot signal the test server to reload."), {}};
    QDeadlineTimer deadline(m_options.startTimeoutMs);
    while (countInFile(errorLogPath(), marker) <= before) {
        if (deadline.hasExpired() || m_process->state() == QProcess::NotRunning)
            return Error {Text::tr("%1 did not reload its configuration.").arg(serverKindDisplayName(m_options.kind)),
                          errorLogTail(20)};
        QThread::msleep(20);
    }
    // Give the new workers a moment to take over: wait until the port accepts connections.
    if (!waitForPort(m_options.startTimeoutMs))
        return Error {Text::tr("%1 stopped listening after the reload.").arg(serverKindDisplayName(m_options.kind)),
                      errorLogTail(20)};
    return {};
#else
    return Error {Text::tr("Reloading a test server is only supported on Unix."), {}};
#endif
}

bool ThrowawayServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void ThrowawayServer::stop()
{
    if (!m_process)
        return;
#ifdef Q_OS_UNIX
    const auto group = pid_t(m_pid);
    if (m_process->state() != QProcess::NotRunning && group > 0) {
        // SIGTERM: nginx "fast shutdown", Apache "stop"; both end their workers and reap them before exiting.
        ::kill(group, SIGTERM);
        if (!m_process->waitForFinished(m_options.stopTimeoutMs)) {
            qCWarning(lcServer) << "test server did not stop in time; killing its process group";
            ::kill(-group, SIGKILL);
            m_process->waitForFinished(2000);
        }
    }
    if (group > 0) {
        // Anything left in the group (a worker whose master was killed) goes too.
        if (::kill(-group, 0) == 0) {
            ::kill(-group, SIGKILL);
            QDeadlineTimer deadline(2000);
            while (::kill(-group, 0) == 0 && !deadline.hasExpired())
                QThread::msleep(10);
        }
    }
#else
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(m_options.stopTimeoutMs);
    }
#endif
    m_process.reset();
    m_pid = 0;
    m_groupCleanup.release();
}

} // namespace mtls
