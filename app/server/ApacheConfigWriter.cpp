// The Apache writer: a `<VirtualHost>` file with the module checks it needs.

#include "ConfigWriters.h"
#include "WebhookLog.h"

#include <QCoreApplication>

namespace mtls::detail {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ApacheConfigWriter)
};

QString moduleGuard(const QString& module, const QString& file)
{
    return QStringLiteral("<IfModule !%1_module>\n"
                          "    Error \"%2 is not loaded. On Debian or Ubuntu run: a2enmod %1\"\n"
                          "</IfModule>\n")
        .arg(module, file);
}

bool isWildcard(const QString& host)
{
    return host == QLatin1String("0.0.0.0") || host == QLatin1String("*") || host == QLatin1String("::");
}

// The VirtualHost addresses: 0.0.0.0 becomes "*", which also covers IPv6 when Apache listens on both. A site on
// every address also names the explicit addresses that other virtual hosts on its port use: Apache matches those
// first, so without them the site would not answer there.
QStringList virtualHostAddresses(const QList<ListenAddress>& listen, const QList<ListenAddress>& existing)
{
    QStringList addresses;
    QList<quint16> wildcardPorts;
    for (const ListenAddress& a : listen) {
        if (a.host == QLatin1String("0.0.0.0") || a.host == QLatin1String("*"))
            wildcardPorts << a.port;
    }
    for (const ListenAddress& a : listen) {
        QString address;
        if (a.host == QLatin1String("0.0.0.0") || a.host == QLatin1String("*"))
            address = QStringLiteral("*:%1").arg(a.port);
        else if (a.host == QLatin1String("::") && wildcardPorts.contains(a.port))
            continue;
        else
            address = a.toString();
        if (!addresses.contains(address))
            addresses << address;
    }
    for (const ListenAddress& a : listen) {
        if (!isWildcard(a.host))
            continue;
        for (const ListenAddress& other : existing) {
            if (other.port != a.port || isWildcard(other.host))
                continue;
            const QString address = ListenAddress {other.host, a.port}.toString();
            if (!addresses.contains(address))
                addresses << address;
        }
    }
    return addresses;
}

bool alreadyListening(const ListenAddress& a, const QList<ListenAddress>& existing)
{
    for (const ListenAddress& e : existing) {
        if (e.port == a.port && (isWildcard(e.host) || isWildcard(a.host) || e.host == a.host))
            return true;
    }
    return false;
}

QStringList listenLines(const ServerConfigRequest& r, const QList<ListenAddress>& listen)
{
    QStringList lines;
    bool anyWildcard = false;
    for (const ListenAddress& a : listen)
        anyWildcard = anyWildcard || a.host == QLatin1String("0.0.0.0") || a.host == QLatin1String("*");
    for (const ListenAddress& a : listen) {
        if (r.apacheKnowsExisting ? alreadyListening(a, r.apacheExistingListen) : a.port == 443)
            continue; // ports.conf / httpd-ssl.conf already listen on 443
        QString line;
        if (a.host == QLatin1String("0.0.0.0") || a.host == QLatin1String("*"))
            line = QStringLiteral("Listen %1").arg(a.port);
        else if (a.host == QLatin1String("::") && anyWildcard)
            continue; // "Listen PORT" binds IPv6 too
        else
            line = QStringLiteral("Listen %1").arg(a.toString());
        if (!lines.contains(line))
            lines << line;
    }
    return lines;
}

} // namespace

QStringList apacheClientHeaderLines()
{
    return {QStringLiteral("RequestHeader set X-Forwarded-Proto \"https\""),
            QStringLiteral("RequestHeader set X-Client-Verify \"%{SSL_CLIENT_VERIFY}s\""),
            QStringLiteral("RequestHeader set X-Client-Subject \"%{SSL_CLIENT_S_DN}s\""),
            QStringLiteral("RequestHeader set X-Client-Issuer \"%{SSL_CLIENT_I_DN}s\""),
            QStringLiteral("RequestHeader set X-Client-Serial \"%{SSL_CLIENT_M_SERIAL}s\"")};
}

bool apacheNeedsChainFile(const QVersionNumber& version)
{
    return !version.isNull() && version < QVersionNumber(2, 4, 8);
}

Result<QString> writeApacheConfig(const CheckedRequest& checked)
{
    const ServerConfigRequest& r = checked.request;
    auto certificate = configsyntax::quoteApache(r.certificatePath, Text::tr("certificate path"));
    if (!certificate)
        return certificate.error();
    auto key = configsyntax::quoteApache(r.keyPath, Text::tr("private key path"));
    if (!key)
        return key.error();
    auto clientCa = configsyntax::quoteApache(r.clientCaPath, Text::tr("client CA path"));
    if (!clientCa)
        return clientCa.error();
    const bool chainFile = apacheNeedsChainFile(r.serverVersion) && !r.chainPath.isEmpty();
    Result<QString> chain = QString();
    if (chainFile) {
        chain = configsyntax::quoteApache(r.chainPath, Text::tr("chain path"));
        if (!chain)
            return chain.error();
    }
    if (r.profile == TlsProfile::Modern && !r.serverVersion.isNull() && r.serverVersion < QVersionNumber(2, 4, 36))
        return Error {Text::tr("The modern TLS profile needs Apache 2.4.36 or later (TLS 1.3); this server is %1. "
                               "Use the intermediate profile.")
                          .arg(r.serverVersion.toString()),
                      {}};

    auto quotedTarget = configsyntax::quoteApache(checked.upstream.targetFor(checked.webhookPath),
                                                  Text::tr("URL of the webhook application"));
    if (!quotedTarget)
        return quotedTarget.error();
    auto quotedPath = configsyntax::quoteApache(checked.webhookPath, Text::tr("webhook path"));
    if (!quotedPath)
        return quotedPath.error();
    auto logPath = configsyntax::quoteApache(checked.accessLogPath, Text::tr("webhook log path"));
    if (!logPath)
        return logPath.error();
    auto errorLogPath
        = configsyntax::quoteApache(webhookErrorLogPath(checked.accessLogPath), Text::tr("webhook log path"));
    if (!errorLogPath)
        return errorLogPath.error();

    QString t = headerComment(checked,
                              QStringLiteral("# Apache refuses a caller without a valid client certificate "
                                             "during the TLS handshake.\n"
                                             "# Needs the modules ssl, headers, proxy and proxy_http. Run "
                                             "\"apachectl configtest\" after any change.\n"));
    t += QStringLiteral("\n");
    t += moduleGuard(QStringLiteral("ssl"), QStringLiteral("mod_ssl"));
    t += moduleGuard(QStringLiteral("headers"), QStringLiteral("mod_headers"));
    t += moduleGuard(QStringLiteral("proxy"), QStringLiteral("mod_proxy"));
    t += moduleGuard(QStringLiteral("proxy_http"), QStringLiteral("mod_proxy_http"));

    const QStringList listens = r.apacheListen ? listenLines(r, checked.listen) : QStringList();
    if (!listens.isEmpty()) {
        t += QStringLiteral("\n# Apache must listen on the webhook port. Remove these lines if another file "
                            "already listens on it.\n");
        t += listens.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }

    t += QStringLiteral("\n# The addresses and port Chat calls: change the port if the webhook URL names another "
                        "one.\n");
    t += QStringLiteral("<VirtualHost %1>\n")
             .arg(virtualHostAddresses(checked.listen, r.apacheExistingVirtualHosts).join(QLatin1Char(' ')));
    t += QStringLiteral("    ServerName %1\n\n").arg(checked.domain);
    t += QStringLiteral("    SSLEngine on\n");
    if (chainFile) {
        t += QStringLiteral("    # This server's certificate and private key; its intermediate certificates "
                            "(Apache before 2.4.8).\n");
        t += QStringLiteral("    SSLCertificateFile %1\n").arg(certificate.value());
        t += QStringLiteral("    SSLCertificateKeyFile %1\n").arg(key.value());
        t += QStringLiteral("    SSLCertificateChainFile %1\n\n").arg(chain.value());
    } else {
        t += QStringLiteral("    # This server's certificate followed by its intermediate certificates, and its "
                            "private key.\n");
        t += QStringLiteral("    SSLCertificateFile %1\n").arg(certificate.value());
        t += QStringLiteral("    SSLCertificateKeyFile %1\n\n").arg(key.value());
    }
    t += QStringLiteral("    # Callers must present a client certificate signed by the Chat client CA "
                        "(TencentQQAuthCA.crt).\n");
    t += QStringLiteral("    SSLCACertificateFile %1\n").arg(clientCa.value());
    t += QStringLiteral("    SSLVerifyClient require\n");
    t += QStringLiteral("    SSLVerifyDepth %1\n\n").arg(r.verifyDepth);

    t += QStringLiteral("    # TLS profile \"%1\": change it by generating the file again with another profile.\n")
             .arg(tlsProfileName(r.profile));
    QStringList protocols;
    for (const QString& protocol : tlsProfileProtocols(r.profile))
        protocols << QLatin1Char('+') + protocol;
    t += QStringLiteral("    SSLProtocol -all %1\n").arg(protocols.join(QLatin1Char(' ')));
    const QString ciphers = tlsProfileCiphers(r.profile);
    if (!ciphers.isEmpty()) {
        t += QStringLiteral("    SSLCipherSuite %1\n").arg(ciphers);
        t += QStringLiteral("    SSLHonorCipherOrder off\n");
    }
    t += QStringLiteral("    SSLSessionTickets off\n\n");

    t += QStringLiteral("    # Only the webhook path is served; change it together with the webhook URL in the "
                        "Chat console.\n");
    t += QStringLiteral("    <Location \"/\">\n        Require all denied\n    </Location>\n");
    t += QStringLiteral("    <Location %1>\n        Require all granted\n    </Location>\n\n").arg(quotedPath.value());
    t += QStringLiteral("    # The webhook application: change it if the application listens elsewhere.\n");
    t += QStringLiteral("    ProxyRequests off\n"
                        "    ProxyPreserveHost on\n");
    if (checked.upstream.scheme == QLatin1String("https"))
        t += QStringLiteral("    SSLProxyEngine on\n");
    t += QStringLiteral("    ProxyPass %1 %2\n").arg(quotedPath.value(), quotedTarget.value());
    const QStringList headers = apacheClientHeaderLines();
    t += QStringLiteral("    ") + headers.first() + QLatin1Char('\n');
    t += QStringLiteral("    # The verification result and the caller's certificate, for the application.\n");
    for (const QString& line : headers.mid(1))
        t += QStringLiteral("    ") + line + QLatin1Char('\n');
    t += QStringLiteral(
        "\n    # The webhook access log: one JSON object a line, read by \"mtls-assistant-cli watch\". The query's\n"
        "    # SdkAppid, CallbackCommand and RequestTime are kept, never the Sign. Callers refused during the\n"
        "    # TLS handshake (no or a wrong client certificate) are in the error log below only.\n");
    t += QStringLiteral("    <IfModule setenvif_module>\n");
    for (const QString& line : webhooklog::apacheQueryVariables())
        t += QStringLiteral("        ") + line + QLatin1Char('\n');
    t += QStringLiteral("    </IfModule>\n");
    // quoteApache only escapes '"': the log path goes in as it was checked, the writer adds the quotes.
    t += QStringLiteral("    ") + webhooklog::apacheCustomLog(logPath.value().mid(1).chopped(1), checked.webhookPath)
        + QLatin1Char('\n');
    t += QStringLiteral(
        "    # This site's error log, also read by \"mtls-assistant-cli watch\": mod_ssl at level info records\n"
        "    # why a handshake was refused (no client certificate, or one that failed verification).\n");
    for (const QString& line : webhooklog::apacheErrorLog(errorLogPath.value()))
        t += QStringLiteral("    ") + line + QLatin1Char('\n');
    t += QStringLiteral("</VirtualHost>\n");
    return t;
}

} // namespace mtls::detail
