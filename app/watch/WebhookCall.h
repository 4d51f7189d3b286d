#pragma once

// One line of the webhook access log (see server/WebhookLog.h), read without trusting it, and the verdict on it.

#include "core/Finding.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace mtls {

// A line longer than this is not a call of ours: it is skipped.
inline constexpr qsizetype kMaxWebhookLogLine = 16 * 1024;

struct WebhookCall
{
    QString time, client, sni, verify, subject, issuer, method, path;
    QString sdkAppid, callbackCommand, requestTime; // from the query string (never the Sign)
    int status = 0; // 0: not a number
    qint64 durationMs = -1; // nginx: upstream time; Apache: the whole request; -1: unknown
    qint64 bytes = -1;
    bool refusedInHandshake = false; // Apache: from the error log, no request was read (see HandshakeRefusals.h)
};

// Parses one line (without its line end). nginx escape=json and Apache's \xHH escapes are both understood; any
// other shape (not one flat JSON object, binary junk, a line over kMaxWebhookLogLine, no "verify" field) is
// nullopt.
std::optional<WebhookCall> parseWebhookLogLine(QByteArrayView line);

// Chat gives up after about 2 s.
inline constexpr qint64 kChatTimeoutMs = 2000;

// The verdict: CALL_OK (info) for a verified call answered 200 in time; otherwise an error: CALL_NO_CLIENT_CERT,
// CALL_CERT_FAILED, CALL_NOT_VERIFIED, CALL_APP_STATUS, CALL_APP_SLOW.
Finding judgeWebhookCall(const WebhookCall& call);

// {"time", "client", "sni", "verify", "subject", "issuer", "method", "path", "sdk_appid", "callback_command",
//  "request_time", "status", "duration_ms", "bytes", "refused_in_handshake", "ok", "verdict", "finding"}
QJsonObject webhookCallToJson(const WebhookCall& call, const Finding& verdict);

} // namespace mtls
