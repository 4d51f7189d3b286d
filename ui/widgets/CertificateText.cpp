#include "CertificateText.h"

#include "PlainText.h"
#include "core/TextJoin.h"

#include <QCoreApplication>

namespace mtls::ui {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ui::CertificateText)
};
} // namespace

QString daysLeftText(qint64 days)
{
    if (days < 0)
        return Text::tr("expired %n day(s) ago", nullptr, static_cast<int>(-days));
    return Text::tr("%n day(s) left", nullptr, static_cast<int>(days));
}

QString validityText(const QDateTime& notBefore, const QDateTime& notAfter)
{
    const QString format = QStringLiteral("yyyy-MM-dd");
    const qint64 seconds = QDateTime::currentDateTimeUtc().secsTo(notAfter);
    const qint64 days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
    return Text::tr("%1 to %2 (%3)").arg(notBefore.toString(format), notAfter.toString(format), daysLeftText(days));
}

QString certificateSummary(const Certificate& c)
{
    if (c.isNull())
        return QString();
    QStringList lines;
    lines << Text::tr("Certificate: %1").arg(shownText(c.subject()));
    lines << Text::tr("Issued by: %1").arg(shownText(c.issuer()));
    const QStringList names = c.dnsNames() + c.ipAddresses();
    if (!names.isEmpty())
        lines << Text::tr("Names: %1").arg(shownText(joinList(names)));
    lines << Text::tr("Valid: %1").arg(validityText(c.notBefore(), c.notAfter()));
    lines << Text::tr("Key: %1").arg(c.keyDescription());
    lines << Text::tr("SHA-256: %1").arg(c.sha256Fingerprint());
    return lines.join(QLatin1Char('\n'));
}

} // namespace mtls::ui
