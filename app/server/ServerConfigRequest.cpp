#include "ServerConfigRequest.h"

#include <QHostAddress>

namespace mtls {

QString ListenAddress::toString() const
{
    return (isIpv6() ? QStringLiteral("[%1]").arg(host) : host) + QLatin1Char(':') + QString::number(port);
}

QList<ListenAddress> defaultListen(quint16 port)
{
    return {ListenAddress {QStringLiteral("0.0.0.0"), port}, ListenAddress {QStringLiteral("::"), port}};
}

QList<ListenAddress> parseListen(const QString& input)
{
    const QString text = input.trimmed();
    bool ok = false;
    const uint bare = text.toUInt(&ok);
    if (ok)
        return bare >= 1 && bare <= 65535 ? defaultListen(quint16(bare)) : QList<ListenAddress>();

    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return {};
    QString host = text.left(colon);
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return {};
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(QLatin1Char(':')))
        return {}; // an IPv6 address needs brackets
    if (host == QLatin1String("*"))
        return {ListenAddress {host, quint16(port)}};
    QHostAddress address;
    if (!address.setAddress(host) || !address.scopeId().isEmpty())
        return {};
    return {ListenAddress {address.toString(), quint16(port)}};
}

} // namespace mtls
