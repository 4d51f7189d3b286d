#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

namespace mtls {

// The definitions of the daily reminder job, as text, for each platform's scheduler. The same arguments on every
// platform: `<cli> remind --run`. Generated on every platform (and unit-tested as text on Linux); only the
// platform's own one is registered (ReminderSchedule).
struct ReminderJob
{
    QString cliPath; // absolute path of mtls-assistant-cli
    QStringList arguments() const { return {QStringLiteral("remind"), QStringLiteral("--run")}; }

    static constexpr const char* kSystemdName = "mtls-assistant-remind"; // .service and .timer
    static constexpr const char* kLaunchAgentLabel = "io.github.mtls_assistant.MtlsAssistant.remind";
    static constexpr const char* kTaskName = "\\mTLS Assistant\\Daily reminder";

    // systemd user units: a oneshot service and a daily, persistent timer. An Error when the path holds a control
    // character (a line break would end the ExecStart line).
    Result<QString> systemdService() const;
    QString systemdTimer() const;
    // Task Scheduler XML (schema 1.2): a daily calendar trigger, started as soon as possible when missed.
    QString taskSchedulerXml() const;
    // launchd LaunchAgent property list: every day at 10:00 (launchd runs a missed run at wake).
    QString launchAgentPlist() const;
};

// One word of a systemd command line (ExecStart=): double-quoted, with backslash, quote and "%" (specifiers)
// escaped, and "$" (variables) in an argument; systemd expands no variable in the program's path, so there a "$"
// stays as it is.
enum class SystemdWord { Program, Argument };
QString systemdQuoted(const QString& word, SystemdWord kind = SystemdWord::Argument);
} // namespace mtls
