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

struct Probe
{
    bool root = false;
    bool sudoWithoutPassword = false;
    QByteArray sudoOutput; // what `sudo -n true` said when it refused
    bool sudoMissing = false;
};

// One short ssh run: the user's id and whether sudo works without a password.
Result<Probe> probe(const QString& ssh, const SshOptions& options)
{
    const QByteArray marker = randomMarker();
    const QByteArray script = "printf '" + marker
        + " uid %s\\n' \"$(id -u)\"\n"
          "if [ \"$(id -u)\" != 0 ]; then\n"
          "  if command -v sudo >/dev/null 2>&1; then\n"
          "    sudo -n true </dev/null 2>&1; printf '"
        + marker
        + " sudo %s\\n' \"$?\"\n"
          "  else printf '"
        + marker
        + " sudo missing\\n'; fi\n"
          "fi\n";
    const SshToolRun run
        = runSshTool(ssh, sshArguments(options, QStringLiteral("exec sh -s")), script, connectAndCommand(options));
    if (!run.started)
        return Error {Text::tr("Cannot start ssh."), QString::fromLocal8Bit(run.errorOutput)};
    const QRegularExpression uidLine(QStringLiteral("^%1 uid (\\d+)$").arg(QString::fromLatin1(marker)),
                                     QRegularExpression::MultilineOption);
    const QString output = QString::fromUtf8(run.output);
    const auto uid = uidLine.match(output);
    if (run.timedOut || !uid.hasMatch()) {
        if (auto changed = changedHostKeyError(options, run.errorOutput))
            return *changed;
        return sshError(sshConnectionFinding(options, run.errorOutput, run.timedOut), run.errorOutput);
    }
    Probe result;
    result.root = uid.captured(1) == QLatin1String("0");
    if (result.root)
        return result;
    const qsizetype sudoAt = run.output.indexOf(marker + " sudo ");
    if (sudoAt < 0)
        return sshError(sshConnectionFinding(options, run.errorOutput, false), run.errorOutput);
    const QByteArray verdict = run.output.mid(sudoAt + marker.size() + 6).trimmed();
    result.sudoMissing = verdict == "missing";
    result.sudoWithoutPassword = verdict == "0";
    const qsizetype uidEnd = run.output.indexOf('\n', run.output.indexOf(marker + " uid ")) + 1;
    result.sudoOutput = run.output.mid(uidEnd, sudoAt - uidEnd);
    return result;
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

    const auto probed = probe(*ssh, options);
    if (!probed)
        return probed.error();
    DeploymentShell shell;
    QString remoteCommand;
    QByteArray prompt;
    QByteArray ready;
    if (probed->root) {
        shell.privilege = SshPrivilege::RootLogin;
        remoteCommand = QStringLiteral("exec sh -s");
    } else if (probed->sudoWithoutPassword) {
        shell.privilege = SshPrivilege::SudoWithoutPassword;
        remoteCommand = QStringLiteral("exec sudo -n -- sh -s");
    } else {
        if (probed->sudoMissing)
            return sshError(*sudoRefusalFinding(options, "sudo: command not found"));
        const auto refusal = sudoRefusalFinding(options, probed->sudoOutput);
        const bool wantsPassword = !refusal || refusal->code == QLatin1String("SSH_SUDO_PASSWORD_NEEDED");
        if (!wantsPassword)
            return sshError(*refusal, probed->sudoOutput);
        if (options.sudoPassword.isEmpty())
            return sshError(sudoPasswordNeededFinding(options), probed->sudoOutput);
        shell.privilege = SshPrivilege::SudoWithPassword;
        prompt = randomMarker();
        ready = randomMarker();
        remoteCommand = QStringLiteral("exec sudo -S -k -p %1 -- sh -c 'echo %2 >&2; exec sh -s'")
                            .arg(QString::fromLatin1(prompt), QString::fromLatin1(ready));
    }
    qCInfo(lcServer) << "opening the deployment shell on" << options.target.display() << "as"
                     << (shell.privilege == SshPrivilege::RootLogin                 ? "root"
                             : shell.privilege == SshPrivilege::SudoWithoutPassword ? "sudo -n"
                                                                                    : "sudo -S");
    auto session = startShell(*ssh, options, remoteCommand);
    if (!session)
        return session.error();
    if (shell.privilege == SshPrivilege::SudoWithPassword) {
        const Status answered = answerSudoPrompt(options, **session, prompt, ready);
        if (!answered)
            return answered.error();
    }
    const Status proved = prove(options, **session);
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
