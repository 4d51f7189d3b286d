#include "WebhookUpstream.h"

#include "core/Logging.h"
#include "probe/WebhookRehearsal.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QMutex>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>
#include <QWaitCondition>

#include <cstdlib>
#include <future>

namespace mtls {

namespace {

constexpr qsizetype kMaxRequestSize = 4 * 1024 * 1024;

enum class Parse { NeedMore, Done, Bad };

// Parses one request from the front of `buffer`; on Done removes it from the buffer.
Parse parseRequest(QByteArray& buffer, WebhookRequest& request)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return buffer.size() > kMaxRequestSize ? Parse::Bad : Parse::NeedMore;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3)
        return Parse::Bad;
    WebhookRequest parsed;
    parsed.method = requestLine.at(0);
    parsed.target = requestLine.at(1);
    parsed.version = requestLine.at(2);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return Parse::Bad;
        parsed.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    qsizetype pos = headerEnd + 4;
    if (parsed.header("Transfer-Encoding").toLower().contains("chunked")) {
        while (true) {
            const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return Parse::NeedMore;
            bool ok = false;
            const qsizetype size = buffer.mid(pos, lineEnd - pos).split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0 || size > kMaxRequestSize)
                return Parse::Bad;
            if (buffer.size() < lineEnd + 2 + size + 2)
                return Parse::NeedMore;
            parsed.body += buffer.mid(lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
            if (size == 0)
                break;
        }
    } else {
        bool ok = true;
        const QByteArray lengthText = parsed.header("Content-Length");
        const qsizetype length = lengthText.isEmpty() ? 0 : lengthText.toLongLong(&ok);
        if (!ok || length < 0 || length > kMaxRequestSize)
            return Parse::Bad;
        if (buffer.size() < pos + length)
            return Parse::NeedMore;
        parsed.body = buffer.mid(pos, length);
        pos += length;
    }
    buffer.remove(0, pos);
    request = std::move(parsed);
    return Parse::Done;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

QByteArray WebhookRequest::path() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? target : target.left(q);
}

QByteArray WebhookRequest::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool WebhookRequest::hasHeader(const QByteArray& name) const
{
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Webhook authentication as an application should check it: Sign matches the token and RequestTime, and
// RequestTime is within a minute of now.
static bool signatureHolds(const WebhookRequest& request, const QByteArray& token)
{
    const QUrlQuery query(QString::fromLatin1(request.target.mid(request.target.indexOf('?') + 1)));
    bool ok = false;
    const qint64 time = query.queryItemValue(QStringLiteral("RequestTime")).toLongLong(&ok);
    if (!ok || std::abs(QDateTime::currentSecsSinceEpoch() - time) > 60)
        return false;
    return query.queryItemValue(QStringLiteral("Sign")).toLatin1() == webhookSign(token, time);
}

struct WebhookUpstream::Shared
{
    mutable QMutex mutex;
    mutable QWaitCondition received;
    QList<WebhookRequest> requests;
    int status = 200;
    QByteArray body = WebhookUpstream::chatOkBody();
    int delayMs = 0;
    QByteArray token;
    QHostAddress address;
    quint16 port = 0;
};

// The thread: owns the QTcpServer and every socket, runs its own event loop.
class WebhookUpstream::Worker : public QThread
{
public:
    Worker(std::shared_ptr<Shared> shared, QHostAddress address, quint16 port)
        : m_shared(std::move(shared))
        , m_address(std::move(address))
        , m_port(port)
    {
    }

    std::promise<QString> listening; // empty string: listening; else the error

protected:
    void run() override
    {
        QTcpServer server;
        if (!server.listen(m_address, m_port)) {
            listening.set_value(server.errorString().isEmpty() ? QStringLiteral("listen failed")
                                                               : server.errorString());
            return;
        }
        {
            QMutexLocker lock(&m_shared->mutex);
            m_shared->address = server.serverAddress();
            m_shared->port = server.serverPort();
        }
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
            while (QTcpSocket* socket = server.nextPendingConnection())
                serve(socket);
        });
        listening.set_value(QString());
        exec();
        server.close();
    }

private:
    void serve(QTcpSocket* socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            WebhookRequest request;
            const Parse parsed = parseRequest(*buffer, request);
            if (parsed == Parse::NeedMore)
                return;
            if (parsed == Parse::Bad) {
                socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
                return;
            }
            int status = 200;
            QByteArray body;
            int delay = 0;
            {
                QMutexLocker lock(&m_shared->mutex);
                m_shared->requests.append(request);
                status = m_shared->status;
                body = m_shared->body;
                delay = m_shared->delayMs;
                if (!m_shared->token.isEmpty() && !signatureHolds(request, m_shared->token)) {
                    status = 403;
                    body = QByteArrayLiteral(
                        "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":1,\"ErrorInfo\":\"signature check failed\"}");
                }
                m_shared->received.wakeAll();
            }
            qCDebug(lcSandbox) << "upstream got" << request.method << request.path();
            QObject::disconnect(socket, &QTcpSocket::readyRead, socket, nullptr);
            const QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                + "\r\nConnection: close\r\n\r\n" + body;
            QPointer<QTcpSocket> guard(socket);
            auto answer = [guard, response] {
                if (!guard)
                    return;
                guard->write(response);
                guard->disconnectFromHost();
            };
            if (delay > 0)
                QTimer::singleShot(delay, socket, answer);
            else
                answer();
        });
    }

    std::shared_ptr<Shared> m_shared;
    QHostAddress m_address;
    quint16 m_port;
};

WebhookUpstream::WebhookUpstream()
    : m_shared(std::make_shared<Shared>())
{
}

WebhookUpstream::~WebhookUpstream()
{
    stop();
}

QByteArray WebhookUpstream::chatOkBody()
{
    return QByteArrayLiteral("{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\"}");
}

Status WebhookUpstream::start(const QHostAddress& address, quint16 port)
{
    if (m_worker)
        return {};
    auto worker = std::make_unique<Worker>(m_shared, address, port);
    auto listening = worker->listening.get_future();
    worker->start();
    const QString error = listening.get();
    if (!error.isEmpty()) {
        worker->wait();
        return Error {QCoreApplication::translate("mtls::WebhookUpstream",
                                                  "The test webhook application cannot listen on %1 port %2: %3")
                          .arg(address.toString())
                          .arg(port)
                          .arg(error),
                      {}};
    }
    m_worker = std::move(worker);
    return {};
}

void WebhookUpstream::stop()
{
    if (!m_worker)
        return;
    m_worker->quit();
    m_worker->wait();
    m_worker.reset();
    QMutexLocker lock(&m_shared->mutex);
    m_shared->port = 0;
}

bool WebhookUpstream::isRunning() const
{
    return m_worker != nullptr;
}

quint16 WebhookUpstream::port() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->port;
}

QHostAddress WebhookUpstream::address() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->address;
}

QString WebhookUpstream::url() const
{
    QMutexLocker lock(&m_shared->mutex);
    const QString host = m_shared->address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(m_shared->address.toString())
        : m_shared->address.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(m_shared->port);
}

void WebhookUpstream::setResponse(int statusCode, const QByteArray& body)
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->status = statusCode;
    m_shared->body = body;
}

void WebhookUpstream::setSignatureToken(const QByteArray& token)
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->token = token;
}

void WebhookUpstream::setResponseDelay(int milliseconds)
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->delayMs = milliseconds;
}

QList<WebhookRequest> WebhookUpstream::requests() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->requests;
}

int WebhookUpstream::requestCount() const
{
    QMutexLocker lock(&m_shared->mutex);
    return int(m_shared->requests.size());
}

bool WebhookUpstream::waitForRequests(int count, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    QMutexLocker lock(&m_shared->mutex);
    while (m_shared->requests.size() < count) {
        if (!m_shared->received.wait(&m_shared->mutex, deadline))
            return m_shared->requests.size() >= count;
    }
    return true;
}

void WebhookUpstream::clearRequests()
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->requests.clear();
}

} // namespace mtls
