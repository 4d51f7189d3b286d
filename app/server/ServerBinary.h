#pragma once

#include "ServerKind.h"
#include "core/Result.h"

#include <QStringList>

namespace mtls {

// The program names of a server, in the order they are tried: nginx; apache2, httpd.
QStringList serverProgramNames(ServerKind kind);
// The package that provides the server on Debian/Ubuntu ("nginx", "apache2"), for messages.
QString serverDebianPackage(ServerKind kind);

// Finds the server's binary. `hint` (a path) wins when given and it must then be executable. Otherwise PATH is
// searched, then the usual places that are not always in a user's PATH (/usr/sbin, /usr/local/sbin, Homebrew's
// /opt/homebrew/bin and /usr/local/bin, C:/nginx, Apache24/bin). The Error names the package to install.
Result<QString> findServerBinary(ServerKind kind, const QString& hint = QString());

} // namespace mtls
