#include "ProbeFindings.h"

#include "core/TextJoin.h"

#include <QCoreApplication>

namespace mtls::probefindings {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::Prober)
};

Finding make(const char* code, Severity severity, const QString& message, const QString& hint,
             const QString& subject = QString())
{
    return Finding {QString::fromLatin1(code), severity, message, hint, subject};
}

bool looksLikePlainHttp(const QString& error)
{
    return error.contains(QLatin1String("wrong version number")) || error.contains(QLatin1String("http request"))
        || error.contains(QLatin1String("packet length too long"));
}

} // namespace

Finding resolveFailed(const QString& host, const QString& detail)
{
    return make(
        "CONNECT_FAILED", Severity::Error, Text::tr("The name %1 could not be resolved (%2).").arg(host, detail),
        Text::tr("Check that the domain's DNS record (A or AAAA) points at your server, and that the webhook URL "
                 "set in the Chat console is spelt right."),
        host);
}

Finding connectFailed(const QUrl& url, const QString& detail)
{
    const int port = url.port(443);
    return make(
        "CONNECT_FAILED", Severity::Error,
        Text::tr("Nothing accepted a connection on port %1 (%2).").arg(port).arg(detail),
        Text::tr("Check that the server is running and listens on port %1 (nginx: `listen %1 ssl;` in the server "
                 "block; Apache: `Listen %1` and `<VirtualHost *:%1>`), and that no firewall or security group "
                 "blocks the port.")
            .arg(port),
        url.host());
}

Finding timeout(ProbeStep step, int timeoutMs, const QString& address)
{
    QString hint;
    switch (step) {
    case ProbeStep::Resolve:
    case ProbeStep::Connect:
        hint = Text::tr("Nothing answered the connection: a firewall or security group probably drops packets to this "
                        "port, or the address in DNS is not your server's.");
        break;
    case ProbeStep::Handshake:
    case ProbeStep::ProtocolVersions:
        hint = Text::tr("Something accepted the connection but never finished a TLS handshake: check that this port is "
                        "the HTTPS one (nginx `listen ... ssl;`, Apache `SSLEngine on`) and that no proxy or load "
                        "balancer in front of the server holds the connection.");
        break;
    default:
        hint = Text::tr(
            "The server did not answer the HTTP request in time: the application behind it (nginx "
            "`proxy_pass`, Apache `ProxyPass`) is slow or not running. Chat gives up after about 2 seconds.");
        break;
    }
    return make("TIMEOUT", Severity::Error,
                Text::tr("No answer within the time limit of %1 s (step: %2).")
                    .arg(timeoutMs / 1000.0, 0, 'g', 3)
                    .arg(probeStepLabel(step)),
                hint, address);
}

Finding handshakeFailed(const AttemptResult& attempt)
{
    QString hint;
    if (looksLikePlainHttp(attempt.error)) {
        hint = Text::tr(
            "This port does not speak TLS (it answers in plain HTTP or another protocol): in nginx add `ssl` "
            "to the `listen` line of the server block; in Apache put `SSLEngine on` in the virtual host.");
    } else if (attempt.error.contains(QLatin1String("excessive message size"))) {
        hint = Text::tr("The server sent a certificate chain larger than 100 KB: the file named by `ssl_certificate` "
                        "(nginx) or `SSLCertificateFile`/`SSLCertificateChainFile` (Apache) holds far too many "
                        "certificates. Keep only the server certificate and its intermediates.");
    } else if (attempt.alertReceived == SSL_AD_PROTOCOL_VERSION) {
        hint = Text::tr(
            "The server accepts neither TLS 1.2 nor TLS 1.3: fix `ssl_protocols` (nginx) or `SSLProtocol` (Apache), "
            "for example `ssl_protocols TLSv1.2 TLSv1.3;`.");
    } else if (attempt.alertReceived == SSL_AD_HANDSHAKE_FAILURE) {
        // A server that allows only TLS 1.0/1.1 (the Chat guide's sample) fails this way too: with OpenSSL 3 it has
        // no cipher it may use for them, so it answers "handshake failure" rather than "protocol version".
        hint = Text::tr("The server found no protocol version and cipher it shares with a current client. First check "
                        "the protocol list: `ssl_protocols` (nginx) or `SSLProtocol` (Apache) must allow TLS 1.2 and "
                        "TLS 1.3 (the Chat guide's sample `ssl_protocols TLSv1 TLSv1.1;` allows only versions a "
                        "server built with OpenSSL 3 cannot use). Then `ssl_ciphers` (nginx) or `SSLCipherSuite` "
                        "(Apache), and the server certificate's key type.");
    } else {
        hint = Text::tr(
            "Look in the server's error log (nginx `error_log`, Apache `ErrorLog`) at the time of the probe.");
    }
    QString reason = attempt.error;
    if (attempt.alertReceived >= 0)
        reason = Text::tr("the server sent the alert \"%1\"").arg(attempt.alertText);
    return make("TLS_HANDSHAKE_FAILED", Severity::Error, Text::tr("The TLS handshake failed: %1.").arg(reason), hint,
                attempt.address);
}

Finding noHttpAnswer(const AttemptResult& attempt)
{
    return make(
        "TLS_HANDSHAKE_FAILED", Severity::Error,
        Text::tr("The TLS connection was set up but the server gave no HTTP answer (%1).").arg(attempt.error),
        Text::tr("Look in the server's error log (nginx `error_log`, Apache `ErrorLog`); the port may belong to a "
                 "service that is not an HTTPS web server."),
        attempt.address);
}

Finding serverCertUntrusted(const ServerCertificateInfo& info, bool customAnchors)
{
    const QString hint = customAnchors
        ? Text::tr("The chain does not lead to the CA given with --server-ca. Check that the server sends the right "
                   "certificate and its intermediates.")
        : Text::tr(
            "Chat's servers will refuse this certificate. Serve the whole chain: nginx `ssl_certificate` must name "
            "the bundle (server certificate first, then the intermediates, such as `<domain>_bundle.crt`); Apache "
            "needs `SSLCertificateChainFile` (`root_bundle.crt`). A self-signed certificate or one from a private CA "
            "is not accepted: use one from a public CA, or the one Chat issues for your domain.");
    return make("SERVER_CERT_UNTRUSTED", Severity::Error,
                Text::tr("The server's certificate is not trusted: %1.").arg(info.trustError), hint,
                info.leaf().subject());
}

Finding serverNameMismatch(const ServerCertificateInfo& info, const QString& host)
{
    QStringList names = info.leaf().dnsNames() + info.leaf().ipAddresses();
    if (names.isEmpty())
        names << info.leaf().commonName();
    return make(
        "SERVER_NAME_MISMATCH", Severity::Error,
        Text::tr("The server's certificate is for %1, not for %2.").arg(joinList(names), host),
        Text::tr("Point `ssl_certificate` (nginx) or `SSLCertificateFile` (Apache) at the certificate for %1, and "
                 "check that this server block's `server_name` (Apache `ServerName`) is %1: otherwise another "
                 "site on the same port answers.")
            .arg(host),
        info.leaf().subject());
}

Finding serverCertExpired(const ServerCertificateInfo& info)
{
    return make("SERVER_CERT_EXPIRED", Severity::Error,
                Text::tr("The server's certificate expired on %1.").arg(info.leaf().notAfter().toString(Qt::ISODate)),
                Text::tr("Renew the certificate, install the new files where `ssl_certificate`/`ssl_certificate_key` "
                         "(Apache `SSLCertificateFile`/`SSLCertificateKeyFile`) point, and reload the server."),
                info.leaf().subject());
}

Finding serverCertExpiringSoon(const ServerCertificateInfo& info)
{
    return make(
        "SERVER_CERT_EXPIRING_SOON", Severity::Warning,
        Text::tr("The server's certificate expires in %n day(s) (%1).", nullptr, static_cast<int>(info.daysLeft))
            .arg(info.leaf().notAfter().toString(Qt::ISODate)),
        Text::tr("Renew it before then and reload the server; Chat's calls fail from the day it expires."),
        info.leaf().subject());
}

Finding clientCertNotRequested()
{
    return make(
        "CLIENT_CERT_NOT_REQUESTED", Severity::Error,
        Text::tr("The server did not ask for a client certificate, so it cannot tell Chat's servers from anyone "
                 "else."),
        Text::tr("nginx: add `ssl_verify_client on;` and `ssl_client_certificate` naming TencentQQAuthCA.crt to the "
                 "server block. Apache: `SSLVerifyClient require` and `SSLCACertificateFile` in the virtual host. "
                 "If they are there, another server block or virtual host answers for this name and port."));
}

Finding clientCertNotEnforced(std::optional<int> httpStatus)
{
    return make(
        "CLIENT_CERT_NOT_ENFORCED", Severity::Error,
        Text::tr("A caller without a client certificate got through (HTTP %1).")
            .arg(httpStatus ? QString::number(*httpStatus) : QStringLiteral("?")),
        Text::tr("The server asks for a certificate but does not insist: nginx `ssl_verify_client optional;` (or "
                 "`optional_no_ca`) must be `ssl_verify_client on;`; Apache `SSLVerifyClient optional` must be "
                 "`SSLVerifyClient require`."));
}

Finding expectedCaNotListed(const Certificate& expected, const QStringList& listed)
{
    const QString names = listed.isEmpty() ? Text::tr("no CA at all") : joinListOfNames(listed);
    return make(
        "EXPECTED_CA_NOT_LISTED", Severity::Error,
        Text::tr("The server accepts client certificates from %1, but not from the Chat client CA %2.")
            .arg(names, expected.subject()),
        Text::tr("`ssl_client_certificate` (nginx) or `SSLCACertificateFile` (Apache) names another file: point it "
                 "at TencentQQAuthCA.crt (nginx `ssl_verify_client optional_no_ca` or `ssl_trusted_certificate` "
                 "alone also send no names)."),
        expected.subject());
}

Finding clientCertRejected(CallerOutcome outcome, const AttemptResult& attempt)
{
    QString how = outcome == CallerOutcome::RejectedByHttpStatus ? Text::tr("HTTP %1").arg(attempt.httpStatus)
                                                                 : Text::tr("alert \"%1\"").arg(attempt.alertText);
    return make(
        "CLIENT_CERT_REJECTED", Severity::Error,
        Text::tr("The server refused the test client certificate (%1).").arg(how),
        Text::tr("The server trusts a CA other than the one that issued the test certificate: check "
                 "`ssl_client_certificate` (nginx) or `SSLCACertificateFile` (Apache); when the certificate comes "
                 "through an intermediate, raise `ssl_verify_depth` (Apache `SSLVerifyDepth`)."));
}

Finding legacyTls(const QString& version)
{
    return make(
        "LEGACY_TLS", Severity::Warning, Text::tr("The server still accepts %1, a deprecated version.").arg(version),
        Text::tr("Allow only TLS 1.2 and 1.3: nginx `ssl_protocols TLSv1.2 TLSv1.3;`, Apache `SSLProtocol -all "
                 "+TLSv1.2 +TLSv1.3`. (Chat's guide shows `ssl_protocols TLSv1 TLSv1.1;`: do not copy that line.)"));
}

} // namespace mtls::probefindings
