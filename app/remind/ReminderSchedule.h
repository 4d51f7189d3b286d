#pragma once

#include "ReminderJob.h"
#include "core/Finding.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QStringList>

namespace mtls {

// What installing or removing the daily job did.
struct ReminderScheduleOutcome
{
    bool active = false; // the platform's scheduler now runs the job (install) / no longer does (remove)
    QString scheduler; // "systemd", "task-scheduler", "launchd"
    QStringList files; // written (install) or deleted (remove)
    QStringList commands; // the scheduler commands run, as one would type them
    Findings findings; // REMIND_NO_SYSTEMD_USER, REMIND_SCHEDULER_FAILED

    QJsonObject toJson() const;
};

// Registers the daily reminder job with the platform's scheduler, or removes it: a systemd user timer on Linux
// (units in $XDG_CONFIG_HOME/systemd/user), a Task Scheduler task on Windows (schtasks /Create /XML), a
// LaunchAgent on macOS (~/Library/LaunchAgents, launchctl bootstrap gui/UID). Blocks (runs the scheduler's tools).
class ReminderSchedule
{
public:
    // `cliPath`: the program the job runs (absolute). `stateDirectory`: where the reminder state is kept (the saved
    // setups' folder); remove() deletes it there.
    ReminderSchedule(QString cliPath, QString stateDirectory);

    Result<ReminderScheduleOutcome> install() const;
    Result<ReminderScheduleOutcome> remove() const;

    // $XDG_CONFIG_HOME/systemd/user (~/.config/systemd/user when unset).
    static QString systemdUserDirectory();

private:
    Result<ReminderScheduleOutcome> installSystemd(const ReminderJob& job) const;
    Result<ReminderScheduleOutcome> removeSystemd() const;
    Result<ReminderScheduleOutcome> installTask(const ReminderJob& job) const;
    Result<ReminderScheduleOutcome> removeTask() const;
    Result<ReminderScheduleOutcome> installLaunchAgent(const ReminderJob& job) const;
    Result<ReminderScheduleOutcome> removeLaunchAgent() const;

    QString m_cliPath;
    QString m_stateDirectory;
};

} // namespace mtls
