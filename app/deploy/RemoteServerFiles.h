#pragma once

// The files of a server reached through a root shell (SSH), for the merge planner (ServerFiles of
// server/ServerFiles.h): read through the shell, bounded in time and size, each answer kept for the planner's run.
// Paths and patterns come from the server's configuration: every one travels in single quotes, never as code.

#include "server/ServerFiles.h"

namespace mtls {

class ShellSession;

// `nginxDump`: the server's `nginx -T` output, when it was read already: the files it shows are taken from it
// (exactly: nginx adds one newline after each; a file that is not UTF-8 is read again) instead of being read again.
// Whatever a plan made from them says, install.sh refuses to edit a file whose SHA-256 is not the one it was
// planned from. `virtualHostsCommand`: the command that
// prints Apache's virtual hosts (`apachectl -S`) on the server. The shell must outlive the returned object.
ServerFiles remoteServerFiles(ShellSession& shell, const QString& nginxDump = QString(),
                              const QByteArray& virtualHostsCommand = QByteArray());

} // namespace mtls
