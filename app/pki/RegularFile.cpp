#include "RegularFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace mtls {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::RegularFile)
};

#ifdef Q_OS_UNIX
// Closes the descriptor on every path.
class FileDescriptor
{
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {
    }
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

QString kindOf(mode_t mode)
{
    if (S_ISFIFO(mode))
        return Text::tr("named pipe (FIFO)");
    if (S_ISSOCK(mode))
        return Text::tr("socket");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return Text::tr("device");
    return Text::tr("special file");
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
#endif
} // namespace

RegularFileRead readRegularFile(const QString& path, qint64 maxBytes)
{
    RegularFileRead result;
#ifdef Q_OS_UNIX
    const QByteArray native = QFile::encodeName(path);
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
    FileDescriptor fd(::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        const int error = errno;
        struct stat st
        {
        };
        if (error != ENOENT && error != ENOTDIR && ::stat(native.constData(), &st) == 0 && !S_ISREG(st.st_mode)) {
            // A socket cannot be opened at all (ENXIO): say what it is rather than why open() failed.
            result.status = S_ISDIR(st.st_mode) ? RegularFileRead::Status::Folder : RegularFileRead::Status::NotRegular;
            result.kind = kindOf(st.st_mode);
            return result;
        }
        result.status = error == ENOENT || error == ENOTDIR ? RegularFileRead::Status::Missing
                                                            : RegularFileRead::Status::Unreadable;
        result.error = systemError(error);
        return result;
    }
    struct stat st
    {
    };
    if (::fstat(fd.get(), &st) != 0) {
        result.error = systemError(errno);
        return result;
    }
    if (S_ISDIR(st.st_mode)) {
        result.status = RegularFileRead::Status::Folder;
        return result;
    }
    if (!S_ISREG(st.st_mode)) {
        result.status = RegularFileRead::Status::NotRegular;
        result.kind = kindOf(st.st_mode);
        return result;
    }
    result.size = static_cast<qint64>(st.st_size);
    result.readableByOthers = (st.st_mode & (S_IRGRP | S_IROTH)) != 0;
    if (result.size > maxBytes) {
        result.status = RegularFileRead::Status::TooLarge;
        return result;
    }
    // A regular file never blocks; clear the flag anyway so that reads behave the ordinary way.
    const int flags = ::fcntl(fd.get(), F_GETFL);
    if (flags >= 0)
        ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);
    QByteArray data;
    data.reserve(static_cast<qsizetype>(result.size));
    char chunk[65536];
    for (;;) {
        const ssize_t n = ::read(fd.get(), chunk, sizeof chunk);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            result.status = RegularFileRead::Status::Unreadable;
            result.error = systemError(errno);
            return result;
        }
        if (n == 0)
            break;
        if (data.size() + n > maxBytes) { // the file grew after fstat
            result.status = RegularFileRead::Status::TooLarge;
            return result;
        }
        data.append(chunk, static_cast<qsizetype>(n));
    }
    result.data = std::move(data);
    result.status = RegularFileRead::Status::Ok;
    return result;
#else
    const QFileInfo info(path);
    if (!info.exists()) {
        result.status = RegularFileRead::Status::Missing;
        return result;
    }
    if (info.isDir()) {
        result.status = RegularFileRead::Status::Folder;
        return result;
    }
    if (!info.isFile()) {
        result.status = RegularFileRead::Status::NotRegular;
        result.kind = Text::tr("special file");
        return result;
    }
    result.size = info.size();
    if (result.size > maxBytes) {
        result.status = RegularFileRead::Status::TooLarge;
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = file.errorString();
        return result;
    }
    result.data = file.read(maxBytes + 1);
    result.status = result.data.size() > maxBytes ? RegularFileRead::Status::TooLarge : RegularFileRead::Status::Ok;
    if (result.status != RegularFileRead::Status::Ok)
        result.data.clear();
    return result;
#endif
}

} // namespace mtls
