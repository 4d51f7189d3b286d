#pragma once

#include <QtGlobal>

typedef struct X509_algor_st X509_ALGOR;
typedef struct asn1_string_st ASN1_INTEGER;

namespace mtls {

// Password-based encryption carries its own work factor, so a hostile file can ask for billions of rounds and
// hang whoever opens it. Real files use 1 to a few hundred thousand PBKDF2 rounds (Windows exports: 600,000) and
// scrypt at N=16384, r=8, p=1.
constexpr quint64 kMaxPbeIterations = 2'000'000; // per encrypted item or MAC
constexpr quint64 kMaxScryptN = 1 << 20;
constexpr quint64 kMaxScryptR = 32;
constexpr quint64 kMaxScryptP = 16;
constexpr quint64 kMaxScryptMemory = 32 * 1024 * 1024; // 128·N·r bytes: OpenSSL's own default ceiling

// The key-derivation work one decryption with `algorithm` costs, in PBKDF2 rounds (scrypt: N·r·p, which takes
// about as long on current machines), and whether it stays within the per-item caps.
struct PbeCost
{
    quint64 work = 0;
    bool acceptable = true;
};

// PKCS#5 v1 and v2 (PBKDF2, scrypt) and PKCS#12 PBE. Anything else costs nothing here (OpenSSL refuses it).
PbeCost pbeCost(const X509_ALGOR* algorithm);

// The cost of an iteration count as written in a file (absent: 1).
PbeCost iterationCost(const ASN1_INTEGER* iterations);

} // namespace mtls
