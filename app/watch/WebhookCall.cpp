#include "WebhookCall.h"

#include "core/TextJoin.h"

#include <QCoreApplication>
#include <QHash>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::WebhookCall)
};

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// A small reader for one flat JSON object of strings and numbers, with Apache's extra escapes (\xHH, \v).
class FlatObjectReader
{
public:
    explicit FlatObjectReader(QByteArrayView text)
        : m_text(text)
    {
    }

    std::optional<QHash<QString, QString>> read()
    {
        QHash<QString, QString> values;
        skipSpace();
        if (!take('{'))
            return std::nullopt;
        skipSpace();
        if (take('}'))
            return finished(values);
        while (true) {
            skipSpace();
            auto key = string();
            if (!key)
                return std::nullopt;
            skipSpace();
            if (!take(':'))
                return std::nullopt;
            skipSpace();
            std::optional<QString> value = peek() == '"' ? string() : bare();
            if (!value || values.size() >= 64)
                return std::nullopt;
            values.insert(*key, *value);
            skipSpace();
            if (take(','))
                continue;
            if (take('}'))
                return finished(values);
            return std::nullopt;
        }
    }

private:
    std::optional<QHash<QString, QString>> finished(const QHash<QString, QString>& values)
    {
        skipSpace();
        if (m_pos != m_text.size())
            return std::nullopt;
        return values;
    }

    char peek() const { return m_pos < m_text.size() ? m_text.at(m_pos) : '\0'; }

    bool take(char c)
    {
        if (peek() != c || m_pos >= m_text.size())
            return false;
        ++m_pos;
        return true;
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && (peek() == ' ' || peek() == '\t' || peek() == '\r'))
            ++m_pos;
    }

    std::optional<QString> bare()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()) {
            const char c = peek();
            if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
                  || (c >= 'a' && c <= 'z')))
                break;
            ++m_pos;
        }
        if (m_pos == start)
            return std::nullopt;
        return QString::fromLatin1(m_text.sliced(start, m_pos - start));
    }

    std::optional<QString> string()
    {
        if (!take('"'))
            return std::nullopt;
        QByteArray bytes;
        while (m_pos < m_text.size()) {
            const char c = m_text.at(m_pos++);
            if (c == '"')
                return QString::fromUtf8(bytes);
            if (static_cast<unsigned char>(c) < 0x20)
                return std::nullopt;
            if (c != '\\') {
                bytes += c;
                continue;
            }
            if (m_pos >= m_text.size())
                return std::nullopt;
            const char e = m_text.at(m_pos++);
            switch (e) {
            case '"':
            case '\\':
            case '/':
                bytes += e;
                break;
            case 'b':
                bytes += '\b';
                break;
            case 'f':
                bytes += '\f';
                break;
            case 'n':
                bytes += '\n';
                break;
            case 'r':
                bytes += '\r';
                break;
            case 't':
                bytes += '\t';
                break;
            case 'v':
                bytes += '\v';
                break;
            case 'x': {
                if (m_pos + 2 > m_text.size())
                    return std::nullopt;
                const int high = hexValue(m_text.at(m_pos)), low = hexValue(m_text.at(m_pos + 1));
                if (high < 0 || low < 0)
                    return std::nullopt;
                bytes += char(high * 16 + low);
                m_pos += 2;
                break;
            }
            case 'u': {
                if (m_pos + 4 > m_text.size())
                    return std::nullopt;
                int code = 0;
                for (int k = 0; k < 4; ++k) {
                    const int v = hexValue(m_text.at(m_pos + k));
                    if (v < 0)
                        return std::nullopt;
                    code = code * 16 + v;
                }
                m_pos += 4;
                bytes += QString(QChar(char16_t(code))).toUtf8();
                break;
            }
            default:
                return std::nullopt;
            }
        }
        return std::nullopt;
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

// "-" and "" are what the servers write for a missing value.
QString present(const QString& value)
{
    return value == QLatin1String("-") ? QString() : value;
}

qint64 number(const QString& value)
{
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    return ok && n >= 0 ? n : -1;
}

// nginx's upstream time: seconds with milliseconds, "0.012", or several ("0.001, 0.010") when it tried more than one.
qint64 secondsToMs(const QString& value)
{
    qint64 total = -1;
    for (const QString& part : value.split(QLatin1Char(','))) {
        bool ok = false;
        const double seconds = part.trimmed().toDouble(&ok);
        if (!ok || seconds < 0 || seconds > 1e7)
            continue;
        total = std::max<qint64>(total, 0) + qint64(seconds * 1000.0 + 0.5);
    }
    return total;
}

} // namespace

std::optional<WebhookCall> parseWebhookLogLine(QByteArrayView line)
{
    if (line.size() > kMaxWebhookLogLine)
        return std::nullopt;
    auto values = FlatObjectReader(line).read();
    if (!values || !values->contains(QStringLiteral("verify")))
        return std::nullopt;
    const auto v = [&](const char* key) { return present(values->value(QLatin1String(key))); };
    WebhookCall call;
    call.time = v("time");
    call.client = v("client");
    call.sni = v("sni");
    call.verify = v("verify");
    call.subject = v("subject");
    call.issuer = v("issuer");
    call.method = v("method");
    call.path = v("path");
    call.sdkAppid = v("sdk_appid");
    call.callbackCommand = v("callback_command");
    call.requestTime = v("request_time");
    const qint64 status = number(v("status"));
    call.status = status >= 100 && status <= 999 ? int(status) : 0;
    call.bytes = number(v("bytes"));
    if (values->contains(QStringLiteral("duration_ms")))
        call.durationMs = number(v("duration_ms"));
    else
        call.durationMs = secondsToMs(v("upstream_time"));
    return call;
}

Finding judgeWebhookCall(const WebhookCall& call)
{
    Finding f;
    f.severity = Severity::Error;
    if (call.verify == QLatin1String("NONE")) {
        f.code = QStringLiteral("CALL_NO_CLIENT_CERT");
        f.message = Text::tr("The caller sent no client certificate, so the call was refused.");
        f.hint = Text::tr("Is HTTPS mutual authentication switched on for the webhook in the Chat console? Does TLS "
                          "end at a load balancer in front of this server (it must then pass the client certificate "
                          "on, or check it itself)?");
        return f;
    }
    if (call.verify.startsWith(QLatin1String("FAILED"))) {
        f.code = QStringLiteral("CALL_CERT_FAILED");
        const QString reason = call.verify.section(QLatin1Char(':'), 1).trimmed();
        f.message = Text::tr("The caller's client certificate failed verification (%1), so the call was refused.")
                        .arg(reason.isEmpty() ? call.verify : reason);
        f.hint = Text::tr("Check that the server trusts the Chat client CA (TencentQQAuthCA.crt) and no other file; "
                          "if the certificate has expired, download the current one from the Chat documentation.");
        return f;
    }
    if (call.verify != QLatin1String("SUCCESS")) {
        f.code = QStringLiteral("CALL_NOT_VERIFIED");
        f.message = Text::tr("The server did not verify a client certificate for this call.");
        f.hint = Text::tr("Apply the configuration again: the webhook path must require a client certificate.");
        return f;
    }
    if (call.status != 200) {
        f.code = QStringLiteral("CALL_APP_STATUS");
        f.message = call.status
            ? Text::tr("The call was verified, but the answer was HTTP %1; Chat counts anything but 200 as a failure.")
                  .arg(call.status)
            : Text::tr("The call was verified, but the log holds no HTTP status for it.");
        f.hint
            = Text::tr("Look at the webhook application's own log, and try it with \"mtls-assistant-cli rehearse\".");
        return f;
    }
    if (call.durationMs >= kChatTimeoutMs) {
        f.code = QStringLiteral("CALL_APP_SLOW");
        f.message = Text::tr("The webhook application took %1 to answer; Chat gives up after about 2 seconds.")
                        .arg(millisecondsText(call.durationMs));
        f.hint = Text::tr("Answer Chat at once and do the slow work afterwards.");
        return f;
    }
    f.severity = Severity::Info;
    f.code = QStringLiteral("CALL_OK");
    f.message = Text::tr("A verified Chat call, answered with HTTP 200.");
    return f;
}

QJsonObject webhookCallToJson(const WebhookCall& call, const Finding& verdict)
{
    return QJsonObject {{QStringLiteral("time"), call.time},
                        {QStringLiteral("client"), call.client},
                        {QStringLiteral("sni"), call.sni},
                        {QStringLiteral("verify"), call.verify},
                        {QStringLiteral("subject"), call.subject},
                        {QStringLiteral("issuer"), call.issuer},
                        {QStringLiteral("method"), call.method},
                        {QStringLiteral("path"), call.path},
                        {QStringLiteral("sdk_appid"), call.sdkAppid},
                        {QStringLiteral("callback_command"), call.callbackCommand},
                        {QStringLiteral("request_time"), call.requestTime},
                        {QStringLiteral("status"), call.status},
                        {QStringLiteral("duration_ms"), call.durationMs},
                        {QStringLiteral("bytes"), call.bytes},
                        {QStringLiteral("refused_in_handshake"), call.refusedInHandshake},
                        {QStringLiteral("ok"), verdict.severity != Severity::Error},
                        {QStringLiteral("verdict"), verdict.code},
                        {QStringLiteral("finding"), verdict.toJson()}};
}

} // namespace mtls
