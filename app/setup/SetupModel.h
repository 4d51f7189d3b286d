#pragma once

#include "pki/CheckService.h"
#include "server/MergeSite.h"
#include "server/ServerConfigRequest.h"

#include <QString>

namespace mtls {

// The two certificate paths of the Chat guide.
enum class CertificateSource {
    OwnCa, // a certificate for the webhook domain from a public certificate authority
    IssuedByChat, // Chat issued a certificate and key for the domain (downloaded from the console)
};
QString certificateSourceName(CertificateSource source); // "own-ca", "issued-by-chat" (stable, JSON)
std::optional<CertificateSource> certificateSourceFromName(const QString& name);

// Where the configuration goes.
enum class SetupTarget {
    ThisMachine, // applied to the server installed here
    Export, // written as files to copy to another machine
    Ssh, // applied to a server reached over SSH (sshTarget)
};
QString setupTargetName(SetupTarget target); // "this-machine", "export", "ssh"
std::optional<SetupTarget> setupTargetFromName(const QString& name);

// The path of what the user typed when it is a URL ("https://host/im/callback" -> "/im/callback"); "/" otherwise.
QString webhookPathFromInput(const QString& input);
// Whether a webhook path can be used as is (the generator's rule: starts with "/", no spaces, quotes, "..").
bool isValidWebhookPath(const QString& path);

// The files the user gave for the server certificate: the same choices as `mtls-assistant-cli check`.
struct CertificateInputs
{
    QString certPath; // one of certPath, pkcs12Path, bundlePath
    QString keyPath;
    QString chainPath;
    QString pkcs12Path;
    QString bundlePath; // a .zip package as downloaded

    bool isEmpty() const { return certPath.isEmpty() && pkcs12Path.isEmpty() && bundlePath.isEmpty(); }
    // The files to show the user, in order.
    QStringList files() const;
    // Sorts dropped or picked files into the fields: a .zip is the bundle, .pfx/.p12 the PKCS#12, a .key (or a
    // name with "key" in it) the key, the rest certificates (the first the certificate, the next the chain).
    static CertificateInputs fromFiles(const QStringList& paths);
};

// Everything the wizard collects, in one plain value. The wizard fills it; the engine's services read it.
// No secret lives here except the passphrase, which is only held while the wizard runs.
struct SetupModel
{
    QString webhookInput; // what the user typed: a URL or a bare domain
    QString domain; // the host of webhookInput, lower-case
    QString webhookPath = QStringLiteral("/"); // the path Chat calls

    CertificateSource source = CertificateSource::OwnCa;
    CertificateInputs inputs;
    QString clientCaPath; // TencentQQAuthCA.crt or its .zip
    QByteArray passphrase; // never saved, never logged
    QString rootsPath; // a PEM file of roots that replaces the system trust store (tests, private CAs); empty: system

    ServerKind server = ServerKind::Nginx;
    SetupTarget target = SetupTarget::ThisMachine;
    QString serverRoot; // the installation's configuration root (this machine, or over SSH); empty: discovered
    // Over SSH: where and how to connect ("[user@]host[:port]", as parseSshTarget() reads it) and the private key
    // (empty: the user's SSH agent and keys). The sudo password is never part of the model.
    QString sshTarget;
    QString sshIdentity;
    QString listen = QStringLiteral("443"); // "ADDR:PORT", "[V6]:PORT", "PORT"
    QString upstreamUrl = QStringLiteral("http://127.0.0.1:8080");
    TlsProfile profile = TlsProfile::Intermediate;
    // When a site already answers the name on the port: merge into it or a site of its own (ApplyRequest::mode).
    SetupMode mode = SetupMode::Auto;
    bool replaceLocation = false; // merge: replace a location the site already has for the path

    // The URL Chat calls: https://domain[:port]/path, the port from `listen` when it is not 443.
    QString webhookUrl() const;
    // The input of the certificate check for what has been collected (merge: the client CA alone, the site keeps
    // its own certificate).
    CheckInput checkInput() const;
    // The generator's request, with the paths where the files will be on the server.
    ServerConfigRequest configRequest(const QString& certificatePath, const QString& keyPath,
                                      const QString& clientCaPath, const QString& chainPath = QString()) const;
};

} // namespace mtls
