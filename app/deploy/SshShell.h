#pragma once

// The root shell of a deployment over SSH: one `ssh … 'exec … sh -s'` process (a ShellSession) for the whole
// deployment, opened after the host key check, as root whichever way the server allows it.

#include "ShellSession.h"
#include "SshTarget.h"

#include <memory>

namespace mtls {

enum class SshPrivilege {
    RootLogin, // logged in as root: `exec sh -s`
    SudoWithoutPassword, // `sudo -n true` succeeded: `exec sudo -n -- sh -s`
    SudoWithPassword, // `exec sudo -S -k -p MARKER -- sh -s`, the password written once to sudo's prompt
};

struct DeploymentShell
{
    std::unique_ptr<ShellSession> session;
    SshPrivilege privilege = SshPrivilege::RootLogin;
};

// Opens the deployment's root shell on options.target with one login:
//  1. the host key (verifyHostKey(): an unknown key only with options.acceptedFingerprint, a changed one never; a key
//     the known-hosts file already holds is not read again, ssh's strict check refuses a changed one and
//     changedHostKeyError() then gives the same SSH_HOST_KEY_CHANGED finding);
//  2. the session: one ssh process whose remote command is a small sh script that finds out how to become root and
//     announces it on the process's standard error with a random marker: root login: `exec sh -s`; `sudo -n true`
//     succeeds: `exec sudo -n -- sh -s`; otherwise it prints what sudo said and waits for one line: only when sudo
//     asked for a password and options.sudoPassword is given is that line "go", and the script runs
//     `exec sudo -S -k -p <random marker> -- sh …`: when the marker appears on the process's standard error, the
//     password and a newline are written to its standard input (never on a command line, in an environment, a file
//     or a log), and the shell announces itself on its standard error before it reads commands; any other refusal
//     ends the session before sudo -S runs;
//  3. run("true") proves the shell answers.
// The Error carries a finding (codes in SshFindings.h and SshHostKey.h): SSH_HOST_KEY_UNKNOWN, SSH_HOST_KEY_CHANGED,
// SSH_HOST_KEY_MISMATCH, SSH_AUTH_FAILED, SSH_UNREACHABLE, SSH_TIMEOUT, SSH_SUDO_PASSWORD_NEEDED,
// SSH_SUDO_PASSWORD_WRONG, SSH_SUDO_NOT_ALLOWED, SSH_SUDO_REQUIRETTY, SSH_SUDO_MISSING, SSH_CONNECTION_FAILED, ….
// Every step is bounded: options.connectTimeout for the connection, options.commandTimeout for each command.
Result<DeploymentShell> openRootShell(const SshOptions& options);

// openRootShell(options).session: the call the remote apply, rollback, remove and status use.
Result<std::unique_ptr<ShellSession>> openDeploymentShell(const SshOptions& options);

} // namespace mtls
