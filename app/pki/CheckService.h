#pragma once

#include "ServerMaterial.h"
#include "core/Finding.h"

#include <QDateTime>
#include <QJsonObject>

namespace mtls {

// What the user supplied: the same inputs as `mtls-assistant-cli check`.
struct CheckInput
{
    QString domain; // the webhook domain (a URL is accepted too: its host is used)
    bool issuedByChat = false; // the certificate was issued by Chat (downloaded from the console)
    QString certPath; // one of certPath, pkcs12Path or bundlePath
    QString keyPath; // optional with certPath: the key may be in the same file
    QString chainPath; // optional
    QString pkcs12Path;
    QString bundlePath; // a zip package as downloaded
    QString clientCaPath; // TencentQQAuthCA.crt (or its zip); optional
    QByteArray passphrase; // for encrypted keys and PKCS#12; never logged or stored
    QString rootsPath; // a PEM file that replaces the system trust store; empty: the system store
    QDateTime now; // invalid: the current time
    // The merge mode: the site that already serves the name keeps its own certificate. Without any certificate file
    // (certPath, pkcs12Path, bundlePath all empty) only the domain and the client CA are checked.
    bool serverCertificateOptional = false;
};

struct CheckReport
{
    Findings findings;
    ServerMaterial material;

    bool ok() const { return !hasError(findings); }
    // {"ok", "findings", "certificate", "chain", "client_ca"}: the JSON contract of `check --json`.
    QJsonObject toJson() const;
};

// Reads every input and runs every check. Never fails: what cannot be read becomes a finding.
// Blocking (reads files, parses); call it off the UI thread.
CheckReport runCheck(const CheckInput& input);

} // namespace mtls
