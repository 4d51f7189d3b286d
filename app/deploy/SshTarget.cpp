#include "SshTarget.h"

#include "core/ChildProcess.h"
#include "core/TextEscape.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::SshTarget)
};

Error invalidTarget(const QString& text, const QString& why)
{
    const Finding finding = errorFinding(
        QStringLiteral("SSH_TARGET_INVALID"), Text::tr("The SSH target \"%1\" is not valid: %2").arg(text, why),
        Text::tr("Write the server as [USER@]HOST[:PORT], for example deploy@www.example.com:2222 or "
                 "root@[2001:db8::1]:22."));
    return refusedBy(finding);
}

bool isHostName(const QString& host)
{
    // Names, IPv4 addresses and ~/.ssh/config aliases; never an option, never a space or a control character.
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9._-]*$"));
    return name.match(host).hasMatch();
}

bool isIpv6(const QString& host)
{
    static const QRegularExpression address(QStringLiteral("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?$"));
    return address.match(host).hasMatch();
}

// The value of an ssh -o option or of -i, where ssh expands "%" tokens: "%" written as "%%", inside double quotes so
// a path with spaces stays one value.
QString sshPathValue(const QString& path)
{
    QString value = QDir::fromNativeSeparators(path);
    value.replace(QLatin1Char('%'), QStringLiteral("%%"));
    return value;
}

} // namespace

QString SshTarget::display() const
{
    QString text = user.isEmpty() ? QString() : user + QLatin1Char('@');
    const bool v6 = host.contains(QLatin1Char(':'));
    if (port > 0)
        return text + (v6 ? QLatin1Char('[') + host + QLatin1Char(']') : host) + QLatin1Char(':')
            + QString::number(port);
    return text + host;
}

Result<SshTarget> parseSshTarget(const QString& rawText)
{
    const QString text = escapeControlCharacters(rawText);
    if (rawText.isEmpty())
        return invalidTarget(text, Text::tr("it is empty."));
    for (const QChar c : rawText) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return invalidTarget(text, Text::tr("it holds a space or a control character."));
    }
    if (rawText.startsWith(QLatin1Char('-')))
        return invalidTarget(text, Text::tr("it starts with \"-\", which ssh would take for an option."));

    SshTarget target;
    QString rest = rawText;
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        target.user = rest.left(at);
        rest = rest.mid(at + 1);
        static const QRegularExpression userName(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9._-]*\\$?$"));
        if (target.user.isEmpty())
            return invalidTarget(text, Text::tr("the user name before \"@\" is empty."));
        if (!userName.match(target.user).hasMatch())
            return invalidTarget(text,
                                 Text::tr("the user name may hold letters, digits, \".\", \"_\" and \"-\" only, and "
                                          "must not start with \"-\" or \".\"."));
    }

    QString portText;
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            return invalidTarget(text, Text::tr("the \"[\" of the IPv6 address is not closed."));
        target.host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':')))
                return invalidTarget(text, Text::tr("only \":PORT\" may follow the \"]\" of the address."));
            portText = after.mid(1);
            if (portText.isEmpty())
                return invalidTarget(text, Text::tr("the port after \":\" is empty."));
        }
        if (!isIpv6(target.host))
            return invalidTarget(text, Text::tr("the text in brackets is not an IPv6 address."));
    } else if (rest.count(QLatin1Char(':')) > 1) {
        target.host = rest; // an IPv6 address without a port
        if (!isIpv6(target.host))
            return invalidTarget(text, Text::tr("write an IPv6 address with a port as [ADDRESS]:PORT."));
    } else {
        const qsizetype colon = rest.indexOf(QLatin1Char(':'));
        target.host = colon < 0 ? rest : rest.left(colon);
        if (colon >= 0) {
            portText = rest.mid(colon + 1);
            if (portText.isEmpty())
                return invalidTarget(text, Text::tr("the port after \":\" is empty."));
        }
        if (target.host.isEmpty())
            return invalidTarget(text, Text::tr("the host name is empty."));
        if (target.host.startsWith(QLatin1Char('-')))
            return invalidTarget(text, Text::tr("the host starts with \"-\", which ssh would take for an option."));
        if (!isHostName(target.host))
            return invalidTarget(text, Text::tr("a host name may hold letters, digits, \".\", \"_\" and \"-\" only."));
    }
    if (!portText.isEmpty()) {
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,5}$"));
        const int port = portText.toInt();
        if (!digits.match(portText).hasMatch() || port < 1 || port > 65535)
            return invalidTarget(text, Text::tr("the port must be a number from 1 to 65535."));
        target.port = port;
    }
    return target;
}

QString defaultKnownHostsFile()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("known_hosts"));
}

QString knownHostsFileOf(const SshOptions& options)
{
    return QFileInfo(options.knownHostsFile.isEmpty() ? defaultKnownHostsFile() : options.knownHostsFile)
        .absoluteFilePath();
}

Result<QString> findSshProgram(const QString& name)
{
    QString found = QStandardPaths::findExecutable(name);
#ifdef Q_OS_WIN
    if (found.isEmpty()) {
        // The optional feature "OpenSSH Client" of Windows 10 and later.
        const QString system = qEnvironmentVariable("SystemRoot", QStringLiteral("C:/Windows"));
        found = QStandardPaths::findExecutable(name, {QDir(system).filePath(QStringLiteral("System32/OpenSSH"))});
    }
#endif
    if (found.isEmpty())
        return refusedBy(errorFinding(
            QStringLiteral("SSH_CLIENT_MISSING"),
            Text::tr("The OpenSSH program %1 was not found, so this machine cannot reach a server over SSH.").arg(name),
            Text::tr("Install the OpenSSH client (the openssh-client package on Debian and Ubuntu; on Windows the "
                     "optional feature \"OpenSSH Client\"; macOS has it), then try again.")));
    return found;
}

QStringList sshArguments(const SshOptions& options, const QString& remoteCommand)
{
    // The known-hosts file is the only one that decides (also as the "global" file, so /etc/ssh/ssh_known_hosts
    // cannot accept a key the check before connecting did not see); ssh never writes to it itself.
    const QString knownHosts = QLatin1Char('"') + sshPathValue(knownHostsFileOf(options)) + QLatin1Char('"');
    const qint64 connectSeconds = std::max<qint64>(1, options.connectTimeout.count());
    const qint64 aliveSeconds = std::max<qint64>(1, connectSeconds / 3);
    QStringList arguments {
        QStringLiteral("-T"),
        QStringLiteral("-o"),
        QStringLiteral("BatchMode=yes"),
        QStringLiteral("-o"),
        QStringLiteral("StrictHostKeyChecking=yes"),
        QStringLiteral("-o"),
        QStringLiteral("UserKnownHostsFile=") + knownHosts,
        QStringLiteral("-o"),
        QStringLiteral("GlobalKnownHostsFile=") + knownHosts,
        QStringLiteral("-o"),
        QStringLiteral("UpdateHostKeys=no"),
        QStringLiteral("-o"),
        QStringLiteral("CheckHostIP=no"),
        QStringLiteral("-o"),
        QStringLiteral("ControlMaster=no"),
        QStringLiteral("-o"),
        QStringLiteral("ControlPath=none"),
        QStringLiteral("-o"),
        QStringLiteral("ConnectTimeout=%1").arg(connectSeconds),
        QStringLiteral("-o"),
        QStringLiteral("ServerAliveInterval=%1").arg(aliveSeconds),
        QStringLiteral("-o"),
        QStringLiteral("ServerAliveCountMax=3"),
    };
    if (options.target.port > 0)
        arguments << QStringLiteral("-p") << QString::number(options.target.port);
    if (!options.target.user.isEmpty())
        arguments << QStringLiteral("-l") << options.target.user;
    if (!options.identityFile.isEmpty())
        arguments << QStringLiteral("-i") << sshPathValue(QFileInfo(options.identityFile).absoluteFilePath())
                  << QStringLiteral("-o") << QStringLiteral("IdentitiesOnly=yes");
    arguments << QStringLiteral("--") << options.target.host;
    if (!remoteCommand.isEmpty())
        arguments << remoteCommand;
    return arguments;
}

SshToolRun runSshTool(const QString& program, const QStringList& arguments, const QByteArray& input,
                      std::chrono::milliseconds timeout)
{
    SshToolRun run;
    QProcess process;
    prepareChild(process);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    run.started = process.waitForStarted();
    if (!run.started) {
        run.errorOutput = process.errorString().toLocal8Bit();
        return run;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(int(timeout.count()))) {
        run.timedOut = true;
        process.kill();
        process.waitForFinished(5000);
    }
    run.elapsedMs = timer.elapsed();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = process.readAllStandardOutput();
    run.errorOutput = process.readAllStandardError();
    return run;
}

} // namespace mtls
