#include "ServerFiles.h"

#include "ConfigIncludes.h"
#include "ServerControl.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace mtls {

ServerFiles diskServerFiles(const ServerInstallation& installation)
{
    ServerFiles files;
    files.read = [](const QString& path, qint64 maxBytes) -> std::optional<QByteArray> {
        QFile file(path);
        if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
            return std::nullopt;
        return file.read(maxBytes + 1);
    };
    files.glob = globOnDisk;
    files.canonical = [](const QString& path) {
        const QString c = QFileInfo(path).canonicalFilePath();
        return c.isEmpty() ? QDir::cleanPath(path) : c;
    };
    files.ownership = [](const QString& path) -> std::optional<FileOwnership> {
#ifdef Q_OS_UNIX
        struct stat st;
        if (::stat(QFile::encodeName(path).constData(), &st) == 0)
            return FileOwnership {int(st.st_mode & 07777), int(st.st_uid), int(st.st_gid)};
#else
        Q_UNUSED(path)
#endif
        return std::nullopt;
    };
    files.virtualHosts = [installation]() { return ServerControl(installation).dumpConfiguration(); };
    return files;
}

} // namespace mtls
