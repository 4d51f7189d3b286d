#pragma once

#include "core/Result.h"
#include "pki/Certificate.h"
#include "pki/PrivateKey.h"

namespace mtls {

// The probe's own file inputs, in their simplest forms (the general loader reads every other format).
// Every certificate of a PEM file, or the one certificate of a DER file.
Result<Certificates> readCertificatesFile(const QString& path);
// An unencrypted private key in PEM (PKCS#8 or traditional).
Result<PrivateKey> readPrivateKeyFile(const QString& path);

} // namespace mtls
