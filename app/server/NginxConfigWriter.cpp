// The nginx writer: a `server {}` block for the http context.

#include "ConfigWriters.h"
#include "WebhookLog.h"

#include <QCoreApplication>

namespace mtls::detail {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::NginxConfigWriter)
};

} // namespace

QStringList nginxProxyDirectives(const configsyntax::UpstreamUrl& upstream)
{
    QStringList lines {QStringLiteral("proxy_pass %1;").arg(upstream.toString())};
    if (upstream.scheme == QLatin1String("https"))
        lines << QStringLiteral("proxy_ssl_server_name on;");
    lines << QStringLiteral("proxy_set_header Host $host;")
          << QStringLiteral("proxy_set_header X-Real-IP $remote_addr;")
          << QStringLiteral("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;")
          << QStringLiteral("proxy_set_header X-Forwarded-Proto https;")
          << QStringLiteral("# The verification result and the caller's certificate, for the application.")
          << QStringLiteral("proxy_set_header X-Client-Verify $ssl_client_verify;")
          << QStringLiteral("proxy_set_header X-Client-Subject $ssl_client_s_dn;")
          << QStringLiteral("proxy_set_header X-Client-Issuer $ssl_client_i_dn;")
          << QStringLiteral("proxy_set_header X-Client-Serial $ssl_client_serial;");
    return lines;
}

Result<QString> writeNginxConfig(const CheckedRequest& checked)
{
    const ServerConfigRequest& r = checked.request;
    auto certificate = configsyntax::quoteNginx(r.certificatePath, Text::tr("certificate path"));
    if (!certificate)
        return certificate.error();
    auto key = configsyntax::quoteNginx(r.keyPath, Text::tr("private key path"));
    if (!key)
        return key.error();
    auto clientCa = configsyntax::quoteNginx(r.clientCaPath, Text::tr("client CA path"));
    if (!clientCa)
        return clientCa.error();
    auto logPath = configsyntax::quoteNginx(checked.accessLogPath, Text::tr("webhook log path"));
    if (!logPath)
        return logPath.error();

    QString t = headerComment(checked,
                              QStringLiteral("# nginx refuses a caller without a valid client certificate "
                                             "with HTTP 400.\n"
                                             "# This file belongs in nginx's http {} context (conf.d/ or "
                                             "sites-enabled/). Run \"nginx -t\" after any change.\n"));
    const bool everything = checked.webhookPath == QLatin1String("/");
    t += QStringLiteral("\n# The webhook access log: one JSON object a line, read by \"mtls-assistant-cli watch\" "
                        "(never the Sign).\n");
    t += webhooklog::nginxLogFormat(checked.domain) + QLatin1Char('\n');
    if (!everything)
        t += webhooklog::nginxPathMap(checked.domain, checked.webhookPath) + QLatin1Char('\n');
    t += QStringLiteral("\nserver {\n");
    t += QStringLiteral("    # The addresses and port Chat calls: change the port if the webhook URL names another "
                        "one.\n");
    for (const ListenAddress& address : checked.listen) {
        const QString where = address.host == QLatin1String("*") || address.host == QLatin1String("0.0.0.0")
            ? QString::number(address.port)
            : address.toString();
        t += QStringLiteral("    listen %1 ssl;\n").arg(where);
    }
    t += QStringLiteral("    server_name %1;\n\n").arg(checked.domain);
    t += QStringLiteral("    # Calls to the webhook path, refused ones too (no or a wrong client certificate).\n");
    t += QStringLiteral("    %1\n\n").arg(webhooklog::nginxAccessLog(checked.domain, logPath.value(), !everything));

    t += QStringLiteral("    # This server's certificate followed by its intermediate certificates, and its private "
                        "key.\n");
    t += QStringLiteral("    ssl_certificate %1;\n").arg(certificate.value());
    t += QStringLiteral("    ssl_certificate_key %1;\n\n").arg(key.value());

    t += QStringLiteral("    # Callers must present a client certificate signed by the Chat client CA "
                        "(TencentQQAuthCA.crt).\n");
    t += QStringLiteral("    ssl_client_certificate %1;\n").arg(clientCa.value());
    t += QStringLiteral("    ssl_verify_client on;\n");
    t += QStringLiteral("    ssl_verify_depth %1;\n\n").arg(r.verifyDepth);

    t += QStringLiteral("    # TLS profile \"%1\": change it by generating the file again with another profile.\n")
             .arg(tlsProfileName(r.profile));
    t += QStringLiteral("    ssl_protocols %1;\n").arg(tlsProfileProtocols(r.profile).join(QLatin1Char(' ')));
    const QString ciphers = tlsProfileCiphers(r.profile);
    if (!ciphers.isEmpty()) {
        t += QStringLiteral("    ssl_ciphers %1;\n").arg(ciphers);
        t += QStringLiteral("    ssl_prefer_server_ciphers off;\n");
    }
    t += QStringLiteral("    ssl_session_timeout 1d;\n"
                        "    ssl_session_cache shared:mtls_assistant:10m;\n"
                        "    ssl_session_tickets off;\n\n");

    t += QStringLiteral("    # The webhook path Chat calls: change it together with the webhook URL in the Chat "
                        "console.\n");
    t += everything ? QStringLiteral("    location / {\n")
                    : QStringLiteral("    location = %1 {\n").arg(checked.webhookPath);
    t += QStringLiteral("        # The webhook application: change it if the application listens elsewhere.\n");
    for (const QString& line : nginxProxyDirectives(checked.upstream))
        t += QStringLiteral("        %1\n").arg(line);
    t += QStringLiteral("    }\n");
    if (!everything)
        t += QStringLiteral("    # Any other path.\n"
                            "    location / {\n"
                            "        return 404;\n"
                            "    }\n");
    t += QStringLiteral("}\n");
    return t;
}

} // namespace mtls::detail
