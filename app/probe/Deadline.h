#pragma once

#include <QElapsedTimer>

#include <algorithm>
#include <atomic>

namespace mtls {

// The time limit of a whole probe, and its cancellation flag (set from any thread).
class Deadline
{
public:
    Deadline(qint64 budgetMs, const std::atomic<bool>* cancelled, const std::atomic<bool>* alsoCancelled = nullptr)
        : m_budget(budgetMs)
        , m_cancelled(cancelled)
        , m_alsoCancelled(alsoCancelled)
    {
        m_clock.start();
    }

    qint64 elapsedMs() const { return m_clock.elapsed(); }
    qint64 remainingMs() const { return std::max<qint64>(0, m_budget - m_clock.elapsed()); }
    bool expired() const { return remainingMs() == 0; }
    bool cancelled() const
    {
        return (m_cancelled && m_cancelled->load()) || (m_alsoCancelled && m_alsoCancelled->load());
    }
    // How long one wait may last: short slices, so that a cancellation is seen within 50 ms.
    int sliceMs() const { return static_cast<int>(std::min<qint64>(remainingMs(), 50)); }

private:
    QElapsedTimer m_clock;
    qint64 m_budget;
    const std::atomic<bool>* m_cancelled;
    const std::atomic<bool>* m_alsoCancelled;
};

} // namespace mtls
