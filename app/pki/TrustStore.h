#pragma once

#include "Certificate.h"
#include "core/Result.h"

#include <memory>

typedef struct x509_store_st X509_STORE;

namespace mtls {

// The roots a chain must reach: the system's trust store, or the certificates of one file (--roots).
class TrustStore
{
public:
    static Result<TrustStore> system();
    static Result<TrustStore> fromFile(const QString& path);
    static Result<TrustStore> fromCertificates(const Certificates& roots);

    struct Verification
    {
        bool trusted = false;
        bool issuerMissing = false; // no certificate that issued the top of the chain was found anywhere
        bool untrustedRoot = false; // the chain ends in a self-signed root that is not in the store
        QString error; // OpenSSL's words, when not trusted
        Certificate missingIssuerOf; // with issuerMissing: the certificate whose issuer is missing
    };
    // Verifies `leaf` with `untrusted` as the intermediates it may use. Validity dates are not judged here.
    Verification verify(const Certificate& leaf, const Certificates& untrusted) const;

    bool isSystem() const { return m_system; }

private:
    std::shared_ptr<X509_STORE> m_store;
    bool m_system = false;
};

} // namespace mtls
