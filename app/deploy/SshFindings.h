#pragma once

// What went wrong on the way to a server over SSH, as findings with stable codes (listed in the README) and a hint
// that says what to do. The messages of ssh and sudo are recognised by their stable English texts (the programs run
// with the system's locale; ssh and sudo print these untranslated on the systems we know).

#include "SshTarget.h"

#include <optional>

namespace mtls {

// ssh ended (exit 255) or did not answer in time: SSH_AUTH_FAILED, SSH_UNREACHABLE, SSH_TIMEOUT,
// SSH_HOST_KEY_UNKNOWN, SSH_HOST_KEY_CHANGED (ssh's own strict check), or SSH_CONNECTION_FAILED.
Finding sshConnectionFinding(const SshOptions& options, const QByteArray& sshErrorOutput, bool timedOut);
Finding sshTimeoutFinding(const SshOptions& options);
Finding sshUnreachableFinding(const SshOptions& options);

// What sudo said, when it refused: SSH_SUDO_REQUIRETTY, SSH_SUDO_NOT_ALLOWED, SSH_SUDO_PASSWORD_WRONG,
// SSH_SUDO_PASSWORD_NEEDED, SSH_SUDO_MISSING; nullopt when the text holds none of its refusals.
std::optional<Finding> sudoRefusalFinding(const SshOptions& options, const QByteArray& output);
Finding sudoPasswordWrongFinding(const SshOptions& options);
Finding sudoPasswordNeededFinding(const SshOptions& options);

// The Error of a refusal by `finding`, with what ssh or sudo printed as its detail (control characters escaped).
Error sshError(const Finding& finding, const QByteArray& output = QByteArray());

} // namespace mtls
