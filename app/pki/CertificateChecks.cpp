#include "CertificateChecks.h"

#include "DomainName.h"
#include "core/TextJoin.h"

#include <QCoreApplication>
#include <QLocale>

namespace mtls {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::CertificateChecks)
};

QString date(const QDateTime& dt)
{
    return dt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

Finding make(const char* code, Severity severity, const QString& message, const QString& hint,
             const QString& subject = QString())
{
    return Finding {QString::fromLatin1(code), severity, message, hint, subject};
}

void checkValidity(Findings& findings, const Certificate& cert, const CheckContext& context, bool isLeaf)
{
    const QString renewHint = context.issuedByChat
        ? Text::tr("Download a new certificate for this domain from the Chat console, then run the renewal.")
        : Text::tr("Renew the certificate with your certificate authority, then run the renewal.");
    const QString who = isLeaf ? Text::tr("The server certificate \"%1\"").arg(cert.displayName())
                               : Text::tr("The intermediate certificate \"%1\"").arg(cert.displayName());
    if (cert.notAfter() < context.now) {
        findings.append(make("CERT_EXPIRED", Severity::Error,
                             Text::tr("%1 expired on %2.").arg(who, date(cert.notAfter())),
                             isLeaf ? renewHint
                                    : Text::tr("Get the current intermediate certificate from your certificate "
                                               "authority (it is usually in the download package)."),
                             cert.subject()));
    } else if (cert.notBefore() > context.now) {
        findings.append(make("CERT_NOT_YET_VALID", Severity::Error,
                             Text::tr("%1 is valid only from %2.").arg(who, date(cert.notBefore())),
                             Text::tr("Check this computer's clock; if it is right, wait until the start date or ask "
                                      "the issuer why the certificate starts in the future."),
                             cert.subject()));
    } else if (cert.daysUntilExpiry(context.now) <= context.expiryWarningDays) {
        const int days = static_cast<int>(cert.daysUntilExpiry(context.now));
        findings.append(make("CERT_EXPIRING_SOON", Severity::Warning,
                             Text::tr("%1 expires in %n day(s), on %2.", nullptr, days).arg(who, date(cert.notAfter())),
                             renewHint, cert.subject()));
    }
}

void checkTrust(Findings& findings, const ServerSelection& selection, const CheckContext& context)
{
    if (!context.trust)
        return;
    const Certificate& leaf = selection.material.leaf;
    const TrustStore::Verification v = context.trust->verify(leaf, selection.material.chain + selection.providedRoots);
    if (v.trusted)
        return;
    const QString store
        = context.trust->isSystem() ? Text::tr("the system's trust store") : Text::tr("the given roots");
    if (context.issuedByChat) {
        findings.append(make("CHAIN_UNTRUSTED", Severity::Info,
                             Text::tr("The certificate does not reach a root of %1 (%2). That is expected for a "
                                      "certificate issued by Chat, whose servers trust their own issuer.")
                                 .arg(store, v.error),
                             Text::tr("Nothing to do, as long as the certificate was downloaded from the Chat console "
                                      "for this domain."),
                             leaf.subject()));
        return;
    }
    if (v.issuerMissing) {
        const Certificate top = v.missingIssuerOf.isNull() ? leaf : v.missingIssuerOf;
        findings.append(make("CHAIN_INCOMPLETE", Severity::Error,
                             Text::tr("The certificate that issued \"%1\" (%2) is missing: the chain stops before a "
                                      "trusted root.")
                                 .arg(top.displayName(), top.issuer()),
                             Text::tr("Add the intermediate certificate(s) from your certificate authority: use the "
                                      "\"bundle\" or \"chain\" file of the download package, or the .zip package "
                                      "itself."),
                             leaf.subject()));
        return;
    }
    findings.append(make("CHAIN_UNTRUSTED", Severity::Error,
                         Text::tr("The certificate chain does not end at a root of %1: %2.").arg(store, v.error),
                         Text::tr("Chat's servers trust only certificates from public certificate authorities (or "
                                  "issued by Chat itself). Use a certificate from a public CA, or choose \"Chat issued "
                                  "a certificate for my domain\"."),
                         leaf.subject()));
}

void checkStrength(Findings& findings, const Certificate& cert, bool isLeaf)
{
    if (isLeaf) {
        const QString alg = cert.keyAlgorithm();
        const int bits = cert.keyBits();
        const bool weak = (alg == QLatin1String("RSA") && bits < 2048) || (alg == QLatin1String("EC") && bits < 256)
            || alg == QLatin1String("DSA");
        if (weak)
            findings.append(
                make("KEY_WEAK", Severity::Error,
                     Text::tr("The certificate's key (%1) is too weak: current TLS libraries refuse it.")
                         .arg(cert.keyDescription()),
                     Text::tr("Request a new certificate with an RSA key of at least 2048 bits or an EC key "
                              "of at least 256 bits (P-256)."),
                     cert.subject()));
    }
    if (cert.isSelfIssued())
        return; // a root's own signature is never checked by clients
    const QString digest = cert.signatureDigest();
    if (digest == QLatin1String("MD5") || digest == QLatin1String("SHA1") || digest == QLatin1String("MD4")) {
        findings.append(make(
            "SIGNATURE_WEAK", Severity::Error,
            Text::tr("\"%1\" is signed with %2, which clients no longer accept.").arg(cert.displayName(), digest),
            Text::tr("Ask the certificate authority to reissue the certificate signed with SHA-256."), cert.subject()));
    }
}
} // namespace

Findings checkServerCertificate(const ServerSelection& selection, const CheckContext& context)
{
    Findings findings;
    const Certificate& leaf = selection.material.leaf;
    if (leaf.isNull())
        return findings;

    checkValidity(findings, leaf, context, true);
    for (const Certificate& c : selection.material.chain)
        checkValidity(findings, c, context, false);

    if (!context.host.isEmpty() && !certificateCoversHost(leaf, context.host)) {
        QStringList names = leaf.dnsNames() + leaf.ipAddresses();
        if (names.isEmpty())
            names << leaf.commonName();
        findings.append(
            make("NAME_MISMATCH", Severity::Error,
                 Text::tr("The certificate is for %1, not for %2.").arg(joinList(names), context.host),
                 Text::tr("Use the certificate issued for %1, or check the domain you entered: it must be the "
                          "host of the webhook URL in the Chat console.")
                     .arg(context.host),
                 leaf.subject()));
    }

    checkTrust(findings, selection, context);

    checkStrength(findings, leaf, true);
    for (const Certificate& c : selection.material.chain)
        checkStrength(findings, c, false);

    if (!leaf.allowsServerAuth()) {
        findings.append(make("NOT_SERVER_CERT", Severity::Error,
                             Text::tr("\"%1\" may not be used by a server: its extended key usage excludes TLS server "
                                      "authentication.")
                                 .arg(leaf.displayName()),
                             Text::tr("This looks like a client or code-signing certificate. Use the server (SSL/TLS) "
                                      "certificate issued for your domain."),
                             leaf.subject()));
    }
    return findings;
}

Findings checkClientCa(const Certificates& clientCas, const QString& origin, const CheckContext& context)
{
    Findings findings;
    for (const Certificate& ca : clientCas) {
        if (!ca.isCa()) {
            findings.append(
                make("CLIENT_CA_NOT_CA", Severity::Error,
                     Text::tr("\"%1\" is not a CA certificate, so it cannot verify Chat's client certificates.")
                         .arg(ca.displayName()),
                     Text::tr("Choose TencentQQAuthCA.crt (from TencentQQAuthCA.crt.zip, linked in the Chat "
                              "guide), not your own server certificate."),
                     origin));
        }
        if (ca.notAfter() < context.now) {
            findings.append(make(
                "CLIENT_CA_EXPIRED", Severity::Error,
                Text::tr("The client CA \"%1\" expired on %2.").arg(ca.displayName(), date(ca.notAfter())),
                Text::tr("Download the current TencentQQAuthCA.crt.zip from the link in the Chat guide."), origin));
        } else if (ca.daysUntilExpiry(context.now) <= context.expiryWarningDays) {
            const int days = static_cast<int>(ca.daysUntilExpiry(context.now));
            findings.append(make(
                "CLIENT_CA_EXPIRING_SOON", Severity::Warning,
                Text::tr("The client CA \"%1\" expires in %n day(s).", nullptr, days).arg(ca.displayName()),
                Text::tr("Download the current TencentQQAuthCA.crt.zip from the link in the Chat guide."), origin));
        }
    }
    return findings;
}

} // namespace mtls
