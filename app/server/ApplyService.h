#pragma once

#include "ApplyJournal.h"
#include "ConfigGenerator.h"
#include "ServerDiscovery.h"

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
};

struct ApplyResult
{
    GeneratedConfig config;
    QString siteFile; // where our configuration was written
    QStringList changed; // every path written or linked
    Findings findings; // warnings (SERVER_NAME_CONFLICT, LEGACY_TLS, ...)
    QString recovered; // what was done about an interrupted earlier apply, if anything
};

// Where the journal and backups of an installation live: the application's data directory, one folder per
// server and configuration root. Never inside the server's tree.
QString defaultApplyStateDir(const ServerInstallation& installation);

// The changes apply would make (files with their content and permissions, links), and the generated config.
struct ApplyPlan
{
    GeneratedConfig config;
    ServerConfigRequest configRequest; // what `config` was generated from (with the installed paths)
    QString siteFile;
    QList<ApplyChange> changes;
    QStringList directories; // that must exist (created when missing, removed again by a rollback)
};
Result<ApplyPlan> planApply(const ApplyRequest& request);

// Installs the certificate files (key 0600) in the dedicated directory, writes our site file, enables it the
// platform's way (Debian: sites-enabled link; Apache modules via mods-enabled links), tests the whole server
// configuration and reloads the server. Every file it replaces is backed up first and every write is atomic;
// the journal is written before the first change. When the test or the reload fails, everything is put back,
// the server is reloaded again and the Error explains why (the server's output, mapped to our lines).
// An earlier interrupted apply is recovered first. Blocking.
//
// Test hooks (environment): MTLS_APPLY_EXIT_AFTER_STEP=N ends the process right after step N (1: journal
// written, 2: directories made, 3...: one per change, then "written", "tested", "reloaded");
// MTLS_APPLY_FAIL_WRITE_AT=N makes the Nth change fail like a full disk.
Result<ApplyResult> applyConfiguration(const ApplyRequest& request);

// Puts back what the last successful apply changed, tests and reloads. An Error when there is nothing to roll
// back or the server refuses the restored configuration (the files stay restored).
Status rollbackLastApply(const ServerInstallation& installation, const QString& stateDir = QString());

// Finishes or rolls back an apply that was interrupted (killed, power loss). Returns what it did ("" when there
// was nothing to do). Called by apply and rollback first; the product calls it at start.
Result<QString> recoverInterruptedApply(const ServerInstallation& installation, const QString& stateDir = QString());

} // namespace mtls
