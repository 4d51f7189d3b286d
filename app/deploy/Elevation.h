#pragma once

// Running apply and rollback as an administrator when the server's files are not the user's. The engine never
// asks for a password: it re-runs `mtls-assistant-cli apply --request-fd 0 --result-file OUT` (or rollback) through
// the platform's own prompt: pkexec with the product's polkit action on Linux, a UAC prompt (PowerShell's
// Start-Process -Verb RunAs) on Windows, an administrator authorization (osascript ... with administrator
// privileges) on macOS. The request, which holds the private key, goes through a pipe to the elevated run's
// standard input, so it is never on a disk. Where the mechanism cannot pass standard input (UAC, osascript), it is
// written with `--request FILE` to a file only the user can read, in a directory only the user can open, removed
// as soon as the elevated run ends, on SIGINT/SIGTERM/SIGHUP, and at the next start after a kill.

#include "ApplyService.h"

#include <optional>

namespace mtls {

enum class ElevationMechanism { Pkexec, WindowsRunAs, MacAuthorization };

// The mechanism of this platform; nullopt when it has none (Linux without pkexec).
std::optional<ElevationMechanism> platformElevation();
// How the mechanism is called in messages: "pkexec", "User Account Control", "administrator authorization".
QString elevationMechanismName(ElevationMechanism mechanism);

struct CommandLine
{
    QString program;
    QStringList arguments;
};
// `program arguments` wrapped in the mechanism, with every argument quoted for the layers in between (the
// PowerShell and Windows command line; AppleScript and the POSIX shell). Exposed for tests.
CommandLine elevatedCommandLine(ElevationMechanism mechanism, const QString& program, const QStringList& arguments);

// What the mechanism itself made of the run, when the program left no result.
enum class ElevationRefusal {
    None, // the program ran: its own outcome
    Dismissed, // the person closed the prompt
    NotAuthorized, // the person or the policy said no
    NoAgent, // pkexec had no way to show a prompt in this session (no polkit agent, as over SSH)
    Unavailable, // pkexec could not reach polkit (the service is not running)
    NotStarted, // the mechanism agreed but could not start the program
};
ElevationRefusal elevationRefusal(ElevationMechanism mechanism, int exitCode, const QString& errorOutput);

struct ElevationOptions
{
    QString cliPath; // the mtls-assistant-cli to run; empty: the one beside this program
    std::optional<ElevationMechanism> mechanism; // empty: platformElevation()
};

// applyConfiguration(request), run as an administrator. The Error says when the prompt was dismissed or the user
// is not allowed (nothing changed then); otherwise it is the elevated apply's own outcome. Blocking (the prompt
// waits for the person). request.progress hears the elevated run's steps when it has ended.
Result<ApplyResult> applyElevated(const ApplyRequest& request, const ElevationOptions& options = {});
// rollbackLastApply(installation, stateDir), run as an administrator.
Status rollbackElevated(const ServerInstallation& installation, const QString& stateDir = QString(),
                        const ElevationOptions& options = {}, const ApplyProgressCallback& progress = {});

// Whether this user cannot write where apply writes for `installation` (site, certificate and enabling
// directories): apply and rollback then need administrator rights, and their journal is the administrator's.
bool installationNeedsElevation(const ServerInstallation& installation);

// For the elevated side: refuses to act for an installation whose server binary an ordinary user could replace
// (it is run as the administrator by the test and the reload). Checked when running as root; OK elsewhere.
Status checkInstallationTrusted(const ServerInstallation& installation);

} // namespace mtls
