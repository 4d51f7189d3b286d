#pragma once

#include "ApplyJournal.h"
#include "ApplyProgress.h"
#include "server/ConfigGenerator.h"
#include "server/MergeSite.h"
#include "server/ServerDiscovery.h"

namespace mtls {

// The PEM texts apply installs (from ServerMaterial: fullChainPem(), chainPem(), key.toPkcs8Pem(), clientCaPem()).
struct ApplyMaterial
{
    QByteArray fullChainPem;
    QByteArray chainPem; // may be empty
    QByteArray keyPem; // never logged
    QByteArray clientCaPem;
};

struct ApplyRequest
{
    ServerInstallation installation;
    // Domain, listen addresses, upstream, path, profile... The four file paths are set by apply (the dedicated
    // directory <certDir>/<domain>/), whatever they hold here.
    ServerConfigRequest config;
    ApplyMaterial material;
    QString stateDir; // empty: defaultApplyStateDir(installation)
    // The chat-guide profile (TLS 1.0/1.1 only) is refused unless this is set: servers built with OpenSSL 3 cannot
    // complete a handshake with it. When set, the new site's handshake is not verified (the check offers TLS 1.2+).
    bool forceLegacyTls = false;
    // When the main configuration reads no directory for sites (installation.needsIncludeLine): add the include
    // line to it as one more change (backed up, put back by rollback). Without it apply refuses before any change.
    bool addInclude = false;
    // Apply what would otherwise be refused before any change as harmful to other sites (an Apache virtual host on
    // an explicit address beside others on "*" of the same port); a warning finding instead.
    bool force = false;
    // Dedicated (a site of its own for the name), merge (client certificates on the webhook path of the site that
    // already answers the name) or auto (dedicated, refused with MODE_CHOICE_NEEDED when a site
    // already answers the name on the port).
    SetupMode mode = SetupMode::Auto;
    // Merge: replace a location the user wrote for the webhook path (refused with MERGE_LOCATION_EXISTS otherwise).
    bool replaceLocation = false;
    // Merge: the roots the site's own certificate must reach (empty: the system's trust store).
    QString trustRootsPath;
    ApplyProgressCallback progress; // optional: told each step as it happens, on the thread that runs apply
};

struct ApplyResult
{
    GeneratedConfig config;
    QString siteFile; // where our configuration was written
    QStringList changed; // every path written or linked
    Findings findings; // warnings (SERVER_NAME_CONFLICT, LEGACY_TLS, ...)
    QString recovered; // what was done about an interrupted earlier apply, if anything
    SetupMode mode = SetupMode::Dedicated; // how it was set up (never Auto)
};

// Where the apply history of an installation lives (its journals and backups): the application's data directory, one
// folder per server and configuration root. Never inside the server's tree.
QString defaultApplyStateDir(const ServerInstallation& installation);

// The changes apply would make (files with their content and permissions, links), and the generated config.
struct ApplyPlan
{
    GeneratedConfig config;
    ServerConfigRequest configRequest; // what `config` was generated from (with the installed paths)
    QString siteFile;
    QList<ApplyChange> changes;
    QStringList directories; // that must exist (created when missing, removed again by a rollback)
    std::optional<MergePlan> merge; // the merge mode: the site edited (siteFile is its file)
};
Result<ApplyPlan> planApply(const ApplyRequest& request);
// The merge mode's checks and edit of the site alone, without the material: what the wizard shows when merge is
// chosen, before Chat's client CA is imported. The same refusals (MERGE_...) as planApply() in merge mode.
Result<MergePlan> planMergeSite(const ApplyRequest& request);
// The directories of the plan this user cannot write into. Not empty: apply must run elevated. Elevation design:
// the engine never asks for a password; the front end re-runs the same `mtls-assistant-cli apply` with the
// platform's mechanism (pkexec and a polkit action on Linux, an elevated helper on Windows, an authorization
// prompt on macOS). applyConfiguration() refuses before any change with an Error whose detail is
// "needs-elevation", so a caller can tell this case from the others.
QStringList unwritableDirectories(const ApplyPlan& plan);

// Installs the certificate files (key 0600) in the dedicated directory, writes our site file, enables it the
// platform's way (Debian: sites-enabled link; Apache modules via mods-enabled links), tests the whole server
// configuration, reloads the server and verifies the result from outside (ApplyVerifier: the server answers, reads
// our file, presents our certificate for the domain, names the Chat client CA, refuses a caller without a client
// certificate, and every other name on the port presents the same certificate as before). Refused before any
// change: a current configuration that fails its own test (or, for Apache, names a certificate or key file that
// cannot be loaded), another site answering the domain on the port (the Error's findings hold
// SERVER_NAME_CONFLICT as an error), the chat-guide profile without forceLegacyTls. Every file it replaces is backed up
// first and every write is atomic; the journal is written before the first change. When the test, the reload or the
// verification fails, everything is put back, the server is reloaded again, the previous state is verified too, and the
// Error explains why (the server's output, mapped to our lines). An earlier interrupted apply is recovered first.
// Blocking. `request.progress` (when set) is told every step in order: recovered, backed up, directories made, each
// file written, tested, reloaded, verified; on failure the step that failed, then rolling back, each file restored,
// rolled back (and the previous configuration reloaded and verified).
//
// Test hooks (environment): MTLS_APPLY_EXIT_AFTER_STEP=N ends the process right after step N (1: journal
// written, 2: directories made, 3...: one per change, then "written", "tested", "reloaded");
// MTLS_APPLY_STOP_AFTER_STEP=N stops it there (SIGSTOP) until it is continued;
// MTLS_APPLY_FAIL_WRITE_AT=N makes the Nth change fail like a full disk; MTLS_TEST_SKIP_PREFLIGHT=1 skips the checks of
// the current configuration, so that tests can reach the verification after a reload that stops the server.
Result<ApplyResult> applyConfiguration(const ApplyRequest& request);

// The history: every apply is a step of its own in the state directory (ApplyHistory), with its journal, the
// backups of what it replaced and what verifies it. A refused or failed apply leaves the earlier steps as they were.

// Steps back the newest apply: puts back what it changed (content, owner, group and mode), tests, reloads and
// verifies from outside; its step leaves the history. Called again, it steps back the apply before, down to the state
// before the first. An Error when there is nothing to roll back or the server refuses the restored configuration
// (the files stay restored). `progress` (optional) is told each step as it happens, as for applyConfiguration().
// Test hook: MTLS_APPLY_EXIT_AFTER_STEP=1 ends the process once the step is marked as being rolled back, =2 once
// every file is back and before the reload (the next run reloads and verifies).
Status rollbackLastApply(const ServerInstallation& installation, const QString& stateDir = QString(),
                         const ApplyProgressCallback& progress = {});

// Takes out everything the applies for `domain` added, across the whole history, and puts back what they replaced;
// then tests, reloads and verifies like rollbackLastApply() (same steps, same test hook). A change a later apply for
// another domain relies on (an include line, a module link) stays, and that apply's rollback puts back the original.
Status removeDomainSetup(const ServerInstallation& installation, const QString& domain,
                         const QString& stateDir = QString(), const ApplyProgressCallback& progress = {});

// Finishes what an interrupted apply, rollback or remove left (killed, power loss): an apply is rolled back (or marked
// finished when the server had reloaded), a rollback is completed including the reload and the verification, and
// temporary files left beside the targets are removed. Returns what it did ("" when there was nothing to do).
// Called by apply, rollback and remove first; the product calls it at start.
Result<QString> recoverInterruptedApply(const ServerInstallation& installation, const QString& stateDir = QString());

} // namespace mtls
