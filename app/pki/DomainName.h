#pragma once

#include "Certificate.h"
#include "core/Finding.h"

#include <QString>

namespace mtls {

// The host of what a user typed: a bare domain, or a URL such as "https://www.example.com/im/callback".
// Lower-cased, without a trailing dot.
QString hostFromInput(const QString& input);

// The webhook domain rules of the Chat guide: labels of a-z, 0-9 and hyphen, no hyphen at either end of a label,
// no double hyphen, each label at most 63 characters (the whole name at most 253). Empty when the name is valid,
// otherwise DOMAIN_INVALID findings that say what is wrong.
Findings validateWebhookDomain(const QString& domain);

// RFC 6125 matching of one certificate name (DNS SAN or CN) against a host: case-insensitive; a wildcard only as
// the whole left-most label ("*.example.com"), matching exactly one label, never a bare public suffix ("*.com").
bool hostMatchesPattern(const QString& host, const QString& pattern);

// Whether the certificate is valid for `host`: the DNS (or IP) subjectAltNames when there are any, else the CN.
bool certificateCoversHost(const Certificate& certificate, const QString& host);

} // namespace mtls
