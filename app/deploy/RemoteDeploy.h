#pragma once

// Applying, rolling back and removing on a server reached through an open root ShellSession (SSH): the remote
// executor. What is installed is the export's bundle (the same plan, generator and install.sh as `export`); it is
// made here in a private temporary folder, uploaded into a job folder on the server and run there by install.sh as
// one detached job (RemoteJob.h) that ends fully done or fully put back even when the connection drops. Success is
// install.sh's own: its checks, its test, its reload and its check of what is served (openssl s_client against the
// listen address, from the server itself).

#include "ApplyProgress.h"
#include "ExportBundle.h"
#include "RemoteJob.h"

#include <chrono>
#include <optional>

namespace mtls {

class ShellSession;

struct RemoteApplyRequest
{
    // The site, the material and the target server's installation (root, layout, program, main configuration,
    // prefix), as for export; `out` and `backupDir` are set here.
    ExportRequest bundle;
    QString stateDir; // on the server; empty: defaultRemoteStateDir()
    std::chrono::milliseconds wait = std::chrono::minutes(10); // how long to follow the job before returning
    ApplyProgressCallback progress; // each step, and each line install.sh prints on the server, as they happen
};

// Where install.sh keeps its backups on the server for `domain`: under the state folder when one was given,
// else the export's default (/var/backups/mtls-assistant/<domain>).
QString remoteBackupDir(const QString& stateDir, const QString& domain);

// Another site for the bundle's name and port on the server (read from its own `nginx -T` / `apachectl -S`, a site
// file of an earlier apply of this name excepted): an Error with SERVER_NAME_CONFLICT findings. applyRemotely()
// refuses with it before anything is uploaded; the wizard asks right after discovery.
Status checkRemoteNameFree(ShellSession& shell, const ExportRequest& bundle);

// The merge mode on the server: the site that answers the bundle's name there, checked and edited by the rules of a
// local merge (planMerge, MERGE_* refusals) on the server's own files, read through `shell` (`nginx -T`, then each
// file the plan needs; Apache: `apachectl -S` and the site's files). `installation` is the one discovery found there.
// Set the result as `bundle.merge` to apply it.
Result<MergePlan> planRemoteMerge(ShellSession& shell, const ServerInstallation& installation,
                                  const ExportRequest& bundle, bool replaceLocation = false,
                                  const QString& trustRootsPath = QString());

// Refuses while another job runs on the server (REMOTE_JOB_RUNNING), then makes the bundle, uploads it, starts
// install.sh as a job and follows it. A dedicated site (no `bundle.merge`) is refused when another site answers the
// name (checkRemoteNameFree); a merge edits the site that does, and install.sh refuses when its file changed since
// the plan. The job comes back ended (Succeeded only when install.sh's checks passed) or,
// after `wait`, still Running. An Error with REMOTE_CONNECTION_LOST when the connection failed after the start.
Result<RemoteJob> applyRemotely(ShellSession& shell, const RemoteApplyRequest& request);

// Runs install.sh --rollback (the newest install that is still in a history, of `domain` when given) or, with
// `remove`, install.sh --remove for `domain`, as a job with the bundle of that install, and follows it.
Result<RemoteJob> rollbackRemotely(ShellSession& shell, const QString& stateDir, bool remove, const QString& domain,
                                   const ApplyProgressCallback& progress,
                                   std::chrono::milliseconds wait = std::chrono::minutes(10));

// What a new connection finds: every job on the server, oldest first; when the newest still runs, it is followed
// (its whole log to `progress`) until it ends or `wait` passes. With `wholeLog`, the newest job's log goes to
// `progress` even when it has ended (a reconnect after a dropped connection shows all the job did).
Result<QList<RemoteJob>> remoteStatus(ShellSession& shell, const QString& stateDir,
                                      const ApplyProgressCallback& progress, std::chrono::milliseconds wait,
                                      bool wholeLog = false);

// A sentence for the user on what the job left on the server (from RemoteJob::serverState()).
QString remoteOutcomeText(const RemoteJob& job);

} // namespace mtls
