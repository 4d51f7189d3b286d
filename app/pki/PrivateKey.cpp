#include "PrivateKey.h"

#include "KeyDescription.h"
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
    return keyAlgorithmName(m_key.get());
}

int PrivateKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

QString PrivateKey::description() const
{
    return keyDescription(m_key.get());
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
