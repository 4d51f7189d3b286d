#pragma once

// The server on the other end of a root shell (a machine reached over SSH): which one is installed, its version,
// its configuration root and layout. The answers come from the server (`command -v`, `nginx -v`/`-V`,
// `apache2ctl -v`/`-V`, `test -d`/`-f`); the rules that read them are discoverServer()'s (parseServerVersion,
// parseBuiltInConfigPath, rootOfMainConfig, candidateConfigRoots, detectLayout), so both sides decide alike.

#include "server/ServerDiscovery.h"

#include <optional>

namespace mtls {

class ShellSession;

// `kind` empty: nginx when it is installed, else Apache. What `options` gives wins (binary, root, main
// configuration, prefix), as locally. Every command is bounded in time. For Apache the control program
// (apache2ctl, apachectl) is preferred, as the exported install.sh runs it.
Result<ServerInstallation> discoverRemoteServer(ShellSession& shell, std::optional<ServerKind> kind,
                                                const DiscoveryOptions& options = DiscoveryOptions());

} // namespace mtls
