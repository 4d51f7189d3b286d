#pragma once

// Where a deployment over SSH goes and how it connects: the target `[USER@]HOST[:PORT]`, the identity, the
// known-hosts file that decides whether the server is the one the user accepted, and the time bounds. The transport
// is the system's OpenSSH client (`ssh`, `ssh-keygen`, `ssh-keyscan`, also `ssh.exe` on Windows 10 and later), so the
// user's ~/.ssh/config, agent, hardware keys and ProxyJump work as in a terminal.

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <chrono>

namespace mtls {

struct SshTarget
{
    QString user; // empty: ssh's own choice (~/.ssh/config, then the local user name)
    QString host; // a name, an address, or a Host alias of ~/.ssh/config; IPv6 without brackets
    int port = 0; // 0: ssh's own choice (~/.ssh/config, then 22)

    // As the user would type it: user@host:port, [v6]:port.
    QString display() const;
};

// Parses `[USER@]HOST[:PORT]` (`[::1]:2222` for IPv6 with a port; `::1` alone is an address). Refuses what could be
// taken for an option (a user or host starting with "-"), control characters, spaces and characters no host or user
// name has, with a message that says what is wrong (finding SSH_TARGET_INVALID in the Error).
Result<SshTarget> parseSshTarget(const QString& text);

struct SshOptions
{
    SshTarget target;
    QString identityFile; // empty: ssh's own keys and agent
    QString knownHostsFile; // empty: defaultKnownHostsFile()
    QString acceptedFingerprint; // "SHA256:…": an unknown host key with this fingerprint is accepted and recorded
    QByteArray sudoPassword; // empty: sudo without a password only; held in memory, never written anywhere
    std::chrono::seconds connectTimeout {15};
    std::chrono::seconds commandTimeout {120};
};

// The assistant's own known-hosts file: known_hosts in the application data folder.
QString defaultKnownHostsFile();
// options.knownHostsFile, or the default, as an absolute path.
QString knownHostsFileOf(const SshOptions& options);

// The OpenSSH program `name` ("ssh", "ssh-keygen", "ssh-keyscan") from PATH (and, on Windows, the system's OpenSSH
// folder); an Error (finding SSH_CLIENT_MISSING) saying how to install it.
Result<QString> findSshProgram(const QString& name);

// The arguments of `ssh` for one connection to options.target running `remoteCommand`: no terminal, no prompt of
// ssh's own (BatchMode), strict host key checking against the known-hosts file alone, bounded connection and
// keep-alives, no connection sharing, the identity when one is given, and "--" before the destination.
QStringList sshArguments(const SshOptions& options, const QString& remoteCommand);

// One bounded run of an OpenSSH program (prepareChild: no secret in its environment).
struct SshToolRun
{
    bool started = false;
    bool timedOut = false; // killed after the bound
    int exitCode = -1;
    QByteArray output;
    QByteArray errorOutput;
    qint64 elapsedMs = 0;
};
SshToolRun runSshTool(const QString& program, const QStringList& arguments, const QByteArray& input,
                      std::chrono::milliseconds timeout);

} // namespace mtls
