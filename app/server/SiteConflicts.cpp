#include "SiteConflicts.h"

#include "NginxConfigParser.h"
#include "ServerControl.h"
#include "core/Logging.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::SiteConflicts)
};

quint16 portOfListen(const QString& value)
{
    if (value.startsWith(QLatin1String("unix:")))
        return 0;
    const qsizetype bracket = value.lastIndexOf(QLatin1Char(']'));
    const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    uint port = 0;
    if (colon > bracket)
        port = value.mid(colon + 1).toUInt(&ok);
    else if (bracket < 0)
        port = value.toUInt(&ok); // "443"; a bare address means port 80
    if (!ok)
        return bracket >= 0 || value.contains(QLatin1Char('.')) || value == QLatin1String("*") ? 80 : 0;
    return quint16(port);
}

// The server {} blocks of one file of the dump (not those of upstream {}, stream {} or mail {}).
void collectSites(const QString& file, const QList<nginxconf::Directive>& directives, QStringList& stack,
                  QList<VirtualSite>& sites)
{
    for (const nginxconf::Directive& d : directives) {
        if (!d.block)
            continue;
        if (d.name == QLatin1String("server") && !stack.contains(QLatin1String("upstream"))
            && !stack.contains(QLatin1String("stream")) && !stack.contains(QLatin1String("mail"))) {
            VirtualSite site;
            site.file = file;
            site.line = d.line;
            for (const nginxconf::Directive& child : d.children) {
                if (child.name == QLatin1String("listen") && !child.args.isEmpty()) {
                    if (const quint16 port = portOfListen(child.arg()); port && !site.ports.contains(port))
                        site.ports << port;
                } else if (child.name == QLatin1String("server_name")) {
                    for (const QString& name : child.args)
                        site.names << name.toLower();
                }
            }
            if (site.ports.isEmpty())
                site.ports << 80;
            sites << site;
            continue;
        }
        stack << d.name;
        collectSites(file, d.children, stack, sites);
        stack.removeLast();
    }
}

} // namespace

QList<VirtualSite> parseNginxDump(const QString& dump)
{
    // nginx -T prints each file after a line "# configuration file PATH:".
    static const QRegularExpression marker(QStringLiteral("^# configuration file (.+):$"),
                                           QRegularExpression::MultilineOption);
    QList<VirtualSite> sites;
    auto it = marker.globalMatch(dump);
    QList<QPair<QString, QString>> files;
    qsizetype previousEnd = -1;
    QString previousFile;
    while (it.hasNext()) {
        const auto match = it.next();
        if (previousEnd >= 0)
            files.append({previousFile, dump.mid(previousEnd, match.capturedStart() - previousEnd)});
        previousFile = match.captured(1);
        previousEnd = match.capturedEnd() + 1;
    }
    if (previousEnd >= 0)
        files.append({previousFile, dump.mid(previousEnd)});

    for (const auto& [file, text] : files) {
        // The dump shows each file as nginx read it: parsed the way nginx parses it (NginxConfigParser).
        auto parsed = nginxconf::parseText(text.toUtf8());
        if (!parsed) {
            qCWarning(lcServer) << "cannot read" << file << "from nginx -T:" << parsed.error().message;
            continue;
        }
        QStringList stack;
        collectSites(file, parsed.value(), stack, sites);
    }
    return sites;
}

QList<VirtualSite> parseApacheVirtualHosts(const QString& output)
{
    static const QRegularExpression nameVhost(
        QStringLiteral("^\\s*port (\\d+) namevhost (\\S+) \\((.+):(\\d+)\\)\\s*$"));
    static const QRegularExpression single(QStringLiteral("^(\\S+):(\\d+)\\s+(\\S+) \\((.+):(\\d+)\\)\\s*$"));
    static const QRegularExpression alias(QStringLiteral("^\\s+alias (\\S+)\\s*$"));
    QList<VirtualSite> sites;
    for (const QString& line : output.split(QLatin1Char('\n'))) {
        if (auto m = nameVhost.match(line); m.hasMatch()) {
            sites << VirtualSite {
                m.captured(3), m.captured(4).toInt(), {m.captured(2).toLower()}, {quint16(m.captured(1).toUInt())}};
        } else if (auto s = single.match(line); s.hasMatch()) {
            sites << VirtualSite {
                s.captured(4), s.captured(5).toInt(), {s.captured(3).toLower()}, {quint16(s.captured(2).toUInt())}};
        } else if (auto a = alias.match(line); a.hasMatch() && !sites.isEmpty()) {
            sites.last().names << a.captured(1).toLower();
        }
    }
    return sites;
}

Findings siteConflictFindings(const QList<VirtualSite>& sites, const QString& domain, const QList<quint16>& ports,
                              const QString& ourFile)
{
    Findings findings;
    const QString ours = ourFile.isEmpty() ? QString() : QFileInfo(ourFile).canonicalFilePath();
    QStringList seen;
    for (const VirtualSite& site : sites) {
        const QString canonical = QFileInfo(site.file).canonicalFilePath();
        if (!ourFile.isEmpty() && (site.file == ourFile || (!ours.isEmpty() && canonical == ours)))
            continue;
        if (!site.names.contains(domain.toLower()))
            continue;
        for (quint16 port : site.ports) {
            if (!ports.contains(port))
                continue;
            const QString where = QStringLiteral("%1:%2").arg(site.file).arg(site.line);
            if (seen.contains(where))
                continue;
            seen << where;
            Finding f;
            f.code = QStringLiteral("SERVER_NAME_CONFLICT");
            f.severity = Severity::Warning;
            f.message = Text::tr("Another site already answers for %1 on port %2 (%3). The server will use only one of "
                                 "them, so Chat's calls might not reach the new configuration.")
                            .arg(domain)
                            .arg(port)
                            .arg(where);
            f.hint = Text::tr("Remove or change that site, or merge the client certificate settings into it.");
            f.subject = site.file;
            findings << f;
        }
    }
    return findings;
}

Result<Findings> findSiteConflicts(const ServerInstallation& installation, const QString& domain,
                                   const QList<quint16>& ports, const QString& ourFile)
{
    auto dump = ServerControl(installation).dumpConfiguration();
    if (!dump)
        return dump.error();
    const QList<VirtualSite> sites
        = installation.kind == ServerKind::Nginx ? parseNginxDump(dump.value()) : parseApacheVirtualHosts(dump.value());
    return siteConflictFindings(sites, domain, ports, ourFile);
}

} // namespace mtls
