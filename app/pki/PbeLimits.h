#pragma once

typedef struct X509_algor_st X509_ALGOR;
typedef struct PKCS12_st PKCS12;

namespace mtls {

// Password-based encryption carries its own iteration count, so a hostile file can ask for billions of rounds
// and hang whoever opens it. Real files use 1 to a few hundred thousand.
constexpr long kMaxPbeIterations = 2'000'000;

// Whether an encryption algorithm (PKCS#5 v1/v2, PKCS#12 PBE) asks for at most kMaxPbeIterations.
bool pbeIterationsAcceptable(const X509_ALGOR* algorithm);

// The same for a whole PKCS#12 file: its MAC, its encrypted safes and its shrouded key bags.
bool pkcs12IterationsAcceptable(const PKCS12* p12);

} // namespace mtls
