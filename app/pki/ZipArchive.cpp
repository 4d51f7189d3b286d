#include "ZipArchive.h"

#include "core/Logging.h"

#include <QBuffer>
#include <QCoreApplication>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>

namespace mtls {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ZipArchive)
};

bool isUnsafePath(const QString& name)
{
    QString path = name;
    path.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (path.startsWith(QLatin1Char('/')) || (path.size() >= 2 && path.at(1) == QLatin1Char(':')))
        return true;
    const QStringList parts = path.split(QLatin1Char('/'));
    return parts.contains(QStringLiteral(".."));
}

bool isSymlink(const QuaZipFileInfo64& info)
{
    const quint32 unixMode = info.externalAttr >> 16;
    return info.isSymbolicLink() || (unixMode & 0170000) == 0120000;
}
} // namespace

bool looksLikeZip(const QByteArray& data)
{
    return data.startsWith("PK\x03\x04") || data.startsWith("PK\x05\x06");
}

Result<QList<ZipEntry>> readZip(const QByteArray& data, const ZipLimits& limits, WorkBudget* budget)
{
    QByteArray copy = data; // implicitly shared: QBuffer needs a non-const array
    QBuffer buffer(&copy);
    QuaZip zip(&buffer);
    if (!zip.open(QuaZip::mdUnzip))
        return Error {Text::tr("The zip archive is damaged and cannot be read."),
                      Text::tr("zip error %1").arg(zip.getZipError())};

    if (zip.getEntriesCount() > limits.maxEntries)
        return Error {Text::tr("The zip archive holds %1 entries, more than the %2 a certificate package can have.")
                          .arg(zip.getEntriesCount())
                          .arg(limits.maxEntries)};

    QList<ZipEntry> entries;
    qint64 total = 0;
    for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
        QuaZipFileInfo64 info;
        if (!zip.getCurrentFileInfo(&info))
            return Error {Text::tr("The zip archive is damaged and cannot be read."), Text::tr("bad entry header")};
        if (isUnsafePath(info.name))
            return Error {Text::tr("The zip archive holds an entry with a path outside the archive (\"%1\"): refused.")
                              .arg(info.name)};
        if (isSymlink(info))
            return Error {Text::tr("The zip archive holds a symbolic link (\"%1\"): refused.").arg(info.name)};
        if (info.name.endsWith(QLatin1Char('/')))
            continue; // a directory
        if (info.flags & 0x1)
            return Error {
                Text::tr("The zip archive is protected by a password. Extract it first, then import the files.")};
        if (budget && !budget->spendItems())
            return Error {Text::tr("The zip archive, with what it holds, has more than %1 files and blocks: refused.")
                              .arg(budget->limits().maxItems)};

        QuaZipFile file(&zip);
        if (!file.open(QIODevice::ReadOnly))
            return Error {Text::tr("The zip archive is damaged and cannot be read."),
                          Text::tr("cannot open entry \"%1\" (zip error %2)").arg(info.name).arg(file.getZipError())};
        ZipEntry entry;
        entry.name = info.name;
        char chunk[65536];
        for (;;) {
            const qint64 n = file.read(chunk, sizeof chunk);
            if (n < 0)
                return Error {
                    Text::tr("The zip archive is damaged and cannot be read."),
                    Text::tr("cannot inflate entry \"%1\" (zip error %2)").arg(info.name).arg(file.getZipError())};
            if (n == 0)
                break;
            total += n;
            if (entry.data.size() + n > limits.maxEntryBytes || total > limits.maxTotalBytes)
                return Error {Text::tr("The zip archive unpacks to more than a certificate package can hold (\"%1\" is "
                                       "too large): refused.")
                                  .arg(info.name)};
            if (budget && !budget->spendInflated(n))
                return Error {Text::tr("The zip archive, with the archives inside it, unpacks to more than %1 MB in "
                                       "all: refused.")
                                  .arg(budget->limits().maxInflatedBytes / (1024 * 1024))};
            entry.data.append(chunk, n);
        }
        file.close();
        if (file.getZipError() != UNZ_OK)
            return Error {Text::tr("The zip archive is damaged and cannot be read."),
                          Text::tr("entry \"%1\" fails its checksum").arg(info.name)};
        entries.append(entry);
    }
    if (zip.getZipError() != UNZ_OK)
        return Error {Text::tr("The zip archive is damaged and cannot be read."),
                      Text::tr("zip error %1").arg(zip.getZipError())};
    qCDebug(lcPki) << "read zip with" << entries.size() << "entries," << total << "bytes";
    return entries;
}

} // namespace mtls
