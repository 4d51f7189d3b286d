#pragma once

// The merge edit for nginx: client certificates on the webhook path only, inside the server {} that already answers
// the webhook's name (a website set up by certbot or a hosting panel). Pure functions on the file's text: the lines
// added each carry a comment naming the assistant, every other byte of the file stays, and applying the edit to
// its own output changes nothing.

#include "ConfigSyntax.h"
#include "NginxSites.h"
#include "core/Finding.h"

namespace mtls::nginxconf {

// The comment at the end of every line the merge adds (how a later apply finds and replaces them).
inline constexpr char kMergeMarker[] = "# added by mTLS Assistant";

struct MergeParams
{
    QString clientCaPath; // the Chat client CA file, where apply installs it
    int verifyDepth = 2;
    QString webhookPath; // normalized; not "/"
    configsyntax::UpstreamUrl upstream;
    bool replaceLocation = false; // take out a location the user wrote for the same path
    QString domain; // names the webhook log's format
    QString accessLogPath; // the webhook access log (calls to the webhook path only); empty: none
};

struct MergeEdit
{
    QByteArray text; // the whole file after the edit
    bool changed = false;
    QString location; // "location = /im/callback" or "location ^~ /im/"
    int replacedLocationLine = 0; // the line of the user's location taken out (replaceLocation), else 0
};

// "= /path" for a path that names one resource, "^~ /path/" for a path that ends with "/" (everything below it,
// before any regular expression location).
QString mergeLocationMatch(const QString& webhookPath);

// A directive that applies to the server block without being written in its file's block: inherited from http {},
// or read from a file the block includes (certbot's options-ssl-nginx.conf), which counts as the block's own.
struct OutsideDirective
{
    const Directive* directive = nullptr;
    QString file; // empty: http {}
};

// Edits server number `ordinal` (Server::ordinal) of `fileText`. `outside` are the directives of http {} and of the
// files the block includes (client verification set there counts; an ssl_verify_depth already set is kept). Refused (an
// Error whose findings say why and what to do): MERGE_CLIENT_VERIFICATION when client verification is already set
// otherwise, MERGE_LOCATION_EXISTS when a location already owns the path (unless replaceLocation), MERGE_PATH_IS_ROOT
// for the path "/". `fileName` names the file in the messages.
Result<MergeEdit> mergeWebhook(const QByteArray& fileText, int ordinal, const QList<OutsideDirective>& outside,
                               const MergeParams& params, const QString& fileName);

// `fileText` without the lines a merge added (every line that ends with kMergeMarker).
QByteArray withoutMergedLines(const QByteArray& fileText);

} // namespace mtls::nginxconf
