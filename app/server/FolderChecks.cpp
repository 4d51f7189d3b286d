// The folders apply, rollback and remove keep files in: who owns them and who may write into them (the rule
// OpenSSH applies to ~/.ssh), and the free space on the filesystems they write to.

#include "FileOps.h"

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

namespace {

Error untrusted(const QString& text)
{
    return Error {text, {}};
}

// One folder on the way: owner and who may write.
Status checkOwnerAndMode(const QString& path, const struct stat& st, bool isParent, bool* stop)
{
    const uid_t me = ::geteuid();
    if (st.st_uid != me && st.st_uid != 0)
        return untrusted(Text::tr("Refused: %1 belongs to another user (uid %2). The folders of the apply history and "
                                  "of the certificates must belong to you or to root.")
                             .arg(nativePath(path))
                             .arg(st.st_uid));
    const bool othersWrite = (st.st_mode & (S_IWGRP | S_IWOTH)) != 0;
    const bool sticky = (st.st_mode & S_ISVTX) != 0;
    if (othersWrite && !(isParent && st.st_uid == 0 && sticky))
        return untrusted(Text::tr("Refused: other users can write into %1 (mode %2). The folders of the apply history "
                                  "and of the certificates must be writable by their owner alone.")
                             .arg(nativePath(path), QString::number(st.st_mode & 07777, 8)));
    *stop = isParent && st.st_uid == 0;
    return {};
}

} // namespace

Status checkTrustedFolder(const QString& dir, bool mayBeMissing)
{
    QString path = QDir::cleanPath(QDir(dir).absolutePath());
    struct stat st;
    bool isParent = false;
    while (::lstat(QFile::encodeName(path).constData(), &st) != 0) {
        if (errno != ENOENT || !mayBeMissing)
            return failure(path, errno);
        const QString parent = QFileInfo(path).absolutePath();
        if (parent == path)
            return {};
        path = parent;
        isParent = true;
    }
    for (;;) {
        if (S_ISLNK(st.st_mode)) {
            if (!isParent || (st.st_uid != 0 && st.st_uid != ::geteuid()))
                return untrusted(Text::tr("Refused: %1 is a symbolic link. The folders of the apply history and of "
                                          "the certificates must be real folders, not links.")
                                     .arg(nativePath(path)));
            // A link on the way made by root or by you (as /var/run): what it points to is checked.
            path = QFileInfo(path).canonicalFilePath();
            if (path.isEmpty() || ::lstat(QFile::encodeName(path).constData(), &st) != 0)
                return failure(dir, ENOENT);
            continue;
        }
        if (!S_ISDIR(st.st_mode))
            return untrusted(Text::tr("Refused: %1 exists and is not a folder.").arg(nativePath(path)));
        bool stop = false;
        if (auto checked = checkOwnerAndMode(path, st, isParent, &stop); !checked)
            return checked;
        const QString parent = QFileInfo(path).absolutePath();
        if (stop || parent == path)
            return {};
        path = parent;
        isParent = true;
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
            return failure(path, errno);
    }
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
        if (::mkdir(QFile::encodeName(d).constData(), d == path ? 0700 : 0755) != 0 && errno != EEXIST)
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
