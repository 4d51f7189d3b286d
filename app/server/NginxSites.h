#pragma once

// The server {} blocks of an nginx configuration and the one nginx picks for a name on an address and port, the
// way nginx picks it: the exact name, then the longest leading wildcard (*.example.com, .example.com), then the
// longest trailing wildcard (www.example.*), then the first regular expression that matches, in the order of the
// configuration; else the default_server of that address and port, else the first server block listening there.

#include "NginxConfigParser.h"

#include <optional>

namespace mtls::nginxconf {

// One listen directive. `host` is "*" for every IPv4 address, "::" for every IPv6 address, else the address
// (without brackets; "localhost" becomes 127.0.0.1).
struct Listen
{
    QString host = QStringLiteral("*");
    quint16 port = 80;
    bool defaultServer = false;
    bool ssl = false;
    bool http2 = false;
    bool unixSocket = false;

    bool isWildcard() const { return host == QLatin1String("*") || host == QLatin1String("::"); }
    bool isIpv6() const { return host.contains(QLatin1Char(':')); }
};
// nginx's listen arguments; nullopt when the address cannot be read.
std::optional<Listen> parseListen(const QStringList& args);

struct Server
{
    Directive block; // the server {} directive (offsets in its file)
    int file = 0; // index into Config::files
    QString path; // that file's path
    int ordinal = 0; // the how-many-th server {} of its file (0-based, in text order, nested ones included)
    QList<Listen> listens; // none written: *:80
    QStringList names; // server_name arguments, as written
    QList<const Directive*> httpDirectives; // the directives of http {} it inherits (not blocks)
    bool hasSsl() const;
};

// Every server {} inside http {}, in the order nginx reads them. The pointers in httpDirectives point into `config`.
QList<Server> servers(const Config& config);

enum class MatchKind { Exact, LeadingWildcard, TrailingWildcard, Regex, DefaultServer, First };
QString matchKindName(MatchKind kind); // "exact", "leading_wildcard", ... (stable)

struct Selection
{
    int server = -1; // index into the list given
    MatchKind kind = MatchKind::First;
    QString pattern; // the server_name that matched (empty for DefaultServer / First)
    bool byName() const { return kind != MatchKind::DefaultServer && kind != MatchKind::First; }
};

// The server that answers `name` on a connection to `address`:`port` (address as connected to, such as
// 127.0.0.1 or ::1). Servers that listen on that exact address take it; otherwise those on the family's wildcard.
// nullopt when nothing listens there.
std::optional<Selection> selectServer(const QList<Server>& servers, const QString& name, const QString& address,
                                      quint16 port);

// Whether a server_name pattern matches `name`, and how (nullopt: it does not).
std::optional<MatchKind> nameMatch(const QString& pattern, const QString& name);

} // namespace mtls::nginxconf
