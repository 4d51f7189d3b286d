#pragma once

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace mtls::ui {

// Runs `work` on the thread pool (never on the UI thread) and hands its result to `done` on the UI thread.
// `done` is skipped when `context` is gone by then. No nested event loop.
template <typename R>
void runAsync(QObject* context, std::function<R()> work, std::function<void(R)> done)
{
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([guard, work = std::move(work), done = std::move(done)]() mutable {
        auto result = std::make_shared<R>(work());
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, done = std::move(done), result] {
                if (guard)
                    done(std::move(*result));
            },
            Qt::QueuedConnection);
    });
}

} // namespace mtls::ui
