#pragma once

#include "deploy/RemoteJob.h"
#include "pki/CheckService.h"
#include "probe/ProbeTypes.h"
#include "server/ConfigGenerator.h"
#include "server/ServerDiscovery.h"
#include "setup/SavedSetup.h"
#include "setup/SetupModel.h"
#include "setup/SetupPlan.h"
#include "setup/SetupStore.h"

#include <optional>

namespace mtls {
class SecretStore;
}

namespace mtls::ui {

// The pages' shared state: the setup model they fill and what the engine answered. Owned by the wizard.
struct WizardContext
{
    explicit WizardContext(SecretStore& secretStore, QString setupDirectory = QString())
        : secrets(secretStore)
        , store(std::move(setupDirectory))
    {
    }

    SecretStore& secrets;
    SetupStore store;

    SetupModel model;
    CheckReport report; // the last full check of the certificate (and the client CA once imported)
    std::optional<SavedSetup> renewing; // set on the renewal path
    QString renewSetupId; // the saved setup the renewal page selects first (mtls-assistant --renew ID)
    std::optional<ServerInstallation> installation; // the server found on this machine
    std::optional<ServerInstallation> remoteInstallation; // over SSH: the server found there
    std::optional<MergePlan> remoteMerge; // over SSH in merge mode: planned from the server's files when connecting
    QByteArray sshPassword; // over SSH: the sudo password typed for this run only; never saved
    std::optional<RemoteJob> remoteJob; // over SSH, after apply: the job that made the change on the server
    std::optional<SetupPlan> plan; // from the review page
    std::optional<ApplyResult> applied; // this machine, after apply
    QStringList exported; // export: the files written
    std::optional<ProbeReport> probe; // the last test handshake
    Certificates probeServerCas; // test hook: roots the test handshake trusts (empty: the system's)
    std::optional<DiscoveryOptions> discovery; // test hook: describes the installation instead of looking for it
    QString applyStateDir; // test hook: where apply keeps its journal and backups (empty: the default)
    QString sshKnownHosts; // test hook: the known-hosts file over SSH (empty: the assistant's own)
    QString sshKnownHostsInUse; // over SSH: the connection's known-hosts file (the user's own when chosen)
    QString remoteStateDir; // test hook: the assistant's folder on a server over SSH (empty: the default)
    QString savedSetupError; // why the setup could not be saved, when it could not

    // The installation the setup goes to: the one found on this machine, or over SSH the one found there.
    const std::optional<ServerInstallation>& targetInstallation() const
    {
        return model.target == SetupTarget::Ssh ? remoteInstallation : installation;
    }
};

} // namespace mtls::ui
