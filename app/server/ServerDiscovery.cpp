#include "ServerDiscovery.h"

#include "ServerBinary.h"
#include "SitePlacement.h"
#include "core/ChildProcess.h"
#include "core/TextJoin.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ServerDiscovery)
};

bool isDir(const QString& path)
{
    return QFileInfo(path).isDir();
}

bool isFile(const QString& path)
{
    return QFileInfo(path).isFile();
}

QString runForOutput(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    prepareChild(process);
    process.start(program, arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished(1000);
        return {};
    }
    return QString::fromLocal8Bit(process.readAll());
}

} // namespace

QString serverLayoutName(ServerLayout layout)
{
    switch (layout) {
    case ServerLayout::Debian:
        return QStringLiteral("debian");
    case ServerLayout::RedHat:
        return QStringLiteral("redhat");
    case ServerLayout::Alpine:
        return QStringLiteral("alpine");
    case ServerLayout::Homebrew:
        return QStringLiteral("homebrew");
    case ServerLayout::Windows:
        return QStringLiteral("windows");
    case ServerLayout::Custom:
        break;
    }
    return QStringLiteral("custom");
}

QStringList ServerInstallation::selectArguments() const
{
    QStringList args;
    if (kind == ServerKind::Nginx) {
        if (!prefix.isEmpty())
            args << QStringLiteral("-p") << QDir(prefix).absolutePath() + QLatin1Char('/') << QStringLiteral("-e")
                 << QDir(prefix).absoluteFilePath(QStringLiteral("logs/error.log"));
        if (!mainConfig.isEmpty())
            args << QStringLiteral("-c") << mainConfig;
        return args;
    }
    if (!configRoot.isEmpty())
        args << QStringLiteral("-d") << configRoot;
    if (!mainConfig.isEmpty())
        args << QStringLiteral("-f") << mainConfig;
    return args;
}

QJsonObject ServerInstallation::toJson() const
{
    return {{QStringLiteral("server"), serverKindName(kind)},
            {QStringLiteral("layout"), serverLayoutName(layout)},
            {QStringLiteral("binary"), binary},
            {QStringLiteral("version"), version.toString()},
            {QStringLiteral("config_root"), configRoot},
            {QStringLiteral("main_config"), mainConfig},
            {QStringLiteral("site_dir"), siteDir},
            {QStringLiteral("enabled_dir"), enabledDir},
            {QStringLiteral("cert_dir"), certDir},
            {QStringLiteral("prefix"), prefix},
            {QStringLiteral("needs_include_line"), needsIncludeLine}};
}

QVersionNumber parseServerVersion(ServerKind kind, const QString& output)
{
    static const QRegularExpression nginx(QStringLiteral("nginx/(\\d+\\.\\d+(?:\\.\\d+)?)"));
    static const QRegularExpression apache(QStringLiteral("Apache/(\\d+\\.\\d+(?:\\.\\d+)?)"));
    const auto match = (kind == ServerKind::Nginx ? nginx : apache).match(output);
    return match.hasMatch() ? QVersionNumber::fromString(match.captured(1)) : QVersionNumber();
}

QString parseBuiltInConfigPath(ServerKind kind, const QString& output)
{
    if (kind == ServerKind::Nginx) {
        // Without --conf-path, nginx reads conf/nginx.conf under its --prefix; a relative --conf-path is under it.
        static const QRegularExpression conf(QStringLiteral("--conf-path=(\\S+)"));
        static const QRegularExpression prefix(QStringLiteral("--prefix=(\\S+)"));
        const auto c = conf.match(output);
        const auto p = prefix.match(output);
        const QString path = c.hasMatch() ? c.captured(1)
            : p.hasMatch()                ? QStringLiteral("conf/nginx.conf")
                                          : QString();
        if (path.isEmpty() || QDir::isAbsolutePath(path) || !p.hasMatch())
            return path;
        return QDir::cleanPath(p.captured(1) + QLatin1Char('/') + path);
    }
    static const QRegularExpression root(QStringLiteral("HTTPD_ROOT=\"([^\"]+)\""));
    static const QRegularExpression file(QStringLiteral("SERVER_CONFIG_FILE=\"([^\"]+)\""));
    const auto r = root.match(output);
    const auto f = file.match(output);
    if (!f.hasMatch())
        return {};
    const QString config = f.captured(1);
    if (QDir::isAbsolutePath(config) || !r.hasMatch())
        return config;
    return r.captured(1) + QLatin1Char('/') + config;
}

ServerLayout detectLayout(ServerKind kind, const QString& configRoot)
{
    return detectLayout(kind, QDir(configRoot).absolutePath(),
                        [](const QString& path, bool directory) { return directory ? isDir(path) : isFile(path); });
}

ServerLayout detectLayout(ServerKind kind, const QString& configRoot, const PathProbe& probe)
{
    const QString root = QDir::cleanPath(configRoot);
    const auto at = [&root](const char* sub) { return root + QLatin1Char('/') + QLatin1String(sub); };
    const auto dirAt = [&probe, &at](const char* sub) { return probe(at(sub), true); };
    const auto fileAt = [&probe, &at](const char* sub) { return probe(at(sub), false); };
    const bool underEtc = root.startsWith(QLatin1String("/etc/"));
    if (kind == ServerKind::Nginx) {
        if (dirAt("sites-available"))
            return ServerLayout::Debian;
        if (dirAt("http.d"))
            return ServerLayout::Alpine;
        if (dirAt("servers"))
            return ServerLayout::Homebrew;
        if (fileAt("conf/nginx.conf"))
            return ServerLayout::Windows;
        return underEtc ? ServerLayout::RedHat : ServerLayout::Custom;
    }
    if (dirAt("sites-available") && fileAt("apache2.conf"))
        return ServerLayout::Debian;
    if (fileAt("conf/httpd.conf") && dirAt("conf.d"))
        return ServerLayout::RedHat;
    if (fileAt("httpd.conf") && dirAt("conf.d") && underEtc)
        return ServerLayout::Alpine;
    if (fileAt("httpd.conf") && dirAt("extra"))
        return ServerLayout::Homebrew;
    if (fileAt("conf/httpd.conf"))
        return ServerLayout::Windows;
    return ServerLayout::Custom;
}

ServerInstallation installationForLayout(ServerKind kind, const QString& configRoot, ServerLayout layout)
{
    ServerInstallation s;
    s.kind = kind;
    s.layout = layout;
    const QString root = QDir::cleanPath(configRoot);
    s.configRoot = root;
    const auto at = [&root](const char* sub) { return root + QLatin1Char('/') + QLatin1String(sub); };
    s.certDir = at("mtls-assistant");
    const bool nginx = kind == ServerKind::Nginx;
    switch (layout) {
    case ServerLayout::Debian:
        s.mainConfig = nginx ? at("nginx.conf") : at("apache2.conf");
        s.siteDir = at("sites-available");
        s.enabledDir = at("sites-enabled");
        break;
    case ServerLayout::RedHat:
        s.mainConfig = nginx ? at("nginx.conf") : at("conf/httpd.conf");
        s.siteDir = at("conf.d");
        break;
    case ServerLayout::Alpine:
        s.mainConfig = nginx ? at("nginx.conf") : at("httpd.conf");
        s.siteDir = nginx ? at("http.d") : at("conf.d");
        break;
    case ServerLayout::Homebrew:
        s.mainConfig = nginx ? at("nginx.conf") : at("httpd.conf");
        s.siteDir = nginx ? at("servers") : at("extra");
        s.needsIncludeLine = !nginx;
        break;
    case ServerLayout::Windows:
        s.mainConfig = nginx ? at("conf/nginx.conf") : at("conf/httpd.conf");
        s.siteDir = nginx ? at("conf/mtls-assistant-sites") : at("conf/extra");
        s.needsIncludeLine = true;
        break;
    case ServerLayout::Custom:
        s.mainConfig = nginx ? at("nginx.conf") : at("httpd.conf");
        s.siteDir = at("conf.d");
        break;
    }
    return s;
}

std::optional<ServerLayout> serverLayoutFromName(const QString& name)
{
    for (ServerLayout layout : {ServerLayout::Debian, ServerLayout::RedHat, ServerLayout::Alpine,
                                ServerLayout::Homebrew, ServerLayout::Windows, ServerLayout::Custom}) {
        if (serverLayoutName(layout) == name.trimmed().toLower())
            return layout;
    }
    return std::nullopt;
}

ServerInstallation layoutOfRoot(ServerKind kind, const QString& configRoot, const QString& mainConfig)
{
    const QString root = QDir(configRoot).absolutePath();
    ServerInstallation s = installationForLayout(kind, root, detectLayout(kind, root));
    if (!mainConfig.isEmpty())
        s.mainConfig = QDir(mainConfig).absolutePath();
    return s;
}

QStringList candidateConfigRoots(ServerKind kind)
{
    if (kind == ServerKind::Nginx)
        return {QStringLiteral("/etc/nginx"), QStringLiteral("/opt/homebrew/etc/nginx"),
                QStringLiteral("/usr/local/etc/nginx"), QStringLiteral("/usr/local/nginx/conf"),
                QStringLiteral("C:/nginx")};
    return {QStringLiteral("/etc/apache2"),
            QStringLiteral("/etc/httpd"),
            QStringLiteral("/opt/homebrew/etc/httpd"),
            QStringLiteral("/usr/local/etc/httpd"),
            QStringLiteral("/usr/local/apache2"),
            QStringLiteral("C:/Apache24")};
}

namespace {

// The main configuration the binary was built for (nginx -V, apache2 -V or apachectl -V beside it); relative
// paths are under the binary's directory (Windows builds). Empty when the binary does not name one.
QString builtInMainConfig(ServerKind kind, const QString& binary)
{
    QString builtIn = parseBuiltInConfigPath(kind, runForOutput(binary, {QStringLiteral("-V")}));
    if (builtIn.isEmpty() && kind == ServerKind::Apache) {
        const QString ctl = QFileInfo(binary).absolutePath() + QStringLiteral("/apachectl");
        if (QFileInfo(ctl).isExecutable())
            builtIn = parseBuiltInConfigPath(kind, runForOutput(ctl, {QStringLiteral("-V")}));
    }
    if (!builtIn.isEmpty() && QDir::isRelativePath(builtIn))
        builtIn = QFileInfo(binary).absoluteDir().absoluteFilePath(builtIn);
    return builtIn;
}

} // namespace

QString rootOfMainConfig(ServerKind kind, const QString& mainConfig)
{
    QString root = QFileInfo(mainConfig).absolutePath();
    if (kind == ServerKind::Apache && QFileInfo(root).fileName() == QLatin1String("conf"))
        root = QFileInfo(root).absolutePath(); // RHEL and Windows: ROOT/conf/httpd.conf
    return root;
}

Result<ServerInstallation> discoverServer(ServerKind kind, const DiscoveryOptions& options)
{
    auto binary = findServerBinary(kind, options.binary);
    if (!binary)
        return binary.error();

    QString root = options.configRoot.isEmpty() ? options.prefix : options.configRoot;
    if (root.isEmpty() && !options.mainConfig.isEmpty())
        root = rootOfMainConfig(kind, options.mainConfig);
    if (root.isEmpty()) {
        // What the binary was built for. A binary the user named is never paired with another installation's files.
        const QString builtIn = builtInMainConfig(kind, binary.value());
        if (!options.binary.isEmpty() && (builtIn.isEmpty() || !isFile(builtIn)))
            return Error {
                joinSentences(
                    {builtIn.isEmpty()
                         ? Text::tr("The %1 program %2 does not say which configuration file it reads.")
                               .arg(serverKindDisplayName(kind), QDir::toNativeSeparators(binary.value()))
                         : Text::tr("The configuration file %2 that the %1 program %3 was built for does not exist.")
                               .arg(serverKindDisplayName(kind), QDir::toNativeSeparators(builtIn),
                                    QDir::toNativeSeparators(binary.value())),
                     Text::tr("Nothing of another installation is used in its place: give its main "
                              "configuration with --main-config or its configuration directory with "
                              "--server-root.")}),
                {}};
        if (!builtIn.isEmpty() && isFile(builtIn))
            root = rootOfMainConfig(kind, builtIn);
        for (const QString& candidate : candidateConfigRoots(kind)) {
            if (!root.isEmpty())
                break;
            if (isDir(candidate))
                root = candidate;
        }
    }
    if (root.isEmpty() || !isDir(root))
        return Error {Text::tr("The %1 configuration directory was not found%2. Give it with --server-root.")
                          .arg(serverKindDisplayName(kind),
                               //: After "The nginx configuration directory was not found": the folder looked at.
                               root.isEmpty() ? QString() : Text::tr(" (%1)").arg(QDir::toNativeSeparators(root))),
                      {}};
    ServerInstallation installation = layoutOfRoot(kind, root, options.mainConfig);
    installation.binary = binary.value();
    installation.prefix = options.prefix;
    if (!isFile(installation.mainConfig))
        return Error {Text::tr("The %1 main configuration file %2 does not exist. Give it with --main-config.")
                          .arg(serverKindDisplayName(kind), QDir::toNativeSeparators(installation.mainConfig)),
                      {}};
    if (const QString container = containerManagedReason(installation); !container.isEmpty())
        return Error {container, {}};
    installation.version = parseServerVersion(kind, runForOutput(binary.value(), {QStringLiteral("-v")}));
    // Where the site goes: a directory the main configuration already reads for sites (or, when none, one of our
    // own that apply refuses to use unless it may add the include line).
    placeSite(installation, effectiveConfigGraph(installation));
    return installation;
}

} // namespace mtls
