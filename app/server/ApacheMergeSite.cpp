#include "ApacheMergeSite.h"

#include "ApacheConfigParser.h"
#include "ApacheSiteMerge.h"
#include "ApacheVirtualHosts.h"
#include "ConfigIncludes.h"
#include "ConfigSyntax.h"

#include <QCoreApplication>
#include <QDir>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ApacheMergeSite)
};

// Reads and parses an Apache file from `files`.
apacheconf::FileLoader loaderOf(const ServerFiles& files)
{
    return [&files](const QString& path) -> Result<apacheconf::File> {
        const std::optional<QByteArray> text = files.read(path, apacheconf::Limits().maxBytes);
        if (!text)
            return Error {Text::tr("Cannot read %1.").arg(QDir::toNativeSeparators(path)), {}};
        return apacheconf::parse(path, *text);
    };
}

QString resolveAgainst(const QString& root, const QString& path)
{
    return QDir::isAbsolutePath(path) ? QDir::cleanPath(path) : QDir::cleanPath(root + QLatin1Char('/') + path);
}

// The host at `file`:`line` and what applies in it.
struct ParsedHost
{
    apacheconf::File file;
    const apacheconf::Directive* host = nullptr;
    QList<apacheconf::Placed> effective;
};

Result<ParsedHost> parseHost(const ServerInstallation& installation, const QString& path, const QByteArray& text,
                             int line, const ServerFiles& files)
{
    auto parsed = apacheconf::parse(path, text);
    if (!parsed)
        return parsed.error();
    ParsedHost result {parsed.value(), nullptr, {}};
    result.host = apacheconf::virtualHostAt(result.file, line);
    if (!result.host)
        return Error {Text::tr("Apache names %1:%2 as the virtual host of the name, but no <VirtualHost> starts there.")
                          .arg(QDir::toNativeSeparators(path))
                          .arg(line)};
    auto effective = apacheconf::effectiveDirectives(result.file, *result.host, installation.configRoot,
                                                     loaderOf(files), files.glob);
    if (!effective)
        return effective.error();
    result.effective = effective.value();
    return result;
}

QString hostAddress(const ListenAddress& address)
{
    const QString& host = address.host;
    return host == QLatin1String("0.0.0.0") || host == QLatin1String("::") ? QStringLiteral("*") : host;
}

QString matchKind(const ApacheVirtualHost& host, const QString& domain, QString* pattern)
{
    for (const QString& name : QStringList {host.serverName} + host.aliases) {
        if (apacheNameMatches(name, domain)) {
            *pattern = name;
            return name.contains(QLatin1Char('*')) || name.contains(QLatin1Char('?')) ? QStringLiteral("wildcard")
                                                                                      : QStringLiteral("exact");
        }
    }
    *pattern = host.serverName;
    return QStringLiteral("first"); // the address's default host
}

} // namespace

Result<std::optional<AnsweringSite>> findAnsweringApacheSite(const ServerInstallation& installation,
                                                             const QString& domain,
                                                             const QList<ListenAddress>& listenIn,
                                                             const ServerFiles& files)
{
    auto dump = files.virtualHosts();
    if (!dump)
        return dump.error();
    const QList<ApacheVirtualHost> hosts = parseApacheVirtualHostDump(dump.value());
    const QList<ListenAddress> listen = listenIn.isEmpty() ? defaultListen() : listenIn;
    std::optional<AnsweringSite> site;
    for (const ListenAddress& address : listen) {
        const auto chosen = chooseApacheVirtualHost(hosts, domain, address.port, hostAddress(address));
        if (!chosen)
            continue;
        const QString file = files.canonical(chosen->file);
        if (site && (site->file != file || site->line != chosen->line))
            continue; // another host answers on that address: verified where the first one answers
        if (!site) {
            AnsweringSite found;
            found.file = file;
            found.line = chosen->line;
            found.match = matchKind(*chosen, domain, &found.pattern);
            if (const std::optional<QByteArray> text = files.read(file, apacheconf::Limits().maxBytes)) {
                if (auto parsed = parseHost(installation, file, *text, chosen->line, files)) {
                    for (const apacheconf::Placed& p : std::as_const(parsed->effective)) {
                        if (!p.directive.section && p.directive.is(QLatin1StringView("SSLCertificateFile"))
                            && !p.directive.args.isEmpty())
                            found.certificates << resolveAgainst(installation.configRoot, p.directive.args.first());
                    }
                }
            }
            site = found;
        }
        site->listen << address;
    }
    return site;
}

Status planApacheMergeEdit(const ServerInstallation& installation, const MergeRequest& request, MergePlan& plan,
                           const ServerFiles& files)
{
    auto parsed = parseHost(installation, plan.site.file, plan.before, plan.site.line, files);
    if (!parsed)
        return parsed.error();
    auto upstream = configsyntax::parseUpstreamUrl(request.config.upstreamUrl);
    if (!upstream)
        return upstream.error();
    auto path = configsyntax::normalizeWebhookPath(request.config.webhookPath);
    if (!path)
        return path.error();
    ApacheMergeSpec spec;
    spec.clientCaPath = request.clientCaPath;
    spec.verifyDepth = request.config.verifyDepth;
    spec.webhookPath = path.value();
    spec.upstream = upstream.value();
    spec.replaceLocation = request.replaceLocation;
    spec.accessLogPath = request.config.accessLogPath;
    const Findings conflicts = apacheMergeConflicts(parsed->file, *parsed->host, parsed->effective, spec);
    if (!conflicts.isEmpty())
        return refusedBy(conflicts);
    auto edited = mergeIntoApacheHost(parsed->file, *parsed->host, parsed->effective, spec);
    if (!edited)
        return edited.error();
    plan.after = edited.value();
    plan.location = QStringLiteral("<Location %1>").arg(spec.webhookPath);
    return {};
}

Status checkApacheMergeApplied(const QString& dump, const QString& domain, const QList<ListenAddress>& listen,
                               const QString& siteFile)
{
    const QList<ApacheVirtualHost> hosts = parseApacheVirtualHostDump(dump);
    const ServerFiles disk = diskServerFiles(ServerInstallation());
    const QString ours = disk.canonical(siteFile);
    for (const ListenAddress& address : listen) {
        const auto chosen = chooseApacheVirtualHost(hosts, domain, address.port, hostAddress(address));
        bool holdsBlock = false;
        if (chosen && disk.canonical(chosen->file) == ours) {
            if (auto file = loaderOf(disk)(ours)) {
                const apacheconf::Directive* host = apacheconf::virtualHostAt(file.value(), chosen->line);
                holdsBlock = host && hasApacheMergeBlock(file.value(), *host);
            }
        }
        if (!holdsBlock)
            return Error {Text::tr("Apache's effective configuration does not answer %1 on %2 with the virtual host "
                                   "of %3 and the lines the merge added.")
                              .arg(domain, address.toString(), QDir::toNativeSeparators(siteFile))};
    }
    return {};
}

} // namespace mtls
