#pragma once

// Internal to app/server: the two writers behind generateServerConfig().

#include "ConfigSyntax.h"
#include "ServerConfigRequest.h"
#include "core/Result.h"

namespace mtls::detail {

// A request whose values were checked (domain, path, upstream). Paths are still raw: each writer quotes them.
struct CheckedRequest
{
    ServerConfigRequest request;
    QString domain;
    QString webhookPath;
    configsyntax::UpstreamUrl upstream;
    QList<ListenAddress> listen;
    QString producedBy;
    QString accessLogPath; // the webhook access log (raw: each writer quotes it)
};

// The comment block at the top of both files.
QString headerComment(const CheckedRequest& checked, const QString& serverNote);

Result<QString> writeNginxConfig(const CheckedRequest& checked);
// The directives of nginx's webhook location that pass a call on to the application with the verification headers
// (one directive a line, without indentation); the merge mode writes the same.
QStringList nginxProxyDirectives(const configsyntax::UpstreamUrl& upstream);
Result<QString> writeApacheConfig(const CheckedRequest& checked);
// Apache RequestHeader lines that pass the verification result and the caller's certificate to the application.
QStringList apacheClientHeaderLines();
// Whether Apache of `version` needs SSLCertificateChainFile (before 2.4.8); a null version is current.
bool apacheNeedsChainFile(const QVersionNumber& version);

} // namespace mtls::detail
