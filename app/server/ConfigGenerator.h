#pragma once

#include "ServerConfigRequest.h"
#include "core/Finding.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QStringList>

namespace mtls {

// A generated site configuration, ready to be tested, shown, applied or exported.
struct GeneratedConfig
{
    ServerKind server = ServerKind::Nginx;
    QString text; // the file's content (UTF-8 when written)
    QString fileName; // suggested file name: "mtls-assistant-<domain>.conf"
    QString domain; // normalized (lower-case, ASCII)
    QStringList apacheModules; // Apache: modules the file needs ("ssl", "headers", "proxy", "proxy_http")
    Findings findings; // about the configuration itself (LEGACY_TLS, ...)
    QString certificatePath, chainPath, keyPath, clientCaPath; // the paths the file refers to
    QString accessLogPath; // the webhook access log the file writes

    // {"server", "domain", "file_name", "tls_profile", "config", "paths": {...}, "modules", "findings"}
    QJsonObject toJson() const;
};

// Writes the Chat guide's HTTPS two-way authentication for `request.server`: a `server {}` block for nginx's
// http context, or a `<VirtualHost>` for Apache. Every value is checked and quoted for that server's syntax;
// what cannot be written safely is an Error naming the value. Pure: reads no file, runs nothing.
Result<GeneratedConfig> generateServerConfig(const ServerConfigRequest& request);

} // namespace mtls
