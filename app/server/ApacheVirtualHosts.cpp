#include "ApacheVirtualHosts.h"

#include <QRegularExpression>

#include <algorithm>

namespace mtls {

namespace {

struct AddressPort
{
    QString address;
    quint16 port = 0;
};

// "*:443", "127.0.0.1:8444", "[::1]:8445", "*:*".
std::optional<AddressPort> addressPort(const QString& text)
{
    static const QRegularExpression form(QStringLiteral("^(\\[[0-9A-Fa-f:.%a-z]+\\]|[^\\s:\\[\\]]+):(\\d{1,5}|\\*)$"));
    const auto m = form.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    QString address = m.captured(1);
    if (address.startsWith(QLatin1Char('[')))
        address = address.mid(1, address.size() - 2);
    const uint port = m.captured(2) == QLatin1String("*") ? 0 : m.captured(2).toUInt();
    if (port > 65535)
        return std::nullopt;
    return AddressPort {address, quint16(port)};
}

} // namespace

QList<ApacheVirtualHost> parseApacheVirtualHostDump(const QString& output)
{
    static const QRegularExpression single(QStringLiteral("^(\\S+)\\s+(\\S+) \\((.+):(\\d+)\\)\\s*$"));
    static const QRegularExpression nameBased(QStringLiteral("^(\\S+)\\s+is a NameVirtualHost\\s*$"));
    static const QRegularExpression defaultServer(QStringLiteral("^\\s+default server (\\S+) \\((.+):(\\d+)\\)\\s*$"));
    static const QRegularExpression nameVhost(
        QStringLiteral("^\\s+port (\\d+|\\*) namevhost (\\S+) \\((.+):(\\d+)\\)\\s*$"));
    static const QRegularExpression alias(QStringLiteral("^\\s+(?:wild )?alias (\\S+)\\s*$"));
    QList<ApacheVirtualHost> hosts;
    std::optional<AddressPort> current; // the address of the NameVirtualHost block being read
    QString defaultFile;
    int defaultLine = 0;
    bool inDump = false;
    for (const QString& line : output.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("VirtualHost configuration:"))) {
            inDump = true;
            continue;
        }
        if (!inDump)
            continue;
        if (auto m = nameBased.match(line); m.hasMatch()) {
            current = addressPort(m.captured(1));
            defaultFile.clear();
            defaultLine = 0;
        } else if (auto d = defaultServer.match(line); d.hasMatch() && current) {
            defaultFile = d.captured(2);
            defaultLine = d.captured(3).toInt();
        } else if (auto v = nameVhost.match(line); v.hasMatch() && current) {
            ApacheVirtualHost host;
            host.address = current->address;
            host.port = v.captured(1) == QLatin1String("*") ? 0 : quint16(v.captured(1).toUInt());
            host.serverName = v.captured(2);
            host.file = v.captured(3);
            host.line = v.captured(4).toInt();
            host.isDefault = host.file == defaultFile && host.line == defaultLine
                && std::none_of(hosts.cbegin(), hosts.cend(), [&](const ApacheVirtualHost& h) {
                                 return h.isDefault && h.address == host.address && h.port == host.port;
                             });
            hosts << host;
        } else if (auto a = alias.match(line); a.hasMatch() && current && !hosts.isEmpty()) {
            hosts.last().aliases << a.captured(1);
        } else if (auto s = single.match(line); s.hasMatch()) {
            current.reset();
            const auto where = addressPort(s.captured(1));
            if (!where)
                continue;
            hosts << ApacheVirtualHost {where->address, where->port,          true, s.captured(2), {},
                                        s.captured(3),  s.captured(4).toInt()};
        } else if (!line.startsWith(QLatin1Char(' ')) && !line.trimmed().isEmpty()) {
            break; // "ServerRoot: ...": the end of the virtual hosts
        }
    }
    return hosts;
}

bool apacheNameMatches(const QString& pattern, const QString& name)
{
    if (!pattern.contains(QLatin1Char('*')) && !pattern.contains(QLatin1Char('?')))
        return pattern.compare(name, Qt::CaseInsensitive) == 0;
    // Apache's ap_strcasecmp_match(): "*" any run of characters (dots too), "?" one character.
    QString expression;
    for (const QChar c : pattern) {
        if (c == QLatin1Char('*'))
            expression += QStringLiteral(".*");
        else if (c == QLatin1Char('?'))
            expression += QLatin1Char('.');
        else
            expression += QRegularExpression::escape(QString(c));
    }
    const QRegularExpression glob(QRegularExpression::anchoredPattern(expression),
                                  QRegularExpression::CaseInsensitiveOption);
    return glob.match(name).hasMatch();
}

std::optional<ApacheVirtualHost> chooseApacheVirtualHost(const QList<ApacheVirtualHost>& hosts, const QString& name,
                                                         quint16 port, const QString& address)
{
    // The hosts of the exact address first; when there are none, those of "*" (Apache's wildcard chain).
    const auto serves = [port](const ApacheVirtualHost& h) { return h.port == port || h.port == 0; };
    QList<ApacheVirtualHost> candidates;
    for (const QString& wanted : {address, QStringLiteral("*")}) {
        for (const ApacheVirtualHost& h : hosts) {
            if (h.address == wanted && serves(h))
                candidates << h;
        }
        if (!candidates.isEmpty())
            break;
    }
    for (const ApacheVirtualHost& h : std::as_const(candidates)) {
        if (apacheNameMatches(h.serverName, name))
            return h;
        for (const QString& a : h.aliases) {
            if (apacheNameMatches(a, name))
                return h;
        }
    }
    for (const ApacheVirtualHost& h : std::as_const(candidates)) {
        if (h.isDefault)
            return h;
    }
    if (!candidates.isEmpty())
        return candidates.first();
    return std::nullopt;
}

} // namespace mtls
