#pragma once

#include "Deadline.h"
#include "core/Result.h"

#include <QString>

#include <sys/socket.h>
#include <vector>

namespace mtls {

// One address to connect to.
struct SocketAddress
{
    sockaddr_storage storage {};
    socklen_t length = 0;

    int family() const { return storage.ss_family; }
    QString toString() const; // "127.0.0.1:443", "[::1]:443"
};

// Resolves `host` (a name or an address literal) within the deadline. The system resolver cannot be
// interrupted, so a slow lookup runs on a detached thread that the probe stops waiting for.
Result<std::vector<SocketAddress>> resolveHost(const QString& host, quint16 port, const Deadline& deadline);

} // namespace mtls
