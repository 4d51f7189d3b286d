#include "MergeSite.h"

#include "ApacheMergeSite.h"
#include "ConfigSyntax.h"
#include "NginxMerge.h"
#include "NginxSites.h"
#include "ServerControl.h"
#include "pki/DomainName.h"
#include "pki/PemReader.h"
#include "pki/TrustStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::MergeSite)
};

QString confPrefix(const ServerInstallation& installation)
{
    return QFileInfo(installation.mainConfig).absolutePath();
}

bool inside(const QString& path, const QString& root, const ServerFiles& files)
{
    if (root.isEmpty())
        return false;
    const QString r = QDir::cleanPath(root);
    const QString canonicalRoot = files.canonical(r);
    for (const QString& base : {r, canonicalRoot}) {
        if (!base.isEmpty() && path.startsWith(base + QLatin1Char('/')))
            return true;
    }
    return false;
}

// The directives a server block holds, includes inside it followed (certbot's options-ssl-nginx.conf).
void collect(const nginxconf::Config& config, const QList<nginxconf::Directive>& list, int depth,
             QList<const nginxconf::Directive*>& into)
{
    for (const nginxconf::Directive& d : list) {
        if (d.isComment())
            continue;
        into << &d;
        if (depth < 16) {
            for (int included : d.includes)
                collect(config, config.files.at(included).directives, depth + 1, into);
        }
    }
}

// nginx's configuration as the files show it.
nginxconf::Config parseNginx(const ServerInstallation& installation, const ServerFiles& files)
{
    const nginxconf::Limits limits;
    const nginxconf::ByteReader read
        = [&files, &limits](const QString& path) { return files.read(path, limits.maxFileBytes); };
    return nginxconf::parseConfig(installation.mainConfig, confPrefix(installation), read, files.glob, limits);
}

Status checkSiteCertificate(const QStringList& certificateFiles, const QString& domain, const QString& rootsPath,
                            const QString& siteWhere, Certificate* siteLeaf, const ServerFiles& files)
{
    const QString dedicated = Text::tr("Use a name of its own for the webhook (--mode dedicated), for example a "
                                       "subdomain such as im-callback.example.com.");
    if (certificateFiles.isEmpty())
        return refusedBy(
            errorFinding(QStringLiteral("MERGE_SITE_CERTIFICATE"),
                         Text::tr("The site that answers %1 (%2) names no certificate of its own, so it serves no "
                                  "HTTPS for the name and the webhook cannot be added to it.")
                             .arg(domain, siteWhere),
                         dedicated, siteWhere));
    auto store = rootsPath.isEmpty() ? TrustStore::system() : TrustStore::fromFile(rootsPath);
    if (!store)
        return store.error();
    for (const QString& path : certificateFiles) {
        Certificates chain;
        const std::optional<QByteArray> text
            = path.contains(QLatin1Char('$')) ? std::nullopt : files.read(path, 4 * 1024 * 1024);
        if (text) {
            for (const PemBlock& block : readPemBlocks(*text)) {
                if (block.label != "CERTIFICATE")
                    continue;
                if (auto certificate = Certificate::fromPem(block.text))
                    chain << certificate.value();
            }
        }
        if (chain.isEmpty())
            return refusedBy(
                errorFinding(QStringLiteral("MERGE_SITE_CERTIFICATE"),
                             Text::tr("The site's certificate %1 (named by %2) cannot be read, so it cannot be checked "
                                      "that it serves %3.")
                                 .arg(QDir::toNativeSeparators(path), siteWhere, domain),
                             Text::tr("Make the file readable (or name it without variables), or use a name of its own "
                                      "for the webhook (--mode dedicated)."),
                             path));
        const Certificate leaf = chain.takeFirst();
        if (siteLeaf && siteLeaf->isNull())
            *siteLeaf = leaf;
        if (!certificateCoversHost(leaf, domain))
            return refusedBy(
                errorFinding(QStringLiteral("MERGE_SITE_CERTIFICATE"),
                             Text::tr("The site's certificate %1 (%2) is not valid for %3, so Chat could not call the "
                                      "webhook there.")
                                 .arg(QDir::toNativeSeparators(path), leaf.displayName(), domain),
                             Text::tr("Give the site a certificate for %1 first, or use a name of its own for the "
                                      "webhook (--mode dedicated).")
                                 .arg(domain),
                             path));
        const TrustStore::Verification verified = store->verify(leaf, chain);
        if (!verified.trusted)
            return refusedBy(errorFinding(
                QStringLiteral("MERGE_SITE_CERTIFICATE"),
                Text::tr("The site's certificate %1 (%2) does not lead to a public root (%3). A certificate "
                         "issued by Chat, or by any private CA, cannot serve a public website, so the "
                         "webhook cannot share this site.")
                    .arg(QDir::toNativeSeparators(path), leaf.displayName(), verified.error),
                dedicated, path));
    }
    return {};
}

} // namespace

QString setupModeName(SetupMode mode)
{
    switch (mode) {
    case SetupMode::Auto:
        return QStringLiteral("auto");
    case SetupMode::Dedicated:
        return QStringLiteral("dedicated");
    case SetupMode::Merge:
        return QStringLiteral("merge");
    }
    return {};
}

std::optional<SetupMode> setupModeFromName(const QString& name)
{
    for (SetupMode mode : {SetupMode::Auto, SetupMode::Dedicated, SetupMode::Merge}) {
        if (setupModeName(mode) == name)
            return mode;
    }
    return std::nullopt;
}

bool AnsweringSite::byName() const
{
    return match != QLatin1String("default_server") && match != QLatin1String("first");
}

QString AnsweringSite::where() const
{
    return QStringLiteral("%1:%2").arg(QDir::toNativeSeparators(file)).arg(line);
}

Result<std::optional<AnsweringSite>> findAnsweringSite(const ServerInstallation& installation, const QString& domain,
                                                       const QList<ListenAddress>& listen)
{
    return findAnsweringSite(installation, domain, listen, diskServerFiles(installation));
}

Result<std::optional<AnsweringSite>> findAnsweringSite(const ServerInstallation& installation, const QString& domain,
                                                       const QList<ListenAddress>& listenIn, const ServerFiles& files)
{
    if (installation.kind == ServerKind::Apache)
        return findAnsweringApacheSite(installation, domain, listenIn, files);
    const nginxconf::Config config = parseNginx(installation, files);
    if (config.files.isEmpty() || !config.files.first().error.isEmpty())
        return Error {Text::tr("The nginx configuration %1 cannot be read.")
                          .arg(QDir::toNativeSeparators(installation.mainConfig)),
                      config.errors.join(QLatin1Char('\n'))};
    const QList<nginxconf::Server> servers = nginxconf::servers(config);
    const QList<ListenAddress> listen = listenIn.isEmpty() ? defaultListen() : listenIn;
    std::optional<AnsweringSite> site;
    int chosen = -1;
    for (const ListenAddress& address : listen) {
        QString host = address.host;
        if (host == QLatin1String("*") || host == QLatin1String("0.0.0.0"))
            host = QStringLiteral("127.0.0.1");
        else if (host == QLatin1String("::"))
            host = QStringLiteral("::1");
        const auto selection = nginxconf::selectServer(servers, domain, host, address.port);
        if (!selection)
            continue;
        if (site && selection->server != chosen)
            continue; // another block answers on that address: verified where the first one answers
        if (!site) {
            chosen = selection->server;
            const nginxconf::Server& server = servers.at(chosen);
            AnsweringSite found;
            found.file = files.canonical(server.path);
            found.line = server.block.line;
            found.ordinal = server.ordinal;
            found.match = nginxconf::matchKindName(selection->kind);
            found.pattern = selection->pattern;
            QList<const nginxconf::Directive*> own;
            collect(config, server.block.children, 0, own);
            for (const nginxconf::Directive* d : std::as_const(own)) {
                if (d->name == QLatin1String("ssl_certificate") && !d->args.isEmpty())
                    found.certificates << nginxconf::resolvePath(confPrefix(installation), d->arg());
            }
            if (found.certificates.isEmpty()) {
                for (const nginxconf::Directive* d : server.httpDirectives) {
                    if (d->name == QLatin1String("ssl_certificate") && !d->args.isEmpty())
                        found.certificates << nginxconf::resolvePath(confPrefix(installation), d->arg());
                }
            }
            site = found;
        }
        site->listen << address;
    }
    return site;
}

MergeRequest mergeRequestOf(const ServerConfigRequest& config, bool replaceLocation, const QString& trustRootsPath)
{
    MergeRequest merge;
    merge.domain = config.domain;
    merge.listen = config.listen;
    merge.clientCaPath = config.clientCaPath;
    merge.config = config;
    merge.replaceLocation = replaceLocation;
    merge.trustRootsPath = trustRootsPath;
    return merge;
}

Result<MergePlan> planMerge(const ServerInstallation& installation, const MergeRequest& request)
{
    return planMerge(installation, request, diskServerFiles(installation));
}

Result<MergePlan> planMerge(const ServerInstallation& installation, const MergeRequest& request,
                            const ServerFiles& files)
{
    auto found = findAnsweringSite(installation, request.domain, request.listen, files);
    if (!found)
        return found.error();
    const QList<ListenAddress> listen = request.listen.isEmpty() ? defaultListen() : request.listen;
    QStringList ports;
    for (const ListenAddress& a : listen)
        ports << QString::number(a.port);
    ports.removeDuplicates();
    if (!found->has_value())
        return refusedBy(errorFinding(
            QStringLiteral("MERGE_NO_SITE"),
            Text::tr("No site of %1 answers %2 on port %3, so there is nothing to merge the webhook "
                     "into and nothing was changed.")
                .arg(serverKindDisplayName(installation.kind), request.domain, ports.join(QStringLiteral(", "))),
            Text::tr("Leave out --mode merge (or use --mode dedicated): the webhook then gets a site of its "
                     "own.")));
    MergePlan plan;
    plan.site = found->value();
    const QString where = plan.site.where();
    if (!inside(plan.site.file, installation.configRoot, files) && !inside(plan.site.file, installation.siteDir, files)
        && !inside(plan.site.file, installation.enabledDir, files))
        return refusedBy(
            errorFinding(QStringLiteral("MERGE_SITE_OUTSIDE_CONFIGURATION"),
                         Text::tr("The site that answers %1 is in %2, outside the server's configuration folders, so "
                                  "it is not edited.")
                             .arg(request.domain, where),
                         Text::tr("Point --server-root at the folder that holds it, or use a name of its own for the "
                                  "webhook (--mode dedicated)."),
                         plan.site.file));
    if (auto certificate = checkSiteCertificate(plan.site.certificates, request.domain, request.trustRootsPath, where,
                                                &plan.siteLeaf, files);
        !certificate)
        return certificate.error();
    plan.siteLeafSha256 = plan.siteLeaf.sha256Hex();

    const qint64 maxSiteBytes = 16 * 1024 * 1024;
    const std::optional<QByteArray> text = files.read(plan.site.file, maxSiteBytes);
    if (!text || text->size() > maxSiteBytes)
        return Error {Text::tr("Cannot read %1.").arg(QDir::toNativeSeparators(plan.site.file)), {}};
    plan.before = *text;
    if (const std::optional<FileOwnership> owner = files.ownership(plan.site.file)) {
        plan.mode = owner->mode;
        plan.uid = owner->uid;
        plan.gid = owner->gid;
    }
    if (installation.kind == ServerKind::Apache) {
        if (auto edited = planApacheMergeEdit(installation, request, plan, files); !edited)
            return edited.error();
        return plan;
    }
    // What the server block inherits from http {}: read again from the configuration, as the server reads it.
    const nginxconf::Config config = parseNginx(installation, files);
    QList<nginxconf::OutsideDirective> outside;
    const QList<nginxconf::Server> servers = nginxconf::servers(config);
    for (const nginxconf::Server& server : servers) {
        if (files.canonical(server.path) != plan.site.file || server.ordinal != plan.site.ordinal)
            continue;
        for (const nginxconf::Directive* d : server.httpDirectives)
            outside << nginxconf::OutsideDirective {d, QString()};
        // Snippets the server block includes count as its own.
        for (const nginxconf::Directive& d : server.block.children) {
            for (int included : d.includes) {
                QList<const nginxconf::Directive*> snippet;
                collect(config, config.files.at(included).directives, 1, snippet);
                for (const nginxconf::Directive* s : std::as_const(snippet))
                    outside << nginxconf::OutsideDirective {s, config.files.at(included).path};
            }
        }
        break;
    }
    auto upstream = configsyntax::parseUpstreamUrl(request.config.upstreamUrl);
    if (!upstream)
        return upstream.error();
    auto path = configsyntax::normalizeWebhookPath(request.config.webhookPath);
    if (!path)
        return path.error();
    nginxconf::MergeParams params;
    params.clientCaPath = request.clientCaPath;
    params.verifyDepth = request.config.verifyDepth;
    params.webhookPath = path.value();
    params.upstream = upstream.value();
    params.replaceLocation = request.replaceLocation;
    params.domain = request.domain;
    params.accessLogPath = request.config.accessLogPath;
    auto edit = nginxconf::mergeWebhook(plan.before, plan.site.ordinal, outside, params,
                                        QDir::toNativeSeparators(plan.site.file));
    if (!edit)
        return edit.error();
    plan.after = edit->text;
    plan.location = edit->location;
    return plan;
}

Finding modeChoiceFinding(const AnsweringSite& site, const QString& domain)
{
    Finding f;
    f.code = QStringLiteral("MODE_CHOICE_NEEDED");
    f.severity = Severity::Error;
    f.subject = site.file;
    f.message = Text::tr("A site already answers %1 (%2). Choose how the webhook is set up: --mode merge asks for a "
                         "client certificate on the webhook path only, inside that site (its visitors are not asked); "
                         "--mode dedicated gives the webhook a site of its own, which needs a name of its own.")
                    .arg(domain, site.where());
    f.hint = Text::tr("Run the same command again with --mode merge, or with --mode dedicated and a name that serves "
                      "only the webhook (for example im-callback.example.com).");
    return f;
}

} // namespace mtls
