#include "KeyDescription.h"

#include "OpenSslHandles.h"

#include <openssl/ec.h>

namespace mtls {

QString keyAlgorithmName(const EVP_PKEY* key)
{
    if (!key)
        return {};
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS:
        return QStringLiteral("RSA");
    case EVP_PKEY_EC:
        return QStringLiteral("EC");
    case EVP_PKEY_ED25519:
        return QStringLiteral("Ed25519");
    case EVP_PKEY_ED448:
        return QStringLiteral("Ed448");
    case EVP_PKEY_DSA:
        return QStringLiteral("DSA");
    default:
        break;
    }
    return QString::fromLatin1(EVP_PKEY_get0_type_name(key));
}

QString keyCurveName(const EVP_PKEY* key)
{
    if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_EC)
        return {};
    char group[80] = {};
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group, &len) != 1) {
        clearOpenSslErrors();
        return {};
    }
    const int nid = OBJ_sn2nid(group);
    const char* nist = nid != NID_undef ? EC_curve_nid2nist(nid) : nullptr;
    return QString::fromLatin1(nist ? nist : group);
}

QString keyDescription(const EVP_PKEY* key)
{
    const QString algorithm = keyAlgorithmName(key);
    if (algorithm == QLatin1String("EC")) {
        const QString curve = keyCurveName(key);
        return QStringLiteral("EC %1").arg(curve.isEmpty() ? QString::number(EVP_PKEY_get_bits(key)) : curve);
    }
    if (algorithm.isEmpty() || algorithm == QLatin1String("Ed25519") || algorithm == QLatin1String("Ed448"))
        return algorithm;
    return QStringLiteral("%1 %2").arg(algorithm).arg(EVP_PKEY_get_bits(key));
}

} // namespace mtls
