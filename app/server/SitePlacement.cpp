#include "SitePlacement.h"

#include "core/ChildProcess.h"
#include "core/Logging.h"
#include "core/TextJoin.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::SitePlacement)
};

bool isDirectory(const QString& path)
{
    return QFileInfo(path).isDir();
}

// A file another user could have changed is not run.
bool trustedFile(const QFileInfo& info)
{
#ifdef Q_OS_UNIX
    if (info.ownerId() != 0 && info.ownerId() != ::geteuid())
        return false;
#endif
    return !(info.permissions() & (QFileDevice::WriteGroup | QFileDevice::WriteOther));
}

QList<ListenAddress> addressesOutside(const QList<ConfigAddress>& addresses, const QString& fileName)
{
    QList<ListenAddress> kept;
    for (const ConfigAddress& a : addresses) {
        if (QFileInfo(a.file).fileName() != fileName)
            kept << ListenAddress {a.host, a.port};
    }
    return kept;
}

bool isWildcardHost(const QString& host)
{
    return host == QLatin1String("*") || host == QLatin1String("0.0.0.0") || host == QLatin1String("::");
}

} // namespace

QHash<QString, QString> apacheEnvvars(const QString& configRoot)
{
    QHash<QString, QString> variables;
    const QFileInfo envvars(QDir(configRoot).filePath(QStringLiteral("envvars")));
    if (!envvars.isFile() || !trustedFile(envvars) || !QFileInfo::exists(QStringLiteral("/bin/sh")))
        return variables;
    QProcess process;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/sbin:/usr/bin:/sbin:/bin"));
    environment.insert(QStringLiteral("APACHE_CONFDIR"), QDir(configRoot).absolutePath());
    process.setProcessEnvironment(environment);
    prepareChild(process);
    process.start(QStringLiteral("/bin/sh"),
                  {QStringLiteral("-c"), QStringLiteral(". \"$1\" >/dev/null 2>&1; env"), QStringLiteral("sh"),
                   envvars.absoluteFilePath()});
    if (!process.waitForFinished(10000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished(1000);
        return variables;
    }
    const QStringList lines = QString::fromLocal8Bit(process.readAllStandardOutput()).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq > 0 && line.startsWith(QLatin1String("APACHE_")))
            variables.insert(line.left(eq), line.mid(eq + 1));
    }
    return variables;
}

QProcessEnvironment serverProcessEnvironment(const ServerInstallation& installation)
{
    QProcessEnvironment environment = childEnvironment();
    if (installation.kind != ServerKind::Apache)
        return environment;
    const QHash<QString, QString> variables = apacheEnvvars(installation.configRoot);
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        environment.insert(it.key(), it.value());
    return environment;
}

ConfigGraph effectiveConfigGraph(const ServerInstallation& installation)
{
    const QString root = installation.kind == ServerKind::Nginx ? QFileInfo(installation.mainConfig).absolutePath()
                                                                : installation.configRoot;
    QProcess process;
    if (installation.kind == ServerKind::Apache) {
        // The files on the disk, kept to those Apache says it read (its own test, with its envvars).
        ConfigGraph graph = readConfigGraphFromDisk(installation.kind, installation.mainConfig, root,
                                                    apacheEnvvars(installation.configRoot));
        process.setProcessEnvironment(serverProcessEnvironment(installation));
        process.setProcessChannelMode(QProcess::MergedChannels);
        prepareChild(process);
        process.start(installation.binary,
                      installation.selectArguments()
                          << QStringLiteral("-t") << QStringLiteral("-D") << QStringLiteral("DUMP_INCLUDES"));
        if (process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
            keepReadFiles(graph, parseApacheIncludeDump(QString::fromLocal8Bit(process.readAll())), globOnDisk);
        else
            process.kill();
        return graph;
    }
    if (!installation.prefix.isEmpty())
        process.setWorkingDirectory(installation.prefix);
    prepareChild(process);
    process.start(installation.binary, installation.selectArguments() << QStringLiteral("-T"));
    QHash<QString, QString> dump;
    if (process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        dump = splitNginxDump(QString::fromUtf8(process.readAllStandardOutput()));
    else
        process.kill();
    qCDebug(lcServer) << "nginx -T gave" << dump.size() << "files";
    if (dump.isEmpty())
        return readConfigGraphFromDisk(installation.kind, installation.mainConfig, root);
    const ConfigFileReader read = [&dump](const QString& path) -> std::optional<QString> {
        if (dump.contains(path))
            return dump.value(path);
        QFile file(path);
        if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
            return std::nullopt;
        return QString::fromUtf8(file.readAll());
    };
    return readConfigGraph(installation.kind, installation.mainConfig, root, read, globOnDisk);
}

void placeSite(ServerInstallation& installation, const ConfigGraph& graph)
{
    placeSite(installation, graph, isDirectory);
}

void placeSite(ServerInstallation& installation, const ConfigGraph& graph,
               const std::function<bool(const QString&)>& directoryExists)
{
    if (graph.files.isEmpty())
        return;
    const ServerInstallation usual
        = installationForLayout(installation.kind, installation.configRoot, installation.layout);
    const QStringList preferred {usual.enabledDir.isEmpty() ? usual.siteDir : usual.enabledDir};
    const auto placement
        = chooseSiteDirectory(graph, QStringLiteral("mtls-assistant-example.conf"), preferred, directoryExists);
    if (placement) {
        installation.siteDir = placement->siteDir;
        installation.enabledDir = placement->enabledDir;
        installation.needsIncludeLine = false;
        return;
    }
    installation.siteDir = QFileInfo(installation.mainConfig).absolutePath() + QStringLiteral("/mtls-assistant-sites");
    installation.enabledDir.clear();
    installation.needsIncludeLine = true;
}

QString containerManagedReason(const ServerInstallation& installation)
{
    const QString main = QDir::cleanPath(QFileInfo(installation.mainConfig).absoluteFilePath());
    QString found;
    if (main.startsWith(QLatin1String("/opt/1panel/")))
        found = QStringLiteral("/opt/1panel");
    QDir dir = QFileInfo(main).absoluteDir();
    for (int level = 0; level < 3 && found.isEmpty(); ++level) {
        for (const char* name : {"docker-compose.yml", "docker-compose.yaml", "compose.yaml", "compose.yml"}) {
            if (QFileInfo(dir.filePath(QLatin1String(name))).isFile())
                found = dir.filePath(QLatin1String(name));
        }
        if (!dir.cdUp())
            break;
    }
    if (found.isEmpty())
        return {};
    return Text::tr("The %1 configuration %2 belongs to a server that runs in a container (%3; 1Panel's OpenResty "
                    "is one). Its paths are the container's, and it must be tested and reloaded inside the container, "
                    "so apply cannot change it from here. Use 'export' and install the files with the panel or "
                    "inside the container.")
        .arg(serverKindDisplayName(installation.kind), QDir::toNativeSeparators(main), QDir::toNativeSeparators(found));
}

Result<ApplyChange> includeLineChange(const ServerInstallation& installation, const bool addInclude)
{
    auto line = includeLineFor(installation.kind, installation.siteDir);
    if (!line)
        return line.error();
    const QString main = QDir::toNativeSeparators(installation.mainConfig);
    const bool nginx = installation.kind == ServerKind::Nginx;
    if (!addInclude)
        return Error {Text::tr("%1 reads no directory for sites from its main configuration, so a site file would "
                               "never be read. Nothing was changed. Add this line %2:\n    %3\nthen apply again, or "
                               "apply with --add-include to have it added (rollback removes it again).")
                          .arg(serverKindDisplayName(installation.kind),
                               nginx ? Text::tr("inside the http { } block of %1").arg(main)
                                     : Text::tr("at the end of %1").arg(main),
                               line.value()),
                      {}};
    const QFileInfo info(installation.mainConfig);
    const QString target = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
    QFile file(target);
    if (!file.open(QIODevice::ReadOnly))
        return Error {Text::tr("Cannot read %1: %2").arg(main, file.errorString()), {}};
    const QString text = QString::fromUtf8(file.readAll());
    const ConfigFileReader read = [&](const QString& path) -> std::optional<QString> {
        if (path == QDir::cleanPath(installation.mainConfig))
            return text;
        return std::nullopt;
    };
    const ConfigGraph graph
        = readConfigGraph(installation.kind, installation.mainConfig, QFileInfo(installation.mainConfig).absolutePath(),
                          read, [](const QString&) { return QStringList(); });
    auto added = withIncludeLine(graph, text, line.value());
    if (!added)
        return added.error();
    ApplyChange change;
    change.target = target;
    change.content = added->toUtf8();
    change.permissions = QFileInfo(target).permissions();
    return change;
}

Status placeApacheAddresses(const ServerInstallation& installation, const QString& fileName, const bool force,
                            ServerConfigRequest& config, Findings& findings)
{
    if (installation.kind != ServerKind::Apache)
        return {};
    const ConfigGraph graph = effectiveConfigGraph(installation);
    if (graph.files.isEmpty())
        return {}; // not readable: the Listen rule that needs no knowledge
    config.apacheKnowsExisting = true;
    config.apacheExistingListen = addressesOutside(graph.listens, fileName);
    config.apacheExistingVirtualHosts = addressesOutside(graph.virtualHosts, fileName);
    QList<quint16> limitedPorts;
    for (const ListenAddress& ours : config.listen.isEmpty() ? defaultListen() : config.listen) {
        if (isWildcardHost(ours.host)) {
            // Apache cannot bind every address where it already listens on one: the site answers only there.
            QStringList explicitOnly;
            for (const ConfigAddress& listen : graph.listens) {
                if (listen.port != ours.port || QFileInfo(listen.file).fileName() == fileName)
                    continue;
                if (isWildcardHost(listen.host)) {
                    explicitOnly.clear();
                    break;
                }
                explicitOnly << QStringLiteral("%1 (%2:%3)")
                                    .arg(ListenAddress {listen.host, listen.port}.toString(),
                                         QDir::toNativeSeparators(listen.file))
                                    .arg(listen.line);
            }
            if (!explicitOnly.isEmpty() && !limitedPorts.contains(ours.port)) {
                limitedPorts << ours.port;
                findings << Finding {
                    QStringLiteral("LISTEN_ADDRESS_LIMITED"), Severity::Warning,
                    Text::tr("Apache listens on port %1 only on %2, so the site answers only there.")
                        .arg(ours.port)
                        .arg(joinList(explicitOnly)),
                    Text::tr("To answer on every address, change that Listen to \"Listen %1\" (a second Listen for "
                             "every address would stop Apache).")
                        .arg(ours.port),
                    QString()};
            }
            continue;
        }
        QStringList others;
        bool sameAddress = false;
        for (const ConfigAddress& other : graph.virtualHosts) {
            if (QFileInfo(other.file).fileName() == fileName || (other.port != ours.port && other.port != 0))
                continue;
            sameAddress = sameAddress || other.host == ours.host;
            if (isWildcardHost(other.host))
                others << QStringLiteral("%1:%2").arg(QDir::toNativeSeparators(other.file)).arg(other.line);
        }
        if (others.isEmpty() || sameAddress)
            continue;
        const QString message
            = Text::tr("The other Apache virtual hosts on port %1 use *:%1 (%2). A <VirtualHost %3> would take every "
                       "connection to %4 on that port away from them: those sites would no longer answer there.")
                  .arg(ours.port)
                  .arg(joinList(others), ours.toString(), ours.host);
        const QString hint = Text::tr("Listen on *:%1 (--listen *:%1), the form the other virtual hosts use; the "
                                      "site then answers only for its own name.")
                                 .arg(ours.port);
        if (!force)
            return Error {joinSentences({message, Text::tr("Nothing was changed."), hint,
                                         Text::tr("Give --force to apply it anyway.")}),
                          {}};
        findings << Finding {QStringLiteral("VHOST_SHADOWS_SITES"), Severity::Warning, message, hint, others.first()};
    }
    return {};
}

} // namespace mtls
