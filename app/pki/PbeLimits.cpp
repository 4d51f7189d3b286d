#include "PbeLimits.h"

#include "OpenSslHandles.h"

#include <openssl/pkcs12.h>
#include <openssl/pkcs7.h>

namespace mtls {

namespace {
bool countAcceptable(const ASN1_INTEGER* iterations)
{
    if (!iterations)
        return true; // absent: the default of 1
    const long n = ASN1_INTEGER_get(iterations);
    return n >= 0 && n <= kMaxPbeIterations;
}

using Pbe2ParamPtr = std::unique_ptr<PBE2PARAM, OpenSslDeleter<PBE2PARAM_free>>;
using Pbkdf2ParamPtr = std::unique_ptr<PBKDF2PARAM, OpenSslDeleter<PBKDF2PARAM_free>>;
using PbeParamPtr = std::unique_ptr<PBEPARAM, OpenSslDeleter<PBEPARAM_free>>;
struct Pkcs7StackDeleter
{
    void operator()(STACK_OF(PKCS7) * s) const { sk_PKCS7_pop_free(s, PKCS7_free); }
};
using Pkcs7StackPtr = std::unique_ptr<STACK_OF(PKCS7), Pkcs7StackDeleter>;
} // namespace

bool pbeIterationsAcceptable(const X509_ALGOR* algorithm)
{
    if (!algorithm)
        return true;
    const ASN1_OBJECT* oid = nullptr;
    int paramType = 0;
    const void* param = nullptr;
    X509_ALGOR_get0(&oid, &paramType, &param, algorithm);
    if (paramType != V_ASN1_SEQUENCE || !param)
        return true;
    const auto* type = static_cast<const ASN1_STRING*>(param);
    const unsigned char* p = ASN1_STRING_get0_data(type);
    const long len = ASN1_STRING_length(type);
    bool acceptable = true;
    if (OBJ_obj2nid(oid) == NID_pbes2) {
        const unsigned char* q = p;
        Pbe2ParamPtr pbe2(d2i_PBE2PARAM(nullptr, &q, len));
        if (pbe2 && pbe2->keyfunc && OBJ_obj2nid(pbe2->keyfunc->algorithm) == NID_id_pbkdf2 && pbe2->keyfunc->parameter
            && pbe2->keyfunc->parameter->type == V_ASN1_SEQUENCE) {
            const ASN1_STRING* kdfParam = pbe2->keyfunc->parameter->value.sequence;
            const unsigned char* r = ASN1_STRING_get0_data(kdfParam);
            Pbkdf2ParamPtr kdf(d2i_PBKDF2PARAM(nullptr, &r, ASN1_STRING_length(kdfParam)));
            acceptable = !kdf || countAcceptable(kdf->iter);
        }
    } else {
        const unsigned char* q = p;
        PbeParamPtr pbe(d2i_PBEPARAM(nullptr, &q, len));
        acceptable = !pbe || countAcceptable(pbe->iter);
    }
    clearOpenSslErrors();
    return acceptable;
}

bool pkcs12IterationsAcceptable(const PKCS12* p12)
{
    if (!p12)
        return true;
    const ASN1_INTEGER* macIterations = nullptr;
    PKCS12_get0_mac(nullptr, nullptr, nullptr, &macIterations, p12);
    if (!countAcceptable(macIterations))
        return false;
    Pkcs7StackPtr safes(PKCS12_unpack_authsafes(p12));
    bool acceptable = true;
    for (int i = 0; safes && acceptable && i < sk_PKCS7_num(safes.get()); ++i) {
        PKCS7* safe = sk_PKCS7_value(safes.get(), i);
        const int nid = OBJ_obj2nid(safe->type);
        if (nid == NID_pkcs7_encrypted) {
            if (safe->d.encrypted && safe->d.encrypted->enc_data)
                acceptable = pbeIterationsAcceptable(safe->d.encrypted->enc_data->algorithm);
        } else if (nid == NID_pkcs7_data) {
            STACK_OF(PKCS12_SAFEBAG)* bags = PKCS12_unpack_p7data(safe);
            for (int j = 0; bags && acceptable && j < sk_PKCS12_SAFEBAG_num(bags); ++j) {
                const PKCS12_SAFEBAG* bag = sk_PKCS12_SAFEBAG_value(bags, j);
                if (PKCS12_SAFEBAG_get_nid(bag) == NID_pkcs8ShroudedKeyBag) {
                    const X509_ALGOR* alg = nullptr;
                    X509_SIG_get0(PKCS12_SAFEBAG_get0_pkcs8(bag), &alg, nullptr);
                    acceptable = pbeIterationsAcceptable(alg);
                }
            }
            sk_PKCS12_SAFEBAG_pop_free(bags, PKCS12_SAFEBAG_free);
        }
    }
    clearOpenSslErrors();
    return acceptable;
}

} // namespace mtls
