#include "ConfigGenerator.h"

#include "ConfigWriters.h"
#include "WebhookLog.h"
#include "core/Version.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ConfigGenerator)
};

} // namespace

namespace detail {

QString headerComment(const CheckedRequest& checked, const QString& serverNote)
{
    const ServerConfigRequest& r = checked.request;
    QString text;
    text += QStringLiteral("# HTTPS mutual TLS (two-way authentication) for the Tencent Cloud Chat webhook of %1.\n")
                .arg(checked.domain);
    text
        += QStringLiteral("# Produced by %1, TLS profile \"%2\".\n").arg(checked.producedBy, tlsProfileName(r.profile));
    text += QStringLiteral("# Callers must present a client certificate signed by the Chat client CA; any other "
                           "caller is refused.\n");
    text += QStringLiteral("# Requests to %1 go to the webhook application at %2.\n")
                .arg(checked.webhookPath, checked.upstream.toString());
    text += serverNote;
    return text;
}

} // namespace detail

QJsonObject GeneratedConfig::toJson() const
{
    QJsonObject paths {{QStringLiteral("certificate"), certificatePath},
                       {QStringLiteral("key"), keyPath},
                       {QStringLiteral("client_ca"), clientCaPath}};
    if (!accessLogPath.isEmpty())
        paths.insert(QStringLiteral("webhook_log"), accessLogPath);
    if (!chainPath.isEmpty())
        paths.insert(QStringLiteral("chain"), chainPath);
    QJsonObject o {{QStringLiteral("server"), serverKindName(server)},
                   {QStringLiteral("domain"), domain},
                   {QStringLiteral("file_name"), fileName},
                   {QStringLiteral("config"), text},
                   {QStringLiteral("paths"), paths},
                   {QStringLiteral("findings"), findingsToJson(findings)}};
    if (server == ServerKind::Apache)
        o.insert(QStringLiteral("modules"), QJsonArray::fromStringList(apacheModules));
    return o;
}

Result<GeneratedConfig> generateServerConfig(const ServerConfigRequest& request)
{
    detail::CheckedRequest checked;
    checked.request = request;
    auto domain = configsyntax::normalizeDomain(request.domain);
    if (!domain)
        return domain.error();
    checked.domain = domain.value();
    auto path = configsyntax::normalizeWebhookPath(request.webhookPath);
    if (!path)
        return path.error();
    checked.webhookPath = path.value();
    auto upstream = configsyntax::parseUpstreamUrl(request.upstreamUrl);
    if (!upstream)
        return upstream.error();
    checked.upstream = upstream.value();
    checked.listen = request.listen.isEmpty() ? defaultListen() : request.listen;
    for (const ListenAddress& address : std::as_const(checked.listen)) {
        if (parseListen(address.toString()).isEmpty() || address.port == 0)
            return Error {Text::tr("\"%1\" is not a valid address and port to listen on.").arg(address.toString()), {}};
    }
    if (request.verifyDepth < 1 || request.verifyDepth > 10)
        return Error {Text::tr("The client certificate verification depth must be between 1 and 10."), {}};
    checked.producedBy = request.producedBy.isEmpty()
        ? QStringLiteral("mTLS Assistant %1").arg(QStringLiteral(MTLS_VERSION))
        : request.producedBy;
    if (checked.producedBy.contains(QLatin1Char('\n')) || checked.producedBy.contains(QLatin1Char('\r')))
        checked.producedBy = checked.producedBy.simplified();

    checked.accessLogPath = request.accessLogPath.isEmpty() ? defaultWebhookLogPath(request.server, checked.domain)
                                                            : QDir::cleanPath(request.accessLogPath);
    if (!QDir::isAbsolutePath(checked.accessLogPath))
        return Error {Text::tr("The webhook log path \"%1\" must be absolute.").arg(checked.accessLogPath), {}};

    auto text
        = request.server == ServerKind::Nginx ? detail::writeNginxConfig(checked) : detail::writeApacheConfig(checked);
    if (!text)
        return text.error();

    GeneratedConfig config;
    config.server = request.server;
    config.text = text.value();
    config.domain = checked.domain;
    config.fileName = QStringLiteral("mtls-assistant-%1.conf").arg(checked.domain);
    config.findings = tlsProfileFindings(request.profile);
    config.certificatePath = request.certificatePath;
    config.keyPath = request.keyPath;
    config.clientCaPath = request.clientCaPath;
    config.accessLogPath = checked.accessLogPath;
    if (request.server == ServerKind::Apache) {
        config.apacheModules
            = {QStringLiteral("ssl"), QStringLiteral("headers"), QStringLiteral("proxy"), QStringLiteral("proxy_http")};
        if (detail::apacheNeedsChainFile(request.serverVersion))
            config.chainPath = request.chainPath;
    }
    return config;
}

} // namespace mtls
