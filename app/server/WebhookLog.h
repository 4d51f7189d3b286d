#pragma once

// The webhook access log every generated configuration writes: one JSON object a line (the fields are listed in
// the README), in the folder where the server keeps its other logs so the usual log rotation takes it.

#include "ServerDiscovery.h"

#include <QStringList>

namespace mtls {

// Where the webhook log of `domain` goes for an installation: Debian /var/log/nginx|apache2, RHEL /var/log/httpd,
// BaoTa /www/wwwlogs, a throwaway or custom prefix <prefix>/logs. The file is "mtls-webhook-<domain>.log".
QString webhookLogPath(const ServerInstallation& installation, const QString& domain);
// On this machine: webhookLogPath() when its folder exists; otherwise (a layout whose log folder is elsewhere) the
// setup's own folder, <certDir>/<domain>/webhook.log, which apply makes and no log rotation knows.
QString installedWebhookLogPath(const ServerInstallation& installation, const QString& domain);
// The same for a server that is only described by its kind (the usual Debian folder).
QString defaultWebhookLogPath(ServerKind kind, const QString& domain);
// Apache: the error log of the webhook's virtual host, beside the access log ("mtls-webhook-<domain>-error.log"
// for "mtls-webhook-<domain>.log"): the callers refused during the TLS handshake are there only.
QString webhookErrorLogPath(const QString& accessLogPath);

namespace webhooklog {

// nginx: the log_format name for a domain ("mtls_webhook_www_example_com").
QString nginxFormatName(const QString& domain);
// nginx, http level: `log_format NAME escape=json '...';`.
QString nginxLogFormat(const QString& domain);
// nginx, http level: a map that is 1 for the webhook path (the server-level access_log logs it only).
QString nginxPathMap(const QString& domain, const QString& webhookPath);
// nginx: `access_log "PATH" NAME;`, with `if=$var` when `conditional` (server level, the map above).
QString nginxAccessLog(const QString& domain, const QString& logPath, bool conditional);

// Apache, in the virtual host: SetEnvIfExpr lines that keep the three query parameters (never Sign).
QStringList apacheQueryVariables();
// Apache: `CustomLog "PATH" "FORMAT" "expr=..."` limited to the webhook path.
QString apacheCustomLog(const QString& logPath, const QString& webhookPath);
// Apache, in the dedicated virtual host: its own ErrorLog (a quoted path) at the level where mod_ssl records why a
// handshake was refused (AH02008 and the library's reason; AH02276 with the certificate), and the usual format.
QStringList apacheErrorLog(const QString& quotedErrorLogPath);

} // namespace webhooklog

} // namespace mtls
