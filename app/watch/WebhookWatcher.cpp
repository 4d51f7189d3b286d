#include "WebhookWatcher.h"

#include "HandshakeRefusals.h"
#include "LogFollower.h"

namespace mtls {

WebhookWatcher::WebhookWatcher(const QString& accessLog, const QString& errorLog, QObject* parent)
    : QObject(parent)
    , m_access(new LogFollower(accessLog, kMaxWebhookLogLine, this))
    , m_refusals(std::make_unique<HandshakeRefusalReader>())
{
    connect(m_access, &LogFollower::lineRead, this, [this](const QByteArray& line) {
        if (const auto call = parseWebhookLogLine(line))
            report(*call);
        else
            ++m_skipped;
    });
    connect(m_access, &LogFollower::lineSkipped, this, [this] { ++m_skipped; });
    if (!errorLog.isEmpty()) {
        // The error log holds other messages too: they are not counted as skipped.
        m_error = new LogFollower(errorLog, kMaxWebhookLogLine, this);
        connect(m_error, &LogFollower::lineRead, this, [this](const QByteArray& line) {
            if (const auto call = m_refusals->take(line))
                report(*call);
        });
    }
}

WebhookWatcher::~WebhookWatcher() = default;

void WebhookWatcher::start()
{
    m_access->start();
    if (m_error)
        m_error->start();
}

void WebhookWatcher::report(const WebhookCall& call)
{
    emit callSeen(call, judgeWebhookCall(call));
}

} // namespace mtls
