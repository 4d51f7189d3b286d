#include "SignalCleanup.h"

#include <QDir>
#include <QFile>

#include <atomic>
#include <cstring>
#include <utility>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/syscall.h>
#endif
#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace mtls {

namespace {

enum class Kind : int { Folder, File, ProcessGroup, Process };
enum SlotState : int { Free = 0, Filling = 1, Active = 2 };

constexpr int kSlots = 32;
constexpr int kPathBytes = 4096;

struct Slot
{
    std::atomic<int> state {Free};
    Kind kind = Kind::File;
    qint64 pid = 0;
    char path[kPathBytes] = {};
};

Slot g_slots[kSlots];
// Set when a handler starts: a registration made after that (on another thread, while the handler runs) cleans up at
// once, since the handler may already have passed its slot.
std::atomic<bool> g_terminating {false};

void clean(Slot& slot);

int take(Kind kind, const QByteArray& path, qint64 pid)
{
    if (path.size() >= kPathBytes)
        return -1;
    for (int i = 0; i < kSlots; ++i) {
        int expected = Free;
        if (!g_slots[i].state.compare_exchange_strong(expected, Filling))
            continue;
        g_slots[i].kind = kind;
        g_slots[i].pid = pid;
        std::memset(g_slots[i].path, 0, kPathBytes);
        std::memcpy(g_slots[i].path, path.constData(), size_t(path.size()));
        g_slots[i].state.store(Active);
        if (g_terminating.load())
            clean(g_slots[i]);
        return i;
    }
    return -1;
}

#ifdef Q_OS_UNIX
#ifdef Q_OS_LINUX
struct LinuxDirent64
{
    quint64 d_ino;
    qint64 d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[1];
};
#endif

// Removes `name` under the directory `parent`: a file or link is unlinked, a folder emptied (without following
// links) and removed. Async-signal-safe.
void removeAt(int parent, const char* name, int depth)
{
    if (::unlinkat(parent, name, 0) == 0 || errno == ENOENT)
        return;
    const int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
#ifdef Q_OS_LINUX
    if (depth < 16) {
        alignas(8) char buffer[4096];
        for (int pass = 0; pass < 32; ++pass) { // again while something was there (a dying server may still write)
            bool found = false;
            ::lseek(fd, 0, SEEK_SET);
            long n = 0;
            while ((n = ::syscall(SYS_getdents64, fd, buffer, sizeof buffer)) > 0) {
                for (long offset = 0; offset < n;) {
                    const auto* entry = reinterpret_cast<const LinuxDirent64*>(buffer + offset);
                    offset += entry->d_reclen;
                    const char* child = entry->d_name;
                    if (child[0] == '.' && (child[1] == 0 || (child[1] == '.' && child[2] == 0)))
                        continue;
                    found = true;
                    removeAt(fd, child, depth + 1);
                }
            }
            if (!found)
                break;
        }
    }
#else
    Q_UNUSED(depth) // elsewhere the registered files are removed one by one; the folder goes when empty
#endif
    ::close(fd);
    ::unlinkat(parent, name, AT_REMOVEDIR);
}
#endif

void clean(Slot& slot)
{
#ifdef Q_OS_UNIX
    switch (slot.kind) {
    case Kind::ProcessGroup:
        if (slot.pid > 0)
            ::kill(-pid_t(slot.pid), SIGKILL);
        break;
    case Kind::Process:
        if (slot.pid > 0)
            ::kill(pid_t(slot.pid), SIGTERM);
        break;
    case Kind::File:
        ::unlink(slot.path);
        break;
    case Kind::Folder:
        removeAt(AT_FDCWD, slot.path, 0);
        break;
    }
#elif defined(Q_OS_WIN)
    if (slot.kind == Kind::File)
        ::DeleteFileA(slot.path);
    else if (slot.kind == Kind::Folder)
        ::RemoveDirectoryA(slot.path);
#else
    Q_UNUSED(slot)
#endif
}

void cleanSlots()
{
#ifdef Q_OS_UNIX
    const int saved = errno;
#endif
    // Processes first (they may be writing), then files, then folders (emptied by then where removal is not
    // recursive).
    for (const auto& kinds : {std::pair {Kind::ProcessGroup, Kind::Process}, std::pair {Kind::File, Kind::File},
                              std::pair {Kind::Folder, Kind::Folder}}) {
        for (Slot& slot : g_slots) {
            if (slot.state.load() == Active && (slot.kind == kinds.first || slot.kind == kinds.second))
                clean(slot);
        }
    }
#ifdef Q_OS_UNIX
    errno = saved;
#endif
}

#ifdef Q_OS_UNIX
void onSignal(int signal)
{
    g_terminating.store(true);
    cleanSlots();
    ::signal(signal, SIG_DFL);
    ::raise(signal); // delivered when the handler returns: the default action (the process ends)
}
#elif defined(Q_OS_WIN)
BOOL WINAPI onConsoleEvent(DWORD)
{
    g_terminating.store(true);
    cleanSlots();
    return FALSE; // the default handler ends the process
}
#endif

QByteArray nativePath(const QString& path)
{
    return QFile::encodeName(QDir::toNativeSeparators(QDir(path).absolutePath()));
}

} // namespace

CleanupRegistration::~CleanupRegistration()
{
    release();
}

CleanupRegistration::CleanupRegistration(CleanupRegistration&& other) noexcept
    : m_slot(other.m_slot)
{
    other.m_slot = -1;
}

CleanupRegistration& CleanupRegistration::operator=(CleanupRegistration&& other) noexcept
{
    if (this != &other) {
        release();
        m_slot = other.m_slot;
        other.m_slot = -1;
    }
    return *this;
}

CleanupRegistration CleanupRegistration::folder(const QString& path)
{
    return CleanupRegistration(take(Kind::Folder, nativePath(path), 0));
}

CleanupRegistration CleanupRegistration::file(const QString& path)
{
    return CleanupRegistration(take(Kind::File, nativePath(path), 0));
}

CleanupRegistration CleanupRegistration::processGroup(qint64 group)
{
    return CleanupRegistration(group > 0 ? take(Kind::ProcessGroup, {}, group) : -1);
}

CleanupRegistration CleanupRegistration::process(qint64 pid)
{
    return CleanupRegistration(pid > 0 ? take(Kind::Process, {}, pid) : -1);
}

void CleanupRegistration::release()
{
    if (m_slot >= 0)
        g_slots[m_slot].state.store(Free);
    m_slot = -1;
}

void installCleanupOnSignals()
{
#ifdef Q_OS_UNIX
    struct sigaction action
    {
    };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    for (const int signal : {SIGINT, SIGTERM, SIGHUP})
        sigaddset(&action.sa_mask, signal); // one cleanup at a time
    for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction previous
        {
        };
        ::sigaction(signal, &action, &previous);
        if (previous.sa_handler == SIG_IGN) // started with it ignored (nohup, a background job): keep it so
            ::sigaction(signal, &previous, nullptr);
    }
#elif defined(Q_OS_WIN)
    ::SetConsoleCtrlHandler(onConsoleEvent, TRUE);
#endif
}

SignalsHeldBack::SignalsHeldBack()
{
#ifdef Q_OS_UNIX
    static_assert(sizeof(sigset_t) <= sizeof(m_previous));
    sigset_t held;
    sigemptyset(&held);
    for (const int signal : {SIGINT, SIGTERM, SIGHUP})
        sigaddset(&held, signal);
    ::pthread_sigmask(SIG_BLOCK, &held, reinterpret_cast<sigset_t*>(m_previous));
#endif
}

SignalsHeldBack::~SignalsHeldBack()
{
#ifdef Q_OS_UNIX
    ::pthread_sigmask(SIG_SETMASK, reinterpret_cast<const sigset_t*>(m_previous), nullptr);
#endif
}

void runSignalCleanup()
{
    cleanSlots();
}

} // namespace mtls
