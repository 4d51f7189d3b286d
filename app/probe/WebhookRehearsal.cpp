#include "WebhookRehearsal.h"

#include "server/ConfigSyntax.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::WebhookRehearsal)
};

constexpr qsizetype kKeptBody = 4096;
constexpr qint64 kMaxBody = 1024 * 1024; // an answer larger than this is cut off
constexpr int kGraceMs = 1000; // how long past the limit a late answer is still awaited, to say how late it was
constexpr qint64 kStaleSeconds = 120; // Chat's calls older than a minute should be turned down

Finding make(const QString& code, Severity severity, const QString& message, const QString& hint,
             const QString& subject = QString())
{
    return Finding {code, severity, message, hint, subject};
}

QString kindName(RehearsalCall::Kind kind)
{
    switch (kind) {
    case RehearsalCall::Kind::WrongSign:
        return QStringLiteral("wrong-sign");
    case RehearsalCall::Kind::StaleRequest:
        return QStringLiteral("stale-request");
    case RehearsalCall::Kind::Callback:
        break;
    }
    return QStringLiteral("callback");
}

// Whether an answer is what Chat takes as success: 200 and {"ActionStatus":"OK","ErrorCode":0}.
bool acceptedByChat(int status, const QByteArray& body)
{
    if (status != 200)
        return false;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    return json.value(QLatin1String("ActionStatus")).toString() == QLatin1String("OK")
        && json.value(QLatin1String("ErrorCode")).isDouble() && json.value(QLatin1String("ErrorCode")).toInt() == 0;
}

struct Sent
{
    int status = 0;
    qint64 elapsedMs = -1;
    QByteArray body;
    QString error;
    bool timedOut = false;
};

// `named`: the URL the call stands for when it is sent elsewhere (`url`, a forwarded port); empty: `url`.
Sent post(QNetworkAccessManager& manager, const QUrl& url, const QByteArray& body, int waitMs, const QUrl& named)
{
    QNetworkRequest request(url);
    if (!named.isEmpty()) {
        request.setRawHeader("Host", named.authority(QUrl::FullyEncoded).toUtf8());
        request.setPeerVerifyName(named.host());
    }
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("mtls-assistant rehearsal"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(waitMs);
    QElapsedTimer clock;
    clock.start();
    QNetworkReply* reply = manager.post(request, body);
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [reply](qint64 received, qint64) {
        if (received > kMaxBody)
            reply->abort();
    });
    deadline.start(waitMs);
    if (!reply->isFinished())
        loop.exec();
    Sent sent;
    sent.elapsedMs = clock.elapsed();
    sent.timedOut = timedOut;
    sent.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    sent.body = reply->read(kMaxBody);
    if (sent.status == 0)
        sent.error
            = timedOut ? Text::tr("no answer within %1 s").arg(waitMs / 1000.0, 0, 'f', 1) : reply->errorString();
    reply->deleteLater();
    return sent;
}

} // namespace

QJsonObject RehearsalCall::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"), kindName(kind));
    o.insert(QStringLiteral("command"), command);
    o.insert(QStringLiteral("url"), url);
    o.insert(QStringLiteral("status"), status);
    o.insert(QStringLiteral("elapsedMs"), elapsedMs);
    o.insert(QStringLiteral("answer"), QString::fromUtf8(body));
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    o.insert(QStringLiteral("findings"), findingsToJson(findings));
    return o;
}

QJsonObject RehearsalReport::toJson() const
{
    QJsonArray array;
    for (const RehearsalCall& call : calls)
        array.append(call.toJson());
    QJsonObject o;
    o.insert(QStringLiteral("ok"), ok());
    o.insert(QStringLiteral("target"), target);
    o.insert(QStringLiteral("calls"), array);
    o.insert(QStringLiteral("findings"), findingsToJson(findings));
    return o;
}

QStringList rehearsalCommands()
{
    return {QStringLiteral("State.StateChange"), QStringLiteral("C2C.CallbackAfterSendMsg"),
            QStringLiteral("Group.CallbackAfterSendMsg")};
}

QByteArray rehearsalBody(const QString& command, const QDateTime& time)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    const qint64 seconds = ms / 1000;
    QJsonObject body {{QStringLiteral("CallbackCommand"), command}, {QStringLiteral("EventTime"), ms}};
    const QJsonArray text {QJsonObject {
        {QStringLiteral("MsgType"), QStringLiteral("TIMTextElem")},
        {QStringLiteral("MsgContent"), QJsonObject {{QStringLiteral("Text"), QStringLiteral("rehearsal")}}}}};
    if (command == QLatin1String("State.StateChange")) {
        body.insert(QStringLiteral("Info"),
                    QJsonObject {{QStringLiteral("Action"), QStringLiteral("Login")},
                                 {QStringLiteral("To_Account"), QStringLiteral("account01")},
                                 {QStringLiteral("Reason"), QStringLiteral("Register")}});
        body.insert(QStringLiteral("KickedDevice"),
                    QJsonArray {QJsonObject {{QStringLiteral("Platform"), QStringLiteral("Android")}}});
    } else if (command == QLatin1String("C2C.CallbackAfterSendMsg")) {
        body.insert(QStringLiteral("From_Account"), QStringLiteral("account01"));
        body.insert(QStringLiteral("To_Account"), QStringLiteral("account02"));
        body.insert(QStringLiteral("MsgSeq"), 48374);
        body.insert(QStringLiteral("MsgRandom"), 2837546);
        body.insert(QStringLiteral("MsgTime"), seconds);
        body.insert(QStringLiteral("MsgKey"), QStringLiteral("48374_2837546_%1").arg(seconds));
        body.insert(QStringLiteral("OnlineOnlyFlag"), 0);
        body.insert(QStringLiteral("SendMsgResult"), 0);
        body.insert(QStringLiteral("ErrorInfo"), QStringLiteral("send msg succeed"));
        body.insert(QStringLiteral("UnreadMsgNum"), 1);
        body.insert(QStringLiteral("MsgBody"), text);
        body.insert(QStringLiteral("CloudCustomData"), QString());
    } else {
        body.insert(QStringLiteral("GroupId"), QStringLiteral("@TGS#2J4SZEAEL"));
        body.insert(QStringLiteral("Type"), QStringLiteral("Public"));
        body.insert(QStringLiteral("From_Account"), QStringLiteral("account01"));
        body.insert(QStringLiteral("Operator_Account"), QStringLiteral("account01"));
        body.insert(QStringLiteral("Random"), 123456);
        body.insert(QStringLiteral("MsgSeq"), 123);
        body.insert(QStringLiteral("MsgTime"), seconds);
        body.insert(QStringLiteral("OnlineOnlyFlag"), 0);
        body.insert(QStringLiteral("MsgBody"), text);
        body.insert(QStringLiteral("CloudCustomData"), QString());
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray webhookSign(const QByteArray& token, qint64 requestTime)
{
    return QCryptographicHash::hash(token + QByteArray::number(requestTime), QCryptographicHash::Sha256).toHex();
}

Result<RehearsalReport> rehearseWebhook(const RehearsalOptions& options)
{
    auto upstream = configsyntax::parseUpstreamUrl(options.upstreamUrl);
    if (!upstream)
        return upstream.error();
    auto path = configsyntax::normalizeWebhookPath(options.webhookPath);
    if (!path)
        return path.error();
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,20}$"));
    if (!digits.match(options.sdkAppId).hasMatch())
        return Error {Text::tr("The SDKAppID \"%1\" is not a number: copy it from the application's card in the Chat "
                               "console.")
                          .arg(options.sdkAppId)};
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();

    RehearsalReport report;
    report.target = upstream->targetFor(path.value());
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy); // the application is reached directly, as the server reaches it
    const int waitMs = options.answerLimitMs + kGraceMs;

    const auto send
        = [&](RehearsalCall::Kind kind, const QString& command, const QDateTime& time, const QByteArray& sign) {
              RehearsalCall call;
              call.kind = kind;
              call.command = command;
              QUrlQuery query;
              query.addQueryItem(QStringLiteral("SdkAppid"), options.sdkAppId);
              query.addQueryItem(QStringLiteral("CallbackCommand"), command);
              query.addQueryItem(QStringLiteral("contenttype"), QStringLiteral("json"));
              query.addQueryItem(QStringLiteral("ClientIP"), QStringLiteral("192.0.2.10"));
              query.addQueryItem(QStringLiteral("OptPlatform"), QStringLiteral("Android"));
              if (!options.token.isEmpty()) {
                  query.addQueryItem(QStringLiteral("RequestTime"), QString::number(time.toSecsSinceEpoch()));
                  query.addQueryItem(QStringLiteral("Sign"), QString::fromLatin1(sign));
              }
              QUrl url(report.target);
              url.setQuery(query);
              QString shown = url.toString();
              if (!sign.isEmpty())
                  shown.replace(QString::fromLatin1(sign), QStringLiteral("…"));
              call.url = shown;
              QUrl sendTo = url;
              if (options.connectPort) {
                  sendTo.setHost(QStringLiteral("127.0.0.1"));
                  sendTo.setPort(options.connectPort);
              }
              const Sent sent
                  = post(manager, sendTo, rehearsalBody(command, time), waitMs, options.connectPort ? url : QUrl());
              call.status = sent.status;
              call.elapsedMs = sent.elapsedMs;
              call.body = sent.body.left(kKeptBody);
              call.error = sent.error;
              return std::make_pair(call, sent);
          };

    // The callbacks Chat sends: each must be answered as Chat expects.
    for (const QString& command : rehearsalCommands()) {
        const QByteArray sign
            = options.token.isEmpty() ? QByteArray() : webhookSign(options.token, now.toSecsSinceEpoch());
        auto [call, sent] = send(RehearsalCall::Kind::Callback, command, now, sign);
        if (sent.status == 0 && !sent.timedOut) {
            call.findings << make(
                QStringLiteral("APPLICATION_UNREACHABLE"), Severity::Error,
                Text::tr("The webhook application at %1 cannot be reached: %2.").arg(report.target, sent.error),
                Text::tr("Start the application, or give the address it listens on (the URL the server "
                         "configuration proxies to)."),
                command);
        } else if (sent.status == 0 || sent.elapsedMs > options.answerLimitMs) {
            call.findings << make(
                QStringLiteral("APPLICATION_SLOW"), Severity::Error,
                sent.status == 0 ? Text::tr("%1: no answer within %2 ms; Chat gives up after %3 ms.")
                                       .arg(command)
                                       .arg(waitMs)
                                       .arg(options.answerLimitMs)
                                 : Text::tr("%1: answered after %2 ms; Chat gives up after %3 ms.")
                                       .arg(command)
                                       .arg(sent.elapsedMs)
                                       .arg(options.answerLimitMs),
                Text::tr("Answer first and do the slow work afterwards (a queue or a background task)."), command);
        } else if (sent.status != 200) {
            call.findings << make(
                QStringLiteral("APPLICATION_STATUS"), Severity::Error,
                Text::tr("%1: the application answered HTTP %2; Chat expects 200.").arg(command).arg(sent.status),
                Text::tr("Answer every callback Chat sends, also the ones the application "
                         "does not handle, with HTTP 200."),
                command);
        } else if (!acceptedByChat(sent.status, sent.body)) {
            call.findings << make(
                QStringLiteral("APPLICATION_ANSWER"), Severity::Error,
                Text::tr("%1: the answer is not {\"ActionStatus\":\"OK\",\"ErrorCode\":0}: Chat takes it as a "
                         "failure.")
                    .arg(command),
                Text::tr("Answer with the JSON body {\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\"} "
                         "(for a before-event callback, ErrorCode 1 turns the event down on purpose)."),
                command);
        }
        report.findings += call.findings;
        report.calls << call;
        if (hasCode(call.findings, QStringLiteral("APPLICATION_UNREACHABLE")))
            return report; // the next calls would only say the same
    }
    if (options.token.isEmpty())
        return report;

    // With the token: forged and replayed calls must be turned down.
    const QString command = rehearsalCommands().first();
    const QByteArray wrong = webhookSign(options.token + "-not-the-token", now.toSecsSinceEpoch());
    auto [forged, forgedSent] = send(RehearsalCall::Kind::WrongSign, command, now, wrong);
    if (acceptedByChat(forgedSent.status, forgedSent.body))
        forged.findings << make(QStringLiteral("SIGN_NOT_CHECKED"), Severity::Warning,
                                Text::tr("The application accepted a call whose Sign is wrong: anyone who finds the "
                                         "URL can send it callbacks."),
                                Text::tr("Compute the lower-case hex SHA-256 of the token followed by RequestTime and "
                                         "turn the call down when Sign differs."),
                                command);
    report.findings += forged.findings;
    report.calls << forged;

    const QDateTime old = now.addSecs(-kStaleSeconds);
    auto [stale, staleSent]
        = send(RehearsalCall::Kind::StaleRequest, command, old, webhookSign(options.token, old.toSecsSinceEpoch()));
    if (acceptedByChat(staleSent.status, staleSent.body))
        stale.findings << make(QStringLiteral("STALE_REQUEST_ACCEPTED"), Severity::Warning,
                               Text::tr("The application accepted a correctly signed call from %1 s ago: a recorded "
                                        "call can be replayed.")
                                   .arg(kStaleSeconds),
                               Text::tr("Turn down calls whose RequestTime is more than a minute away from the "
                                        "current time."),
                               command);
    report.findings += stale.findings;
    report.calls << stale;
    return report;
}

} // namespace mtls
