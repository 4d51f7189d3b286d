#pragma once

#include "core/Result.h"
#include "pki/Certificate.h"
#include "pki/PrivateKey.h"

namespace mtls {

// A throwaway test PKI for the sandbox, made in memory with OpenSSL (EC P-256, valid 90 days):
// a CA for the server certificate, a server certificate for localhost and 127.0.0.1, a stand-in for the Chat
// client CA, and a client certificate from it (what Chat's servers present).
struct SandboxPki
{
    Certificate serverCa;
    Certificate serverCertificate;
    PrivateKey serverKey;
    Certificate chatClientCa;
    Certificate clientCertificate;
    PrivateKey clientKey;

    static Result<SandboxPki> make();

    // Files as a server reads them: server.crt, server.key (0600), chat-client-ca.crt, server-ca.crt,
    // client.crt, client.key (0600).
    Status writeTo(const QString& directory) const;
};

} // namespace mtls
