#include "PbeLimits.h"

#include "OpenSslHandles.h"

#include <openssl/x509.h>

namespace mtls {

namespace {
using Pbe2ParamPtr = std::unique_ptr<PBE2PARAM, OpenSslDeleter<PBE2PARAM_free>>;
using Pbkdf2ParamPtr = std::unique_ptr<PBKDF2PARAM, OpenSslDeleter<PBKDF2PARAM_free>>;
using ScryptParamsPtr = std::unique_ptr<SCRYPT_PARAMS, OpenSslDeleter<SCRYPT_PARAMS_free>>;
using PbeParamPtr = std::unique_ptr<PBEPARAM, OpenSslDeleter<PBEPARAM_free>>;

// A non-negative INTEGER that fits in 63 bits, else nullopt-like false.
bool readCount(const ASN1_INTEGER* value, quint64* out)
{
    if (!value)
        return false;
    int64_t n = 0;
    if (ASN1_INTEGER_get_int64(&n, value) != 1 || n < 0)
        return false;
    *out = static_cast<quint64>(n);
    return true;
}

const ASN1_STRING* sequenceParameter(const ASN1_TYPE* parameter)
{
    return parameter && parameter->type == V_ASN1_SEQUENCE ? parameter->value.sequence : nullptr;
}

PbeCost scryptCost(const ASN1_STRING* encoded)
{
    const unsigned char* p = ASN1_STRING_get0_data(encoded);
    ScryptParamsPtr params(d2i_SCRYPT_PARAMS(nullptr, &p, ASN1_STRING_length(encoded)));
    quint64 n = 0;
    quint64 r = 0;
    quint64 parallel = 0;
    if (!params || !readCount(params->costParameter, &n) || !readCount(params->blockSize, &r)
        || !readCount(params->parallelizationParameter, &parallel))
        return {}; // unreadable: OpenSSL refuses it without deriving anything
    if (n > kMaxScryptN || r > kMaxScryptR || parallel > kMaxScryptP || 128 * n * r > kMaxScryptMemory)
        return {0, false};
    const quint64 work = n * r * parallel;
    return {work, work <= kMaxPbeIterations};
}

PbeCost pbkdf2Cost(const ASN1_STRING* encoded)
{
    const unsigned char* p = ASN1_STRING_get0_data(encoded);
    Pbkdf2ParamPtr kdf(d2i_PBKDF2PARAM(nullptr, &p, ASN1_STRING_length(encoded)));
    return kdf ? iterationCost(kdf->iter) : PbeCost {};
}
} // namespace

PbeCost iterationCost(const ASN1_INTEGER* iterations)
{
    if (!iterations)
        return {1, true};
    quint64 n = 0;
    if (!readCount(iterations, &n))
        return {0, false};
    return {n, n <= kMaxPbeIterations};
}

PbeCost pbeCost(const X509_ALGOR* algorithm)
{
    if (!algorithm)
        return {};
    const ASN1_OBJECT* oid = nullptr;
    int paramType = 0;
    const void* param = nullptr;
    X509_ALGOR_get0(&oid, &paramType, &param, algorithm);
    if (paramType != V_ASN1_SEQUENCE || !param)
        return {};
    const auto* encoded = static_cast<const ASN1_STRING*>(param);
    const unsigned char* p = ASN1_STRING_get0_data(encoded);
    const long len = ASN1_STRING_length(encoded);
    PbeCost cost;
    if (OBJ_obj2nid(oid) == NID_pbes2) {
        Pbe2ParamPtr pbe2(d2i_PBE2PARAM(nullptr, &p, len));
        const ASN1_STRING* kdfParam = pbe2 && pbe2->keyfunc ? sequenceParameter(pbe2->keyfunc->parameter) : nullptr;
        if (kdfParam) {
            const int kdf = OBJ_obj2nid(pbe2->keyfunc->algorithm);
            if (kdf == NID_id_pbkdf2)
                cost = pbkdf2Cost(kdfParam);
            else if (kdf == NID_id_scrypt)
                cost = scryptCost(kdfParam);
        }
    } else {
        PbeParamPtr pbe(d2i_PBEPARAM(nullptr, &p, len));
        if (pbe)
            cost = iterationCost(pbe->iter);
    }
    clearOpenSslErrors();
    return cost;
}

} // namespace mtls
