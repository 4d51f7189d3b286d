#pragma once

// The server's host key, checked before any connection: `ssh-keyscan` reads the keys the server offers,
// `ssh-keygen -l` gives their type and SHA-256 fingerprint as the user sees them in a terminal, and
// `ssh-keygen -F` finds what the known-hosts file holds for the name ssh will look up ("[host]:port" when the port is
// not 22, the HostName and HostKeyAlias of ~/.ssh/config applied, as `ssh -G` says). An unknown key is shown and
// accepted only by its fingerprint; a changed key is a hard stop.
//
// Before a connection (verifyHostKey()) the keys are read only when the known-hosts file holds no key for the host:
// when it holds one, the host is Known without `ssh-keyscan` (one connection less), and ssh's own strict checking
// against that file alone (StrictHostKeyChecking=yes, see sshArguments()) refuses a changed key before it logs in,
// so nothing is sent to a server whose key changed. When ssh refuses that way, changedHostKeyError() reads the keys
// then and gives the same SSH_HOST_KEY_CHANGED finding (type, fingerprint, what to do) as a check before connecting.

#include "SshTarget.h"

#include <QList>

#include <optional>

namespace mtls {

struct SshHostKey
{
    QString type; // as in the key line: "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"
    QByteArray key; // the base64 key of the line
    QString fingerprint; // "SHA256:…", as ssh-keygen -l -E sha256 prints it
    QString displayType; // as ssh-keygen -l prints it: "ED25519", "ECDSA", "RSA"
    int bits = 0;
};

enum class HostKeyState {
    Known, // the known-hosts file holds a key the server offers: connect
    Unknown, // it holds none for this host: show the fingerprint and ask
    Changed, // it holds another key for this host: never connect
};

struct HostKeyCheck
{
    HostKeyState state = HostKeyState::Unknown;
    QString knownHostsFile; // absolute
    QString knownHostsName; // the name ssh looks up: "host", "[host]:port" or the HostKeyAlias
    QList<SshHostKey> offered; // what the server offers, the key ssh prefers first (empty: not read, see below)
    // SSH_HOST_KEY_UNKNOWN or SSH_HOST_KEY_CHANGED (error findings, with type, fingerprint and what to do).
    Finding finding;
};

enum class HostKeyScan {
    Always, // read the server's keys even when the file holds one for the host (Changed is then found here)
    WhenNotKnown, // a host the file holds a key for (none of them @revoked) is Known without reading its keys
};

// Reads the server's keys and compares them with the known-hosts file. An Error (with its finding) when the server
// cannot be reached (SSH_UNREACHABLE, SSH_TIMEOUT) or the keys cannot be read. With HostKeyScan::WhenNotKnown, a
// host the file already holds a key for is Known without reading (`offered` empty): ssh's strict checking then
// refuses a changed key. When ~/.ssh/config sends the connection through ProxyJump or ProxyCommand, ssh-keyscan
// cannot follow: a host already in the file is Known without reading (ssh's strict checking then refuses a changed
// key) and an unknown one is an Error (SSH_HOST_KEY_UNREADABLE) that says how to add the key.
Result<HostKeyCheck> checkHostKey(const SshOptions& options, HostKeyScan scan = HostKeyScan::Always);

// Records in the known-hosts file (created 0600, its folder 0700) the offered key whose fingerprint is `fingerprint`.
// An Error with SSH_HOST_KEY_MISMATCH when the server offers no key with that fingerprint, and with
// SSH_HOST_KEY_CHANGED when the check found a changed key (never accepted this way).
Status acceptHostKey(const HostKeyCheck& check, const QString& fingerprint);

// checkHostKey(options, HostKeyScan::WhenNotKnown), then: Known: OK (a key in the file is not read again: ssh's
// strict check decides, see changedHostKeyError()); Unknown: accepted when options.acceptedFingerprint is one of the
// offered keys' (recorded in the file), otherwise refused with SSH_HOST_KEY_UNKNOWN (or SSH_HOST_KEY_MISMATCH);
// Changed: refused.
Status verifyHostKey(const SshOptions& options);

// After verifyHostKey() let a connection go ahead: when ssh ended refusing the host key (its standard error says
// "REMOTE HOST IDENTIFICATION HAS CHANGED" or "Host key verification failed"), the server's keys are read now and,
// when they differ from the file's, the Error is the one verifyHostKey() gives for a changed key (SSH_HOST_KEY_CHANGED
// with the new key's type and fingerprint and what to do). nullopt otherwise (ssh's own message then decides, see
// sshConnectionFinding()).
std::optional<Error> changedHostKeyError(const SshOptions& options, const QByteArray& sshErrorOutput);

} // namespace mtls
