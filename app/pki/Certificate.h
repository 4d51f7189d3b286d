#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <memory>

typedef struct x509_st X509;

namespace mtls {

// An immutable X.509 certificate (shared, cheap to copy).
class Certificate
{
public:
    Certificate() = default;
    // Takes a new reference on `x509`.
    static Certificate fromX509(X509* x509);
    static Result<Certificate> fromDer(const QByteArray& der);
    // The first certificate of a PEM text.
    static Result<Certificate> fromPem(const QByteArray& pem);

    bool isNull() const { return !m_x509; }
    X509* handle() const { return m_x509.get(); }

    QString subject() const; // RFC 2253 order, for example "CN=www.example.com,O=Example"
    QString issuer() const;
    QString commonName() const;
    QString issuerCommonName() const;
    // A short name for people: the CN, or the whole subject when it has none.
    QString displayName() const;
    QStringList dnsNames() const; // subjectAltName DNS entries
    QStringList ipAddresses() const; // subjectAltName IP entries
    QDateTime notBefore() const; // UTC
    QDateTime notAfter() const; // UTC
    QString serialNumber() const; // hex
    QString sha256Fingerprint() const; // "AB:CD:..."
    QString sha256Hex() const; // "abcd..."

    bool isCa() const;
    bool isSelfIssued() const; // subject == issuer and self-signed
    bool hasExtendedKeyUsage() const;
    bool allowsServerAuth() const; // true when there is no EKU, or it names serverAuth (or anyExtendedKeyUsage)
    bool allowsClientAuth() const;

    QString keyAlgorithm() const; // "RSA", "EC", "Ed25519", ...
    int keyBits() const;
    QString keyCurve() const; // "P-256" etc. for EC keys, empty otherwise
    QString keyDescription() const; // "RSA 2048", "EC P-256"
    QString signatureAlgorithm() const; // for example "sha256WithRSAEncryption"
    QString signatureDigest() const; // "SHA256", "SHA1", "MD5", ...

    // Whether `issuer`'s subject names this certificate's issuer and its key verifies the signature.
    bool isIssuedBy(const Certificate& issuer) const;
    // Days from `now` to notAfter (negative when expired).
    qint64 daysUntilExpiry(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;

    QByteArray toDer() const;
    QByteArray toPem() const;
    QJsonObject toJson() const;

    bool operator==(const Certificate& other) const;
    bool operator!=(const Certificate& other) const { return !(*this == other); }

private:
    std::shared_ptr<X509> m_x509;
};

using Certificates = QList<Certificate>;

QByteArray certificatesToPem(const Certificates& certificates);

} // namespace mtls
