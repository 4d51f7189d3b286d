#include "SshShell.h"

#include "SshFindings.h"
#include "SshHostKey.h"
#include "core/Logging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::SshShell)
};

using namespace std::chrono_literals;

QByteArray randomMarker()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return "mtls" + QByteArray(reinterpret_cast<const char*>(words), sizeof words).toHex();
}

std::chrono::milliseconds connectAndCommand(const SshOptions& options)
{
    return options.connectTimeout + options.commandTimeout;
}

// The session's remote command: one login that finds out how to become root and becomes it. A POSIX sh script on
// one line (the login shell only runs `exec sh -c '…'`; no single quote, backslash or "!" inside, so bash, dash, zsh,
// fish and csh all pass it on unchanged) that announces on its standard error, as a line "WORD <announce marker>":
//  - root: the user is root, `exec sh -s`;
//  - sudo: `sudo -n true` succeeded, `exec sudo -n -- sh -s`;
//  - missing: no sudo (the script ends);
//  - refused: what `sudo -n true` said follows a line "<refusal marker>" before the announcement; the script then
//    reads one line and, only when it is "go" (written when a password is given and sudo asked for one), runs
//    `exec sudo -S -k -p <prompt marker> -- sh -c 'echo <ready marker> >&2; exec sh -s'`; otherwise it ends.
// The markers are random; no secret is in the command.
struct Login
{
    QByteArray announce = randomMarker();
    QByteArray refusal = randomMarker();
    QByteArray prompt = randomMarker();
    QByteArray ready = randomMarker();
    QByteArray remoteCommand;
};

Login loginScript()
{
    Login login;
    const QByteArray& announce = login.announce;
    const QByteArray script = "if [ \"$(id -u)\" = 0 ]; then echo \"root " + announce
        + "\" >&2; exec sh -s; fi; "
          "if command -v sudo >/dev/null 2>&1; then :; else echo \"missing "
        + announce
        + "\" >&2; exit 1; fi; "
          "if r=$(sudo -n true 2>&1 </dev/null); then echo \"sudo "
        + announce
        + "\" >&2; exec sudo -n -- sh -s; fi; "
          "echo "
        + login.refusal + " >&2; printf \"%s\" \"$r\" >&2; echo >&2; echo \"refused " + announce
        + "\" >&2; "
          "read -r go; [ \"$go\" = go ] || exit 1; "
          "exec sudo -S -k -p "
        + login.prompt + " -- sh -c \"echo " + login.ready + " >&2; exec sh -s\"";
    login.remoteCommand = "exec sh -c '" + script + "'";
    return login;
}

// Why the session's process ended (or did not answer) before its shell did.
Error failureOf(const SshOptions& options, ShellSession& session, bool timedOut)
{
    const QByteArray output = session.errorOutput();
    if (timedOut)
        session.kill();
    if (auto changed = changedHostKeyError(options, output))
        return *changed;
    if (const auto sudo = sudoRefusalFinding(options, output))
        return sshError(*sudo, output);
    return sshError(sshConnectionFinding(options, output, timedOut), output);
}

Result<std::unique_ptr<ShellSession>> startShell(const QString& ssh, const SshOptions& options,
                                                 const QString& remoteCommand)
{
    auto session = std::make_unique<ShellSession>();
    const Status started = session->start(ssh, sshArguments(options, remoteCommand));
    if (!started)
        return started.error();
    return session;
}

// run("true") answered with exit status 0: the shell is ready.
Status prove(const SshOptions& options, ShellSession& session)
{
    const auto run = session.run("true", connectAndCommand(options));
    if (run && run->exitCode == 0)
        return {};
    return failureOf(options, session, !run);
}

// `sudo -S` with a random prompt: the password goes to sudo's prompt once, and the shell writes `ready` on its
// standard error when it starts, so no command is ever sent while sudo still reads a password.
Status answerSudoPrompt(const SshOptions& options, ShellSession& session, const QByteArray& prompt,
                        const QByteArray& ready)
{
    if (!session.waitForError(prompt, connectAndCommand(options)))
        return failureOf(options, session, session.isRunning());
    QByteArray answer = options.sudoPassword + '\n';
    const Status written = session.write(answer);
    answer.fill('\0');
    if (!written)
        return failureOf(options, session, false);
    QDeadlineTimer deadline(options.commandTimeout);
    while (!deadline.hasExpired()) {
        if (session.waitForError(ready, 200ms))
            return {};
        const QByteArray output = session.errorOutput();
        QByteArray afterPrompt = output.mid(output.indexOf(prompt) + prompt.size());
        if (afterPrompt.contains(prompt) || afterPrompt.contains("Sorry, try again")
            || afterPrompt.contains("incorrect password")) {
            session.kill(); // sudo asks again: never let it read a command as a password
            return sshError(sudoPasswordWrongFinding(options), afterPrompt.replace(prompt, QByteArray()));
        }
        if (!session.isRunning())
            return failureOf(options, session, false);
    }
    return failureOf(options, session, true);
}

} // namespace

Result<DeploymentShell> openRootShell(const SshOptions& options)
{
    const auto ssh = findSshProgram(QStringLiteral("ssh"));
    if (!ssh)
        return ssh.error();
    if (options.sudoPassword.contains('\n') || options.sudoPassword.contains('\r'))
        return Error {Text::tr("The sudo password contains a line break, which sudo cannot read from its prompt.")};
    const Status hostKey = verifyHostKey(options);
    if (!hostKey)
        return hostKey.error();

    const Login login = loginScript();
    auto session = startShell(*ssh, options, QString::fromLatin1(login.remoteCommand));
    if (!session)
        return session.error();
    ShellSession& shellSession = **session;
    const QByteArray announced = " " + login.announce + "\n";
    if (!shellSession.waitForError(announced, connectAndCommand(options)))
        return failureOf(options, shellSession, shellSession.isRunning());
    const QByteArray output = shellSession.errorOutput();
    const qsizetype announcedAt = output.indexOf(announced);
    const qsizetype wordAt = output.lastIndexOf('\n', announcedAt) + 1;
    QByteArray word = output.mid(wordAt, announcedAt - wordAt).trimmed();
    word = word.mid(word.lastIndexOf(' ') + 1); // what ssh printed before it on the same line (a banner) is not it

    DeploymentShell shell;
    if (word == "root") {
        shell.privilege = SshPrivilege::RootLogin;
    } else if (word == "sudo") {
        shell.privilege = SshPrivilege::SudoWithoutPassword;
    } else if (word == "missing") {
        shellSession.kill();
        return sshError(*sudoRefusalFinding(options, "sudo: command not found"));
    } else if (word == "refused") {
        // What `sudo -n true` said, between its frame line and the announcement.
        const QByteArray frame = login.refusal + "\n";
        const qsizetype frameAt = output.lastIndexOf(frame, wordAt);
        const QByteArray said
            = frameAt < 0 ? QByteArray() : output.mid(frameAt + frame.size(), wordAt - frameAt - frame.size());
        const auto refusal = sudoRefusalFinding(options, said);
        const bool wantsPassword = !refusal || refusal->code == QLatin1String("SSH_SUDO_PASSWORD_NEEDED");
        if (!wantsPassword || options.sudoPassword.isEmpty()) {
            shellSession.kill(); // the script waits for "go": it never reaches sudo -S
            return sshError(wantsPassword ? sudoPasswordNeededFinding(options) : *refusal, said);
        }
        shell.privilege = SshPrivilege::SudoWithPassword;
        if (const Status going = shellSession.write("go\n"); !going)
            return failureOf(options, shellSession, false);
        const Status answered = answerSudoPrompt(options, shellSession, login.prompt, login.ready);
        if (!answered)
            return answered.error();
    } else {
        shellSession.kill();
        return sshError(sshConnectionFinding(options, output, false), output);
    }
    qCInfo(lcServer) << "opened the deployment shell on" << options.target.display() << "as"
                     << (shell.privilege == SshPrivilege::RootLogin                 ? "root"
                             : shell.privilege == SshPrivilege::SudoWithoutPassword ? "sudo -n"
                                                                                    : "sudo -S");
    const Status proved = prove(options, shellSession);
    if (!proved)
        return proved.error();
    shell.session = std::move(session.value());
    return shell;
}

Result<std::unique_ptr<ShellSession>> openDeploymentShell(const SshOptions& options)
{
    auto shell = openRootShell(options);
    if (!shell)
        return shell.error();
    return std::move(shell->session);
}

} // namespace mtls
