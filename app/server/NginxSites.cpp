#include "NginxSites.h"

#include <QHash>
#include <QHostAddress>
#include <QRegularExpression>

namespace mtls::nginxconf {

namespace {

// How many server {} blocks come before each one in its file (text order), so an edit of the file's text can find
// the same block again.
void ordinals(const QList<Directive>& directives, int& counter, QHash<const Directive*, int>& into)
{
    for (const Directive& d : directives) {
        if (d.block && d.name == QLatin1String("server"))
            into.insert(&d, counter++);
        if (d.block)
            ordinals(d.children, counter, into);
    }
}

QString normalizedHost(QString host)
{
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("0.0.0.0"))
        return QStringLiteral("*");
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("127.0.0.1");
    QHostAddress address;
    if (address.setAddress(host)) {
        if (address == QHostAddress(QHostAddress::AnyIPv6))
            return QStringLiteral("::");
        return address.toString();
    }
    return host.toLower();
}

} // namespace

std::optional<Listen> parseListen(const QStringList& args)
{
    if (args.isEmpty())
        return std::nullopt;
    Listen listen;
    const QString address = args.first();
    if (address.startsWith(QLatin1String("unix:"))) {
        listen.unixSocket = true;
        listen.host = address;
        listen.port = 0;
    } else {
        bool numeric = false;
        const uint bare = address.toUInt(&numeric);
        if (numeric) {
            if (bare == 0 || bare > 65535)
                return std::nullopt;
            listen.port = quint16(bare);
        } else {
            QString host = address;
            QString port;
            if (address.startsWith(QLatin1Char('['))) {
                const qsizetype close = address.indexOf(QLatin1Char(']'));
                if (close < 0)
                    return std::nullopt;
                host = address.left(close + 1);
                const QString rest = address.mid(close + 1);
                if (rest.startsWith(QLatin1Char(':')))
                    port = rest.mid(1);
                else if (!rest.isEmpty())
                    return std::nullopt;
            } else if (const qsizetype colon = address.lastIndexOf(QLatin1Char(':')); colon >= 0) {
                host = address.left(colon);
                port = address.mid(colon + 1);
            }
            if (!port.isEmpty()) {
                bool ok = false;
                const uint value = port.toUInt(&ok);
                if (!ok || value == 0 || value > 65535)
                    return std::nullopt;
                listen.port = quint16(value);
            }
            listen.host = host == QLatin1String("*") ? QStringLiteral("*") : normalizedHost(host);
        }
    }
    for (const QString& option : args.mid(1)) {
        if (option == QLatin1String("default_server") || option == QLatin1String("default"))
            listen.defaultServer = true;
        else if (option == QLatin1String("ssl"))
            listen.ssl = true;
        else if (option == QLatin1String("http2"))
            listen.http2 = true;
    }
    return listen;
}

bool Server::hasSsl() const
{
    for (const Listen& l : listens) {
        if (l.ssl)
            return true;
    }
    return false;
}

QList<Server> servers(const Config& config)
{
    QList<Server> result;
    QHash<int, QHash<const Directive*, int>> fileOrdinals;
    QList<const Directive*> http;
    walk(config, [&](const Visit& visit) {
        const Directive& d = *visit.directive;
        if (visit.context == QStringList {QStringLiteral("http")} && !d.block && !d.isComment())
            http << &d;
        if (!(d.block && d.name == QLatin1String("server") && visit.context == QStringList {QStringLiteral("http")}))
            return true;
        if (!fileOrdinals.contains(visit.file)) {
            int counter = 0;
            ordinals(config.files.at(visit.file).directives, counter, fileOrdinals[visit.file]);
        }
        Server server;
        server.block = d;
        server.file = visit.file;
        server.path = config.files.at(visit.file).path;
        server.ordinal = fileOrdinals.value(visit.file).value(&d, -1);
        server.httpDirectives = http;
        // Its own directives, includes followed (a server's listen and server_name may come from a snippet).
        std::function<void(const QList<Directive>&, int)> collect = [&](const QList<Directive>& list, int depth) {
            for (const Directive& child : list) {
                if (child.name == QLatin1String("listen")) {
                    if (auto listen = parseListen(child.args))
                        server.listens << *listen;
                } else if (child.name == QLatin1String("server_name")) {
                    server.names += child.args;
                } else if (!child.includes.isEmpty() && depth < 16) {
                    for (int included : child.includes)
                        collect(config.files.at(included).directives, depth + 1);
                }
            }
        };
        collect(d.children, 0);
        if (server.listens.isEmpty())
            server.listens << Listen();
        result << server;
        return false;
    });
    return result;
}

QString matchKindName(MatchKind kind)
{
    switch (kind) {
    case MatchKind::Exact:
        return QStringLiteral("exact");
    case MatchKind::LeadingWildcard:
        return QStringLiteral("leading_wildcard");
    case MatchKind::TrailingWildcard:
        return QStringLiteral("trailing_wildcard");
    case MatchKind::Regex:
        return QStringLiteral("regex");
    case MatchKind::DefaultServer:
        return QStringLiteral("default_server");
    case MatchKind::First:
        return QStringLiteral("first");
    }
    return {};
}

std::optional<MatchKind> nameMatch(const QString& patternIn, const QString& nameIn)
{
    const QString name = nameIn.toLower();
    if (patternIn.startsWith(QLatin1Char('~'))) {
        // nginx compiles server_name regular expressions case-insensitively (PCRE, as QRegularExpression).
        const QRegularExpression re(patternIn.mid(1), QRegularExpression::CaseInsensitiveOption);
        if (re.isValid() && re.match(nameIn).hasMatch())
            return MatchKind::Regex;
        return std::nullopt;
    }
    const QString pattern = patternIn.toLower();
    if (pattern.startsWith(QLatin1String("*."))) {
        if (name.endsWith(pattern.mid(1)) && name.size() > pattern.size() - 1)
            return MatchKind::LeadingWildcard;
        return std::nullopt;
    }
    if (pattern.startsWith(QLatin1Char('.'))) {
        if (name == pattern.mid(1) || name.endsWith(pattern))
            return MatchKind::LeadingWildcard;
        return std::nullopt;
    }
    if (pattern.endsWith(QLatin1String(".*"))) {
        const QString head = pattern.chopped(1);
        if (name.startsWith(head) && name.size() > head.size())
            return MatchKind::TrailingWildcard;
        return std::nullopt;
    }
    if (!pattern.contains(QLatin1Char('*')) && pattern == name)
        return MatchKind::Exact;
    return std::nullopt;
}

std::optional<Selection> selectServer(const QList<Server>& list, const QString& name, const QString& addressIn,
                                      quint16 port)
{
    const QString address = normalizedHost(addressIn);
    const bool v6 = address.contains(QLatin1Char(':'));
    // The servers nginx considers for this connection, with the listen that brought each in.
    QList<QPair<int, Listen>> explicitOnes;
    QList<QPair<int, Listen>> wildcardOnes;
    for (qsizetype i = 0; i < list.size(); ++i) {
        for (const Listen& l : list.at(i).listens) {
            if (l.unixSocket || l.port != port)
                continue;
            if (l.host == address && !l.isWildcard())
                explicitOnes << qMakePair(int(i), l);
            else if (l.isWildcard() && l.isIpv6() == v6)
                wildcardOnes << qMakePair(int(i), l);
        }
    }
    const QList<QPair<int, Listen>>& candidates = explicitOnes.isEmpty() ? wildcardOnes : explicitOnes;
    if (candidates.isEmpty())
        return std::nullopt;

    Selection best;
    qsizetype bestLength = -1;
    for (MatchKind wanted : {MatchKind::Exact, MatchKind::LeadingWildcard, MatchKind::TrailingWildcard}) {
        for (const auto& [index, listen] : candidates) {
            for (const QString& pattern : list.at(index).names) {
                if (nameMatch(pattern, name) != std::optional<MatchKind>(wanted))
                    continue;
                if (pattern.size() > bestLength) {
                    best = Selection {index, wanted, pattern};
                    bestLength = pattern.size();
                }
                if (wanted == MatchKind::Exact)
                    return best;
            }
        }
        if (best.server >= 0)
            return best;
    }
    for (const auto& [index, listen] : candidates) {
        for (const QString& pattern : list.at(index).names) {
            if (nameMatch(pattern, name) == std::optional<MatchKind>(MatchKind::Regex))
                return Selection {index, MatchKind::Regex, pattern};
        }
    }
    for (const auto& [index, listen] : candidates) {
        if (listen.defaultServer)
            return Selection {index, MatchKind::DefaultServer, {}};
    }
    return Selection {candidates.first().first, MatchKind::First, {}};
}

} // namespace mtls::nginxconf
