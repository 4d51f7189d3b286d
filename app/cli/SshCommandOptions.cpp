#include "SshCommandOptions.h"

#include "Output.h"
#include "core/ChildProcess.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace mtls::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::SshCommandOptions)
};

} // namespace

void addSshOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("ssh"),
         Text::tr("Act on a server reached over SSH (the system's ssh, with your ~/.ssh/config and agent) instead of "
                  "this machine."),
         QStringLiteral("[USER@]HOST[:PORT]")},
        {QStringLiteral("identity"), Text::tr("With --ssh: the private key to log in with (ssh -i)."),
         QStringLiteral("FILE")},
        {QStringLiteral("known-hosts"),
         Text::tr("With --ssh: the known-hosts file that holds the server's accepted host key. Default: the "
                  "assistant's own, in its data folder."),
         QStringLiteral("FILE")},
        {QStringLiteral("sudo-password-env"),
         Text::tr("With --ssh: the name of an environment variable that holds the password sudo asks for on the "
                  "server (read once, then removed from the environment)."),
         QStringLiteral("VAR")},
        {QStringLiteral("accept-host-key"),
         Text::tr("With --ssh: accept the server's host key when it is not known yet and has this fingerprint (as "
                  "ssh-keygen -l prints it); it is then recorded in the known-hosts file. A changed key is never "
                  "accepted."),
         QStringLiteral("SHA256:…")},
    });
}

bool sshRequested(const QCommandLineParser& parser)
{
    return parser.isSet(QStringLiteral("ssh"));
}

std::optional<int> sshOptions(const QCommandLineParser& parser, const QString& command, SshOptions& options)
{
    if (!sshRequested(parser)) {
        for (const char* other : {"identity", "known-hosts", "sudo-password-env", "accept-host-key"}) {
            if (parser.isSet(QLatin1String(other)))
                return Output::usageError(
                    command,
                    Text::tr("--%1 is for a server reached over SSH: add --ssh [USER@]HOST[:PORT].")
                        .arg(QLatin1String(other)));
        }
        return Output::usageError(command, Text::tr("--ssh [USER@]HOST[:PORT] is required."));
    }
    const auto target = parseSshTarget(parser.value(QStringLiteral("ssh")));
    if (!target)
        return Output::usageError(command, target.error().message);
    options = SshOptions {};
    options.target = *target;
    if (parser.isSet(QStringLiteral("identity"))) {
        const QFileInfo identity(parser.value(QStringLiteral("identity")));
        if (!identity.isFile())
            return Output::usageError(
                command,
                Text::tr("--identity: the key file %1 does not exist.").arg(Output::plain(identity.filePath())));
        options.identityFile = identity.absoluteFilePath();
    }
    if (parser.isSet(QStringLiteral("known-hosts"))) {
        const QString knownHosts = parser.value(QStringLiteral("known-hosts"));
        if (knownHosts.isEmpty() || knownHosts.contains(QLatin1Char('"')))
            return Output::usageError(command, Text::tr("--known-hosts needs a file name without double quotes."));
        options.knownHostsFile = QFileInfo(knownHosts).absoluteFilePath();
    }
    if (parser.isSet(QStringLiteral("accept-host-key"))) {
        static const QRegularExpression fingerprint(QStringLiteral("^SHA256:[A-Za-z0-9+/]{43}$"));
        const QString value = parser.value(QStringLiteral("accept-host-key")).trimmed();
        if (!fingerprint.match(value).hasMatch())
            return Output::usageError(command,
                                      Text::tr("--accept-host-key needs a SHA-256 fingerprint as ssh-keygen -l "
                                               "prints it: SHA256: and 43 characters."));
        options.acceptedFingerprint = value;
    }
    if (parser.isSet(QStringLiteral("sudo-password-env"))) {
        // Read once and removed from the environment: neither ssh nor anything started later inherits it.
        const QByteArray var = parser.value(QStringLiteral("sudo-password-env")).toLocal8Bit();
        const auto password = takeSecretVariable(var);
        if (!password)
            return Output::usageError(command,
                                      Text::tr("the environment variable %1 (named by --sudo-password-env) is not "
                                               "set.")
                                          .arg(Output::plain(QString::fromLocal8Bit(var))));
        if (password->isEmpty())
            return Output::usageError(command,
                                      Text::tr("the environment variable %1 (named by --sudo-password-env) is "
                                               "empty.")
                                          .arg(Output::plain(QString::fromLocal8Bit(var))));
        options.sudoPassword = *password;
    }
    return std::nullopt;
}

} // namespace mtls::cli
