#pragma once

#include "MaterialLoader.h"
#include "ServerMaterial.h"

namespace mtls {

struct ServerSelection
{
    ServerMaterial material; // leaf, chain and key (clientCas left empty)
    Certificates providedRoots; // self-signed roots that came with the files (not served)
    Findings findings; // CERT_MISSING, KEY_MISSING, KEY_MISMATCH, CHAIN_ORDER
};

// Picks the server certificate, its chain and its key out of everything read, by content: the leaf is a
// non-CA certificate, preferably one whose key is present and which covers `host`; the chain is built from the
// leaf upward by signature, whatever the order or the file names.
ServerSelection selectServerMaterial(const Material& material, const QString& host);

} // namespace mtls
