#include "WebhookWatcher.h"

#include "HandshakeRefusals.h"
#include "LogFollower.h"

namespace mtls {

WebhookWatcher::WebhookWatcher(const QString& accessLog, const QString& errorLog, QObject* parent)
    : QObject(parent)
    , m_refusals(std::make_unique<HandshakeRefusalReader>())
{
    if (!accessLog.isEmpty()) {
        m_access = new LogFollower(accessLog, kMaxWebhookLogLine, this);
        connect(m_access, &LogFollower::lineRead, this, &WebhookWatcher::readAccessLine);
        connect(m_access, &LogFollower::lineSkipped, this, [this] { ++m_skipped; });
    }
    if (!errorLog.isEmpty()) {
        m_error = new LogFollower(errorLog, kMaxWebhookLogLine, this);
        connect(m_error, &LogFollower::lineRead, this, &WebhookWatcher::readErrorLine);
    }
}

WebhookWatcher::~WebhookWatcher() = default;

void WebhookWatcher::start()
{
    if (m_access)
        m_access->start();
    if (m_error)
        m_error->start();
}

void WebhookWatcher::readAccessLine(const QByteArray& line)
{
    if (line.size() > kMaxWebhookLogLine) {
        ++m_skipped;
        return;
    }
    if (const auto call = parseWebhookLogLine(line))
        report(*call);
    else
        ++m_skipped;
}

void WebhookWatcher::readErrorLine(const QByteArray& line)
{
    // The error log holds other messages too: they are not counted as skipped.
    if (line.size() > kMaxWebhookLogLine)
        return;
    if (const auto call = m_refusals->take(line))
        report(*call);
}

void WebhookWatcher::report(const WebhookCall& call)
{
    emit callSeen(call, judgeWebhookCall(call));
}

} // namespace mtls
