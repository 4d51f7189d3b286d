#pragma once

#include "ApplyService.h"
#include "InstallScript.h"
#include "server/MergeSite.h"
#include "server/ServerDiscovery.h"

#include <optional>

namespace mtls {

// Everything needed to set up a server that is not this machine.
struct ExportRequest
{
    ServerConfigRequest config; // domain, listen, upstream, path, profile, version (paths are set by the export)
    ApplyMaterial material;
    QString serverRoot; // on the target server; empty: /etc/nginx or /etc/apache2
    ServerLayout layout = ServerLayout::Debian; // of the target server
    QString backupDir; // on the target server; empty: /var/backups/mtls-assistant/<domain>
    QString binary; // the server program on the target server (absolute); empty: the layout's usual one
    QString mainConfig; // on the target server; empty: the layout's
    QString prefix; // nginx -p on the target server; empty: none
    // Where the site file goes on the target server, and (the Debian way) the folder of its link; empty: the
    // layout's. Set from the server's own configuration when it was read (over SSH). A folder outside the server
    // root widens what install.sh may write to the folder that holds both (BaoTa: /www/server).
    QString siteDir;
    QString enabledDir;
    QString out; // a directory, or a file ending in .zip
    // The merge mode (planned against the target server's own files, over SSH): the bundle edits the site that
    // answers the name (merge->site.file, from merge->before to merge->after) and installs the Chat client CA only;
    // the site keeps its certificate, so the material needs no certificate or key.
    std::optional<MergePlan> merge;
};

struct ExportResult
{
    QString out; // absolute
    QStringList files; // relative names in the bundle
    GeneratedConfig config;
};

// What a bundle installs, before anything is written: the target server's folders (from the request's layout and
// folders), the generated configuration with the paths on that server, and install.sh's parameters.
struct ExportPlan
{
    ServerInstallation target;
    ServerConfigRequest config; // with the paths on the target server
    GeneratedConfig generated;
    InstallScriptParams script;
    std::optional<MergePlan> merge; // the request's

    // Every file install.sh writes and link it makes on the server, in order.
    QStringList changes() const;
};
Result<ExportPlan> planExport(const ExportRequest& request);

// The export request for an installation as discovery found it on the target server (over SSH): its root, layout,
// program, prefix and site folders; `mainConfig` the main configuration the user gave (empty: the layout's).
ExportRequest exportRequestFor(const ServerInstallation& installation, const QString& mainConfig);

// Writes the bundle (planExport()'s plan): the configuration, certs/ (fullchain.pem, chain.pem, privkey.pem 0600,
// client-ca.pem), install.sh (POSIX sh: checks, backups, install, test, reload, check of what is served, rollback) with
// its install.data (what to install, the server program, the checksums), and README.md with the manual steps. A
// directory must not exist yet or be empty; a zip is written atomically with mode 0600 (it holds the key).
Result<ExportResult> exportBundle(const ExportRequest& request);

} // namespace mtls
