#pragma once

#include "ServerMaterialSelector.h"
#include "TrustStore.h"

#include <QDateTime>

namespace mtls {

struct CheckContext
{
    QString host; // the webhook domain
    bool issuedByChat = false;
    QDateTime now;
    const TrustStore* trust = nullptr; // null: trust is not judged
    int expiryWarningDays = 30;
};

// Validity, name, chain, trust, key strength, signature and usage of the server certificate:
// CERT_EXPIRED, CERT_NOT_YET_VALID, CERT_EXPIRING_SOON, NAME_MISMATCH, CHAIN_INCOMPLETE, CHAIN_UNTRUSTED,
// KEY_WEAK, SIGNATURE_WEAK, NOT_SERVER_CERT.
Findings checkServerCertificate(const ServerSelection& selection, const CheckContext& context);

// The client CA that callers' certificates must be signed by (TencentQQAuthCA.crt):
// CLIENT_CA_NOT_CA, CLIENT_CA_EXPIRED, CLIENT_CA_EXPIRING_SOON.
Findings checkClientCa(const Certificates& clientCas, const QString& origin, const CheckContext& context);

} // namespace mtls
