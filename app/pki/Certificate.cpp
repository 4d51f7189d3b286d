#include "Certificate.h"

#include "KeyDescription.h"
#include "OpenSslHandles.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QtEndian>

#include <openssl/obj_mac.h>
#include <openssl/pem.h>

#include <ctime>

namespace mtls {
namespace {

QString nameToString(const X509_NAME* name)
{
    if (!name)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    // RFC 2253 order (CN first) but keep UTF-8 as it is instead of escaping it.
    const unsigned long flags = XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, flags) < 0) {
        clearOpenSslErrors();
        return {};
    }
    return QString::fromUtf8(bioContents(bio.get()));
}

QString nameEntry(const X509_NAME* name, int nid)
{
    if (!name)
        return {};
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0)
        return {};
    const ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    unsigned char* utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, data);
    if (len < 0) {
        clearOpenSslErrors();
        return {};
    }
    QString result = QString::fromUtf8(reinterpret_cast<const char*>(utf8), len);
    OPENSSL_free(utf8);
    return result;
}

QDateTime toDateTime(const ASN1_TIME* time)
{
    struct tm tm = {};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1) {
        clearOpenSslErrors();
        return {};
    }
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     Qt::UTC);
}

GeneralNamesPtr subjectAltNames(X509* x509)
{
    return GeneralNamesPtr(static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(x509, NID_subject_alt_name, nullptr, nullptr)));
}

QString hexDigest(X509* x509, bool colons)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!x509 || X509_digest(x509, EVP_sha256(), md, &len) != 1) {
        clearOpenSslErrors();
        return {};
    }
    const QByteArray bytes(reinterpret_cast<const char*>(md), static_cast<qsizetype>(len));
    return colons ? QString::fromLatin1(bytes.toHex(':').toUpper()) : QString::fromLatin1(bytes.toHex());
}

} // namespace

Certificate Certificate::fromX509(X509* x509)
{
    Certificate cert;
    if (x509 && X509_up_ref(x509) == 1)
        cert.m_x509.reset(x509, X509_free);
    return cert;
}

Result<Certificate> Certificate::fromDer(const QByteArray& der)
{
    clearOpenSslErrors();
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    X509Ptr x509(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    if (!x509)
        return Error {QCoreApplication::translate("mtls::Certificate", "The data is not a DER-encoded certificate."),
                      drainOpenSslErrors()};
    Certificate cert;
    cert.m_x509.reset(x509.release(), X509_free);
    return cert;
}

Result<Certificate> Certificate::fromPem(const QByteArray& pem)
{
    clearOpenSslErrors();
    BioPtr bio = memoryBio(pem);
    X509Ptr x509(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!x509)
        return Error {QCoreApplication::translate("mtls::Certificate", "The text holds no PEM certificate."),
                      drainOpenSslErrors()};
    Certificate cert;
    cert.m_x509.reset(x509.release(), X509_free);
    return cert;
}

QString Certificate::subject() const
{
    return m_x509 ? nameToString(X509_get_subject_name(m_x509.get())) : QString();
}

QString Certificate::issuer() const
{
    return m_x509 ? nameToString(X509_get_issuer_name(m_x509.get())) : QString();
}

QString Certificate::commonName() const
{
    return m_x509 ? nameEntry(X509_get_subject_name(m_x509.get()), NID_commonName) : QString();
}

QString Certificate::issuerCommonName() const
{
    return m_x509 ? nameEntry(X509_get_issuer_name(m_x509.get()), NID_commonName) : QString();
}

QString Certificate::displayName() const
{
    const QString cn = commonName();
    return cn.isEmpty() ? subject() : cn;
}

QStringList Certificate::dnsNames() const
{
    QStringList names;
    if (!m_x509)
        return names;
    GeneralNamesPtr sans = subjectAltNames(m_x509.get());
    for (int i = 0; sans && i < sk_GENERAL_NAME_num(sans.get()); ++i) {
        const GENERAL_NAME* name = sk_GENERAL_NAME_value(sans.get(), i);
        if (name->type != GEN_DNS)
            continue;
        const ASN1_IA5STRING* s = name->d.dNSName;
        names << QString::fromLatin1(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)), ASN1_STRING_length(s));
    }
    return names;
}

QStringList Certificate::ipAddresses() const
{
    QStringList addresses;
    if (!m_x509)
        return addresses;
    GeneralNamesPtr sans = subjectAltNames(m_x509.get());
    for (int i = 0; sans && i < sk_GENERAL_NAME_num(sans.get()); ++i) {
        const GENERAL_NAME* name = sk_GENERAL_NAME_value(sans.get(), i);
        if (name->type != GEN_IPADD)
            continue;
        const ASN1_OCTET_STRING* s = name->d.iPAddress;
        const auto* bytes = ASN1_STRING_get0_data(s);
        QHostAddress address;
        if (ASN1_STRING_length(s) == 4)
            address.setAddress(qFromBigEndian<quint32>(bytes));
        else if (ASN1_STRING_length(s) == 16)
            address.setAddress(bytes);
        if (!address.isNull())
            addresses << address.toString();
    }
    return addresses;
}

QDateTime Certificate::notBefore() const
{
    return m_x509 ? toDateTime(X509_get0_notBefore(m_x509.get())) : QDateTime();
}

QDateTime Certificate::notAfter() const
{
    return m_x509 ? toDateTime(X509_get0_notAfter(m_x509.get())) : QDateTime();
}

QString Certificate::serialNumber() const
{
    if (!m_x509)
        return {};
    BignumPtr bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(m_x509.get()), nullptr));
    if (!bn)
        return {};
    char* hex = BN_bn2hex(bn.get());
    const QString result = QString::fromLatin1(hex).toLower();
    OPENSSL_free(hex);
    return result;
}

QString Certificate::sha256Fingerprint() const
{
    return hexDigest(m_x509.get(), true);
}

QString Certificate::sha256Hex() const
{
    return hexDigest(m_x509.get(), false);
}

bool Certificate::isCa() const
{
    return m_x509 && X509_check_ca(m_x509.get()) >= 1;
}

bool Certificate::isSelfIssued() const
{
    if (!m_x509)
        return false;
    return (X509_get_extension_flags(m_x509.get()) & EXFLAG_SS) != 0;
}

bool Certificate::hasExtendedKeyUsage() const
{
    return m_x509 && (X509_get_extension_flags(m_x509.get()) & EXFLAG_XKUSAGE) != 0;
}

bool Certificate::allowsServerAuth() const
{
    return m_x509 && (!hasExtendedKeyUsage() || (X509_get_extended_key_usage(m_x509.get()) & XKU_SSL_SERVER) != 0);
}

bool Certificate::allowsClientAuth() const
{
    return m_x509 && (!hasExtendedKeyUsage() || (X509_get_extended_key_usage(m_x509.get()) & XKU_SSL_CLIENT) != 0);
}

QString Certificate::keyAlgorithm() const
{
    return keyAlgorithmName(m_x509 ? X509_get0_pubkey(m_x509.get()) : nullptr);
}

int Certificate::keyBits() const
{
    const EVP_PKEY* key = m_x509 ? X509_get0_pubkey(m_x509.get()) : nullptr;
    return key ? EVP_PKEY_get_bits(key) : 0;
}

QString Certificate::keyCurve() const
{
    return keyCurveName(m_x509 ? X509_get0_pubkey(m_x509.get()) : nullptr);
}

QString Certificate::keyDescription() const
{
    return mtls::keyDescription(m_x509 ? X509_get0_pubkey(m_x509.get()) : nullptr);
}

QString Certificate::signatureAlgorithm() const
{
    if (!m_x509)
        return {};
    return QString::fromLatin1(OBJ_nid2ln(X509_get_signature_nid(m_x509.get())));
}

QString Certificate::signatureDigest() const
{
    if (!m_x509)
        return {};
    int mdNid = NID_undef;
    int pkNid = NID_undef;
    if (OBJ_find_sigid_algs(X509_get_signature_nid(m_x509.get()), &mdNid, &pkNid) != 1 || mdNid == NID_undef)
        return {};
    return QString::fromLatin1(OBJ_nid2sn(mdNid)).toUpper();
}

bool Certificate::isIssuedBy(const Certificate& issuerCert) const
{
    if (!m_x509 || issuerCert.isNull())
        return false;
    if (X509_check_issued(issuerCert.handle(), m_x509.get()) != X509_V_OK)
        return false;
    EVP_PKEY* key = X509_get0_pubkey(issuerCert.handle());
    const bool verified = key && X509_verify(m_x509.get(), key) == 1;
    clearOpenSslErrors();
    return verified;
}

qint64 Certificate::daysUntilExpiry(const QDateTime& now) const
{
    const QDateTime end = notAfter();
    if (!end.isValid())
        return 0;
    const qint64 seconds = now.secsTo(end);
    // Round toward negative infinity so that "expires in 3 hours" is day 0 and "expired 3 hours ago" is -1.
    return seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
}

QByteArray Certificate::toDer() const
{
    if (!m_x509)
        return {};
    unsigned char* out = nullptr;
    const int len = i2d_X509(m_x509.get(), &out);
    if (len <= 0)
        return {};
    QByteArray der(reinterpret_cast<const char*>(out), len);
    OPENSSL_free(out);
    return der;
}

QByteArray Certificate::toPem() const
{
    if (!m_x509)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), m_x509.get()) != 1)
        return {};
    return bioContents(bio.get());
}

QJsonObject Certificate::toJson() const
{
    const auto iso = [](const QDateTime& dt) { return dt.toUTC().toString(Qt::ISODate); };
    return QJsonObject {{QStringLiteral("subject"), subject()},
                        {QStringLiteral("issuer"), issuer()},
                        {QStringLiteral("sans"), QJsonArray::fromStringList(dnsNames() + ipAddresses())},
                        {QStringLiteral("not_before"), iso(notBefore())},
                        {QStringLiteral("not_after"), iso(notAfter())},
                        {QStringLiteral("serial"), serialNumber()},
                        {QStringLiteral("sha256"), sha256Fingerprint()},
                        {QStringLiteral("key"), keyDescription()},
                        {QStringLiteral("signature"), signatureAlgorithm()},
                        {QStringLiteral("is_ca"), isCa()}};
}

bool Certificate::operator==(const Certificate& other) const
{
    if (m_x509 == other.m_x509)
        return true;
    if (!m_x509 || !other.m_x509)
        return false;
    return X509_cmp(m_x509.get(), other.m_x509.get()) == 0;
}

QByteArray certificatesToPem(const Certificates& certificates)
{
    QByteArray pem;
    for (const Certificate& c : certificates)
        pem += c.toPem();
    return pem;
}

} // namespace mtls
