#include "TrustStore.h"

#include "MaterialLoader.h"
#include "OpenSslHandles.h"

#include <QCoreApplication>

namespace mtls {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::TrustStore)
};

std::shared_ptr<X509_STORE> newStore()
{
    X509_STORE* store = X509_STORE_new();
    return store ? std::shared_ptr<X509_STORE>(store, X509_STORE_free) : nullptr;
}
} // namespace

Result<TrustStore> TrustStore::system()
{
    TrustStore trust;
    trust.m_store = newStore();
    trust.m_system = true;
    if (!trust.m_store || X509_STORE_set_default_paths(trust.m_store.get()) != 1)
        return Error {Text::tr("The system's trust store cannot be opened."), drainOpenSslErrors()};
    return trust;
}

Result<TrustStore> TrustStore::fromFile(const QString& path)
{
    const Material material = MaterialLoader().loadFile(path);
    if (material.certificates.isEmpty()) {
        QString detail;
        for (const Finding& f : material.findings)
            detail += f.message + QLatin1Char('\n');
        return Error {Text::tr("No root certificate could be read from \"%1\".").arg(path), detail.trimmed()};
    }
    return fromCertificates(material.allCertificates());
}

Result<TrustStore> TrustStore::fromCertificates(const Certificates& roots)
{
    TrustStore trust;
    trust.m_store = newStore();
    if (!trust.m_store)
        return Error {Text::tr("Out of memory."), drainOpenSslErrors()};
    for (const Certificate& root : roots) {
        if (X509_STORE_add_cert(trust.m_store.get(), root.handle()) != 1)
            clearOpenSslErrors(); // a duplicate: harmless
    }
    return trust;
}

TrustStore::Verification TrustStore::verify(const Certificate& leaf, const Certificates& untrusted) const
{
    Verification result;
    if (leaf.isNull() || !m_store)
        return result;
    X509StackPtr chain(sk_X509_new_null());
    for (const Certificate& c : untrusted) {
        if (chain && sk_X509_push(chain.get(), c.handle()) > 0)
            X509_up_ref(c.handle());
    }
    X509StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!ctx || X509_STORE_CTX_init(ctx.get(), m_store.get(), leaf.handle(), chain.get()) != 1) {
        result.error = drainOpenSslErrors();
        return result;
    }
    X509_STORE_CTX_set_flags(ctx.get(), X509_V_FLAG_NO_CHECK_TIME);
    result.trusted = X509_verify_cert(ctx.get()) == 1;
    if (!result.trusted) {
        const int code = X509_STORE_CTX_get_error(ctx.get());
        result.error = QString::fromLatin1(X509_verify_cert_error_string(code));
        result.issuerMissing
            = code == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY || code == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT;
        result.untrustedRoot
            = code == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN || code == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT;
        if (result.issuerMissing)
            result.missingIssuerOf = Certificate::fromX509(X509_STORE_CTX_get_current_cert(ctx.get()));
    }
    clearOpenSslErrors();
    return result;
}

} // namespace mtls
