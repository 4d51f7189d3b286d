#pragma once

#include <QString>

typedef struct evp_pkey_st EVP_PKEY;

namespace mtls {

// How a key is named to people, the same for a certificate's public key and a private key.
QString keyAlgorithmName(const EVP_PKEY* key); // "RSA", "EC", "Ed25519", ...
QString keyCurveName(const EVP_PKEY* key); // "P-256" for EC keys, empty otherwise
QString keyDescription(const EVP_PKEY* key); // "RSA 2048", "EC P-256", "Ed25519"

} // namespace mtls
