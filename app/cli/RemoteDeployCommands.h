#pragma once

// apply, rollback, remove and status on another server, through a root shell there (SSH): the commands' side of
// the remote executor (deploy/RemoteDeploy.h). The commands ask remoteRequested() first and hand over to these.

#include "pki/CheckService.h"
#include "server/ServerConfigRequest.h"

#include <QCommandLineParser>

#include <optional>

namespace mtls::cli {

// The options of the remote target: the SSH options (SshCommandOptions.h), and the hidden --local-root-shell, the
// remote executor against this machine through a root `sh -s` (the shell a server runs behind SSH, without the SSH
// hop; for tests). With `withStateDir` (status), the hidden --state-dir: the assistant's folder on the server.
void addRemoteOptions(QCommandLineParser& parser, bool withStateDir = false);
// Whether the command targets another server (--ssh or --local-root-shell).
bool remoteRequested(const QCommandLineParser& parser);
// For a command on this machine: the usage error (its exit code) when an option of --ssh was given without it.
std::optional<int> rejectSshOptionsHere(const QCommandLineParser& parser, const QString& command);

int runRemoteApply(const QCommandLineParser& parser, const QString& command, ServerKind kind, const CheckReport& report,
                   const ServerConfigRequest& site);
// rollback (`remove` false) or remove --domain.
int runRemoteRollback(const QCommandLineParser& parser, bool remove, const QString& domain);
int runRemoteStatus(const QCommandLineParser& parser);

} // namespace mtls::cli
