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

} // namespace mtls
