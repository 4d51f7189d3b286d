#include "WebhookLog.h"

#include <QDir>
#include <QFileInfo>

namespace mtls {

namespace {

QString fileName(const QString& domain)
{
    return QStringLiteral("mtls-webhook-%1.log").arg(domain);
}

QString identifier(const QString& domain)
{
    QString id = domain.toLower();
    for (QChar& c : id) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128))
            c = QLatin1Char('_');
    }
    return QStringLiteral("mtls_webhook_") + id;
}

QString logFolder(const ServerInstallation& inst)
{
    if (!inst.prefix.isEmpty())
        return QDir::cleanPath(inst.prefix) + QStringLiteral("/logs");
    const QString root = QDir::cleanPath(inst.configRoot);
    if (root.startsWith(QLatin1String("/www/server/")))
        return QStringLiteral("/www/wwwlogs"); // BaoTa
    const bool nginx = inst.kind == ServerKind::Nginx;
    switch (inst.layout) {
    case ServerLayout::Debian:
    case ServerLayout::Alpine:
        return nginx ? QStringLiteral("/var/log/nginx") : QStringLiteral("/var/log/apache2");
    case ServerLayout::RedHat:
        return nginx ? QStringLiteral("/var/log/nginx") : QStringLiteral("/var/log/httpd");
    case ServerLayout::Homebrew:
        return nginx ? QStringLiteral("/opt/homebrew/var/log/nginx") : QStringLiteral("/opt/homebrew/var/log/httpd");
    case ServerLayout::Windows:
        return QDir::cleanPath(root + QStringLiteral("/../logs"));
    case ServerLayout::Custom:
        break;
    }
    return root + QStringLiteral("/logs");
}

} // namespace

QString webhookLogPath(const ServerInstallation& installation, const QString& domain)
{
    return logFolder(installation) + QLatin1Char('/') + fileName(domain);
}

QString installedWebhookLogPath(const ServerInstallation& installation, const QString& domain)
{
    const QString usual = webhookLogPath(installation, domain);
    if (QFileInfo(QFileInfo(usual).absolutePath()).isDir())
        return usual;
    return installation.certDir + QLatin1Char('/') + domain + QStringLiteral("/webhook.log");
}

QString defaultWebhookLogPath(ServerKind kind, const QString& domain)
{
    return (kind == ServerKind::Nginx ? QStringLiteral("/var/log/nginx/") : QStringLiteral("/var/log/apache2/"))
        + fileName(domain);
}

QString webhookErrorLogPath(const QString& accessLogPath)
{
    if (accessLogPath.endsWith(QLatin1String(".log")))
        return accessLogPath.chopped(4) + QStringLiteral("-error.log");
    return accessLogPath + QStringLiteral("-error.log");
}

namespace webhooklog {

QString nginxFormatName(const QString& domain)
{
    return identifier(domain);
}

QString nginxLogFormat(const QString& domain)
{
    return QStringLiteral(
               "log_format %1 escape=json\n"
               "    '{\"time\":\"$time_iso8601\",\"client\":\"$remote_addr\",\"sni\":\"$ssl_server_name\",'\n"
               "    '\"verify\":\"$ssl_client_verify\",\"subject\":\"$ssl_client_s_dn\","
               "\"issuer\":\"$ssl_client_i_dn\",'\n"
               "    '\"method\":\"$request_method\",\"path\":\"$uri\",\"sdk_appid\":\"$arg_SdkAppid\",'\n"
               "    '\"callback_command\":\"$arg_CallbackCommand\",\"request_time\":\"$arg_RequestTime\",'\n"
               "    '\"status\":\"$status\",\"upstream_time\":\"$upstream_response_time\","
               "\"bytes\":\"$body_bytes_sent\"}';")
        .arg(identifier(domain));
}

QString nginxPathMap(const QString& domain, const QString& webhookPath)
{
    return QStringLiteral("map $uri $%1 {\n    default 0;\n    \"%2\" 1;\n}").arg(identifier(domain), webhookPath);
}

QString nginxAccessLog(const QString& domain, const QString& logPath, bool conditional)
{
    return QStringLiteral("access_log %1 %2%3;")
        .arg(logPath, identifier(domain), conditional ? QStringLiteral(" if=$") + identifier(domain) : QString());
}

QStringList apacheQueryVariables()
{
    // SetEnvIf cannot see the query string (its Request_URI is the path); SetEnvIfExpr can, with the capture as $1.
    QStringList lines;
    for (const auto& [parameter, variable] :
         {std::pair {"SdkAppid", "MTLS_SDKAPPID"}, std::pair {"CallbackCommand", "MTLS_CALLBACK_COMMAND"},
          std::pair {"RequestTime", "MTLS_REQUEST_TIME"}})
        lines << QStringLiteral("SetEnvIfExpr \"%{QUERY_STRING} =~ /(?:^|&)%1=([^&]*)/i\" %2=$1")
                     .arg(QLatin1String(parameter), QLatin1String(variable));
    return lines;
}

QString apacheCustomLog(const QString& logPath, const QString& webhookPath)
{
    const QString format
        = QStringLiteral("{\\\"time\\\":\\\"%{%Y-%m-%dT%H:%M:%S%z}t\\\",\\\"client\\\":\\\"%a\\\","
                         "\\\"sni\\\":\\\"%{SSL_TLS_SNI}x\\\",\\\"verify\\\":\\\"%{SSL_CLIENT_VERIFY}x\\\","
                         "\\\"subject\\\":\\\"%{SSL_CLIENT_S_DN}x\\\",\\\"issuer\\\":\\\"%{SSL_CLIENT_I_DN}x\\\","
                         "\\\"method\\\":\\\"%m\\\",\\\"path\\\":\\\"%U\\\","
                         "\\\"sdk_appid\\\":\\\"%{MTLS_SDKAPPID}e\\\","
                         "\\\"callback_command\\\":\\\"%{MTLS_CALLBACK_COMMAND}e\\\","
                         "\\\"request_time\\\":\\\"%{MTLS_REQUEST_TIME}e\\\",\\\"status\\\":\\\"%>s\\\","
                         "\\\"duration_ms\\\":\\\"%{ms}T\\\",\\\"bytes\\\":\\\"%B\\\"}");
    QString line = QStringLiteral("CustomLog \"%1\" \"%2\"").arg(logPath, format);
    if (webhookPath != QLatin1String("/"))
        line += QStringLiteral(" \"expr=%{REQUEST_URI} == '%1'\"").arg(webhookPath);
    return line;
}

QStringList apacheErrorLog(const QString& quotedErrorLogPath)
{
    // ErrorLogFormat: the default one, whatever the server's own says, so that watch reads it. LogLevel: only
    // mod_ssl's is raised, to info (one line when a connection opens and closes, three when a handshake fails).
    return {QStringLiteral("ErrorLog %1").arg(quotedErrorLogPath),
            QStringLiteral("ErrorLogFormat \"[%{u}t] [%-m:%l] [pid %P:tid %T] [client\\ %a] %M\""),
            QStringLiteral("LogLevel ssl:info")};
}

} // namespace webhooklog

} // namespace mtls
