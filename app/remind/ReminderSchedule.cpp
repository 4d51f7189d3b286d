#include "ReminderSchedule.h"

#include "ReminderState.h"
#include "core/ChildProcess.h"
#include "core/CommandLineQuoting.h"
#include "core/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#ifndef Q_OS_WIN
#include <unistd.h>
#endif

namespace mtls {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ReminderSchedule)
};

const QString kSystemd = QString::fromLatin1(ReminderJob::kSystemdName);

struct ToolRun
{
    bool ok = false;
    QString output; // stderr and stdout, trimmed
};

// Runs a scheduler tool (bounded); records the command as one would type it.
ToolRun runTool(const QString& program, const QStringList& arguments, QStringList& commands)
{
    QStringList shown {program};
    for (const QString& argument : arguments)
        shown << (argument.contains(QLatin1Char(' ')) ? shellWord(argument) : argument);
    commands << shown.join(QLatin1Char(' '));
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setProcessChannelMode(QProcess::MergedChannels);
    prepareChild(process);
    process.start();
    ToolRun run;
    if (!process.waitForFinished(30000)) {
        run.output = process.errorString();
        process.kill();
        process.waitForFinished(1000);
        return run;
    }
    run.output = QString::fromLocal8Bit(process.readAll()).trimmed();
    run.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    qCDebug(lcSetup) << "ran" << program << arguments << "ok" << run.ok;
    return run;
}

Status writeAtomically(const QString& path, const QByteArray& data)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error(Text::tr("The folder %1 cannot be created.").arg(QFileInfo(path).absolutePath()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(Text::tr("The file %1 cannot be written.").arg(path), file.errorString());
    file.write(data);
    if (!file.commit())
        return Error(Text::tr("The file %1 cannot be written.").arg(path), file.errorString());
    return {};
}

// Removes `path` when it is there (a symbolic link itself, never its target); adds it to `removed`.
Status removeFile(const QString& path, QStringList& removed)
{
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return {};
    if (!QFile::remove(path))
        return Error(Text::tr("The file %1 cannot be deleted.").arg(path));
    removed << path;
    return {};
}

QString userId()
{
#ifdef Q_OS_WIN
    return QString();
#else
    return QString::number(getuid());
#endif
}

QString launchAgentPath()
{
    return QDir::home().filePath(
        QStringLiteral("Library/LaunchAgents/%1.plist").arg(QLatin1String(ReminderJob::kLaunchAgentLabel)));
}
} // namespace

QJsonObject ReminderScheduleOutcome::toJson() const
{
    return {{QStringLiteral("active"), active},
            {QStringLiteral("scheduler"), scheduler},
            {QStringLiteral("files"), QJsonArray::fromStringList(files)},
            {QStringLiteral("commands"), QJsonArray::fromStringList(commands)},
            {QStringLiteral("findings"), findingsToJson(findings)}};
}

ReminderSchedule::ReminderSchedule(QString cliPath, QString stateDirectory)
    : m_cliPath(std::move(cliPath))
    , m_stateDirectory(std::move(stateDirectory))
{
}

QString ReminderSchedule::systemdUserDirectory()
{
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (config.isEmpty() || !QDir::isAbsolutePath(config))
        config = QDir::home().filePath(QStringLiteral(".config"));
    return QDir(config).filePath(QStringLiteral("systemd/user"));
}

Result<ReminderScheduleOutcome> ReminderSchedule::install() const
{
    if (m_cliPath.isEmpty() || !QFileInfo(m_cliPath).isAbsolute())
        return Error(Text::tr("mtls-assistant-cli was not found, so no daily job can run it: install it with the "
                              "assistant, or set MTLS_CLI to its absolute path."));
    ReminderJob job;
    job.cliPath = QDir::toNativeSeparators(m_cliPath);
#if defined(Q_OS_WIN)
    return installTask(job);
#elif defined(Q_OS_MACOS)
    return installLaunchAgent(job);
#else
    return installSystemd(job);
#endif
}

Result<ReminderScheduleOutcome> ReminderSchedule::remove() const
{
    Result<ReminderScheduleOutcome> outcome =
#if defined(Q_OS_WIN)
        removeTask();
#elif defined(Q_OS_MACOS)
        removeLaunchAgent();
#else
        removeSystemd();
#endif
    if (!outcome)
        return outcome;
    // What the job remembered goes with it.
    if (const Status removed = removeFile(QDir(m_stateDirectory).filePath(ReminderState::fileName()), outcome->files);
        !removed)
        return removed.error();
    return outcome;
}

Result<ReminderScheduleOutcome> ReminderSchedule::installSystemd(const ReminderJob& job) const
{
    ReminderScheduleOutcome outcome;
    outcome.scheduler = QStringLiteral("systemd");
    const Result<QString> service = job.systemdService();
    if (!service)
        return service.error();
    const QDir directory(systemdUserDirectory());
    const QString servicePath = directory.filePath(kSystemd + QStringLiteral(".service"));
    const QString timerPath = directory.filePath(kSystemd + QStringLiteral(".timer"));
    if (const Status written = writeAtomically(servicePath, service->toUtf8()); !written)
        return written.error();
    if (const Status written = writeAtomically(timerPath, job.systemdTimer().toUtf8()); !written) {
        QFile::remove(servicePath);
        return written.error();
    }
    outcome.files << servicePath << timerPath;

    const QString cron = QStringLiteral("0 10 * * * %1 remind --run").arg(shellWord(job.cliPath));
    const QString elsewhere
        = Text::tr("To be reminded anyway, run \"mtls-assistant-cli remind --run\" once a day with another scheduler "
                   "(cron: crontab -e, then the line %1), or delete the units with \"mtls-assistant-cli remind "
                   "--remove\".")
              .arg(cron);
    const QString systemctl = QStandardPaths::findExecutable(QStringLiteral("systemctl"));
    if (!QFileInfo::exists(QStringLiteral("/run/systemd/system")) || systemctl.isEmpty()) {
        outcome.findings << errorFinding(
            QStringLiteral("REMIND_NO_SYSTEMD_USER"),
            Text::tr("This system has no systemd user instance (systemd is not running as the system's init), so "
                     "nothing will run the daily job. The units are written in %1 and %2, but not active.")
                .arg(servicePath, timerPath),
            elsewhere);
        return outcome;
    }
    const ToolRun reload
        = runTool(systemctl, {QStringLiteral("--user"), QStringLiteral("daemon-reload")}, outcome.commands);
    if (!reload.ok) {
        outcome.findings << errorFinding(
            QStringLiteral("REMIND_NO_SYSTEMD_USER"),
            Text::tr("The systemd user instance cannot be reached (%1), so nothing will run the daily job. The units "
                     "are written in %2 and %3, but not active.")
                .arg(reload.output, servicePath, timerPath),
            Text::tr("In a desktop session (where systemd runs for your user), run \"mtls-assistant-cli remind "
                     "--install\" again. %1")
                .arg(elsewhere));
        return outcome;
    }
    const ToolRun enable = runTool(systemctl,
                                   {QStringLiteral("--user"), QStringLiteral("enable"), QStringLiteral("--now"),
                                    kSystemd + QStringLiteral(".timer")},
                                   outcome.commands);
    if (!enable.ok) {
        outcome.findings << errorFinding(QStringLiteral("REMIND_SCHEDULER_FAILED"),
                                         Text::tr("The timer could not be enabled: %1").arg(enable.output), elsewhere);
        return outcome;
    }
    outcome.active = true;
    return outcome;
}

Result<ReminderScheduleOutcome> ReminderSchedule::removeSystemd() const
{
    ReminderScheduleOutcome outcome;
    outcome.scheduler = QStringLiteral("systemd");
    const QDir directory(systemdUserDirectory());
    const QString timer = kSystemd + QStringLiteral(".timer");
    const QString systemctl = QStandardPaths::findExecutable(QStringLiteral("systemctl"));
    const bool systemd = QFileInfo::exists(QStringLiteral("/run/systemd/system")) && !systemctl.isEmpty();
    const bool present = QFileInfo::exists(directory.filePath(timer));
    if (systemd && present)
        runTool(systemctl, {QStringLiteral("--user"), QStringLiteral("disable"), QStringLiteral("--now"), timer},
                outcome.commands); // without a user instance the link is deleted below
    for (const QString& path : {directory.filePath(QStringLiteral("timers.target.wants/") + timer),
                                directory.filePath(timer), directory.filePath(kSystemd + QStringLiteral(".service"))}) {
        if (const Status removed = removeFile(path, outcome.files); !removed)
            return removed.error();
    }
    if (systemd && present)
        runTool(systemctl, {QStringLiteral("--user"), QStringLiteral("daemon-reload")}, outcome.commands);
    // Folders left empty (rmdir never deletes a folder that holds something).
    QDir().rmdir(directory.filePath(QStringLiteral("timers.target.wants")));
    QDir().rmdir(directory.path());
    QDir().rmdir(QFileInfo(directory.path()).absolutePath());
    outcome.active = false;
    return outcome;
}

Result<ReminderScheduleOutcome> ReminderSchedule::installTask(const ReminderJob& job) const
{
    ReminderScheduleOutcome outcome;
    outcome.scheduler = QStringLiteral("task-scheduler");
    // schtasks reads the definition in UTF-16 with a byte order mark, as its own exports are.
    QTemporaryDir temporary;
    if (!temporary.isValid())
        return Error(Text::tr("A temporary folder cannot be created."), temporary.errorString());
    const QString file = temporary.filePath(QStringLiteral("mtls-assistant-remind.xml"));
    QByteArray data("\xff\xfe", 2);
    const QString xml = job.taskSchedulerXml();
    data.append(reinterpret_cast<const char*>(xml.utf16()), xml.size() * 2);
    if (const Status written = writeAtomically(file, data); !written)
        return written.error();
    const ToolRun create
        = runTool(QStringLiteral("schtasks"),
                  {QStringLiteral("/Create"), QStringLiteral("/TN"), QLatin1String(ReminderJob::kTaskName),
                   QStringLiteral("/XML"), QDir::toNativeSeparators(file), QStringLiteral("/F")},
                  outcome.commands);
    if (!create.ok) {
        outcome.findings << errorFinding(
            QStringLiteral("REMIND_SCHEDULER_FAILED"),
            Text::tr("The task could not be registered: %1").arg(create.output),
            Text::tr("Run \"mtls-assistant-cli remind --run\" once a day some other way."));
        return outcome;
    }
    outcome.active = true;
    return outcome;
}

Result<ReminderScheduleOutcome> ReminderSchedule::removeTask() const
{
    ReminderScheduleOutcome outcome;
    outcome.scheduler = QStringLiteral("task-scheduler");
    runTool(
        QStringLiteral("schtasks"),
        {QStringLiteral("/Delete"), QStringLiteral("/TN"), QLatin1String(ReminderJob::kTaskName), QStringLiteral("/F")},
        outcome.commands); // fails when there is no such task: nothing to remove
    return outcome;
}

Result<ReminderScheduleOutcome> ReminderSchedule::installLaunchAgent(const ReminderJob& job) const
{
    ReminderScheduleOutcome outcome;
    outcome.scheduler = QStringLiteral("launchd");
    const QString path = launchAgentPath();
    const QString domain = QStringLiteral("gui/") + userId();
    // A job loaded before (an older definition) first leaves.
    runTool(QStringLiteral("launchctl"),
            {QStringLiteral("bootout"), domain + QLatin1Char('/') + QLatin1String(ReminderJob::kLaunchAgentLabel)},
            outcome.commands);
    outcome.commands.clear();
    if (const Status written = writeAtomically(path, job.launchAgentPlist().toUtf8()); !written)
        return written.error();
    outcome.files << path;
    const ToolRun bootstrap
        = runTool(QStringLiteral("launchctl"), {QStringLiteral("bootstrap"), domain, path}, outcome.commands);
    if (!bootstrap.ok) {
        outcome.findings << errorFinding(
            QStringLiteral("REMIND_SCHEDULER_FAILED"),
            Text::tr("The LaunchAgent %1 could not be loaded: %2").arg(path, bootstrap.output),
            Text::tr("Log in to the desktop and run \"mtls-assistant-cli remind --install\" again, or delete it with "
                     "\"mtls-assistant-cli remind --remove\"."));
        return outcome;
    }
    outcome.active = true;
    return outcome;
}

Result<ReminderScheduleOutcome> ReminderSchedule::removeLaunchAgent() const
{
    ReminderScheduleOutcome outcome;
    outcome.scheduler = QStringLiteral("launchd");
    runTool(QStringLiteral("launchctl"),
            {QStringLiteral("bootout"),
             QStringLiteral("gui/") + userId() + QLatin1Char('/') + QLatin1String(ReminderJob::kLaunchAgentLabel)},
            outcome.commands);
    if (const Status removed = removeFile(launchAgentPath(), outcome.files); !removed)
        return removed.error();
    return outcome;
}

} // namespace mtls
