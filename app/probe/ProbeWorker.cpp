#include "ProbeWorker.h"

#include "Prober.h"

namespace mtls {

ProbeWorker::ProbeWorker(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<mtls::ProbeReport>();
    qRegisterMetaType<mtls::ProbeStep>();
}

ProbeWorker::~ProbeWorker()
{
    cancel();
    if (m_thread)
        m_thread->wait();
}

bool ProbeWorker::isRunning() const
{
    return m_busy;
}

bool ProbeWorker::start(const ProbeOptions& options)
{
    if (isRunning())
        return false;
    if (m_thread)
        m_thread->wait(); // the previous one has emitted its result: its thread is ending
    m_busy = true;
    auto prober = std::make_shared<Prober>(options);
    prober->setStepCallback([this](ProbeStep step) {
        QMetaObject::invokeMethod(
            this, [this, step] { emit stepStarted(step, probeStepLabel(step)); }, Qt::QueuedConnection);
    });
    m_prober = prober;
    m_thread.reset(QThread::create([this, prober] {
        Result<ProbeReport> result = prober->run();
        QMetaObject::invokeMethod(
            this,
            [this, result] {
                m_busy = false;
                if (result)
                    emit finished(result.value());
                else
                    emit failed(result.error().message, result.error().detail);
            },
            Qt::QueuedConnection);
    }));
    m_thread->start();
    return true;
}

void ProbeWorker::cancel()
{
    if (m_prober)
        m_prober->cancel();
}

} // namespace mtls
