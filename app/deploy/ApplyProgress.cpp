#include "ApplyProgress.h"

namespace mtls {

QString applyProgressKindName(ApplyProgress::Kind kind)
{
    switch (kind) {
    case ApplyProgress::Kind::Recovered:
        return QStringLiteral("recovered");
    case ApplyProgress::Kind::BackedUp:
        return QStringLiteral("backed_up");
    case ApplyProgress::Kind::DirectoryMade:
        return QStringLiteral("directory_made");
    case ApplyProgress::Kind::Written:
        return QStringLiteral("written");
    case ApplyProgress::Kind::Tested:
        return QStringLiteral("tested");
    case ApplyProgress::Kind::Reloaded:
        return QStringLiteral("reloaded");
    case ApplyProgress::Kind::Failed:
        return QStringLiteral("failed");
    case ApplyProgress::Kind::RollingBack:
        return QStringLiteral("rolling_back");
    case ApplyProgress::Kind::Restored:
        return QStringLiteral("restored");
    case ApplyProgress::Kind::DirectoryRemoved:
        return QStringLiteral("directory_removed");
    case ApplyProgress::Kind::RolledBack:
        return QStringLiteral("rolled_back");
    case ApplyProgress::Kind::Verified:
        return QStringLiteral("verified");
    case ApplyProgress::Kind::Remote:
        return QStringLiteral("remote");
    }
    return QString();
}

QJsonObject ApplyProgress::toJson() const
{
    return {{QStringLiteral("step"), applyProgressKindName(kind)},
            {QStringLiteral("path"), path},
            {QStringLiteral("text"), text}};
}

std::optional<ApplyProgress> ApplyProgress::fromJson(const QJsonObject& object)
{
    const QString name = object.value(QLatin1String("step")).toString();
    for (int k = int(Kind::Recovered); k <= int(Kind::Remote); ++k) {
        if (applyProgressKindName(Kind(k)) == name)
            return ApplyProgress {Kind(k), object.value(QLatin1String("path")).toString(),
                                  object.value(QLatin1String("text")).toString()};
    }
    return std::nullopt;
}

} // namespace mtls
