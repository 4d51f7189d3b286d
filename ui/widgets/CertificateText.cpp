#include "CertificateText.h"

#include <QCoreApplication>

namespace mtls::ui {

namespace {
QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("mtls::ui::CertificateText", text, nullptr, n);
}
} // namespace

QString daysLeftText(qint64 days)
{
    if (days < 0)
        return tr("expired %n day(s) ago", static_cast<int>(-days));
    return tr("%n day(s) left", static_cast<int>(days));
}

QString validityText(const QDateTime& notBefore, const QDateTime& notAfter)
{
    const QString format = QStringLiteral("yyyy-MM-dd");
    const qint64 seconds = QDateTime::currentDateTimeUtc().secsTo(notAfter);
    const qint64 days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
    return tr("%1 to %2 (%3)").arg(notBefore.toString(format), notAfter.toString(format), daysLeftText(days));
}

QString certificateSummary(const Certificate& c)
{
    if (c.isNull())
        return QString();
    QStringList lines;
    lines << tr("Certificate: %1").arg(c.subject());
    lines << tr("Issued by: %1").arg(c.issuer());
    const QStringList names = c.dnsNames() + c.ipAddresses();
    if (!names.isEmpty())
        lines << tr("Names: %1").arg(names.join(QStringLiteral(", ")));
    lines << tr("Valid: %1").arg(validityText(c.notBefore(), c.notAfter()));
    lines << tr("Key: %1").arg(c.keyDescription());
    lines << tr("SHA-256: %1").arg(c.sha256Fingerprint());
    return lines.join(QLatin1Char('\n'));
}

} // namespace mtls::ui
