#pragma once

// Options shared by generate, apply, rollback and export: the certificate material (as for check), the site
// (listen, upstream, path, TLS profile) and the installation (server root, prefix, binary, state directory).

#include "deploy/ApplyService.h"
#include "pki/CheckService.h"
#include "server/ServerDiscovery.h"

#include <QCommandLineParser>

#include <optional>

namespace mtls::cli {

void addServerKindOption(QCommandLineParser& parser);
void addMaterialOptions(QCommandLineParser& parser);
void addSiteOptions(QCommandLineParser& parser);
void addInstallationOptions(QCommandLineParser& parser, bool withStateDir);

// --server; prints the usage error and returns nullopt when missing or unknown.
std::optional<ServerKind> serverKindOption(const QCommandLineParser& parser, const QString& command);

// Runs the same checks as `check` on --cert/--key/--chain/--client-ca. Returns an exit code when the command
// must stop: a usage error (2), or an error finding (1; the findings are printed, or the JSON when --json).
// With `certificateOptional` (apply --mode merge: the site keeps its own certificate), --cert may be left out; the
// client CA is checked alone then.
std::optional<int> checkMaterial(const QCommandLineParser& parser, const QString& command, CheckReport& report,
                                 bool certificateOptional = false);
ApplyMaterial materialOf(const CheckReport& report);

// The site part of the request (domain, listen, upstream, path, profile, server version). An Error names the
// option that is wrong.
Result<ServerConfigRequest> siteRequest(const QCommandLineParser& parser, ServerKind kind);

// The installation from --server-root/--main-config/--prefix/--binary (discovered when not given).
Result<ServerInstallation> installationOption(const QCommandLineParser& parser, ServerKind kind);
QString stateDirOption(const QCommandLineParser& parser); // empty: the default

} // namespace mtls::cli
