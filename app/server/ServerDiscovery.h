#pragma once

#include "ServerKind.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QStringList>
#include <QVersionNumber>

#include <functional>
#include <optional>

namespace mtls {

// How a platform lays out a server's configuration; decides where our file goes and how it is enabled.
enum class ServerLayout {
    Debian, // /etc/nginx|apache2 with sites-available + sites-enabled (symlink; a2ensite for Apache)
    RedHat, // /etc/nginx/conf.d, /etc/httpd/conf.d (every *.conf is read)
    Alpine, // /etc/nginx/http.d, /etc/apache2/conf.d
    Homebrew, // /opt/homebrew/etc/nginx/servers (read by default); httpd: extra/ (needs an Include line)
    Windows, // C:/nginx/conf, C:/Apache24/conf: needs an include line in the main config
    Custom, // anything else (for example a throwaway prefix): conf.d/ under the root
};
QString serverLayoutName(ServerLayout layout); // "debian", "redhat", "alpine", "homebrew", "windows", "custom"
std::optional<ServerLayout> serverLayoutFromName(const QString& name);

// A server found on this machine (or described by options), and where the assistant puts its files.
struct ServerInstallation
{
    ServerKind kind = ServerKind::Nginx;
    ServerLayout layout = ServerLayout::Custom;
    QString binary;
    QVersionNumber version; // null when the binary could not tell
    QString configRoot; // /etc/nginx
    QString mainConfig; // /etc/nginx/nginx.conf
    QString siteDir; // where our site file is written: /etc/nginx/sites-available
    QString enabledDir; // Debian: sites-enabled (a symlink to our file); empty elsewhere
    QString certDir; // the dedicated directory for certificates and keys: <configRoot>/mtls-assistant
    QString prefix; // nginx -p PREFIX (throwaway installations); empty: the binary's default
    bool needsIncludeLine = false; // the main config does not read siteDir by default (Windows, Homebrew httpd)

    // The arguments that select this installation for the binary (-p/-c for nginx, -d/-f for Apache).
    QStringList selectArguments() const;
    QJsonObject toJson() const;
};

// What the user (or a test) says about the installation; empty fields are discovered.
struct DiscoveryOptions
{
    QString binary;
    QString configRoot; // the server root: /etc/nginx, or a throwaway prefix
    QString mainConfig; // default: the layout's main file under configRoot
    QString prefix; // nginx -p
};

// "nginx version: nginx/1.22.1" / "Server version: Apache/2.4.57 (Debian)" -> the version; null when absent.
QVersionNumber parseServerVersion(ServerKind kind, const QString& output);
// The configuration file the binary was built for: nginx -V "--conf-path=..."; apachectl -V HTTPD_ROOT and
// SERVER_CONFIG_FILE. Empty when the output does not name it.
QString parseBuiltInConfigPath(ServerKind kind, const QString& output);
// Which layout a configuration root has, by what exists in it (file-system inspection only, no program run).
ServerLayout detectLayout(ServerKind kind, const QString& configRoot);
// Whether `path` is a directory (`directory` true) or a file, on the machine looked at (this one, or a server
// reached through a shell).
using PathProbe = std::function<bool(const QString& path, bool directory)>;
// The same rules with the answers of `probe` (an absolute `configRoot`).
ServerLayout detectLayout(ServerKind kind, const QString& configRoot, const PathProbe& probe);
// The configuration root of a main configuration file: its directory (ROOT/conf/httpd.conf: ROOT for Apache).
QString rootOfMainConfig(ServerKind kind, const QString& mainConfig);
// Where the files go for a layout, without looking at the disk (for a server that is not this machine).
ServerInstallation installationForLayout(ServerKind kind, const QString& configRoot, ServerLayout layout);
// installationForLayout(detectLayout()), with `mainConfig` when given.
ServerInstallation layoutOfRoot(ServerKind kind, const QString& configRoot, const QString& mainConfig = QString());
// The usual configuration roots on this platform, most likely first.
QStringList candidateConfigRoots(ServerKind kind);

// Finds the binary, its version and its configuration layout. What cannot be found is an Error that says
// which option to give (--server-root, --binary).
Result<ServerInstallation> discoverServer(ServerKind kind, const DiscoveryOptions& options = DiscoveryOptions());

} // namespace mtls
