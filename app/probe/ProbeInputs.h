#pragma once

#include "core/Result.h"
#include "pki/Certificate.h"
#include "pki/PrivateKey.h"

namespace mtls {

// The probe's file inputs, through the general loader (PEM, DER, PKCS#7, PKCS#12 without passphrase, zip packages
// such as TencentQQAuthCA.crt.zip).
// Every certificate of the file, in the order read.
Result<Certificates> readCertificatesFile(const QString& path);
// The first private key of the file (unencrypted).
Result<PrivateKey> readPrivateKeyFile(const QString& path);

// Where --connect-to sends the connection: "HOST:PORT" or "[IPV6]:PORT".
struct ConnectTarget
{
    QString host;
    quint16 port = 0;
};
// An Error says what is wrong with the text.
Result<ConnectTarget> parseConnectTarget(const QString& text);

} // namespace mtls
