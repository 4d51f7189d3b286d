#pragma once

#include <QByteArray>

typedef struct evp_pkey_st EVP_PKEY;

namespace mtls {

// A SHA-256 digest of a public key in a canonical form (RSA: n and e; EC: the point's coordinates; EdDSA and
// X25519/X448: the raw key; others: the SubjectPublicKeyInfo), so that a private key and the certificate holding
// its public half give the same digest whatever encoding each file used. Lets certificates be matched to keys by
// hash lookup rather than by comparing every pair. Empty for a null key.
QByteArray publicKeyDigest(const EVP_PKEY* key);

} // namespace mtls
