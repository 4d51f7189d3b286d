#pragma once

// What must not outlive an interrupted run: private temporary folders (key copies, an elevation request) and the
// process groups of throwaway servers. The CLI installs handlers for SIGINT, SIGTERM and SIGHUP (Ctrl-C, kill, a
// closed terminal); on such a signal the registered process groups get SIGKILL, the registered files and folders
// are removed, and the signal then takes its default course. The handler uses async-signal-safe calls only
// (a fixed table, kill, openat/getdents64/unlinkat). SIGKILL cannot be caught: for it, throwaway servers die with
// their parent (ChildProcess.h) and PrivateTempDir::sweepStale() removes what a dead run left, at the next start.

#include <QString>

namespace mtls {

class CleanupRegistration
{
public:
    CleanupRegistration() = default;
    ~CleanupRegistration();
    CleanupRegistration(CleanupRegistration&& other) noexcept;
    CleanupRegistration& operator=(CleanupRegistration&& other) noexcept;
    CleanupRegistration(const CleanupRegistration&) = delete;
    CleanupRegistration& operator=(const CleanupRegistration&) = delete;

    // A folder removed with everything in it (links are removed, never followed).
    static CleanupRegistration folder(const QString& path);
    // A file removed.
    static CleanupRegistration file(const QString& path);
    // A process group sent SIGKILL.
    static CleanupRegistration processGroup(qint64 group);
    // A process sent SIGTERM (one that may not be ours to kill, such as pkexec).
    static CleanupRegistration process(qint64 pid);

    bool isActive() const { return m_slot >= 0; }
    // Forgets the registration (the owner cleaned up itself).
    void release();

private:
    explicit CleanupRegistration(int slot)
        : m_slot(slot)
    {
    }
    int m_slot = -1;
};

// Installs the handlers for SIGINT, SIGTERM and SIGHUP (on Windows, the console's Ctrl-C and close events).
void installCleanupOnSignals();

// Holds back the signals the cleanup handles (SIGINT, SIGTERM, SIGHUP) for its lifetime, in this thread: a thing made
// and then registered in its scope is never left behind by a signal that arrives in between; the signal is taken
// when the scope ends. Does nothing on other systems.
class SignalsHeldBack
{
public:
    SignalsHeldBack();
    ~SignalsHeldBack();
    SignalsHeldBack(const SignalsHeldBack&) = delete;
    SignalsHeldBack& operator=(const SignalsHeldBack&) = delete;

private:
#ifdef Q_OS_UNIX
    unsigned char m_previous[128] {}; // the thread's signal mask before (a sigset_t)
#endif
};
// Does what the handler does, without ending the process. For tests.
void runSignalCleanup();

} // namespace mtls
