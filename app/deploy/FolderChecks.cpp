// The folders apply, rollback and remove keep files in: who owns them and who may write into them (the rule
// OpenSSH applies to ~/.ssh), and the free space on the filesystems they write to.

#include "FileOps.h"
#ifdef Q_OS_UNIX
#include "FolderWalk.h"
#endif

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#endif

namespace mtls::fileops {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ApplyJournal)
};

QString nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

#ifdef Q_OS_UNIX

namespace {

constexpr qint64 kSpaceMargin = 512 * 1024;

Error failure(const QString& path, int error)
{
    return Error {describeFailure(path, error), {}};
}

// The nearest existing folder on the way to `path` (itself included).
QString nearestExisting(const QString& path)
{
    QString existing = QDir(path).absolutePath();
    while (!QFileInfo::exists(existing)) {
        const QString parent = QFileInfo(existing).absolutePath();
        if (parent == existing)
            break;
        existing = parent;
    }
    return existing;
}

} // namespace

Status checkTrustedFolder(const QString& dir, bool mayBeMissing)
{
    const FolderWalk walk(dir);
    if (walk.ok())
        return {};
    if (!walk.refusal().isEmpty())
        return Error {walk.refusal(), {}};
    if (walk.error() == ENOENT && mayBeMissing)
        return {}; // every folder on the way that exists was checked
    return failure(walk.stoppedAt(), walk.error());
}

Status makeTrustedFolder(const QString& dir)
{
    const QString path = QDir::cleanPath(QDir(dir).absolutePath());
    QStringList missing;
    for (QString d = path; !QFileInfo::exists(d) && !QFileInfo(d).isSymLink();) {
        missing.prepend(d);
        const QString parent = QFileInfo(d).absolutePath();
        if (parent == d)
            break;
        d = parent;
    }
    for (const QString& d : std::as_const(missing)) {
        // Made through its parent, walked to without following a link another user could change.
        const FolderWalk parent(QFileInfo(d).absolutePath());
        if (!parent.ok())
            return parent.refusal().isEmpty() ? failure(parent.stoppedAt(), parent.error())
                                              : Error {parent.refusal(), {}};
        if (::mkdirat(parent.fd(), QFile::encodeName(QFileInfo(d).fileName()).constData(), d == path ? 0700 : 0755) != 0
            && errno != EEXIST)
            return failure(d, errno);
    }
    return checkTrustedFolder(path);
}

Status checkFreeSpace(const QList<SpaceNeed>& needs)
{
    struct Filesystem
    {
        QString path;
        qint64 needed = 0;
        qint64 available = 0;
    };
    QHash<quint64, Filesystem> filesystems;
    for (const SpaceNeed& need : needs) {
        const QString existing = nearestExisting(need.path);
        struct stat st;
        struct statvfs fs;
        if (::stat(QFile::encodeName(existing).constData(), &st) != 0
            || ::statvfs(QFile::encodeName(existing).constData(), &fs) != 0)
            continue;
        Filesystem& f = filesystems[quint64(st.st_dev)];
        if (f.path.isEmpty()) {
            f.path = existing;
            f.available = qint64(fs.f_bavail) * qint64(fs.f_frsize);
        }
        f.needed += need.bytes;
    }
    for (const Filesystem& f : std::as_const(filesystems)) {
        if (f.available < f.needed + kSpaceMargin)
            return Error {Text::tr("Disk full: the filesystem holding %1 has %2 KiB free, and this needs about %3 KiB "
                                   "with a margin. Nothing was changed.")
                              .arg(nativePath(f.path))
                              .arg(f.available / 1024)
                              .arg((f.needed + kSpaceMargin + 1023) / 1024),
                          {}};
    }
    return {};
}

#else

Status checkTrustedFolder(const QString&, bool)
{
    return {};
}

Status makeTrustedFolder(const QString& dir)
{
    if (!QDir().mkpath(dir))
        return Error {describeFailure(dir, 0), {}};
    return {};
}

Status checkFreeSpace(const QList<SpaceNeed>&)
{
    return {};
}

#endif

} // namespace mtls::fileops
