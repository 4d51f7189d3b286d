#pragma once

// A rehearsal of the webhook application: realistic Chat callbacks sent straight to the application's own address
// (behind nginx or Apache, where no client certificate is needed), judged the way Chat judges the answers: HTTP 200
// within 2 seconds with the JSON {"ActionStatus":"OK","ErrorCode":0}. With the webhook token, it also checks that the
// application checks the signature: a call with a wrong Sign, and one whose RequestTime is older than a minute,
// must be turned down.

#include "core/Finding.h"
#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mtls {

struct RehearsalOptions
{
    QString upstreamUrl; // the application, as in the server configuration: http(s)://host[:port][/path]
    QString webhookPath = QStringLiteral("/im/callback"); // the path of the webhook URL (sent when the URL has none)
    QString sdkAppId = QStringLiteral("1400000000");
    QByteArray token; // the webhook authentication token; empty: no Sign, no signature checks
    int answerLimitMs = 2000; // Chat gives up after about 2 s
    QDateTime now; // the time the calls claim; invalid: the current time
    // Non-zero: the calls are sent to this port of 127.0.0.1 (an SSH port forward to the upstream on the server),
    // with the upstream's Host header (and, for https, its name verified); the report names the upstream.
    quint16 connectPort = 0;
};

struct RehearsalCall
{
    enum class Kind { Callback, WrongSign, StaleRequest };
    Kind kind = Kind::Callback;
    QString command; // CallbackCommand
    QString url; // with the query, Sign shown as "…"
    int status = 0; // 0: no HTTP answer
    qint64 elapsedMs = -1;
    QByteArray body; // the answer, at most 4 KB kept
    QString error; // transport failure, when there was no answer
    Findings findings; // what is wrong with this call's answer; empty: as Chat expects

    QJsonObject toJson() const;
};

struct RehearsalReport
{
    QString target; // the URL the calls went to, without the query
    QList<RehearsalCall> calls;
    Findings findings; // every call's findings, in order, and the summary ones

    bool ok() const { return !hasError(findings); }
    QJsonObject toJson() const;
};

// The callback bodies sent: State.StateChange, C2C.CallbackAfterSendMsg, Group.CallbackAfterSendMsg.
QStringList rehearsalCommands();
QByteArray rehearsalBody(const QString& command, const QDateTime& time);
// Sign for a token and a RequestTime: lower-case hex SHA-256 of the token followed by the time (Unix seconds).
QByteArray webhookSign(const QByteArray& token, qint64 requestTime);

// Checks the options (an Error that says which value is wrong), then sends every call in turn. Blocking, with its own
// event loop: run it from the command line or a worker thread, never the GUI thread.
Result<RehearsalReport> rehearseWebhook(const RehearsalOptions& options);

} // namespace mtls
