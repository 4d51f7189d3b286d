#include "FolderWalk.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mtls::fileops {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ApplyJournal)
};

constexpr int kMaxLinks = 40;

// Folders on the way are only passed through: where the system allows it, they are opened for that alone (a folder
// its user may enter but not list is walked through as the path would be).
#ifdef O_PATH
constexpr int kPassThrough = O_PATH;
#else
constexpr int kPassThrough = O_RDONLY;
#endif

QString nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

FolderWalk::FolderWalk(const QString& dir)
{
    const uid_t me = ::geteuid();
    QString wanted = QDir::cleanPath(QDir(dir).absolutePath());
    int links = 0;
    for (;;) {
        QStringList parts = wanted.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        int fd = ::open("/", kPassThrough | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) {
            m_error = errno;
            m_stoppedAt = QStringLiteral("/");
            return;
        }
        QString walked;
        QString relinked; // set when a link on the way is to be walked through
        for (qsizetype i = 0; i <= parts.size(); ++i) {
            const QString here = walked.isEmpty() ? QStringLiteral("/") : walked;
            const bool last = i == parts.size();
            struct stat st;
            if (::fstat(fd, &st) != 0) {
                m_error = errno;
                m_stoppedAt = here;
                ::close(fd);
                return;
            }
            // The folder reached so far: who owns it and who may write into it.
            QString refused;
            if (st.st_uid != me && st.st_uid != 0)
                refused = Text::tr("Refused: %1 belongs to another user (uid %2). Every folder apply, rollback and "
                                   "remove write into, and every folder above it, must belong to you or to root.")
                              .arg(nativePath(here))
                              .arg(st.st_uid);
            else if ((st.st_mode & (S_IWGRP | S_IWOTH)) && !(!last && st.st_uid == 0 && (st.st_mode & S_ISVTX)))
                refused = Text::tr("Refused: other users can write into %1 (mode %2). Every folder apply, rollback and "
                                   "remove write into, and every folder above it, must be writable by its owner alone.")
                              .arg(nativePath(here), QString::number(st.st_mode & 07777, 8));
            if (!refused.isEmpty()) {
                m_refusal = refused;
                m_stoppedAt = here;
                ::close(fd);
                return;
            }
            if (last)
                break;
            const QByteArray name = QFile::encodeName(parts.at(i));
            const QString next = walked + QLatin1Char('/') + parts.at(i);
            const int child = ::openat(fd, name.constData(), kPassThrough | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (child >= 0) {
                ::close(fd);
                fd = child;
                walked = next;
                continue;
            }
            const int error = errno;
            struct stat link;
            if ((error == ELOOP || error == ENOTDIR)
                && ::fstatat(fd, name.constData(), &link, AT_SYMLINK_NOFOLLOW) == 0) {
                if (S_ISLNK(link.st_mode)) {
                    // A link made by someone else, the folder itself a link, or a loop: refused.
                    if (i + 1 == parts.size() || (link.st_uid != me && link.st_uid != 0) || ++links > kMaxLinks) {
                        m_refusal = Text::tr("Refused: %1 is a symbolic link. Apply, rollback and remove write only "
                                             "through real folders, never through a link another user could change.")
                                        .arg(nativePath(next));
                        m_stoppedAt = next;
                        ::close(fd);
                        return;
                    }
                    QByteArray target(4096, '\0');
                    const ssize_t n = ::readlinkat(fd, name.constData(), target.data(), size_t(target.size()));
                    ::close(fd);
                    if (n <= 0 || n >= target.size()) {
                        m_error = n < 0 ? errno : ENAMETOOLONG;
                        m_stoppedAt = next;
                        return;
                    }
                    // Walked again from "/" with the link replaced by what it names: every folder of it is checked too.
                    const QString to = QFile::decodeName(target.left(n));
                    const QString rest = QStringList(parts.mid(i + 1)).join(QLatin1Char('/'));
                    relinked = QDir::cleanPath((to.startsWith(QLatin1Char('/')) ? to : walked + QLatin1Char('/') + to)
                                               + QLatin1Char('/') + rest);
                    break;
                }
                m_refusal = Text::tr("Refused: %1 exists and is not a folder.").arg(nativePath(next));
                m_stoppedAt = next;
                ::close(fd);
                return;
            }
            m_error = error;
            m_stoppedAt = next;
            ::close(fd);
            return;
        }
        if (!relinked.isEmpty()) {
            wanted = relinked;
            continue;
        }
        // The folder itself, opened for what is done in it (listing, syncing) through the descriptor walked to.
        m_fd = ::openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (m_fd < 0) {
            m_error = errno;
            m_stoppedAt = walked.isEmpty() ? QStringLiteral("/") : walked;
        }
        ::close(fd);
        return;
    }
}

FolderWalk::~FolderWalk()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

} // namespace mtls::fileops
