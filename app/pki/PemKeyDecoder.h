#pragma once

#include "OpenSslHandles.h"

#include <QByteArray>

typedef struct ossl_decoder_ctx_st OSSL_DECODER_CTX;

namespace mtls {

// Decodes unencrypted PEM private keys (PKCS#8 and traditional) with one OpenSSL decoder context for all of them.
// OpenSSL 3.0 spends most of the time of reading a key in building that context (several times the decoding
// itself), which made a file of 2,000 keys take seconds. Not copyable: the context writes into this object.
class PemKeyDecoder
{
public:
    PemKeyDecoder() = default;
    ~PemKeyDecoder();
    PemKeyDecoder(const PemKeyDecoder&) = delete;
    PemKeyDecoder& operator=(const PemKeyDecoder&) = delete;

    // The key of one PEM block; null when it is not an unencrypted private key OpenSSL can read.
    EvpPkeyPtr decode(const QByteArray& pem);

private:
    EVP_PKEY* m_key = nullptr;
    OSSL_DECODER_CTX* m_context = nullptr; // made on first use
};

} // namespace mtls
