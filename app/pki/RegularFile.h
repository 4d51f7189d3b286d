#pragma once

#include <QByteArray>
#include <QString>

namespace mtls {

// The outcome of reading a file that a user named: only regular files are read. A FIFO, a device, a socket or a
// folder is refused without waiting on it (the file is opened non-blocking and checked with fstat on the open
// descriptor, so it cannot be swapped between the check and the read).
struct RegularFileRead
{
    enum class Status {
        Ok,
        Missing, // no such file
        Folder,
        NotRegular, // a FIFO, device or socket
        TooLarge,
        Unreadable, // permissions or an I/O error: see `error`
    };

    Status status = Status::Unreadable;
    QByteArray data; // when Ok
    qint64 size = 0; // the size fstat reported
    QString kind; // for NotRegular: "named pipe (FIFO)", "device", "socket" (translated)
    QString error; // for Unreadable: the system's message
    bool readableByOthers = false; // group or world may read it (Unix)
};

// Reads at most `maxBytes` of `path`; larger is TooLarge (decided on the size, and again on what was read in case
// the file grew).
RegularFileRead readRegularFile(const QString& path, qint64 maxBytes);

} // namespace mtls
