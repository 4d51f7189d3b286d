#include "SandboxPki.h"

#include "pki/OpenSslHandles.h"

#include <QCoreApplication>
#include <QFile>

#include <openssl/rand.h>

namespace mtls {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("mtls::SandboxPki", text);
}

Error sslError(const QString& what)
{
    return Error {tr("Cannot make the sandbox's test certificates (%1).").arg(what), drainOpenSslErrors()};
}

Result<PrivateKey> makeKey()
{
    EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    if (!key)
        return sslError(QStringLiteral("key"));
    return PrivateKey::adopt(key);
}

bool addExtension(X509* cert, X509* issuer, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509ExtensionPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

struct Issuer
{
    X509* cert = nullptr; // null: self-signed
    EVP_PKEY* key = nullptr;
};

// `extensions`: pairs of NID and OpenSSL configuration value.
Result<Certificate> makeCertificate(const QString& commonName, const PrivateKey& key, Issuer issuer,
                                    const std::initializer_list<std::pair<int, const char*>>& extensions)
{
    X509Ptr cert(X509_new());
    X509NamePtr name(X509_NAME_new());
    BignumPtr serial(BN_new());
    Asn1IntegerPtr serialAsn1;
    const QByteArray cn = commonName.toUtf8();
    bool ok = cert && name && serial && X509_set_version(cert.get(), 2) == 1
        && BN_rand(serial.get(), 64, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1;
    if (ok) {
        serialAsn1.reset(BN_to_ASN1_INTEGER(serial.get(), nullptr));
        ok = serialAsn1 && X509_set_serialNumber(cert.get(), serialAsn1.get()) == 1
            && X509_NAME_add_entry_by_txt(name.get(), "CN", MBSTRING_UTF8,
                                          reinterpret_cast<const unsigned char*>(cn.constData()),
                                          static_cast<int>(cn.size()), -1, 0)
                == 1
            && X509_set_subject_name(cert.get(), name.get()) == 1
            && X509_set_issuer_name(cert.get(), issuer.cert ? X509_get_subject_name(issuer.cert) : name.get()) == 1
            && X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) != nullptr
            && X509_gmtime_adj(X509_getm_notAfter(cert.get()), 90L * 24 * 3600) != nullptr
            && X509_set_pubkey(cert.get(), key.handle()) == 1;
    }
    X509* issuerCert = issuer.cert ? issuer.cert : cert.get();
    for (const auto& [nid, value] : extensions)
        ok = ok && addExtension(cert.get(), issuerCert, nid, value);
    ok = ok && X509_sign(cert.get(), issuer.key ? issuer.key : key.handle(), EVP_sha256()) > 0;
    if (!ok)
        return sslError(commonName);
    return Certificate::fromX509(cert.get());
}

Status writeFile(const QString& path, const QByteArray& data, bool secret)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error {tr("Cannot write %1: %2").arg(path, file.errorString()), QString()};
    if (secret)
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (file.write(data) != data.size())
        return Error {tr("Cannot write %1: %2").arg(path, file.errorString()), QString()};
    return {};
}

} // namespace

Result<SandboxPki> SandboxPki::make()
{
    SandboxPki pki;
    auto serverCaKey = makeKey();
    auto serverKey = makeKey();
    auto chatCaKey = makeKey();
    auto clientKey = makeKey();
    for (const auto* k : {&serverCaKey, &serverKey, &chatCaKey, &clientKey}) {
        if (!*k)
            return k->error();
    }
    const std::initializer_list<std::pair<int, const char*>> caExtensions {
        {NID_basic_constraints, "critical,CA:TRUE"},
        {NID_key_usage, "critical,keyCertSign,cRLSign"},
        {NID_subject_key_identifier, "hash"}};
    auto serverCa = makeCertificate(QStringLiteral("mTLS Assistant Sandbox Server CA"), *serverCaKey, {}, caExtensions);
    if (!serverCa)
        return serverCa.error();
    auto chatCa = makeCertificate(QStringLiteral("mTLS Assistant Sandbox stand-in Chat Client CA"), *chatCaKey, {},
                                  caExtensions);
    if (!chatCa)
        return chatCa.error();
    auto server = makeCertificate(QStringLiteral("localhost"), *serverKey, {serverCa->handle(), serverCaKey->handle()},
                                  {{NID_basic_constraints, "critical,CA:FALSE"},
                                   {NID_key_usage, "critical,digitalSignature"},
                                   {NID_ext_key_usage, "serverAuth"},
                                   {NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1"},
                                   {NID_authority_key_identifier, "keyid:always"}});
    if (!server)
        return server.error();
    auto client
        = makeCertificate(QStringLiteral("Sandbox Chat caller"), *clientKey, {chatCa->handle(), chatCaKey->handle()},
                          {{NID_basic_constraints, "critical,CA:FALSE"},
                           {NID_key_usage, "critical,digitalSignature"},
                           {NID_ext_key_usage, "clientAuth"},
                           {NID_authority_key_identifier, "keyid:always"}});
    if (!client)
        return client.error();
    pki.serverCa = serverCa.value();
    pki.serverCertificate = server.value();
    pki.serverKey = serverKey.value();
    pki.chatClientCa = chatCa.value();
    pki.clientCertificate = client.value();
    pki.clientKey = clientKey.value();
    return pki;
}

Status SandboxPki::writeTo(const QString& directory) const
{
    const auto path = [&](const char* name) { return directory + QLatin1Char('/') + QLatin1String(name); };
    for (const Status& s : {writeFile(path("server.crt"), serverCertificate.toPem(), false),
                            writeFile(path("server.key"), serverKey.toPkcs8Pem(), true),
                            writeFile(path("server-ca.crt"), serverCa.toPem(), false),
                            writeFile(path("chat-client-ca.crt"), chatClientCa.toPem(), false),
                            writeFile(path("client.crt"), clientCertificate.toPem(), false),
                            writeFile(path("client.key"), clientKey.toPkcs8Pem(), true)}) {
        if (!s)
            return s;
    }
    return {};
}

} // namespace mtls
