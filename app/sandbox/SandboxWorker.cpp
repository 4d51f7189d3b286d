#include "SandboxWorker.h"

namespace mtls {

SandboxWorker::SandboxWorker(QObject* parent)
    : QObject(parent)
    , m_context(new QObject)
    , m_sandbox(std::make_shared<std::unique_ptr<Sandbox>>())
{
    qRegisterMetaType<mtls::SandboxReport>();
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

SandboxWorker::~SandboxWorker()
{
    // The sandbox's processes belong to its thread: stop it there, then end the thread.
    auto sandbox = m_sandbox;
    QMetaObject::invokeMethod(
        m_context, [sandbox] { sandbox->reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool SandboxWorker::start(ServerKind server)
{
    if (m_busy)
        return false;
    m_busy = true;
    auto sandbox = m_sandbox;
    QMetaObject::invokeMethod(m_context, [this, sandbox, server] {
        *sandbox = std::make_unique<Sandbox>(server);
        (*sandbox)->setProgressCallback([this](const QString& what) {
            QMetaObject::invokeMethod(
                this, [this, what] { emit progress(what); }, Qt::QueuedConnection);
        });
        Result<SandboxReport> result = (*sandbox)->run();
        if (!result)
            sandbox->reset();
        QMetaObject::invokeMethod(
            this,
            [this, result] {
                if (result) {
                    emit finished(result.value());
                } else {
                    m_busy = false;
                    emit failed(result.error().message, result.error().detail);
                }
            },
            Qt::QueuedConnection);
    });
    return true;
}

void SandboxWorker::stop()
{
    auto sandbox = m_sandbox;
    QMetaObject::invokeMethod(m_context, [this, sandbox] {
        sandbox->reset();
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_busy = false;
                emit stopped();
            },
            Qt::QueuedConnection);
    });
}

} // namespace mtls
