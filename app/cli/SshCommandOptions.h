#pragma once

// The options of apply, rollback, remove and status for a server reached over SSH: --ssh [USER@]HOST[:PORT],
// --identity FILE, --known-hosts FILE, --sudo-password-env VAR and --accept-host-key SHA256:… (the fingerprint the
// user checked with the server's administrator), parsed into the engine's SshOptions (deploy/SshTarget.h).

#include "deploy/SshTarget.h"

#include <QCommandLineParser>

#include <optional>

namespace mtls::cli {

void addSshOptions(QCommandLineParser& parser);

// Whether --ssh was given.
bool sshRequested(const QCommandLineParser& parser);

// The SSH options from the command line (call only when sshRequested(), or to refuse the SSH options without
// --ssh). The sudo password is read once from the variable --sudo-password-env names, which is removed from the
// environment at once (no child process inherits it). Returns an exit code when the command must stop: a usage
// error (2) naming the option that is wrong.
std::optional<int> sshOptions(const QCommandLineParser& parser, const QString& command, SshOptions& options);

} // namespace mtls::cli
