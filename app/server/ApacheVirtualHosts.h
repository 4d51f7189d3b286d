#pragma once

// Which Apache virtual host answers a name on a port, decided the way Apache decides it, from the server's own
// account of its virtual hosts (`apache2ctl -S`): for the connection's address and port, the first name-based host
// whose ServerName or ServerAlias matches the requested name (with SNI, the TLS server name), else that address's
// default server (the first host defined for it).

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mtls {

struct ApacheVirtualHost
{
    QString address; // "*", "127.0.0.1", "::1"
    quint16 port = 0; // 0: any port ("*:*")
    bool isDefault = false; // the address's default server (it answers names no other host of the address has)
    QString serverName;
    QStringList aliases; // ServerAlias, wildcards included
    QString file;
    int line = 0;
};

// Reads `apache2ctl -S` output (its "VirtualHost configuration:" part), in Apache's order. Each name-based host
// appears once per address (the default server is marked on its own entry, not repeated).
QList<ApacheVirtualHost> parseApacheVirtualHostDump(const QString& output);

// ServerName / ServerAlias matching: case-insensitive; an alias may hold the wildcards * and ?.
bool apacheNameMatches(const QString& pattern, const QString& name);

// The host that answers `name` on `port` for connections to `address` ("*": any address of the machine, which
// only hosts defined for "*" or _default_ serve whatever address a caller uses). nullopt when none listens there.
std::optional<ApacheVirtualHost> chooseApacheVirtualHost(const QList<ApacheVirtualHost>& hosts, const QString& name,
                                                         quint16 port, const QString& address = QStringLiteral("*"));

} // namespace mtls
