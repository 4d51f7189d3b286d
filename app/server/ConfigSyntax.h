#pragma once

#include "core/Result.h"

#include <QString>

// Checks and quoting of every value that goes into a server configuration. Values are checked against what
// each server's syntax can carry safely; what cannot be written safely is refused with an Error that says
// which value and why, so nothing a user types can add a directive.
namespace mtls::configsyntax {

// A DNS host name: letters, digits and hyphens in labels of at most 63 characters, 253 in all, no leading or
// trailing hyphen. Non-ASCII names become their ASCII (punycode) form; the result is lower-case without a
// trailing dot. Wildcards, IP addresses, spaces and punctuation are refused.
Result<QString> normalizeDomain(const QString& domain);

// The webhook path: starts with "/", only ASCII letters, digits and - . _ ~ / : @ ! , + =, no empty, "." or
// ".." segment, no query. "" becomes "/".
Result<QString> normalizeWebhookPath(const QString& path);

// The URL of the webhook application: http or https, a host name or IP address, an optional port and path
// (same characters as the webhook path), nothing else (no user, query or fragment).
struct UpstreamUrl
{
    QString scheme; // "http" or "https"
    QString host; // without brackets
    int port = -1; // -1: the scheme's default
    QString path; // may be empty

    QString authority() const; // "127.0.0.1:8080", "[::1]:8080"
    QString toString() const; // scheme://authority + path
    // The URL a call to the webhook path reaches: this URL, with the webhook path when it names no path of its own,
    // keeping a trailing "/" on both or neither (what the generated proxy configuration does).
    QString targetFor(const QString& webhookPath) const;
};
Result<UpstreamUrl> parseUpstreamUrl(const QString& url);

// A value as one double-quoted nginx token: `"` and `\` are escaped; `$` (nginx would read a variable),
// control characters and empty values are refused. `what` names the value in the Error ("certificate path").
Result<QString> quoteNginx(const QString& value, const QString& what);
// A value as one double-quoted Apache argument: `"` is escaped; `\`, "${" (Apache would expand a variable),
// control characters and empty values are refused.
Result<QString> quoteApache(const QString& value, const QString& what);

} // namespace mtls::configsyntax
