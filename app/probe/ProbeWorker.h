#pragma once

#include "ProbeTypes.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace mtls {

class Prober;

// Runs a Prober on its own thread for the GUI: start() returns at once; stepStarted(), finished() and failed()
// arrive in the thread that owns this object (queued), so the UI never waits. cancel() stops the probe within
// about 50 ms; the destructor cancels and waits for the thread.
class ProbeWorker : public QObject
{
    Q_OBJECT
public:
    explicit ProbeWorker(QObject* parent = nullptr);
    ~ProbeWorker() override;

    // True from start() until finished() or failed() is emitted (a new probe may be started from their slots).
    bool isRunning() const;
    // Ignored (returns false) while a probe runs.
    bool start(const ProbeOptions& options);
    void cancel();

signals:
    void stepStarted(mtls::ProbeStep step, const QString& label);
    void finished(const mtls::ProbeReport& report);
    void failed(const QString& message, const QString& detail); // could not run, or cancelled

private:
    std::shared_ptr<Prober> m_prober;
    std::unique_ptr<QThread> m_thread;
    bool m_busy = false; // from start() until finished() or failed() is emitted
};

} // namespace mtls

Q_DECLARE_METATYPE(mtls::ProbeReport)
Q_DECLARE_METATYPE(mtls::ProbeStep)
