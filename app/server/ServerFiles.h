#pragma once

// How the merge planner reads a server's files: from this machine's disk (diskServerFiles()), or from a server
// reached over SSH (app/deploy/RemoteServerFiles.h). The rules that read them (MergeSite, ApacheMergeSite) are the
// same for both.

#include "ServerDiscovery.h"
#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace mtls {

struct FileOwnership
{
    int mode = 0644; // permission bits
    int uid = -1;
    int gid = -1;
};

struct ServerFiles
{
    // A file's content, at most `maxBytes` + 1 bytes (so that "too large" can be told); nullopt: not a readable
    // regular file.
    std::function<std::optional<QByteArray>(const QString& path, qint64 maxBytes)> read;
    // The files a pattern names, sorted (a pattern without a wildcard: the file itself when it exists).
    std::function<QStringList(const QString& pattern)> glob;
    // The path with every link resolved; the cleaned path itself when it cannot be resolved.
    std::function<QString(const QString& path)> canonical;
    std::function<std::optional<FileOwnership>(const QString& path)> ownership;
    // The server's own account of its virtual hosts (Apache: `apachectl -S`).
    std::function<Result<QString>()> virtualHosts;
};

// The files of `installation` on this machine.
ServerFiles diskServerFiles(const ServerInstallation& installation);

} // namespace mtls
