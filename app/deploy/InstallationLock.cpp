#include "InstallationLock.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QLockFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ApplyService)
};

Error busy()
{
    return Error {Text::tr("Another apply or rollback is running for this server. Wait for it to finish."), {}};
}

} // namespace

Result<std::shared_ptr<InstallationLock>> InstallationLock::acquire(const ServerInstallation& installation)
{
    std::shared_ptr<InstallationLock> lock(new InstallationLock);
#ifdef Q_OS_UNIX
    const QByteArray root = QFile::encodeName(installation.configRoot);
    lock->m_fd = ::open(root.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (lock->m_fd < 0)
        return Error {
            Text::tr("Cannot open the server's configuration directory %1 to lock it.").arg(installation.configRoot),
            QString::fromLocal8Bit(std::strerror(errno))};
    if (::flock(lock->m_fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        if (error == EWOULDBLOCK)
            return busy();
        return Error {Text::tr("Cannot lock the server's configuration directory %1.").arg(installation.configRoot),
                      QString::fromLocal8Bit(std::strerror(error))};
    }
#else
    const QByteArray key = QDir::cleanPath(installation.configRoot).toLower().toUtf8();
    const QString name
        = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16));
    lock->m_file = std::make_unique<QLockFile>(QDir::tempPath() + QStringLiteral("/mtls-assistant-") + name
                                               + QStringLiteral(".lock"));
    lock->m_file->setStaleLockTime(0);
    if (!lock->m_file->tryLock(0))
        return lock->m_file->error() == QLockFile::LockFailedError
            ? busy()
            : Error {Text::tr("Cannot create the lock file %1.").arg(lock->m_file->fileName()), {}};
#endif
    return lock;
}

InstallationLock::~InstallationLock()
{
#ifdef Q_OS_UNIX
    if (m_fd >= 0)
        ::close(m_fd); // releases the flock
#endif
}

} // namespace mtls
