#pragma once

#include "Sandbox.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace mtls {

// The sandbox for the GUI ("try it on this computer"): runs on its own thread, so the UI never waits.
// progress(), finished(), failed() and stopped() arrive in the thread that owns this object. After finished()
// the sandbox keeps running (the user can look at it) until stop() or the destructor, which stops the server,
// the webhook application, and removes every file.
class SandboxWorker : public QObject
{
    Q_OBJECT
public:
    explicit SandboxWorker(QObject* parent = nullptr);
    ~SandboxWorker() override;

    // True from start() until stopped() or failed().
    bool isBusy() const { return m_busy; }
    // Ignored (returns false) while busy.
    bool start(mtls::ServerKind server);
    // Stops a running sandbox; stopped() follows.
    void stop();

signals:
    void progress(const QString& what);
    void finished(const mtls::SandboxReport& report);
    void failed(const QString& message, const QString& detail);
    void stopped();

private:
    QThread m_thread;
    QObject* m_context = nullptr; // lives in m_thread; deleted when it ends
    std::shared_ptr<std::unique_ptr<Sandbox>> m_sandbox; // touched only in m_thread
    bool m_busy = false;
};

} // namespace mtls

Q_DECLARE_METATYPE(mtls::SandboxReport)
