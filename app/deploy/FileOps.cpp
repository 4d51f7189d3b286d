#include "FileOps.h"

#include "ApplyJournal.h"
#ifdef Q_OS_UNIX
#include "FolderWalk.h"
#endif

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include <qt_windows.h>
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

QString randomSuffix()
{
    return QString::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, QLatin1Char('0'));
}

QString temporaryName(const QString& name)
{
    return QLatin1Char('.') + name + QStringLiteral(".mtls-") + randomSuffix();
}

} // namespace

int modeBits(QFileDevice::Permissions permissions)
{
    int mode = 0;
    const std::pair<QFileDevice::Permission, int> bits[]
        = {{QFileDevice::ReadOwner, 0400}, {QFileDevice::WriteOwner, 0200}, {QFileDevice::ExeOwner, 0100},
           {QFileDevice::ReadGroup, 040},  {QFileDevice::WriteGroup, 020},  {QFileDevice::ExeGroup, 010},
           {QFileDevice::ReadOther, 04},   {QFileDevice::WriteOther, 02},   {QFileDevice::ExeOther, 01}};
    for (const auto& [permission, bit] : bits) {
        if (permissions.testFlag(permission))
            mode |= bit;
    }
    return mode;
}

QString describeFailure(const QString& path, int error)
{
#ifdef Q_OS_UNIX
    if (error == ENOSPC || error == EDQUOT)
        return Text::tr("Disk full: there is no space left to write %1.").arg(nativePath(path));
    if (error == EROFS)
        return Text::tr("The filesystem holding %1 is read-only.").arg(nativePath(path));
    return Text::tr("Cannot write %1: %2").arg(nativePath(path), QString::fromLocal8Bit(std::strerror(error)));
#else
    Q_UNUSED(error)
    return Text::tr("Cannot write %1.").arg(nativePath(path));
#endif
}

Status writeAtomically(const QString& path, const QByteArray& content, QFileDevice::Permissions permissions)
{
    return writeAtomically(path, content, FileMode {modeBits(permissions), -1, -1});
}

#ifdef Q_OS_UNIX

namespace {

// A file descriptor closed when it goes.
class Fd
{
public:
    explicit Fd(int fd = -1)
        : m_fd(fd)
    {
    }
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }
    bool ok() const { return m_fd >= 0; }

private:
    int m_fd;
};

// Opens the folder holding `path`. With `strict`, it is walked to from "/" (FolderWalk: no link another user could
// change, every folder on the way yours or root's and writable by its owner alone); a folder that breaks that rule
// fills `refusal`. On failure: -1, with errno set.
int openParent(const QString& path, bool strict, QString* refusal = nullptr)
{
    const QString parent = QFileInfo(path).absolutePath();
    if (!strict)
        return ::open(QFile::encodeName(parent).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    FolderWalk walk(parent);
    if (walk.ok())
        return walk.release();
    if (refusal)
        *refusal = walk.refusal();
    errno = walk.refusal().isEmpty() ? walk.error() : EACCES;
    return -1;
}

QByteArray baseName(const QString& path)
{
    return QFile::encodeName(QFileInfo(path).fileName());
}

Error failure(const QString& path, int error)
{
    return Error {describeFailure(path, error), QString::fromLocal8Bit(std::strerror(error))};
}

// A failure to open the folder of `path`: the refusal when there is one, else the system's words.
Error parentFailure(const QString& path, int error, const QString& refusal)
{
    return refusal.isEmpty() ? failure(path, error) : Error {refusal, {}};
}

bool readAll(int fd, QByteArray& out)
{
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        out.append(buffer, n);
    }
}

bool removeAt(int parentFd, const char* name)
{
    const int fd = ::openat(parentFd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return (errno == ENOTDIR || errno == ELOOP) ? ::unlinkat(parentFd, name, 0) == 0 : errno == ENOENT;
    DIR* dir = ::fdopendir(fd);
    if (!dir) {
        ::close(fd);
        return false;
    }
    bool ok = true;
    while (const dirent* e = ::readdir(dir)) {
        if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0)
            continue;
        struct stat st;
        if (::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        ok = (S_ISDIR(st.st_mode) ? removeAt(fd, e->d_name) : ::unlinkat(fd, e->d_name, 0) == 0) && ok;
    }
    ::closedir(dir);
    return ::unlinkat(parentFd, name, AT_REMOVEDIR) == 0 && ok;
}

} // namespace

Status writeAtomically(const QString& path, const QByteArray& content, const FileMode& mode, bool strict)
{
    QString refusal;
    const Fd dir(openParent(path, strict, &refusal));
    if (!dir.ok())
        return parentFailure(path, errno, refusal);
    const QByteArray name = baseName(path);
    QByteArray temporary;
    int fd = -1;
    for (int attempt = 0; fd < 0 && attempt < 5; ++attempt) {
        temporary = QFile::encodeName(temporaryName(QFile::decodeName(name)));
        // Created for its owner alone, the final mode set once the owner is right (a key is never readable by
        // others, not even for a moment).
        fd = ::openat(dir.get(), temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST)
            return failure(path, errno);
    }
    if (fd < 0)
        return failure(path, EEXIST);
    const auto fail = [&](int error) -> Error {
        ::close(fd);
        ::unlinkat(dir.get(), temporary.constData(), 0);
        return failure(path, error);
    };
    qsizetype done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.constData() + done, size_t(content.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail(n < 0 ? errno : ENOSPC);
        done += n;
    }
    if (mode.uid >= 0 && ::fchown(fd, uid_t(mode.uid), gid_t(mode.gid)) != 0 && ::geteuid() == 0)
        return fail(errno);
    if (::fchmod(fd, mode_t(mode.mode & 07777)) != 0 || ::fsync(fd) != 0)
        return fail(errno);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlinkat(dir.get(), temporary.constData(), 0);
        return failure(path, error);
    }
    if (::renameat(dir.get(), temporary.constData(), dir.get(), name.constData()) != 0) {
        const int error = errno;
        ::unlinkat(dir.get(), temporary.constData(), 0);
        return failure(path, error);
    }
    ::fsync(dir.get());
    return {};
}

Status makeSymlink(const QString& target, const QString& linkTo, int uid, int gid)
{
    const Error failed {Text::tr("Cannot create the link %1.").arg(nativePath(target)), {}};
    QString refusal;
    const Fd dir(openParent(target, true, &refusal));
    if (!dir.ok())
        return parentFailure(target, errno, refusal);
    const QByteArray temporary = QFile::encodeName(temporaryName(QFileInfo(target).fileName()));
    if (::symlinkat(QFile::encodeName(linkTo).constData(), dir.get(), temporary.constData()) != 0)
        return Error {failed.message, describeFailure(target, errno)};
    if (uid >= 0)
        ::fchownat(dir.get(), temporary.constData(), uid_t(uid), gid_t(gid), AT_SYMLINK_NOFOLLOW);
    if (::renameat(dir.get(), temporary.constData(), dir.get(), baseName(target).constData()) != 0) {
        const int error = errno;
        ::unlinkat(dir.get(), temporary.constData(), 0);
        return Error {failed.message, describeFailure(target, error)};
    }
    ::fsync(dir.get());
    return {};
}

Result<JournalEntry> backup(const QString& target, const QString& backupDir, const QString& name)
{
    JournalEntry entry;
    entry.target = target;
    QString refusal;
    const Fd dir(openParent(target, true, &refusal));
    if (!dir.ok()) {
        if (errno == ENOENT)
            return entry; // the folder will be made
        if (!refusal.isEmpty())
            return Error {refusal, {}};
        return Error {Text::tr("Cannot open the folder of %1: %2")
                          .arg(nativePath(target), QString::fromLocal8Bit(std::strerror(errno))),
                      {}};
    }
    const QByteArray base = baseName(target);
    struct stat st;
    if (::fstatat(dir.get(), base.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT)
            return entry;
        return failure(target, errno);
    }
    entry.existed = true;
    entry.uid = int(st.st_uid);
    entry.gid = int(st.st_gid);
    entry.mode = int(st.st_mode & 07777);
    if (S_ISLNK(st.st_mode)) {
        entry.wasSymlink = true;
        QByteArray buffer(4096, '\0');
        const ssize_t n = ::readlinkat(dir.get(), base.constData(), buffer.data(), size_t(buffer.size()));
        if (n > 0)
            entry.linkTarget = QFile::decodeName(buffer.left(n)); // the link's own text (relative stays relative)
        return entry;
    }
    if (!S_ISREG(st.st_mode))
        return Error {Text::tr("%1 exists and is not a file; it will not be replaced.").arg(nativePath(target)), {}};
    entry.permissions = int(QFileInfo(target).permissions());
    const Fd fd(::openat(dir.get(), base.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    QByteArray content;
    if (!fd.ok() || !readAll(fd.get(), content))
        return Error {Text::tr("Cannot read %1 to back it up: %2")
                          .arg(nativePath(target), QString::fromLocal8Bit(std::strerror(errno))),
                      {}};
    {
        QString refused;
        const Fd parent(openParent(backupDir, true, &refused));
        if (!parent.ok())
            return parentFailure(backupDir, errno, refused);
        if (::mkdirat(parent.get(), baseName(backupDir).constData(), 0700) != 0 && errno != EEXIST)
            return failure(backupDir, errno);
    }
    entry.backup = backupDir + QLatin1Char('/') + name;
    if (auto written = writeAtomically(entry.backup, content, FileMode {0600, -1, -1}, true); !written)
        return written.error();
    return entry;
}

Status restore(const JournalEntry& entry)
{
    if (!entry.existed) {
        QString refusal;
        const Fd dir(openParent(entry.target, true, &refusal));
        if (!dir.ok())
            return errno == ENOENT ? Status {} : Status {parentFailure(entry.target, errno, refusal)};
        struct stat st;
        const QByteArray base = baseName(entry.target);
        if (::fstatat(dir.get(), base.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            return {};
        if (S_ISDIR(st.st_mode) || ::unlinkat(dir.get(), base.constData(), 0) != 0)
            return Error {Text::tr("Cannot remove %1.").arg(nativePath(entry.target)), {}};
        return {};
    }
    if (entry.wasSymlink)
        return makeSymlink(entry.target, entry.linkTarget, entry.uid, entry.gid);
    QString refusal;
    const Fd backupDir(openParent(entry.backup, true, &refusal));
    if (!backupDir.ok())
        return parentFailure(entry.backup, errno, refusal);
    const Fd fd(::openat(backupDir.get(), baseName(entry.backup).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    QByteArray content;
    if (!fd.ok() || !readAll(fd.get(), content))
        return Error {
            Text::tr("Cannot read the backup %1: %2").arg(entry.backup, QString::fromLocal8Bit(std::strerror(errno))),
            {}};
    const int mode = entry.mode >= 0 ? entry.mode : modeBits(QFileDevice::Permissions(entry.permissions));
    return writeAtomically(entry.target, content, FileMode {mode, entry.uid, entry.gid}, true);
}

void removeLeftovers(const QString& target)
{
    const Fd dir(openParent(target, true));
    if (!dir.ok())
        return;
    const int copy = ::dup(dir.get());
    DIR* d = copy >= 0 ? ::fdopendir(copy) : nullptr;
    if (!d) {
        if (copy >= 0)
            ::close(copy);
        return;
    }
    const QByteArray name = baseName(target);
    const QByteArray ours = '.' + name + ".mtls-";
    const QByteArray older = name + ".mtls-";
    QList<QByteArray> found;
    while (const dirent* e = ::readdir(d)) {
        const QByteArray entry(e->d_name);
        if (entry.startsWith(ours) || entry.startsWith(older))
            found << entry;
    }
    ::closedir(d);
    for (const QByteArray& entry : std::as_const(found)) {
        struct stat st;
        if (::fstatat(dir.get(), entry.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0
            && (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)))
            ::unlinkat(dir.get(), entry.constData(), 0);
    }
}

Status makeFolder(const QString& dir)
{
    QString refusal;
    const Fd parent(openParent(dir, true, &refusal));
    if (!parent.ok())
        return parentFailure(dir, errno, refusal);
    const QByteArray name = baseName(dir);
    const auto cannot = [&dir](int error) {
        return Error {Text::tr("Cannot create the directory %1.").arg(nativePath(dir)), describeFailure(dir, error)};
    };
    if (::mkdirat(parent.get(), name.constData(), 0755) != 0)
        return cannot(errno);
    // 0755 whatever the umask, set on the folder just made (not on a link put there since).
    const Fd made(::openat(parent.get(), name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!made.ok() || ::fchmod(made.get(), 0755) != 0)
        return cannot(errno);
    return {};
}

bool removeEmptyFolder(const QString& dir)
{
    const Fd parent(openParent(dir, true));
    return parent.ok() && ::unlinkat(parent.get(), baseName(dir).constData(), AT_REMOVEDIR) == 0;
}

Status removeTree(const QString& dir)
{
    QString refusal;
    const Fd parent(openParent(dir, true, &refusal));
    if (!parent.ok())
        return errno == ENOENT ? Status {} : Status {parentFailure(dir, errno, refusal)};
    if (!removeAt(parent.get(), baseName(dir).constData()))
        return Error {Text::tr("Cannot remove the folder %1.").arg(nativePath(dir)), {}};
    return {};
}

bool canWriteInto(const QString& dir)
{
    return ::access(QFile::encodeName(nearestExisting(dir)).constData(), W_OK | X_OK) == 0;
}

bool isReadOnlyFilesystem(const QString& dir)
{
    struct statvfs fs;
    return ::statvfs(QFile::encodeName(nearestExisting(dir)).constData(), &fs) == 0 && (fs.f_flag & ST_RDONLY);
}

#else // not Unix: the plain Qt ways

Status writeAtomically(const QString& path, const QByteArray& content, const FileMode& mode, bool)
{
    QFileDevice::Permissions permissions;
    const std::pair<QFileDevice::Permission, int> bits[] = {{QFileDevice::ReadOwner, 0400},
                                                            {QFileDevice::WriteOwner, 0200},
                                                            {QFileDevice::ReadGroup, 040},
                                                            {QFileDevice::ReadOther, 04}};
    for (const auto& [permission, bit] : bits) {
        if (mode.mode & bit)
            permissions |= permission;
    }
    const Error failed {Text::tr("Cannot write %1.").arg(nativePath(path)), {}};
#ifdef Q_OS_WIN
    // A temporary file beside the target, created with the final permissions (Qt makes them the file's own,
    // non-inherited ACL, so a key is readable by its owner alone from the start), then moved over the target.
    const QFileInfo info(path);
    const QString temporary = info.absolutePath() + QLatin1Char('/') + temporaryName(info.fileName());
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions))
        return Error {failed.message, file.errorString()};
    if (file.write(content) != content.size() || !file.flush()) {
        const QString why = file.errorString();
        file.close();
        file.remove();
        return Error {failed.message, why};
    }
    file.close();
    const std::wstring from = QDir::toNativeSeparators(temporary).toStdWString();
    const std::wstring to = QDir::toNativeSeparators(path).toStdWString();
    if (!::MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        const QString why = qt_error_string(int(::GetLastError()));
        QFile::remove(temporary);
        return Error {failed.message, why};
    }
    return {};
#else
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return Error {failed.message, file.errorString()};
    QFile::setPermissions(path, permissions);
    return {};
#endif
}

Status makeSymlink(const QString& target, const QString& linkTo, int, int)
{
    QFile::remove(target);
    if (!QFile::link(linkTo, target))
        return Error {Text::tr("Cannot create the link %1.").arg(nativePath(target)), {}};
    return {};
}

Result<JournalEntry> backup(const QString& target, const QString& backupDir, const QString& name)
{
    JournalEntry entry;
    entry.target = target;
    const QFileInfo info(target);
    if (!info.exists())
        return entry;
    if (!info.isFile())
        return Error {Text::tr("%1 exists and is not a file; it will not be replaced.").arg(nativePath(target)), {}};
    entry.existed = true;
    entry.permissions = int(info.permissions());
    entry.mode = modeBits(info.permissions());
    QDir().mkpath(backupDir);
    entry.backup = backupDir + QLatin1Char('/') + name;
    QFile source(target);
    if (!source.open(QIODevice::ReadOnly))
        return Error {Text::tr("Cannot read %1 to back it up: %2").arg(nativePath(target), source.errorString()), {}};
    if (auto written = writeAtomically(entry.backup, source.readAll(), FileMode {0600, -1, -1}); !written)
        return written.error();
    return entry;
}

Status restore(const JournalEntry& entry)
{
    if (!entry.existed) {
        if (QFileInfo::exists(entry.target) && !QFile::remove(entry.target))
            return Error {Text::tr("Cannot remove %1.").arg(nativePath(entry.target)), {}};
        return {};
    }
    QFile source(entry.backup);
    if (!source.open(QIODevice::ReadOnly))
        return Error {Text::tr("Cannot read the backup %1: %2").arg(entry.backup, source.errorString()), {}};
    return writeAtomically(entry.target, source.readAll(), FileMode {entry.mode, -1, -1});
}

void removeLeftovers(const QString&) { }

Status makeFolder(const QString& dir)
{
    if (!QDir().mkdir(dir))
        return Error {Text::tr("Cannot create the directory %1.").arg(nativePath(dir)), {}};
    return {};
}

bool removeEmptyFolder(const QString& dir)
{
    return QDir().rmdir(dir);
}

Status removeTree(const QString& dir)
{
    if (!QDir(dir).removeRecursively())
        return Error {Text::tr("Cannot remove the folder %1.").arg(nativePath(dir)), {}};
    return {};
}

bool canWriteInto(const QString& dir)
{
    return QFileInfo(nearestExisting(dir)).isWritable();
}

bool isReadOnlyFilesystem(const QString&)
{
    return false;
}

#endif

} // namespace mtls::fileops
