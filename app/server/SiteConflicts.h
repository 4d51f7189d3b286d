#pragma once

#include "ServerDiscovery.h"
#include "core/Finding.h"

#include <QList>
#include <QString>

namespace mtls {

// A server block (nginx) or virtual host (Apache) of the effective configuration.
struct VirtualSite
{
    QString file;
    int line = 0;
    QStringList names; // server_name / ServerName + ServerAlias, lower-case
    QList<quint16> ports; // the ports it listens on
};

// Reads `nginx -T` output: every `server {}` block with its server_name and listen ports (80 when none).
QList<VirtualSite> parseNginxDump(const QString& dump);
// Reads `apachectl -S` output: every virtual host with its name, aliases and port.
QList<VirtualSite> parseApacheVirtualHosts(const QString& output);

// SERVER_NAME_CONFLICT (warning) for each site other than `ourFile` that answers `domain` on one of `ports`:
// the server would pick one of the two and Chat might never reach ours.
Findings siteConflictFindings(const QList<VirtualSite>& sites, const QString& domain, const QList<quint16>& ports,
                              const QString& ourFile);

// Runs `nginx -T` / `apache2 -S` for the installation and returns the findings above. An Error when the binary
// cannot show its configuration (the output is in the detail).
Result<Findings> findSiteConflicts(const ServerInstallation& installation, const QString& domain,
                                   const QList<quint16>& ports, const QString& ourFile);

} // namespace mtls
