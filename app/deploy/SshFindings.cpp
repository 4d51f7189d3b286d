#include "SshFindings.h"

#include "core/TextEscape.h"

#include <QCoreApplication>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::SshFindings)
};

bool containsAny(const QByteArray& text, std::initializer_list<const char*> needles)
{
    for (const char* needle : needles) {
        if (text.contains(needle))
            return true;
    }
    return false;
}

QString targetText(const SshOptions& options)
{
    return options.target.display();
}

} // namespace

Finding sshTimeoutFinding(const SshOptions& options)
{
    return errorFinding(QStringLiteral("SSH_TIMEOUT"),
                        Text::tr("%1 did not answer within %n second(s); nothing was done there.", nullptr,
                                 int(options.connectTimeout.count()))
                            .arg(targetText(options)),
                        Text::tr("Check that the server is running and that a firewall lets this machine reach its "
                                 "SSH port (try ssh in a terminal), then try again."));
}

Finding sshUnreachableFinding(const SshOptions& options)
{
    return errorFinding(QStringLiteral("SSH_UNREACHABLE"),
                        Text::tr("%1 cannot be reached: the name is not known, nothing listens on the port, or "
                                 "there is no route to it.")
                            .arg(targetText(options)),
                        Text::tr("Check the host name and the port (an SSH server listens on 22 unless it was "
                                 "moved), and that the SSH service runs on the server."));
}

Finding sshConnectionFinding(const SshOptions& options, const QByteArray& output, bool timedOut)
{
    if (containsAny(output, {"timed out", "Timeout, server", "Operation timed out"}))
        return sshTimeoutFinding(options);
    if (containsAny(output, {"Permission denied", "Too many authentication failures"}))
        return errorFinding(
            QStringLiteral("SSH_AUTH_FAILED"),
            Text::tr("The server %1 refused the login (no key it accepts for this user).").arg(targetText(options)),
            Text::tr("Check the user name and the key (--identity FILE, or the key your ssh agent holds); the "
                     "public key must be in that user's ~/.ssh/authorized_keys on the server. The assistant never "
                     "logs in with a password: use a key."));
    if (containsAny(output, {"REMOTE HOST IDENTIFICATION HAS CHANGED", "Host key verification failed"})
        && !output.contains("host key is known for"))
        return errorFinding(QStringLiteral("SSH_HOST_KEY_CHANGED"),
                            Text::tr("ssh refused the host key of %1: it is not the one recorded in %2. The server "
                                     "may have been reinstalled, or someone between you and the server may be "
                                     "intercepting the connection. Nothing was sent to it.")
                                .arg(targetText(options), knownHostsFileOf(options)),
                            Text::tr("Check the server's key fingerprint with its administrator. If the new key is "
                                     "right, remove the old one with ssh-keygen -R HOST -f %1 and connect again.")
                                .arg(knownHostsFileOf(options)));
    if (output.contains("host key is known for"))
        return errorFinding(QStringLiteral("SSH_HOST_KEY_UNKNOWN"),
                            Text::tr("ssh does not know the host key of %1 yet.").arg(targetText(options)),
                            Text::tr("Compare the server's key fingerprint with the one its administrator gives you "
                                     "and accept it (--accept-host-key SHA256:…)."));
    if (containsAny(output,
                    {"Connection refused", "No route to host", "Could not resolve hostname",
                     "Name or service not known", "nodename nor servname", "Network is unreachable",
                     "Temporary failure in name resolution", "No such host"}))
        return sshUnreachableFinding(options);
    if (timedOut)
        return sshTimeoutFinding(options);
    return errorFinding(QStringLiteral("SSH_CONNECTION_FAILED"),
                        Text::tr("The SSH connection to %1 failed.").arg(targetText(options)),
                        Text::tr("Read ssh's message below; try the same connection with ssh in a terminal."));
}

std::optional<Finding> sudoRefusalFinding(const SshOptions& options, const QByteArray& output)
{
    const QString user = options.target.user.isEmpty() ? Text::tr("the user") : options.target.user;
    if (output.contains("must have a tty"))
        return errorFinding(QStringLiteral("SSH_SUDO_REQUIRETTY"),
                            Text::tr("sudo on %1 runs only from a terminal (the requiretty setting), so the "
                                     "assistant cannot become root there.")
                                .arg(targetText(options)),
                            Text::tr("On the server, have an administrator turn requiretty off for %1 (the line "
                                     "Defaults:%1 !requiretty in a file of /etc/sudoers.d, edited with visudo), or "
                                     "connect as root.")
                                .arg(user));
    if (containsAny(
            output,
            {"not in the sudoers", "is not allowed to run sudo", "may not run sudo", "is not allowed to execute"}))
        return errorFinding(QStringLiteral("SSH_SUDO_NOT_ALLOWED"),
                            Text::tr("%1 may not use sudo on %2, so the assistant cannot become root there.")
                                .arg(user, targetText(options)),
                            Text::tr("Connect as a user who may run commands as root with sudo (for example a "
                                     "member of the sudo or wheel group), or as root."));
    if (containsAny(output, {"incorrect password", "Sorry, try again"}))
        return sudoPasswordWrongFinding(options);
    if (containsAny(output,
                    {"a password is required", "terminal is required to read the password", "no askpass program"}))
        return sudoPasswordNeededFinding(options);
    if (containsAny(output, {"sudo: command not found", "sudo: not found", "sudo: No such file"}))
        return errorFinding(
            QStringLiteral("SSH_SUDO_MISSING"),
            Text::tr("%1 is not root and the server %2 has no sudo.").arg(user, targetText(options)),
            Text::tr("Connect as root, or install sudo on the server and allow %1 to use it.").arg(user));
    return std::nullopt;
}

Finding sudoPasswordWrongFinding(const SshOptions& options)
{
    return errorFinding(QStringLiteral("SSH_SUDO_PASSWORD_WRONG"),
                        Text::tr("sudo on %1 did not accept the password.").arg(targetText(options)),
                        options.target.user.isEmpty()
                            ? Text::tr("Give the password of the user you log in as on the server (sudo asks for "
                                       "your own password, not root's), and try again.")
                            : Text::tr("Give the password of the user %1 on the server (sudo asks for your own "
                                       "password, not root's), and try again.")
                                  .arg(options.target.user));
}

Finding sudoPasswordNeededFinding(const SshOptions& options)
{
    return errorFinding(
        QStringLiteral("SSH_SUDO_PASSWORD_NEEDED"),
        Text::tr("sudo on %1 wants the user's password to run commands as root.").arg(targetText(options)),
        Text::tr("Give the password (on the command line: --sudo-password-env VAR, with the "
                 "password in the environment variable VAR), or connect as root."));
}

Error sshError(const Finding& finding, const QByteArray& output)
{
    Error error = refusedBy(finding);
    error.detail = escapeControlCharacters(QString::fromLocal8Bit(output).trimmed(), LineBreaks::Keep);
    return error;
}

} // namespace mtls
