#include "PublicKeyDigest.h"

#include "OpenSslHandles.h"

#include <QCryptographicHash>
#include <QList>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

namespace mtls {

namespace {
void addPart(QCryptographicHash& hash, const QByteArray& part)
{
    const quint32 size = static_cast<quint32>(part.size());
    const char length[4] = {char(size >> 24), char(size >> 16), char(size >> 8), char(size)};
    hash.addData(QByteArrayView(length, 4));
    hash.addData(part);
}

// A big-number parameter of the key, big-endian; empty when the key has none of that name.
QByteArray bignumParam(const EVP_PKEY* key, const char* name)
{
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1 || !raw)
        return {};
    BignumPtr value(raw);
    QByteArray bytes(BN_num_bytes(value.get()), Qt::Uninitialized);
    BN_bn2bin(value.get(), reinterpret_cast<unsigned char*>(bytes.data()));
    return bytes;
}

QByteArray rawPublicKey(const EVP_PKEY* key)
{
    size_t length = 0;
    if (EVP_PKEY_get_raw_public_key(key, nullptr, &length) != 1 || length == 0)
        return {};
    QByteArray bytes(static_cast<qsizetype>(length), Qt::Uninitialized);
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(bytes.data()), &length) != 1)
        return {};
    return bytes;
}

QByteArray subjectPublicKeyInfo(const EVP_PKEY* key)
{
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(key, &der);
    if (length <= 0)
        return {};
    QByteArray bytes(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    return bytes;
}
} // namespace

QByteArray publicKeyDigest(const EVP_PKEY* key)
{
    if (!key)
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const char* type = EVP_PKEY_get0_type_name(key);
    addPart(hash, QByteArray(type ? type : "?"));
    QList<QByteArray> parts;
    if (EVP_PKEY_is_a(key, "RSA") || EVP_PKEY_is_a(key, "RSA-PSS"))
        parts = {bignumParam(key, OSSL_PKEY_PARAM_RSA_N), bignumParam(key, OSSL_PKEY_PARAM_RSA_E)};
    else if (EVP_PKEY_is_a(key, "EC") || EVP_PKEY_is_a(key, "SM2"))
        parts = {bignumParam(key, OSSL_PKEY_PARAM_EC_PUB_X), bignumParam(key, OSSL_PKEY_PARAM_EC_PUB_Y)};
    else
        parts = {rawPublicKey(key)};
    if (std::any_of(parts.cbegin(), parts.cend(), [](const QByteArray& p) { return p.isEmpty(); })) {
        addPart(hash, QByteArrayLiteral("spki"));
        parts = {subjectPublicKeyInfo(key)};
    }
    for (const QByteArray& part : std::as_const(parts))
        addPart(hash, part);
    clearOpenSslErrors();
    return hash.result();
}

} // namespace mtls
