#pragma once

#include "SetupModel.h"
#include "core/Result.h"
#include "deploy/ApplyService.h"
#include "deploy/ExportBundle.h"
#include "deploy/SshTarget.h"
#include "pki/ServerMaterial.h"
#include "server/ServerDiscovery.h"

#include <optional>

namespace mtls {

// Where a setup's files go, the generated configuration, and what applying or exporting it changes.
struct SetupPlan
{
    SetupTarget target = SetupTarget::ThisMachine;
    GeneratedConfig config;
    ServerConfigRequest request; // what `config` was generated from (with the final paths)
    QString configFile; // the site file
    QString certificateFile; // leaf + chain
    QString keyFile;
    QString clientCaFile;
    QStringList changes; // every file written or link made (this machine); the exported files (export)
    std::optional<ApplyRequest> apply; // this machine: what applyConfiguration() gets
    std::optional<ExportRequest> remote; // over SSH: the bundle applyRemotely() installs
    std::optional<MergePlan> merge; // merge mode: the site edited, its text before and after (configFile is its file)

    QStringList files() const { return changes; }
};

// The PEM texts of the material, as apply and export install them.
ApplyMaterial applyMaterialOf(const ServerMaterial& material);

// For this machine: the apply plan of the installation (its certificate folder and site folder). Over SSH: the
// bundle's plan for the installation found on the server (`installation`, discovered there). For export: the usual
// Debian layout of that server, which the exported README tells the user to adapt. Over SSH in merge mode,
// `remoteMerge` is the merge planned from the server's own files (planRemoteMerge), which the bundle applies.
Result<SetupPlan> planSetup(const SetupModel& model, const ServerMaterial& material,
                            const std::optional<ServerInstallation>& installation,
                            const std::optional<MergePlan>& remoteMerge = std::nullopt);

// Over SSH: the connection of the model (its target and key); the known-hosts file and the password are the
// caller's. An Error (SSH_TARGET_INVALID) when the target cannot be read.
Result<SshOptions> sshOptionsOf(const SetupModel& model);

// Merge mode's checks of the site that answers the name (MergeSite's refusals, as an Error with findings), before
// any certificate or client CA is known: the wizard's server page, which comes before the certificate pages.
Status checkMergeSetup(const SetupModel& model, const std::optional<ServerInstallation>& installation);

// The server's own configuration test (`nginx -t` / `apache2 -t`) of the generated site, on a private throwaway
// copy that holds the real material (removed afterwards), so nothing of the user's installation is touched.
// `binary` empty: found on this machine. An Error (with the server's output as detail) when the test fails or the
// program is missing. Blocking: run it off the UI thread.
Status testConfiguration(const SetupModel& model, const ServerMaterial& material, const QString& binary = QString());

// Writes the exported files into `directory` (which must be empty or new): the site configuration, the
// certificate chain, the key (owner-only), Chat's client CA and a README with the steps on the other machine.
// Returns the files written. Never overwrites an existing file.
Result<QStringList> exportSetup(const SetupPlan& plan, const ServerMaterial& material, const QString& directory);

} // namespace mtls
