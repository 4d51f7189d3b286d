#include "PrivateTempDir.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <unistd.h>
#endif

namespace mtls {

namespace {

bool processRuns(qint64 pid)
{
#ifdef Q_OS_UNIX
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#else
    Q_UNUSED(pid)
    return true; // not known here: leave the folder
#endif
}

// SIGKILL to every process whose command line names `path` (a throwaway server of a dead run).
void killProcessesNaming(const QString& path)
{
#ifdef Q_OS_LINUX
    const QByteArray needle = QFile::encodeName(path + QLatin1Char('/'));
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        if (!number || pid == QCoreApplication::applicationPid())
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && (cmdline.readAll().replace('\0', ' ') + ' ').contains(needle))
            ::kill(pid_t(pid), SIGKILL);
    }
#else
    Q_UNUSED(path)
#endif
}

} // namespace

PrivateTempDir::PrivateTempDir(const QString& prefix)
{
    // Made and registered with the cleanup's signals held back: one in between would leave the folder behind.
    const SignalsHeldBack held;
    m_dir = std::make_unique<QTemporaryDir>(
        QDir::tempPath() + QStringLiteral("/%1-%2-XXXXXX").arg(prefix).arg(QCoreApplication::applicationPid()));
    if (m_dir->isValid())
        m_cleanup = CleanupRegistration::folder(m_dir->path());
}

PrivateTempDir::~PrivateTempDir()
{
    const SignalsHeldBack held;
    m_dir->remove();
    m_cleanup.release();
}

int PrivateTempDir::sweepStale(const QString& prefix)
{
    const QRegularExpression name(QStringLiteral("^%1-(\\d+)-[A-Za-z0-9]{6}$").arg(QRegularExpression::escape(prefix)));
    int removed = 0;
    const QDir temp(QDir::tempPath());
    const QFileInfoList entries
        = temp.entryInfoList({prefix + QStringLiteral("-*")}, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo& entry : entries) {
        const auto match = name.match(entry.fileName());
        if (!match.hasMatch() || entry.isSymLink())
            continue;
#ifdef Q_OS_UNIX
        if (entry.ownerId() != ::geteuid())
            continue;
#endif
        const qint64 pid = match.captured(1).toLongLong();
        if (pid == QCoreApplication::applicationPid() || processRuns(pid))
            continue;
        killProcessesNaming(entry.absoluteFilePath());
        if (QDir(entry.absoluteFilePath()).removeRecursively())
            ++removed;
    }
    return removed;
}

} // namespace mtls
