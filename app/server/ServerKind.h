#pragma once

#include <QString>

#include <optional>

namespace mtls {

// The web servers the assistant configures.
enum class ServerKind { Nginx, Apache };

// "nginx" / "apache": stable names, used on the command line and in JSON.
QString serverKindName(ServerKind kind);
std::optional<ServerKind> serverKindFromName(const QString& name);
// "Nginx" / "Apache" for messages.
QString serverKindDisplayName(ServerKind kind);

} // namespace mtls
