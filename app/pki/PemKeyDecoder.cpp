#include "PemKeyDecoder.h"

#include <openssl/decoder.h>
#include <openssl/evp.h>

namespace mtls {

PemKeyDecoder::~PemKeyDecoder()
{
    OSSL_DECODER_CTX_free(m_context);
    EVP_PKEY_free(m_key);
}

EvpPkeyPtr PemKeyDecoder::decode(const QByteArray& pem)
{
    if (!m_context) {
        // As PEM_read_bio_PrivateKey asks for it, without a passphrase callback.
        m_context = OSSL_DECODER_CTX_new_for_pkey(&m_key, "PEM", nullptr, nullptr, EVP_PKEY_KEYPAIR, nullptr, nullptr);
        if (!m_context) {
            clearOpenSslErrors();
            return EvpPkeyPtr();
        }
    }
    EVP_PKEY_free(m_key);
    m_key = nullptr;
    const auto* data = reinterpret_cast<const unsigned char*>(pem.constData());
    size_t length = static_cast<size_t>(pem.size());
    const bool decoded = OSSL_DECODER_from_data(m_context, &data, &length) == 1;
    EvpPkeyPtr key(decoded ? m_key : nullptr);
    if (!decoded)
        EVP_PKEY_free(m_key);
    m_key = nullptr;
    clearOpenSslErrors();
    return key;
}

} // namespace mtls
