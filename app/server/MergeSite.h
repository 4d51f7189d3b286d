#pragma once

// The site that already answers the webhook's name on an installation of this machine, and the merge mode's plan
// for it: read from the server's configuration (NginxConfigParser), chosen as the server chooses (NginxSites),
// checked (its own certificate covers the name and reaches a public root; client verification not set otherwise;
// no location of the user's owns the path) and edited (NginxMerge; for Apache, ApacheMergeSite).

#include "ServerConfigRequest.h"
#include "ServerDiscovery.h"
#include "ServerFiles.h"
#include "core/Finding.h"
#include "core/Result.h"
#include "pki/Certificate.h"

#include <optional>

namespace mtls {

// How apply sets the webhook up (CLI --mode).
enum class SetupMode {
    Auto, // dedicated when no site answers the name on the port; refused (MODE_CHOICE_NEEDED) when one does
    Dedicated, // a server block / virtual host of its own for the name
    Merge, // client certificates on the webhook path only, inside the site that answers the name
};
QString setupModeName(SetupMode mode); // "auto", "dedicated", "merge" (stable)
std::optional<SetupMode> setupModeFromName(const QString& name);

// The server block that answers `domain` on the request's listen addresses.
struct AnsweringSite
{
    QString file; // the file that holds it, links resolved
    int line = 0;
    int ordinal = 0; // NginxSites' Server::ordinal
    QString match; // how it was chosen: "exact", "leading_wildcard", ... (NginxSites' matchKindName)
    QString pattern; // the server_name that matched
    QList<ListenAddress> listen; // the request's addresses where it answers
    QStringList certificates; // its ssl_certificate files (resolved)
    bool byName() const;
    QString where() const; // "file:line"
};

// The site nginx picks for `domain` on each of `listen` (every address where one answers), from the configuration on
// the disk (or in `files`). nullopt: nothing listens there. An Error when the configuration cannot be read.
Result<std::optional<AnsweringSite>> findAnsweringSite(const ServerInstallation& installation, const QString& domain,
                                                       const QList<ListenAddress>& listen);
Result<std::optional<AnsweringSite>> findAnsweringSite(const ServerInstallation& installation, const QString& domain,
                                                       const QList<ListenAddress>& listen, const ServerFiles& files);

struct MergePlan
{
    AnsweringSite site;
    QByteArray before; // the file's text now
    QByteArray after; // with the merge (equal to `before` when a previous apply already made it)
    QString location; // "location = /im/callback"
    QString siteLeafSha256; // the certificate the site presents (it must still after the apply)
    Certificate siteLeaf; // that certificate
    int mode = 0644; // the file's mode, owner and group, kept by the edit
    int uid = -1;
    int gid = -1;
};

struct MergeRequest
{
    QString domain;
    QList<ListenAddress> listen; // empty: defaultListen()
    QString clientCaPath; // where apply installs the Chat client CA
    ServerConfigRequest config; // webhook path, upstream, verify depth
    bool replaceLocation = false;
    QString trustRootsPath; // the roots the site's certificate must reach; empty: the system's
};

// The merge request for a site configuration (its name, listen addresses, client CA path, webhook path, upstream).
MergeRequest mergeRequestOf(const ServerConfigRequest& config, bool replaceLocation, const QString& trustRootsPath);

// Everything the merge mode checks and edits before any change. Refusals are Errors with an error finding:
// MERGE_NO_SITE, MERGE_SITE_OUTSIDE_CONFIGURATION, MERGE_SITE_CERTIFICATE,
// MERGE_CLIENT_VERIFICATION, MERGE_LOCATION_EXISTS, MERGE_PATH_IS_ROOT.
// The files are read from this machine's disk, or through `files` (a server reached over SSH).
Result<MergePlan> planMerge(const ServerInstallation& installation, const MergeRequest& request);
Result<MergePlan> planMerge(const ServerInstallation& installation, const MergeRequest& request,
                            const ServerFiles& files);

// MODE_CHOICE_NEEDED (error) for an apply without a mode where `site` answers the name: explains both modes.
Finding modeChoiceFinding(const AnsweringSite& site, const QString& domain);

} // namespace mtls
