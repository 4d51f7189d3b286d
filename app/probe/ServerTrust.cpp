#include "ServerTrust.h"

#include "pki/OpenSslHandles.h"

#include <QHostAddress>

namespace mtls {
namespace {

Result<X509StorePtr> makeStore(const Certificates& trustAnchors)
{
    X509StorePtr store(X509_STORE_new());
    if (!store)
        return Error {QStringLiteral("cannot create a certificate store"), drainOpenSslErrors()};
    if (!trustAnchors.isEmpty()) {
        for (const Certificate& c : trustAnchors) {
            if (X509_STORE_add_cert(store.get(), c.handle()) != 1)
                clearOpenSslErrors(); // a duplicate is harmless
        }
        return store;
    }
    // The hashed directory of the system store is read lazily: only the issuers needed are loaded.
    X509_LOOKUP* lookup = X509_STORE_add_lookup(store.get(), X509_LOOKUP_hash_dir());
    const char* dir = getenv(X509_get_default_cert_dir_env());
    if (!lookup || X509_LOOKUP_add_dir(lookup, dir ? dir : X509_get_default_cert_dir(), X509_FILETYPE_PEM) != 1)
        return Error {QStringLiteral("cannot open the system certificate store"), drainOpenSslErrors()};
    return store;
}

} // namespace

ServerCertificateInfo judgeServerChain(const Certificates& chain, const QString& host, const Certificates& trustAnchors)
{
    ServerCertificateInfo info;
    info.chain = chain;
    if (chain.isEmpty())
        return info;
    const Certificate& leaf = chain.first();
    info.daysLeft = leaf.daysUntilExpiry();

    QString bare = host;
    if (bare.startsWith(QLatin1Char('[')))
        bare = bare.mid(1, bare.size() - 2);
    const QByteArray name = bare.toUtf8();
    if (QHostAddress(bare).isNull())
        info.nameMatch = X509_check_host(leaf.handle(), name.constData(), name.size(), 0, nullptr) == 1;
    else
        info.nameMatch = X509_check_ip_asc(leaf.handle(), name.constData(), 0) == 1;
    clearOpenSslErrors();

    auto store = makeStore(trustAnchors);
    if (!store) {
        info.trustError = store.error().fullText();
        return info;
    }
    X509StackPtr untrusted(sk_X509_new_null());
    for (qsizetype i = 1; untrusted && i < chain.size(); ++i) {
        if (X509_up_ref(chain.at(i).handle()) == 1 && sk_X509_push(untrusted.get(), chain.at(i).handle()) <= 0)
            X509_free(chain.at(i).handle());
    }
    X509StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!untrusted || !ctx || X509_STORE_CTX_init(ctx.get(), store->get(), leaf.handle(), untrusted.get()) != 1) {
        info.trustError = drainOpenSslErrors();
        return info;
    }
    X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_SSL_SERVER);
    X509_STORE_CTX_set_flags(ctx.get(), X509_V_FLAG_NO_CHECK_TIME);
    info.trusted = X509_verify_cert(ctx.get()) == 1;
    if (!info.trusted)
        info.trustError = QString::fromUtf8(X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get())));
    clearOpenSslErrors();
    return info;
}

} // namespace mtls
