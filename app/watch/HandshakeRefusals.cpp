#include "HandshakeRefusals.h"

#include <QDateTime>
#include <QRegularExpression>

namespace mtls {

namespace {

// Entries kept while waiting for the rest of a refusal: a flood of failed handshakes must not grow memory.
constexpr qsizetype kMaxPending = 256;

struct ErrorLine
{
    QString time, thread, client, message;
};

std::optional<ErrorLine> splitLine(const QString& text)
{
    // [time] [module:level] [pid P:tid T] [client ADDR:PORT] message; the client field only on connection messages.
    static const QRegularExpression line(
        QStringLiteral(R"(^\[([^\]]*)\] \[[^\]]*\] (?:\[pid ([^\]]*)\] )?(?:\[client ([^\]]*)\] )?(.*)$)"));
    const auto m = line.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return ErrorLine {m.captured(1), m.captured(2), m.captured(3), m.captured(4)};
}

// "127.0.0.1:44716" -> "127.0.0.1", "::1:44716" -> "::1".
QString addressOf(const QString& client)
{
    const qsizetype colon = client.lastIndexOf(QLatin1Char(':'));
    return colon > 0 ? client.left(colon) : client;
}

template <typename T>
void keepBounded(QHash<QString, T>& hash)
{
    if (hash.size() >= kMaxPending)
        hash.clear();
}

} // namespace

QString apacheErrorLogTime(const QString& text)
{
    static const QRegularExpression time(
        QStringLiteral(R"(^\w{3} (\w{3}) +(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.\d+)? (\d{4})$)"));
    const auto m = time.match(text);
    static const QStringList months {QStringLiteral("Jan"), QStringLiteral("Feb"), QStringLiteral("Mar"),
                                     QStringLiteral("Apr"), QStringLiteral("May"), QStringLiteral("Jun"),
                                     QStringLiteral("Jul"), QStringLiteral("Aug"), QStringLiteral("Sep"),
                                     QStringLiteral("Oct"), QStringLiteral("Nov"), QStringLiteral("Dec")};
    const qsizetype month = m.hasMatch() ? months.indexOf(m.captured(1)) : -1;
    if (month < 0)
        return text;
    const QDateTime local(QDate(m.captured(6).toInt(), int(month) + 1, m.captured(2).toInt()),
                          QTime(m.captured(3).toInt(), m.captured(4).toInt(), m.captured(5).toInt()));
    if (!local.isValid())
        return text;
    const int offset = local.offsetFromUtc() / 60;
    return local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
        + QStringLiteral("%1%2%3")
              .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
              .arg(std::abs(offset) / 60, 2, 10, QLatin1Char('0'))
              .arg(std::abs(offset) % 60, 2, 10, QLatin1Char('0'));
}

std::optional<WebhookCall> HandshakeRefusalReader::take(QByteArrayView bytes)
{
    if (bytes.size() > kMaxWebhookLogLine)
        return std::nullopt;
    const auto line = splitLine(QString::fromUtf8(bytes));
    if (!line)
        return std::nullopt;
    const QString& message = line->message;

    // A certificate that failed verification: the reason, and (AH02276, level info) whose certificate it was.
    static const QRegularExpression verification(QStringLiteral(
        R"(^AH0(?:2276|2039): Certificate Verification: Error \(\d+\): (.*?)(?: \[subject: (.*) / issuer: (.*) / serial: .*\])?$)"));
    if (const auto m = verification.match(message); m.hasMatch() && !line->client.isEmpty()) {
        keepBounded(m_verifications);
        m_verifications.insert(line->client, {m.captured(1).trimmed(), m.captured(2), m.captured(3)});
        return std::nullopt;
    }
    if (message.startsWith(QLatin1String("AH02008: SSL library error"))
        && message.contains(QLatin1String("handshake"))) {
        keepBounded(m_failures);
        m_failures.insert(line->thread, {line->time, line->client});
        return std::nullopt;
    }
    if (!message.startsWith(QLatin1String("SSL Library Error:")))
        return std::nullopt;
    const auto failure = m_failures.find(line->thread);
    if (failure == m_failures.end())
        return std::nullopt;
    const Failure failed = failure.value();
    m_failures.erase(failure);
    const Verification verified = m_verifications.take(failed.client);

    WebhookCall call;
    call.time = apacheErrorLogTime(failed.time);
    call.client = addressOf(failed.client);
    call.refusedInHandshake = true;
    if (message.contains(QLatin1String("peer did not return a certificate"))) {
        call.verify = QStringLiteral("NONE");
    } else if (message.contains(QLatin1String("certificate verify failed"))) {
        call.verify = QStringLiteral("FAILED:")
            + (verified.reason.isEmpty() ? QStringLiteral("certificate verify failed") : verified.reason);
        call.subject = verified.subject;
        call.issuer = verified.issuer;
    } else {
        return std::nullopt; // another handshake failure (no shared cipher, plain HTTP, a scanner): not a call
    }
    return call;
}

} // namespace mtls
