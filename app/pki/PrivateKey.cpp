#include "PrivateKey.h"

#include "OpenSslHandles.h"

#include <openssl/pem.h>

namespace mtls {

PrivateKey PrivateKey::adopt(EVP_PKEY* key)
{
    PrivateKey result;
    if (key)
        result.m_key.reset(key, EVP_PKEY_free);
    return result;
}

QString PrivateKey::algorithm() const
{
    if (!m_key)
        return {};
    switch (EVP_PKEY_get_base_id(m_key.get())) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS:
        return QStringLiteral("RSA");
    case EVP_PKEY_EC:
        return QStringLiteral("EC");
    case EVP_PKEY_ED25519:
        return QStringLiteral("Ed25519");
    case EVP_PKEY_ED448:
        return QStringLiteral("Ed448");
    case EVP_PKEY_DSA:
        return QStringLiteral("DSA");
    default:
        break;
    }
    return QString::fromLatin1(EVP_PKEY_get0_type_name(m_key.get()));
}

int PrivateKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

QString PrivateKey::description() const
{
    if (!m_key)
        return {};
    const QString alg = algorithm();
    if (alg == QLatin1String("EC")) {
        char group[80] = {};
        size_t len = 0;
        if (EVP_PKEY_get_utf8_string_param(m_key.get(), "group", group, sizeof group, &len) == 1) {
            const int nid = OBJ_sn2nid(group);
            const char* nist = nid != NID_undef ? EC_curve_nid2nist(nid) : nullptr;
            return QStringLiteral("EC %1").arg(QString::fromLatin1(nist ? nist : group));
        }
        clearOpenSslErrors();
    }
    if (alg == QLatin1String("Ed25519") || alg == QLatin1String("Ed448"))
        return alg;
    return QStringLiteral("%1 %2").arg(alg).arg(bits());
}

bool PrivateKey::matches(const Certificate& certificate) const
{
    if (!m_key || certificate.isNull())
        return false;
    const EVP_PKEY* pub = X509_get0_pubkey(certificate.handle());
    const bool same = pub && EVP_PKEY_eq(m_key.get(), pub) == 1;
    clearOpenSslErrors();
    return same;
}

QByteArray PrivateKey::toPkcs8Pem() const
{
    if (!m_key)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        clearOpenSslErrors();
        return {};
    }
    return bioContents(bio.get());
}

bool PrivateKey::operator==(const PrivateKey& other) const
{
    if (m_key == other.m_key)
        return true;
    return m_key && other.m_key && EVP_PKEY_eq(m_key.get(), other.m_key.get()) == 1;
}

} // namespace mtls
