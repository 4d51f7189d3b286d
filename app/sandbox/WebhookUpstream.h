#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

namespace mtls {

// One HTTP request as the upstream received it.
struct WebhookRequest
{
    QByteArray method; // "POST"
    QByteArray target; // path and query as sent: "/im/callback?SdkAppid=1&CallbackCommand=State.StateChange"
    QByteArray version; // "HTTP/1.1"
    QList<QPair<QByteArray, QByteArray>> headers; // in order, names as sent
    QByteArray body;

    QByteArray path() const; // target without the query
    // The first header of that name (case-insensitive); empty when absent.
    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
};

// A small HTTP/1.x server on loopback that answers like a Chat webhook endpoint: HTTP 200 with
// {"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""} to any request, and records every request it got
// (method, path and query, headers such as the verification headers the generated configuration passes, body).
//
// It runs on its own thread with its own event loop, so it answers while the caller blocks (for example in
// QProcess::waitForFinished while curl talks to a server that proxies to it). Every method is thread-safe.
// The sandbox uses it as the webhook application behind a throwaway server; tests use it the same way.
class WebhookUpstream
{
public:
    WebhookUpstream();
    ~WebhookUpstream(); // stop()
    WebhookUpstream(const WebhookUpstream&) = delete;
    WebhookUpstream& operator=(const WebhookUpstream&) = delete;

    // Starts listening (port 0: any free port) and returns once it accepts connections.
    Status start(const QHostAddress& address = QHostAddress::LocalHost, quint16 port = 0);
    // Stops listening, closes connections and ends the thread. Recorded requests are kept.
    void stop();
    bool isRunning() const;

    quint16 port() const; // 0 when not running
    QHostAddress address() const;
    QString url() const; // "http://127.0.0.1:PORT" (IPv6 in brackets), no trailing slash

    // What it answers from now on (default 200 and the Chat "OK" body), and an optional delay before answering
    // (to imitate a slow webhook application).
    void setResponse(int statusCode, const QByteArray& body);
    void setResponseDelay(int milliseconds);
    static QByteArray chatOkBody(); // {"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}
    // With a token, it checks webhook authentication as an application should: a call whose Sign is not the
    // SHA-256 of the token and RequestTime, or whose RequestTime is more than a minute away, gets HTTP 403 and
    // {"ActionStatus":"FAIL","ErrorCode":1,...}. Empty (the default): no check.
    void setSignatureToken(const QByteArray& token);

    QList<WebhookRequest> requests() const;
    int requestCount() const;
    // Blocks until at least `count` requests were received or `timeoutMs` passed; true when they were.
    bool waitForRequests(int count, int timeoutMs) const;
    void clearRequests();

private:
    class Worker;
    struct Shared;
    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<Worker> m_worker;
};

} // namespace mtls
