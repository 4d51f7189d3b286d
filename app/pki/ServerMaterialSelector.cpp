#include "ServerMaterialSelector.h"

#include "DomainName.h"
#include "PublicKeyDigest.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <openssl/x509.h>

namespace mtls {

namespace {
constexpr int kMaxChainLength = 10;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ServerMaterialSelector)
};

// Certificates without duplicates (packages repeat them in each server's folder), first origin kept.
QList<SourcedCertificate> unique(const QList<SourcedCertificate>& all)
{
    QList<SourcedCertificate> result;
    QSet<QByteArray> seen;
    for (const SourcedCertificate& c : all) {
        const QByteArray der = c.certificate.toDer();
        if (!seen.contains(der)) {
            seen.insert(der);
            result.append(c);
        }
    }
    return result;
}

// The keys by the digest of their public half (first of each kept): matching a certificate is one lookup, so that
// many certificates and many keys cost their sum, not their product.
QHash<QByteArray, qsizetype> keysByDigest(const QList<SourcedKey>& keys)
{
    QHash<QByteArray, qsizetype> index;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QByteArray digest = publicKeyDigest(keys.at(i).key.handle());
        if (!index.contains(digest))
            index.insert(digest, i);
    }
    return index;
}

// The key of `certificate`, or -1.
qsizetype keyOf(const Certificate& certificate, const QList<SourcedKey>& keys,
                const QHash<QByteArray, qsizetype>& index)
{
    const qsizetype i = index.value(publicKeyDigest(X509_get0_pubkey(certificate.handle())), -1);
    return i >= 0 && keys.at(i).key.matches(certificate) ? i : -1;
}

int score(const SourcedCertificate& candidate, const QList<SourcedKey>& keys, const QHash<QByteArray, qsizetype>& index,
          const QString& host)
{
    int s = 0;
    if (keyOf(candidate.certificate, keys, index) >= 0)
        s += 2;
    if (!host.isEmpty() && certificateCoversHost(candidate.certificate, host))
        s += 1;
    return s;
}

// CHAIN_ORDER: within each file, the certificates of the chain must come leaf first, then each issuer.
bool chainOutOfOrder(const QList<SourcedCertificate>& all, const Certificates& servedOrder)
{
    QHash<QString, int> lastPosition; // origin -> position in servedOrder of its last chain certificate
    for (const SourcedCertificate& c : all) {
        const qsizetype position = servedOrder.indexOf(c.certificate);
        if (position < 0)
            continue;
        const auto it = lastPosition.constFind(c.origin);
        if (it != lastPosition.cend() && position <= *it)
            return true;
        lastPosition.insert(c.origin, static_cast<int>(position));
    }
    return false;
}
} // namespace

ServerSelection selectServerMaterial(const Material& material, const QString& host)
{
    ServerSelection selection;
    const QList<SourcedCertificate> certs = unique(material.certificates);
    if (certs.isEmpty()) {
        selection.findings.append(
            Finding {QStringLiteral("CERT_MISSING"), Severity::Error,
                     Text::tr("No server certificate was found in the files given."),
                     Text::tr("Add the certificate file (.crt, .pem) or the .zip package downloaded "
                              "with the key."),
                     QString()});
        return selection;
    }

    // The leaf: a certificate that is not a CA, best the one with its key and the domain; else whatever is first.
    QList<SourcedCertificate> candidates;
    for (const SourcedCertificate& c : certs) {
        if (!c.certificate.isCa())
            candidates.append(c);
    }
    if (candidates.isEmpty())
        candidates = certs;
    const QHash<QByteArray, qsizetype> keyIndex = keysByDigest(material.keys);
    const SourcedCertificate* best = &candidates.first();
    int bestScore = score(*best, material.keys, keyIndex, host);
    for (const SourcedCertificate& c : std::as_const(candidates)) {
        const int s = score(c, material.keys, keyIndex, host);
        if (s > bestScore) {
            best = &c;
            bestScore = s;
        }
    }
    selection.material.leaf = best->certificate;
    selection.material.leafOrigin = best->origin;

    // The chain, built upward by signature.
    Certificate current = selection.material.leaf;
    Certificates served {current};
    for (int depth = 0; depth < kMaxChainLength && !current.isSelfIssued(); ++depth) {
        const auto issuer = std::find_if(certs.cbegin(), certs.cend(), [&](const SourcedCertificate& c) {
            return !served.contains(c.certificate) && current.isIssuedBy(c.certificate);
        });
        if (issuer == certs.cend())
            break;
        current = issuer->certificate;
        if (current.isSelfIssued()) {
            selection.providedRoots.append(current);
            break;
        }
        selection.material.chain.append(current);
        served.append(current);
    }
    for (const SourcedCertificate& c : certs) {
        if (c.certificate.isSelfIssued() && c.certificate.isCa() && !selection.providedRoots.contains(c.certificate)
            && c.certificate != selection.material.leaf)
            selection.providedRoots.append(c.certificate);
    }

    if (chainOutOfOrder(material.certificates, served)) {
        selection.findings.append(Finding {
            QStringLiteral("CHAIN_ORDER"), Severity::Warning,
            Text::tr("The certificates are not in serving order (the server certificate first, then each issuer)."),
            Text::tr("Nothing to do here: the assistant writes them in the right order. If you configure the server by "
                     "hand, put the server certificate first in the bundle."),
            best->origin});
    }

    // The key.
    const qsizetype leafKey = keyOf(selection.material.leaf, material.keys, keyIndex);
    if (leafKey >= 0) {
        selection.material.key = material.keys.at(leafKey).key;
        selection.material.keyOrigin = material.keys.at(leafKey).origin;
    }
    if (selection.material.key.isNull()) {
        if (material.keys.isEmpty()) {
            // A passphrase finding already says why no key could be read.
            const bool locked = hasCode(material.findings, QStringLiteral("PASSPHRASE_REQUIRED"))
                || hasCode(material.findings, QStringLiteral("PASSPHRASE_WRONG"));
            if (!locked)
                selection.findings.append(Finding {
                    QStringLiteral("KEY_MISSING"), Severity::Error,
                    Text::tr("No private key was found for the certificate \"%1\".")
                        .arg(selection.material.leaf.displayName()),
                    Text::tr("Add the key file (.key) that was made with the certificate request, or the .zip package "
                             "that holds it. A certificate cannot be served without its key."),
                    best->origin});
        } else {
            selection.findings.append(Finding {
                QStringLiteral("KEY_MISMATCH"), Severity::Error,
                Text::tr("The private key (%1) does not belong to the certificate \"%2\".")
                    .arg(material.keys.first().origin, selection.material.leaf.displayName()),
                Text::tr("Use the key that was made with this certificate's request; after a renewal, the old key "
                         "usually no longer fits. Download the certificate and key together again if in doubt."),
                material.keys.first().origin});
        }
    }
    return selection;
}

} // namespace mtls
