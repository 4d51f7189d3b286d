#include "Pkcs12Reader.h"

#include "LoaderFindings.h"
#include "OpenSslHandles.h"
#include "PbeLimits.h"
#include "core/Logging.h"

#include <QCoreApplication>

#include <openssl/pkcs12.h>
#include <openssl/provider.h>

#include <mutex>
#include <optional>

namespace mtls {

namespace {
constexpr int kMaxBagDepth = 4; // safeContents bags inside safeContents bags

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::MaterialLoader)
};

struct Pkcs7StackDeleter
{
    void operator()(STACK_OF(PKCS7) * s) const { sk_PKCS7_pop_free(s, PKCS7_free); }
};
using Pkcs7StackPtr = std::unique_ptr<STACK_OF(PKCS7), Pkcs7StackDeleter>;
struct SafeBagStackDeleter
{
    void operator()(STACK_OF(PKCS12_SAFEBAG) * s) const { sk_PKCS12_SAFEBAG_pop_free(s, PKCS12_SAFEBAG_free); }
};
using SafeBagStackPtr = std::unique_ptr<STACK_OF(PKCS12_SAFEBAG), SafeBagStackDeleter>;
using Pkcs8InfoPtr = std::unique_ptr<PKCS8_PRIV_KEY_INFO, OpenSslDeleter<PKCS8_PRIV_KEY_INFO_free>>;

// PKCS#12 files exported by older tools use RC2/3DES, which OpenSSL 3 keeps in its legacy provider.
void loadLegacyProvider()
{
    // Loading "legacy" by hand stops OpenSSL from loading "default" by itself: load both. The handles are kept
    // for the life of the process (the providers stay loaded).
    static OSSL_PROVIDER* providers[2] = {nullptr, nullptr};
    static std::once_flag once;
    std::call_once(once, [] {
        providers[0] = OSSL_PROVIDER_load(nullptr, "default");
        providers[1] = OSSL_PROVIDER_load(nullptr, "legacy");
        if (!providers[1])
            qCDebug(lcPki) << "legacy provider unavailable:" << drainOpenSslErrors();
        clearOpenSslErrors();
    });
}

// A passphrase as OpenSSL's PKCS#12 functions take it: absent (null) differs from empty.
using Passphrase = std::optional<QByteArray>;
const char* chars(const Passphrase& p)
{
    return p ? p->constData() : nullptr;
}

class Pkcs12Walk
{
public:
    Pkcs12Walk(const QString& origin, WorkBudget& budget, Material& material)
        : m_origin(origin)
        , m_budget(budget)
        , m_material(material)
    {
    }

    // Whether the read went on to the end (false: a finding says why it stopped).
    bool checkMac(const PKCS12* p12, const QByteArray& passphrase);
    void walk(const PKCS12* p12);
    void putLeafFirst(qsizetype firstCertificate);
    bool stopped() const { return m_stopped; }

private:
    // Tries each candidate passphrase with `attempt` after charging `cost` for it; pins the one that works.
    template <typename Attempt>
    bool decrypt(const PbeCost& cost, Attempt attempt);
    void walkBags(const STACK_OF(PKCS12_SAFEBAG) * bags, int depth);
    void stop(const Finding& finding)
    {
        if (!m_stopped)
            m_material.findings.append(finding);
        m_stopped = true;
    }

    const QString& m_origin;
    WorkBudget& m_budget;
    Material& m_material;
    QList<Passphrase> m_candidates;
    bool m_macVerified = false;
    bool m_stopped = false;
};

bool Pkcs12Walk::checkMac(const PKCS12* p12, const QByteArray& passphrase)
{
    // The passphrase the user gave, then the empty one and none (many tools export "no password" as either).
    if (!passphrase.isEmpty())
        m_candidates << Passphrase(passphrase);
    m_candidates << Passphrase(QByteArray("")) << Passphrase();
    if (!PKCS12_mac_present(p12)) {
        if (!passphrase.isEmpty())
            m_candidates = {Passphrase(passphrase)};
        return true;
    }
    const ASN1_INTEGER* iterations = nullptr;
    PKCS12_get0_mac(nullptr, nullptr, nullptr, &iterations, p12);
    const PbeCost cost = iterationCost(iterations);
    if (!cost.acceptable) {
        stop(loader::tooManyRounds(m_origin));
        return false;
    }
    for (const Passphrase& candidate : std::as_const(m_candidates)) {
        if (!m_budget.spendKeyDerivation(cost.work)) {
            stop(loader::budgetExceeded(m_budget, m_origin));
            return false;
        }
        const int length = candidate ? static_cast<int>(candidate->size()) : 0;
        if (PKCS12_verify_mac(const_cast<PKCS12*>(p12), chars(candidate), length) == 1) {
            m_candidates = {candidate};
            m_macVerified = true;
            clearOpenSslErrors();
            return true;
        }
    }
    clearOpenSslErrors();
    stop(passphrase.isEmpty() ? loader::passphraseRequired(m_origin) : loader::passphraseWrong(m_origin));
    return false;
}

template <typename Attempt>
bool Pkcs12Walk::decrypt(const PbeCost& cost, Attempt attempt)
{
    if (!cost.acceptable) {
        stop(loader::tooManyRounds(m_origin));
        return false;
    }
    for (const Passphrase& candidate : std::as_const(m_candidates)) {
        if (!m_budget.spendKeyDerivation(cost.work)) {
            stop(loader::budgetExceeded(m_budget, m_origin));
            return false;
        }
        if (attempt(chars(candidate))) {
            m_candidates = {candidate};
            return true;
        }
        clearOpenSslErrors();
    }
    qCDebug(lcPki) << "PKCS#12 decryption failed:" << drainOpenSslErrors();
    stop(loader::make("FORMAT_UNRECOGNIZED", Severity::Error,
                      Text::tr("The PKCS#12 file \"%1\" cannot be opened: it uses an algorithm this system "
                               "does not support, or it is damaged.")
                          .arg(m_origin),
                      Text::tr("Export it again with current settings (AES-256), or export the certificate "
                               "and key as PEM files."),
                      m_origin));
    return false;
}

void Pkcs12Walk::walk(const PKCS12* p12)
{
    loadLegacyProvider();
    Pkcs7StackPtr safes(PKCS12_unpack_authsafes(p12));
    if (!safes) {
        clearOpenSslErrors();
        stop(loader::unrecognized(m_origin, Text::tr("The PKCS#12 file \"%1\" is damaged.").arg(m_origin)));
        return;
    }
    for (int i = 0; !m_stopped && i < sk_PKCS7_num(safes.get()); ++i) {
        if (!m_budget.spendItems()) {
            stop(loader::budgetExceeded(m_budget, m_origin));
            return;
        }
        PKCS7* safe = sk_PKCS7_value(safes.get(), i);
        const int nid = OBJ_obj2nid(safe->type);
        SafeBagStackPtr bags;
        if (nid == NID_pkcs7_data) {
            bags.reset(PKCS12_unpack_p7data(safe));
        } else if (nid == NID_pkcs7_encrypted) {
            if (!safe->d.encrypted || !safe->d.encrypted->enc_data)
                continue;
            const PbeCost cost = pbeCost(safe->d.encrypted->enc_data->algorithm);
            decrypt(cost, [&](const char* pass) {
                bags.reset(PKCS12_unpack_p7encdata(safe, pass, -1));
                return bags != nullptr;
            });
        }
        if (bags)
            walkBags(bags.get(), 0);
    }
    clearOpenSslErrors();
}

void Pkcs12Walk::walkBags(const STACK_OF(PKCS12_SAFEBAG) * bags, int depth)
{
    for (int i = 0; !m_stopped && i < sk_PKCS12_SAFEBAG_num(bags); ++i) {
        if (!m_budget.spendItems()) {
            stop(loader::budgetExceeded(m_budget, m_origin));
            return;
        }
        const PKCS12_SAFEBAG* bag = sk_PKCS12_SAFEBAG_value(bags, i);
        switch (PKCS12_SAFEBAG_get_nid(bag)) {
        case NID_keyBag: {
            const PKCS8_PRIV_KEY_INFO* info = PKCS12_SAFEBAG_get0_p8inf(bag);
            if (EVP_PKEY* key = info ? EVP_PKCS82PKEY(info) : nullptr)
                m_material.keys.append(SourcedKey {PrivateKey::adopt(key), m_origin});
            break;
        }
        case NID_pkcs8ShroudedKeyBag: {
            const X509_ALGOR* algorithm = nullptr;
            X509_SIG_get0(PKCS12_SAFEBAG_get0_pkcs8(bag), &algorithm, nullptr);
            Pkcs8InfoPtr info;
            decrypt(pbeCost(algorithm), [&](const char* pass) {
                info.reset(PKCS12_decrypt_skey(bag, pass, -1));
                return info != nullptr;
            });
            if (EVP_PKEY* key = info ? EVP_PKCS82PKEY(info.get()) : nullptr)
                m_material.keys.append(SourcedKey {PrivateKey::adopt(key), m_origin});
            break;
        }
        case NID_certBag:
            if (PKCS12_SAFEBAG_get_bag_nid(bag) == NID_x509Certificate) {
                X509Ptr x509(PKCS12_SAFEBAG_get1_cert(bag));
                if (x509)
                    m_material.certificates.append(SourcedCertificate {Certificate::fromX509(x509.get()), m_origin});
            }
            break;
        case NID_safeContentsBag:
            if (depth < kMaxBagDepth)
                walkBags(PKCS12_SAFEBAG_get0_safes(bag), depth + 1);
            break;
        default:
            break; // CRLs, secrets: not needed here
        }
        clearOpenSslErrors();
    }
}

// As PKCS12_parse does: the certificate of the key first, then the others in the order of the file.
void Pkcs12Walk::putLeafFirst(qsizetype firstCertificate)
{
    if (m_material.keys.isEmpty())
        return;
    const PrivateKey& key = m_material.keys.constLast().key;
    for (qsizetype i = firstCertificate; i < m_material.certificates.size(); ++i) {
        if (key.matches(m_material.certificates.at(i).certificate)) {
            m_material.certificates.move(i, firstCertificate);
            return;
        }
    }
}
} // namespace

void readPkcs12(const PKCS12* p12, const QByteArray& passphrase, const QString& origin, WorkBudget& budget,
                Material& material)
{
    const qsizetype firstCertificate = material.certificates.size();
    const qsizetype firstKey = material.keys.size();
    Pkcs12Walk walk(origin, budget, material);
    if (!walk.checkMac(p12, passphrase))
        return;
    walk.walk(p12);
    if (walk.stopped()) { // refused or unreadable: nothing from it, as a whole (its finding says why)
        material.certificates.erase(material.certificates.begin() + firstCertificate, material.certificates.end());
        material.keys.erase(material.keys.begin() + firstKey, material.keys.end());
        return;
    }
    walk.putLeafFirst(firstCertificate);
    if (material.certificates.size() == firstCertificate && material.keys.size() == firstKey
        && !hasError(material.findings))
        material.findings.append(
            loader::unrecognized(origin, Text::tr("The PKCS#12 file \"%1\" is empty.").arg(origin)));
}

} // namespace mtls
