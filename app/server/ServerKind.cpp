#include "ServerKind.h"

namespace mtls {

QString serverKindName(ServerKind kind)
{
    return kind == ServerKind::Nginx ? QStringLiteral("nginx") : QStringLiteral("apache");
}

std::optional<ServerKind> serverKindFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("nginx"))
        return ServerKind::Nginx;
    if (n == QLatin1String("apache") || n == QLatin1String("apache2") || n == QLatin1String("httpd"))
        return ServerKind::Apache;
    return std::nullopt;
}

QString serverKindDisplayName(ServerKind kind)
{
    return kind == ServerKind::Nginx ? QStringLiteral("Nginx") : QStringLiteral("Apache");
}

} // namespace mtls
