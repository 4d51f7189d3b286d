#pragma once

#include "Certificate.h"
#include "PrivateKey.h"

#include <QString>

namespace mtls {

// What a server needs, picked out of whatever the user supplied (files in any format, zip packages).
struct ServerMaterial
{
    Certificate leaf; // the server certificate
    Certificates chain; // intermediates in serving order: the leaf's issuer first; no self-signed root
    PrivateKey key; // the private key that matches the leaf (null when none was found)
    Certificates clientCas; // the Chat client CA certificate(s) callers must be signed by

    QString leafOrigin; // where each came from, for messages: "bundle.zip:Nginx/1_x_bundle.crt"
    QString keyOrigin;
    QString clientCaOrigin;

    // leaf + chain as one PEM, the order nginx's ssl_certificate wants.
    QByteArray fullChainPem() const { return certificatesToPem(Certificates {leaf} + chain); }
    QByteArray chainPem() const { return certificatesToPem(chain); }
    QByteArray clientCaPem() const { return certificatesToPem(clientCas); }
};

} // namespace mtls
