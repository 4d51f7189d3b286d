#include "Elevation.h"

#include "ApplyRequestJson.h"
#include "core/ChildProcess.h"
#include "core/CommandLineQuoting.h"
#include "core/Logging.h"
#include "core/PrivateTempDir.h"
#include "core/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::Elevation)
};

constexpr int kPromptWaitMs = 30 * 60 * 1000; // a person at the prompt; bounded so nothing waits for ever

// A PowerShell single-quoted string: every kind of single quote PowerShell knows is doubled.
QString powerShellLiteral(const QString& text)
{
    QString out;
    for (const QChar c : text) {
        out += c;
        if (c == QLatin1Char('\'') || c == QChar(0x2018) || c == QChar(0x2019) || c == QChar(0x201A)
            || c == QChar(0x201B))
            out += c;
    }
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString appleScriptString(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString defaultCliPath()
{
#ifdef Q_OS_WIN
    const QString name = QStringLiteral("mtls-assistant-cli.exe");
#else
    const QString name = QStringLiteral("mtls-assistant-cli");
#endif
    return QCoreApplication::applicationDirPath() + QLatin1Char('/') + name;
}

// Whether the mechanism hands the elevated program this process's standard input: pkexec runs it in its own
// process, descriptors included. UAC's Start-Process and osascript's "do shell script" do not.
bool passesStandardInput(ElevationMechanism mechanism)
{
    return mechanism == ElevationMechanism::Pkexec;
}

// Runs `cli <arguments> --request-fd 0 --result-file FILE` elevated, with `request` written to its standard input
// (never to a disk), or, where the mechanism cannot pass it, `--request FILE` with a private file removed when the
// run ends, on SIGINT/SIGTERM/SIGHUP and at the next start; returns the result object the elevated command wrote.
Result<QJsonObject> runElevated(const ElevationOptions& options, const QStringList& arguments, QJsonObject request)
{
    const auto mechanism = options.mechanism ? options.mechanism : platformElevation();
    if (!mechanism)
        return Error {Text::tr("This system has no way to ask for administrator rights: pkexec is not installed; "
                               "nothing was changed. Install it (the pkexec package on Debian and Ubuntu, polkit "
                               "elsewhere), or run the command as an administrator (for example with sudo)."),
                      {}};
    const QString cli = QFileInfo(options.cliPath.isEmpty() ? defaultCliPath() : options.cliPath).absoluteFilePath();
    if (!QFileInfo(cli).isExecutable())
        return Error {Text::tr("The command-line program %1 is missing; reinstall mTLS Assistant.")
                          .arg(QDir::toNativeSeparators(cli)),
                      {}};

    PrivateTempDir::sweepStale(QStringLiteral("mtls-assistant")); // what a killed run left
    PrivateTempDir dir(QStringLiteral("mtls-assistant")); // 0700 on Unix
    if (!dir.isValid())
        return Error {Text::tr("Cannot create a private temporary directory for the request."), dir.errorString()};
    const QString resultPath = dir.filePath(QStringLiteral("result.json"));
    request.insert(QStringLiteral("language"), installedLanguage());
    const QByteArray data = QJsonDocument(request).toJson(QJsonDocument::Compact);
    const bool overStdin = passesStandardInput(*mechanism);
    QStringList handover {QStringLiteral("--request-fd"), QStringLiteral("0")};
    CleanupRegistration requestCleanup;
    if (!overStdin) {
        const QString requestPath = dir.filePath(QStringLiteral("request.json"));
        requestCleanup = CleanupRegistration::file(requestPath);
        QFile file(requestPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || file.write(data) != data.size() || !file.flush())
            return Error {Text::tr("Cannot write the request for the administrator run."), file.errorString()};
        handover = QStringList {QStringLiteral("--request"), QDir::toNativeSeparators(requestPath)};
    }

    const CommandLine command = elevatedCommandLine(
        *mechanism, QDir::toNativeSeparators(cli),
        arguments + handover + QStringList {QStringLiteral("--result-file"), QDir::toNativeSeparators(resultPath)});
    qCInfo(lcServer) << "running elevated:" << command.program << command.arguments;
    QProcess process;
    prepareChild(process);
    process.start(command.program, command.arguments);
    if (!process.waitForStarted())
        return Error {Text::tr("Cannot start %1.").arg(command.program), process.errorString()};
    // Interrupted: the prompt goes too (the elevated run itself is the administrator's and ends on its own).
    const CleanupRegistration promptCleanup = CleanupRegistration::process(process.processId());
    if (overStdin)
        process.write(data); // through a pipe: the key is never on a disk
    process.closeWriteChannel(); // written by waitForFinished() below, then end of file
    if (!process.waitForFinished(kPromptWaitMs)) {
        process.kill();
        process.waitForFinished();
        return Error {Text::tr("Nobody answered the administrator prompt; nothing was changed."), {}};
    }
    const QString errorOutput = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    const QString output = QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();

    QFile resultFile(resultPath);
    if (resultFile.open(QIODevice::ReadOnly)) {
        QJsonParseError parseError {};
        const QJsonDocument document = QJsonDocument::fromJson(resultFile.readAll(), &parseError);
        if (parseError.error == QJsonParseError::NoError && document.isObject())
            return document.object();
    }
    const int exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    const QString detail = QStringList {errorOutput, output}.join(QLatin1Char('\n')).trimmed();
    switch (elevationRefusal(*mechanism, exitCode, errorOutput)) {
    case ElevationRefusal::Dismissed:
        return Error {Text::tr("The administrator prompt was closed; nothing was changed."), detail};
    case ElevationRefusal::NotAuthorized:
        return Error {Text::tr("%1 did not give this user administrator rights; nothing was changed. Ask an "
                               "administrator to run it, or run the command with sudo.")
                          .arg(elevationMechanismName(*mechanism)),
                      detail};
    case ElevationRefusal::NoAgent:
        return Error {Text::tr("%1 could not show a password prompt in this session (no polkit authentication agent "
                               "is running, as over SSH); nothing was changed. Run the command with sudo, or from a "
                               "desktop session.")
                          .arg(elevationMechanismName(*mechanism)),
                      detail};
    case ElevationRefusal::Unavailable:
        return Error {Text::tr("%1 cannot reach polkit, the service that grants administrator rights; nothing was "
                               "changed. Start polkit (the polkitd package), or run the command with sudo.")
                          .arg(elevationMechanismName(*mechanism)),
                      detail};
    case ElevationRefusal::NotStarted:
        return Error {Text::tr("%1 allowed the administrator run but could not start %2; nothing was changed.")
                          .arg(elevationMechanismName(*mechanism), QDir::toNativeSeparators(cli)),
                      detail};
    case ElevationRefusal::None:
        break;
    }
    return Error {Text::tr("The administrator run ended without a result (exit code %1).").arg(exitCode), detail};
}

} // namespace

std::optional<ElevationMechanism> platformElevation()
{
#if defined(Q_OS_WIN)
    return ElevationMechanism::WindowsRunAs;
#elif defined(Q_OS_MACOS)
    return ElevationMechanism::MacAuthorization;
#else
    if (QStandardPaths::findExecutable(QStringLiteral("pkexec")).isEmpty())
        return std::nullopt;
    return ElevationMechanism::Pkexec;
#endif
}

QString elevationMechanismName(ElevationMechanism mechanism)
{
    switch (mechanism) {
    case ElevationMechanism::Pkexec:
        return QStringLiteral("pkexec");
    case ElevationMechanism::WindowsRunAs:
        return Text::tr("User Account Control");
    case ElevationMechanism::MacAuthorization:
        return Text::tr("The administrator authorization");
    }
    return {};
}

CommandLine elevatedCommandLine(ElevationMechanism mechanism, const QString& program, const QStringList& arguments)
{
    switch (mechanism) {
    case ElevationMechanism::Pkexec:
        // pkexec finds the polkit action by the program's path (the product's policy names the installed CLI).
        return {QStringLiteral("pkexec"), QStringList {program} + arguments};
    case ElevationMechanism::WindowsRunAs: {
        QStringList line;
        for (const QString& argument : arguments)
            line << windowsArgument(argument);
        // Start-Process cannot take an empty -ArgumentList.
        const QString argumentList = line.isEmpty()
            ? QString()
            : QStringLiteral(" -ArgumentList %1").arg(powerShellLiteral(line.join(QLatin1Char(' '))));
        const QString script
            = QStringLiteral(
                  "try { $p = Start-Process -FilePath %1%2 -Verb RunAs -Wait -PassThru -WindowStyle Hidden "
                  "-ErrorAction Stop } catch { [Console]::Error.WriteLine($_.Exception.Message); exit 126 }; "
                  "exit $p.ExitCode")
                  .arg(powerShellLiteral(program), argumentList);
        return {QStringLiteral("powershell.exe"),
                {QStringLiteral("-NoProfile"), QStringLiteral("-NonInteractive"), QStringLiteral("-ExecutionPolicy"),
                 QStringLiteral("Bypass"), QStringLiteral("-Command"), script}};
    }
    case ElevationMechanism::MacAuthorization: {
        QStringList words {shellWord(program)};
        for (const QString& argument : arguments)
            words << shellWord(argument);
        return {QStringLiteral("/usr/bin/osascript"),
                {QStringLiteral("-e"),
                 QStringLiteral("do shell script %1 with administrator privileges")
                     .arg(appleScriptString(words.join(QLatin1Char(' '))))}};
    }
    }
    return {};
}

ElevationRefusal elevationRefusal(ElevationMechanism mechanism, int exitCode, const QString& errorOutput)
{
    switch (mechanism) {
    case ElevationMechanism::Pkexec: // pkexec(1): 126 the dialog was dismissed, 127 not authorized or an error
        if (exitCode == 126)
            return ElevationRefusal::Dismissed;
        if (exitCode != 127)
            return ElevationRefusal::None;
        // pkexec's own words (untranslated) tell its errors apart.
        if (errorOutput.contains(QLatin1String("Request dismissed")))
            return ElevationRefusal::Dismissed;
        if (errorOutput.contains(QLatin1String("No authentication agent")))
            return ElevationRefusal::NoAgent;
        if (errorOutput.contains(QLatin1String("Error getting authority"))
            || errorOutput.contains(QLatin1String("Error checking for authorization")))
            return ElevationRefusal::Unavailable;
        if (errorOutput.contains(QLatin1String("Cannot run program")))
            return ElevationRefusal::NotStarted;
        return ElevationRefusal::NotAuthorized;
    case ElevationMechanism::WindowsRunAs: // our script's catch: the UAC prompt was cancelled
        return exitCode == 126 ? ElevationRefusal::Dismissed : ElevationRefusal::None;
    case ElevationMechanism::MacAuthorization: // AppleScript error -128: "User canceled."
        return exitCode != 0 && errorOutput.contains(QLatin1String("(-128)")) ? ElevationRefusal::Dismissed
                                                                              : ElevationRefusal::None;
    }
    return ElevationRefusal::None;
}

Result<ApplyResult> applyElevated(const ApplyRequest& request, const ElevationOptions& options)
{
    auto plan = planApply(request);
    if (!plan)
        return plan.error();
    auto object = runElevated(options, {QStringLiteral("apply")}, applyRequestToJson(request));
    if (!object)
        return object.error();
    replaySteps(object.value(), request.progress);
    auto result = applyResultFromJson(object.value());
    if (!result)
        return result.error();
    result->config = plan->config;
    if (result->siteFile.isEmpty())
        result->siteFile = plan->siteFile;
    return result;
}

Status rollbackElevated(const ServerInstallation& installation, const QString& stateDir,
                        const ElevationOptions& options, const ApplyProgressCallback& progress)
{
    const QJsonObject request {{QStringLiteral("installation"), installation.toJson()},
                               {QStringLiteral("state_dir"), stateDir}};
    auto object = runElevated(options, {QStringLiteral("rollback")}, request);
    if (!object)
        return object.error();
    replaySteps(object.value(), progress);
    if (!object->value(QLatin1String("ok")).toBool())
        return Error {object->value(QLatin1String("error")).toString(),
                      object->value(QLatin1String("detail")).toString()};
    return {};
}

bool installationNeedsElevation(const ServerInstallation& installation)
{
    for (const QString& dir : {installation.siteDir, installation.certDir, installation.enabledDir}) {
        if (!dir.isEmpty() && !fileops::canWriteInto(dir))
            return true;
    }
    return false;
}

Status checkInstallationTrusted(const ServerInstallation& installation)
{
#ifdef Q_OS_UNIX
    if (::geteuid() != 0)
        return {};
    const QFileInfo binary(QFileInfo(installation.binary).canonicalFilePath());
    for (const QFileInfo& info : {binary, QFileInfo(binary.absolutePath())}) {
        const bool othersWrite = info.permissions() & (QFileDevice::WriteGroup | QFileDevice::WriteOther);
        if (!info.exists() || info.ownerId() != 0 || othersWrite)
            return Error {Text::tr("Refusing to run %1 as the administrator: it can be changed by users other than "
                                   "root. Make it (and its directory) owned by root and writable by root alone.")
                              .arg(QDir::toNativeSeparators(installation.binary)),
                          {}};
    }
#else
    Q_UNUSED(installation)
#endif
    return {};
}

} // namespace mtls
