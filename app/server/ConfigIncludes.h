#pragma once

// The include graph of a server's configuration: the files the main configuration reads, which directive reads
// them and in which block, and (Apache) where it listens and which addresses its virtual hosts use. It decides
// where a site file must go so that the server reads it, from the configuration itself rather than from a list of
// known layouts.

#include "ServerKind.h"
#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace mtls {

// One include / Include / IncludeOptional directive.
struct ConfigInclude
{
    QString file; // the file that holds the directive
    int line = 0;
    QString pattern; // absolute, as the server resolves it ("/etc/nginx/sites-enabled/*")
    // The enclosing blocks. nginx: "" (main), "http", "http/server", "stream"... Apache: "" at the top level
    // (conditional sections such as <IfModule> do not count), else the sections ("VirtualHost", "Directory"...).
    QString context;
};

// An address and port found in the configuration; host "*" stands for every address.
struct ConfigAddress
{
    QString file;
    int line = 0;
    QString host;
    quint16 port = 0; // 0: any port (Apache <VirtualHost *>)
};

struct ConfigGraph
{
    ServerKind kind = ServerKind::Nginx;
    QString mainConfig;
    QStringList files; // every file read, main configuration first
    QList<ConfigInclude> includes;
    QList<ConfigAddress> listens; // Apache: Listen directives
    QList<ConfigAddress> virtualHosts; // Apache: the addresses of each <VirtualHost>
    QString httpFile; // nginx: the file that holds the http {} block
    qsizetype httpBlockEnd = -1; // nginx: the offset of the "}" that closes http {} in httpFile
};

// Reads a file's text (nullopt when it cannot be read); lists the files a glob pattern matches, sorted.
using ConfigFileReader = std::function<std::optional<QString>(const QString& path)>;
using ConfigGlob = std::function<QStringList(const QString& pattern)>;

// Follows every include from `mainConfig`. Relative paths resolve against `serverRoot` (nginx: the main
// configuration's directory; Apache: ServerRoot, which the configuration may change). Apache's ${VAR} are
// replaced from `variables`.
ConfigGraph readConfigGraph(ServerKind kind, const QString& mainConfig, const QString& serverRoot,
                            const ConfigFileReader& read, const ConfigGlob& glob,
                            const QHash<QString, QString>& variables = {});
// The same with the files on the disk.
ConfigGraph readConfigGraphFromDisk(ServerKind kind, const QString& mainConfig, const QString& serverRoot,
                                    const QHash<QString, QString>& variables = {});
// `nginx -T` output: the text of each file after its "# configuration file PATH:" line.
QHash<QString, QString> splitNginxDump(const QString& dump);
// `apache2 -t -D DUMP_INCLUDES` output: the files Apache read, main configuration first.
QStringList parseApacheIncludeDump(const QString& output);
// Leaves out of an Apache graph what the server did not read (`readFiles`, from DUMP_INCLUDES): the includes whose
// files exist but were not read (inside a section whose condition is false), and the Listen and virtual host
// addresses of files it did not read. An empty `readFiles` changes nothing.
void keepReadFiles(ConfigGraph& graph, const QStringList& readFiles, const ConfigGlob& glob);
// The files on the disk that a pattern with a wildcard in its last part matches (or the file itself), sorted.
QStringList globOnDisk(const QString& pattern);

// The directory where a site file named `fileName` is read by the server: included by a wildcard (or, Apache, as a
// whole directory) from inside http {} (nginx) or at the top level (Apache). `preferred` lists directories to
// take first when several fit (the layout's usual one). A "sites-enabled" directory with a "sites-available"
// beside it is used the Debian way: the file goes to sites-available and a link to sites-enabled.
struct SitePlacement
{
    QString siteDir;
    QString enabledDir; // empty unless the Debian way
    ConfigInclude include; // the directive that reads it
};
std::optional<SitePlacement> chooseSiteDirectory(const ConfigGraph& graph, const QString& fileName,
                                                 const QStringList& preferred,
                                                 const std::function<bool(const QString&)>& isDirectory);

// The line that makes the server read every *.conf of `dir`: `include "DIR/*.conf";` (inside http {}) or
// `IncludeOptional "DIR/*.conf"` (top level).
Result<QString> includeLineFor(ServerKind kind, const QString& dir);
// `mainText` (the text of graph.mainConfig) with `line` added: nginx before the "}" that closes http {}, Apache
// at the end. An Error when nginx's http {} is not in the main configuration.
Result<QString> withIncludeLine(const ConfigGraph& graph, const QString& mainText, const QString& line);

} // namespace mtls
