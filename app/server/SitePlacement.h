#pragma once

// Where a site goes on an installation of this machine, decided from the server's effective configuration
// (ConfigIncludes), and what apply must add or refuse because of it: the include line of a directory nothing reads
// yet, Apache's Listen lines and virtual host addresses.

#include "ConfigIncludes.h"
#include "ServerConfigRequest.h"
#include "ServerDiscovery.h"
#include "core/Finding.h"
#include "deploy/ApplyJournal.h"

#include <QProcessEnvironment>

namespace mtls {

// The variables of Debian's `envvars` beside an Apache configuration (APACHE_RUN_USER, APACHE_LOG_DIR...), read by
// running it with /bin/sh as apache2ctl does, with APACHE_CONFDIR set to `configRoot`. Empty when there is none.
QHash<QString, QString> apacheEnvvars(const QString& configRoot);
// The environment to run the installation's binary in: this process's, plus the envvars of an Apache root.
QProcessEnvironment serverProcessEnvironment(const ServerInstallation& installation);

// The effective configuration: for nginx the files as `nginx -T` prints them (the disk when it fails), for Apache
// the files on the disk with the envvars' variables.
ConfigGraph effectiveConfigGraph(const ServerInstallation& installation);

// Sets siteDir, enabledDir, needsIncludeLine from the include graph: the layout's usual directory when the
// configuration reads it, else another directory it reads for sites; when none, a directory of our own beside the
// main configuration with needsIncludeLine set. A graph of no file (unreadable) keeps the layout's directories.
void placeSite(ServerInstallation& installation, const ConfigGraph& graph);
// The same with `isDirectory` answering for the machine looked at (a server reached through a shell).
void placeSite(ServerInstallation& installation, const ConfigGraph& graph,
               const std::function<bool(const QString&)>& directoryExists);

// The reason an installation cannot be handled here (its server runs in a container that manages it, as 1Panel's
// OpenResty does); empty when it can.
QString containerManagedReason(const ServerInstallation& installation);

// For apply, when the main configuration reads no directory for sites (needsIncludeLine): an Error with the exact
// line to add, or with `addInclude` the change that adds it to the main configuration (backed up and put back by
// rollback like every other change).
Result<ApplyChange> includeLineChange(const ServerInstallation& installation, bool addInclude);

// For apply on Apache: fills the request's apacheExisting* from the effective configuration (files named
// `fileName`, ours, left out). An explicit address of ours among virtual hosts on "*" of the same port would take
// every connection to that address away from them: an Error, or with `force` a warning (VHOST_SHADOWS_SITES).
Status placeApacheAddresses(const ServerInstallation& installation, const QString& fileName, bool force,
                            ServerConfigRequest& config, Findings& findings);

} // namespace mtls
