#pragma once

// The merge mode's Apache side, behind MergeSite: the virtual host Apache picks for the webhook's name (from
// `apache2ctl -S`, ApacheVirtualHosts), its certificates (ApacheConfigParser), the edit (ApacheSiteMerge), and the
// check of the effective configuration after the reload.

#include "MergeSite.h"

namespace mtls {

// The virtual host that answers `domain` on each of `listen` (every address where one answers). nullopt: no virtual
// host listens there. An Error when Apache cannot show its virtual hosts.
Result<std::optional<AnsweringSite>> findAnsweringApacheSite(const ServerInstallation& installation,
                                                             const QString& domain, const QList<ListenAddress>& listen,
                                                             const ServerFiles& files);

// Fills plan.after (and plan.location) for `plan.site`, whose file's text is plan.before. Refused with an Error whose
// findings say why (MERGE_CLIENT_VERIFICATION, MERGE_LOCATION_EXISTS) or when the file cannot be parsed.
Status planApacheMergeEdit(const ServerInstallation& installation, const MergeRequest& request, MergePlan& plan,
                           const ServerFiles& files);

// After the reload: Apache's own account of its virtual hosts (`apache2ctl -S` output) picks `siteFile`'s host for
// `domain` on each of `listen`, and that host holds the assistant's block.
Status checkApacheMergeApplied(const QString& dump, const QString& domain, const QList<ListenAddress>& listen,
                               const QString& siteFile);

} // namespace mtls
