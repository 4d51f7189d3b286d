#pragma once

#include "WorkBudget.h"
#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace mtls {

// Limits for reading an archive that came from somewhere else: a zip that breaks one is refused whole.
struct ZipLimits
{
    int maxEntries = 512;
    qint64 maxEntryBytes = 16 * 1024 * 1024; // uncompressed, per entry
    qint64 maxTotalBytes = 64 * 1024 * 1024; // uncompressed, all entries
};

struct ZipEntry
{
    QString name; // path inside the archive, '/' separated
    QByteArray data;
};

bool looksLikeZip(const QByteArray& data);

// Reads every file entry of a zip held in memory. Directories are skipped. Refused (Error) when the archive is
// damaged, encrypted, holds a symbolic link or a path that leaves the archive (absolute, "..", a drive letter),
// or breaks a limit. Sizes are counted as the data is inflated, not taken from the headers. With a budget, every
// inflated byte and every entry is also charged to it, so that archives nested in archives share one limit.
Result<QList<ZipEntry>> readZip(const QByteArray& data, const ZipLimits& limits = ZipLimits(),
                                WorkBudget* budget = nullptr);

} // namespace mtls
