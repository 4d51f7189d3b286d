#pragma once

// Follows a setup's webhook logs and judges each call as it arrives: the access log (see server/WebhookLog.h) and,
// for Apache, the virtual host's error log, where the callers refused during the TLS handshake are. Used by
// `mtls-assistant-cli watch` and the wizard's page of the first call (which moves it to a thread of its own).

#include "WebhookCall.h"
#include "core/Finding.h"

#include <QObject>

namespace mtls {

class LogFollower;
class HandshakeRefusalReader;

class WebhookWatcher : public QObject
{
    Q_OBJECT
public:
    // `errorLog` empty: the access log only. `accessLog` empty too: no file is followed here, the lines come from
    // elsewhere (the logs of a server followed over SSH) through readAccessLine() and readErrorLine().
    WebhookWatcher(const QString& accessLog, const QString& errorLog, QObject* parent = nullptr);
    ~WebhookWatcher() override;

    // Starts at the logs' current ends.
    void start();
    // One line of the access log (without its newline): a call is judged and reported, anything else skipped.
    void readAccessLine(const QByteArray& line);
    // One line of the error log: a caller refused during the TLS handshake is reported, other messages ignored.
    void readErrorLine(const QByteArray& line);
    // Lines of the access log that were not calls (other formats, junk, too long).
    qint64 skippedLines() const { return m_skipped; }

signals:
    void callSeen(const mtls::WebhookCall& call, const mtls::Finding& verdict);

private:
    void report(const WebhookCall& call);

    LogFollower* m_access = nullptr;
    LogFollower* m_error = nullptr;
    std::unique_ptr<HandshakeRefusalReader> m_refusals;
    qint64 m_skipped = 0;
};

} // namespace mtls
