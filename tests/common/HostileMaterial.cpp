#include "HostileMaterial.h"

#include "TestZip.h"

#include <QFile>
#include <QList>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <memory>

namespace hostile {

namespace {
// A minimal DER writer: enough to spell out the structures OpenSSL's writers would not let us build (they derive
// the key while writing).
QByteArray tlv(quint8 tag, const QByteArray& content)
{
    QByteArray out(1, static_cast<char>(tag));
    const qsizetype n = content.size();
    if (n < 0x80) {
        out += static_cast<char>(n);
    } else {
        QByteArray length;
        for (qsizetype v = n; v > 0; v >>= 8)
            length.prepend(static_cast<char>(v & 0xff));
        out += static_cast<char>(0x80 | length.size());
        out += length;
    }
    return out + content;
}

QByteArray seq(const QList<QByteArray>& items)
{
    QByteArray content;
    for (const QByteArray& item : items)
        content += item;
    return tlv(0x30, content);
}

QByteArray oid(const char* dotted)
{
    std::unique_ptr<ASN1_OBJECT, decltype(&ASN1_OBJECT_free)> object(OBJ_txt2obj(dotted, 1), ASN1_OBJECT_free);
    unsigned char* der = nullptr;
    const int length = i2d_ASN1_OBJECT(object.get(), &der);
    QByteArray out(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    return out;
}

QByteArray integer(quint64 value)
{
    QByteArray bytes;
    do {
        bytes.prepend(static_cast<char>(value & 0xff));
        value >>= 8;
    } while (value > 0);
    if (static_cast<quint8>(bytes.at(0)) & 0x80)
        bytes.prepend('\0');
    return tlv(0x02, bytes);
}

QByteArray octets(const QByteArray& content)
{
    return tlv(0x04, content);
}

QByteArray explicit0(const QByteArray& content)
{
    return tlv(0xA0, content);
}

QByteArray randomBytes(int n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    for (char& c : bytes)
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return bytes;
}

const QByteArray kNull("\x05\x00", 2);
const char* const kPbes2 = "1.2.840.113549.1.5.13";
const char* const kPbkdf2 = "1.2.840.113549.1.5.12";
const char* const kHmacSha256 = "1.2.840.113549.2.9";
const char* const kAes256Cbc = "2.16.840.1.101.3.4.1.42";
const char* const kScrypt = "1.3.6.1.4.1.11591.4.11";
const char* const kData = "1.2.840.113549.1.7.1";
const char* const kKeyBag = "1.2.840.113549.1.12.10.1.1";
const char* const kShroudedKeyBag = "1.2.840.113549.1.12.10.1.2";
const char* const kSafeContentsBag = "1.2.840.113549.1.12.10.1.6";
const char* const kSha256 = "2.16.840.1.101.3.4.2.1";

QByteArray pbes2(const QByteArray& keyDerivation)
{
    return seq({oid(kPbes2), seq({keyDerivation, seq({oid(kAes256Cbc), octets(randomBytes(16))})})});
}

QByteArray encryptedKeyInfo(const QByteArray& algorithm)
{
    return seq({algorithm, octets(randomBytes(48))});
}

QByteArray pfx(const QList<QByteArray>& bags, const QByteArray& macData)
{
    const QByteArray safeContents = seq(bags);
    const QByteArray authenticatedSafe = seq({seq({oid(kData), explicit0(octets(safeContents))})});
    QList<QByteArray> parts {integer(3), seq({oid(kData), explicit0(octets(authenticatedSafe))})};
    if (!macData.isEmpty())
        parts << macData;
    return seq(parts);
}

using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

KeyPtr ecKey()
{
    return KeyPtr(EVP_EC_gen("P-256"), EVP_PKEY_free);
}

QByteArray keyPem(EVP_PKEY* key)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(n));
}

QByteArray selfSignedPem(EVP_PKEY* key, int serial)
{
    std::unique_ptr<X509, decltype(&X509_free)> x509(X509_new(), X509_free);
    X509_set_version(x509.get(), X509_VERSION_3);
    ASN1_INTEGER_set(X509_get_serialNumber(x509.get()), serial + 1);
    X509_NAME* name = X509_get_subject_name(x509.get());
    const QByteArray cn = "host" + QByteArray::number(serial) + ".example.com";
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(cn.constData()), -1, -1,
                               0);
    X509_set_issuer_name(x509.get(), name);
    X509_gmtime_adj(X509_getm_notBefore(x509.get()), 0);
    X509_gmtime_adj(X509_getm_notAfter(x509.get()), 30L * 24 * 3600);
    X509_set_pubkey(x509.get(), key);
    X509_sign(x509.get(), key, EVP_sha256());
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_X509(bio.get(), x509.get());
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(n));
}
} // namespace

QByteArray pbkdf2Pkcs8(quint64 rounds)
{
    const QByteArray params = seq({octets(randomBytes(8)), integer(rounds), seq({oid(kHmacSha256), kNull})});
    return encryptedKeyInfo(pbes2(seq({oid(kPbkdf2), params})));
}

QByteArray scryptPkcs8(quint64 n, quint64 r, quint64 p)
{
    const QByteArray params = seq({octets(randomBytes(8)), integer(n), integer(r), integer(p)});
    return encryptedKeyInfo(pbes2(seq({oid(kScrypt), params})));
}

QByteArray encryptedKeyPem(const QByteArray& der)
{
    QByteArray pem = "-----BEGIN ENCRYPTED PRIVATE KEY-----\n";
    const QByteArray base64 = der.toBase64();
    for (qsizetype i = 0; i < base64.size(); i += 64)
        pem += base64.mid(i, 64) + '\n';
    return pem + "-----END ENCRYPTED PRIVATE KEY-----\n";
}

namespace {
QByteArray shroudedBag(const QByteArray& encryptedKeyInfo, int nesting)
{
    QByteArray bag = seq({oid(kShroudedKeyBag), explicit0(encryptedKeyInfo)});
    for (int i = 0; i < nesting; ++i)
        bag = seq({oid(kSafeContentsBag), explicit0(seq({bag}))});
    return bag;
}
} // namespace

QByteArray pkcs12WithRounds(quint64 rounds, int nesting)
{
    return pkcs12WithKeyBag(pbkdf2Pkcs8(rounds), nesting);
}

QByteArray pkcs12WithKeyBag(const QByteArray& encryptedKeyInfo, int nesting)
{
    return pfx({shroudedBag(encryptedKeyInfo, nesting)}, QByteArray());
}

QByteArray pkcs12WithKeyBagInEncryptedSafe(const QByteArray& encryptedKeyInfo, int nesting,
                                           const QByteArray& passphrase)
{
    const QByteArray der = shroudedBag(encryptedKeyInfo, nesting);
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    PKCS12_SAFEBAG* bag = d2i_PKCS12_SAFEBAG(nullptr, &p, der.size());
    STACK_OF(PKCS12_SAFEBAG)* bags = sk_PKCS12_SAFEBAG_new_null();
    if (!bag || !bags || !sk_PKCS12_SAFEBAG_push(bags, bag)) {
        PKCS12_SAFEBAG_free(bag);
        sk_PKCS12_SAFEBAG_free(bags);
        return {};
    }
    PKCS7* safe = PKCS12_pack_p7encdata(NID_aes_256_cbc, passphrase.constData(), -1, nullptr, 8, 2048, bags);
    sk_PKCS12_SAFEBAG_pop_free(bags, PKCS12_SAFEBAG_free);
    STACK_OF(PKCS7)* safes = sk_PKCS7_new_null();
    if (!safe || !safes || !sk_PKCS7_push(safes, safe)) {
        PKCS7_free(safe);
        sk_PKCS7_free(safes);
        return {};
    }
    PKCS12* p12 = PKCS12_add_safes(safes, 0); // no MAC
    sk_PKCS7_pop_free(safes, PKCS7_free);
    unsigned char* out = nullptr;
    const int length = p12 ? i2d_PKCS12(p12, &out) : 0;
    PKCS12_free(p12);
    QByteArray result(reinterpret_cast<const char*>(out), std::max(length, 0));
    OPENSSL_free(out);
    return result;
}

QByteArray pkcs12WithMacIterations(quint64 iterations)
{
    const QByteArray bag = seq({oid(kKeyBag), explicit0(seq({integer(0)}))});
    const QByteArray macData = seq(
        {seq({seq({oid(kSha256), kNull}), octets(QByteArray(32, '\0'))}), octets(randomBytes(8)), integer(iterations)});
    return pfx({bag}, macData);
}

QByteArray manyEncryptedKeys(int count, quint64 rounds)
{
    QByteArray pem;
    for (int i = 0; i < count; ++i)
        pem += encryptedKeyPem(pbkdf2Pkcs8(rounds));
    return pem;
}

QByteArray pemFlood(qsizetype bytes)
{
    const QByteArray unit = "-----BEGIN X----------END X-----";
    QByteArray text;
    text.reserve(bytes);
    while (text.size() + unit.size() <= bytes)
        text += unit;
    return text;
}

QByteArray certificatesAndKeys(int certificates, int keys, bool lastKeyMatches)
{
    QByteArray pem;
    KeyPtr lastCertificateKey(nullptr, EVP_PKEY_free);
    for (int i = 0; i < certificates; ++i) {
        KeyPtr key = ecKey();
        pem += selfSignedPem(key.get(), i);
        lastCertificateKey = std::move(key);
    }
    for (int i = 0; i < keys; ++i) {
        if (lastKeyMatches && i == keys - 1 && lastCertificateKey)
            pem += keyPem(lastCertificateKey.get());
        else
            pem += keyPem(ecKey().get());
    }
    return pem;
}

bool writeNestedZipBomb(const QString& path, int innerZips, int entriesPerInner, qint64 entryBytes)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return false;
    QList<TestZipEntry> inner;
    const QByteArray zeros(static_cast<qsizetype>(entryBytes), '\0');
    for (int i = 0; i < entriesPerInner; ++i)
        inner.append({QStringLiteral("part%1.crt").arg(i), zeros});
    const QString innerPath = dir.filePath(QStringLiteral("inner.zip"));
    if (!writeTestZip(innerPath, inner))
        return false;
    QFile file(innerPath);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray innerZip = file.readAll();
    QList<TestZipEntry> outer;
    for (int i = 0; i < innerZips; ++i)
        outer.append({QStringLiteral("inner%1.zip").arg(i), innerZip});
    return writeTestZip(path, outer);
}

} // namespace hostile
