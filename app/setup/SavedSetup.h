#pragma once

#include "SetupModel.h"
#include "core/Result.h"
#include "pki/Certificate.h"

#include <QDateTime>
#include <QJsonObject>

namespace mtls {

// A certificate as remembered: enough to recognize it and to warn before it expires. No key material.
struct RememberedCertificate
{
    QString subject;
    QString sha256; // "AB:CD:..."
    QDateTime notBefore; // UTC
    QDateTime notAfter; // UTC

    static RememberedCertificate of(const Certificate& certificate);
    bool isNull() const { return sha256.isEmpty(); }
    qint64 daysUntilExpiry(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;
    QJsonObject toJson() const;
    static RememberedCertificate fromJson(const QJsonObject& object);
};

// A finished setup, kept for renewal and for `mtls-assistant-cli status`. Never holds a secret: no passphrase,
// no key, only where the files are and which certificate was installed.
struct SavedSetup
{
    QString domain;
    QString webhookPath = QStringLiteral("/");
    CertificateSource source = CertificateSource::OwnCa;
    ServerKind server = ServerKind::Nginx;
    SetupTarget target = SetupTarget::ThisMachine;
    QString serverRoot; // the configuration root the setup was applied to (empty for export)
    QString sshTarget; // over SSH: "[user@]host[:port]" and the private key used (never a password)
    QString sshIdentity;
    QString configFile; // the site file written (or exported)
    QString certificateFile; // where the server reads the certificate (full chain)
    QString keyFile;
    QString clientCaFile;
    QString listen;
    QString upstreamUrl;
    TlsProfile profile = TlsProfile::Intermediate;
    CertificateInputs inputs; // what the user imported, to offer the same folder next time
    // Dedicated: a site of our own. Merge: client certificates on the webhook path of the site that already served the
    // name, which keeps its own certificate (renewed by whoever manages the site: certbot, a hosting panel).
    SetupMode mode = SetupMode::Dedicated;
    QString siteFile; // merge: the file of that site, and the line its block starts on
    int siteLine = 0;
    QString siteCertificateFile; // merge: the certificate file the site serves
    RememberedCertificate certificate; // the certificate served when the setup was saved (merge: the site's)
    RememberedCertificate clientCa;
    QDateTime savedAt; // UTC

    // Setups are identified by domain, server and target.
    QString id() const;
    QJsonObject toJson() const;
    // An Error naming the field when the object is not a saved setup.
    static Result<SavedSetup> fromJson(const QJsonObject& object);
};

// What a merge setup remembers of the site (mode, file, line, its certificate file and certificate); a dedicated
// setup the certificate `leaf` installed for it.
void rememberHowServed(SavedSetup& setup, const std::optional<MergePlan>& merge, const Certificate& leaf);

// The certificate a setup serves now: for a merge setup, the site's certificate file as it is now (its manager
// renews it); otherwise, or when that file cannot be read, the certificate remembered when it was saved. Reads a file.
RememberedCertificate servedCertificate(const SavedSetup& setup);

struct ApplyRequest;
struct ApplyPlan;

// The saved setup of an apply made without the wizard (the command line), so that `status` and the welcome page
// list it too. A setup of `saved` with the same id keeps what only the wizard knows (the files imported...).
SavedSetup savedSetupOfApply(const ApplyRequest& request, const ApplyPlan& plan, CertificateSource source,
                             const Certificate& leaf, const Certificate& clientCa, const QList<SavedSetup>& saved);

// The same for an apply over SSH from the command line (a dedicated site): what the bundle installed on the server,
// and the server it went to ("[user@]host[:port]" and the key file; never a password).
struct ExportPlan;
SavedSetup savedSetupOfRemoteApply(const ExportPlan& plan, const QString& sshTarget, const QString& sshIdentity,
                                   CertificateSource source, const Certificate& leaf, const Certificate& clientCa,
                                   const QList<SavedSetup>& saved);

// How many days before expiry a setup counts as expiring (warnings on start, exit 1 of `status`).
constexpr int kExpiryWarningDays = 30;

} // namespace mtls
