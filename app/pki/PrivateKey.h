#pragma once

#include "Certificate.h"

#include <QByteArray>
#include <QString>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace mtls {

// A private key held in memory (shared, cheap to copy). Its material never goes to a log.
class PrivateKey
{
public:
    PrivateKey() = default;
    // Takes ownership of `key`.
    static PrivateKey adopt(EVP_PKEY* key);

    bool isNull() const { return !m_key; }
    EVP_PKEY* handle() const { return m_key.get(); }

    QString algorithm() const; // "RSA", "EC", ...
    int bits() const;
    QString description() const; // "RSA 2048", "EC P-256"

    // Whether this key is the private half of `certificate`'s public key.
    bool matches(const Certificate& certificate) const;

    // Unencrypted PKCS#8 PEM, as servers read it. Sensitive: write it only to a 0600 file.
    QByteArray toPkcs8Pem() const;

    bool operator==(const PrivateKey& other) const;

private:
    std::shared_ptr<EVP_PKEY> m_key;
};

} // namespace mtls
