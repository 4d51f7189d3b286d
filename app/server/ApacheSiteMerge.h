#pragma once

// Merge mode on Apache: client certificates from Chat's CA asked for by an existing HTTPS virtual host, and required
// on the webhook path only, so the website on the same name keeps answering browsers as before.
//
// In the host: SSLCACertificateFile <Chat CA>, SSLVerifyClient optional (never optional_no_ca, which lets untrusted
// certificates through; never require inside <Location>, which needs a renegotiation that TLS 1.3 and HTTP/2 refuse),
// SSLVerifyDepth, and a <Location> for the webhook path that grants access only to a verified caller and proxies to
// the application with the verification headers. The lines go in one block just before </VirtualHost>, between a
// begin and an end comment naming the assistant (Apache has no comments at the end of a line); every other byte of
// the file stays as it was. Applying again replaces that block, so nothing is ever added twice.

#include "ApacheConfigParser.h"
#include "ConfigSyntax.h"
#include "core/Finding.h"
#include "core/Result.h"

namespace mtls {

struct ApacheMergeSpec
{
    QString clientCaPath; // the Chat client CA file apply installs
    int verifyDepth = 2;
    QString webhookPath; // normalized (configsyntax::normalizeWebhookPath)
    configsyntax::UpstreamUrl upstream;
    // An existing <Location>/<LocationMatch> or ProxyPass that owns the webhook path is turned into comments (kept
    // in the file, put back by rollback) instead of refusing the merge.
    bool replaceLocation = false;
    QString accessLogPath; // the webhook access log (calls to the webhook path only); empty: none
};

// Why the merge cannot go into `host` as it is, each a finding that names the file and line and says what to do:
// MERGE_CLIENT_VERIFICATION (the host already asks callers for certificates another way),
// MERGE_LOCATION_EXISTS (a <Location>, <LocationMatch> or ProxyPass already owns the webhook path; not with
// replaceLocation). `effective` is what applies in the host (apacheconf::effectiveDirectives); the assistant's own
// block does not count.
Findings apacheMergeConflicts(const apacheconf::File& file, const apacheconf::Directive& host,
                              const QList<apacheconf::Placed>& effective, const ApacheMergeSpec& spec);

// The new text of `file` with the block in `host` (replacing the block already there) and, with replaceLocation,
// the lines in `file` that owned the webhook path turned into comments. An Error when a value cannot be written
// safely.
Result<QByteArray> mergeIntoApacheHost(const apacheconf::File& file, const apacheconf::Directive& host,
                                       const QList<apacheconf::Placed>& effective, const ApacheMergeSpec& spec);

// Whether `host` holds the assistant's block.
bool hasApacheMergeBlock(const apacheconf::File& file, const apacheconf::Directive& host);

} // namespace mtls
