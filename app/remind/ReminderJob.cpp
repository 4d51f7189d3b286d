#include "ReminderJob.h"

#include "core/CommandLineQuoting.h"
#include "core/TextEscape.h"
#include "core/Version.h"

#include <QCoreApplication>
#include <QXmlStreamWriter>

namespace mtls {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ReminderJob)
};

bool hasControlCharacter(const QString& text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}
} // namespace

QString systemdQuoted(const QString& word, SystemdWord kind)
{
    QString quoted;
    quoted.reserve(word.size() + 2);
    quoted += QLatin1Char('"');
    for (const QChar c : word) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"'))
            quoted += QLatin1Char('\\');
        else if (c == QLatin1Char('%') || (c == QLatin1Char('$') && kind == SystemdWord::Argument))
            quoted += c; // "%%" and "$$" stand for the character itself
        quoted += c;
    }
    quoted += QLatin1Char('"');
    return quoted;
}

Result<QString> ReminderJob::systemdService() const
{
    if (hasControlCharacter(cliPath))
        return Error(Text::tr("The path of mtls-assistant-cli holds a control character and cannot be written into a "
                              "systemd unit: %1")
                         .arg(escapeControlCharacters(cliPath)));
    QStringList command {systemdQuoted(cliPath, SystemdWord::Program)};
    for (const QString& argument : arguments())
        command << systemdQuoted(argument);
    return QStringLiteral("# Written by mTLS Assistant (mtls-assistant-cli remind --install); removed by\n"
                          "# mtls-assistant-cli remind --remove.\n"
                          "[Unit]\n"
                          "Description=mTLS Assistant: reminders before webhook certificates expire\n"
                          "Documentation=%1\n"
                          "\n"
                          "[Service]\n"
                          "Type=oneshot\n"
                          "ExecStart=%2\n"
                          "# 1: something needs attention (a notification was raised or is due); not a failure.\n"
                          "SuccessExitStatus=1\n")
        .arg(QStringLiteral(MTLS_HOMEPAGE), command.join(QLatin1Char(' ')));
}

QString ReminderJob::systemdTimer() const
{
    return QStringLiteral("# Written by mTLS Assistant (mtls-assistant-cli remind --install); removed by\n"
                          "# mtls-assistant-cli remind --remove.\n"
                          "[Unit]\n"
                          "Description=mTLS Assistant: daily check of the saved webhook setups\n"
                          "Documentation=%1\n"
                          "\n"
                          "[Timer]\n"
                          "OnCalendar=daily\n"
                          "Persistent=true\n"
                          "RandomizedDelaySec=1h\n"
                          "\n"
                          "[Install]\n"
                          "WantedBy=timers.target\n")
        .arg(QStringLiteral(MTLS_HOMEPAGE));
}

QString ReminderJob::taskSchedulerXml() const
{
    QString text = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n");
    QXmlStreamWriter xml(&text);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    const QString ns = QStringLiteral("http://schemas.microsoft.com/windows/2004/02/mit/task");
    xml.writeDefaultNamespace(ns);
    xml.writeStartElement(ns, QStringLiteral("Task"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.2"));
    xml.writeStartElement(ns, QStringLiteral("RegistrationInfo"));
    xml.writeTextElement(ns, QStringLiteral("Author"), QStringLiteral(MTLS_APP_NAME));
    xml.writeTextElement(ns, QStringLiteral("Description"),
                         QStringLiteral("Daily check of the saved webhook setups: a notification before a "
                                        "certificate expires or when the live endpoint changed."));
    xml.writeTextElement(ns, QStringLiteral("URI"), QLatin1String(kTaskName));
    xml.writeEndElement();
    xml.writeStartElement(ns, QStringLiteral("Triggers"));
    xml.writeStartElement(ns, QStringLiteral("CalendarTrigger"));
    xml.writeTextElement(ns, QStringLiteral("StartBoundary"), QStringLiteral("2024-01-01T10:00:00"));
    xml.writeTextElement(ns, QStringLiteral("Enabled"), QStringLiteral("true"));
    xml.writeTextElement(ns, QStringLiteral("RandomDelay"), QStringLiteral("PT1H"));
    xml.writeStartElement(ns, QStringLiteral("ScheduleByDay"));
    xml.writeTextElement(ns, QStringLiteral("DaysInterval"), QStringLiteral("1"));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeStartElement(ns, QStringLiteral("Principals"));
    xml.writeStartElement(ns, QStringLiteral("Principal"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("Author"));
    xml.writeTextElement(ns, QStringLiteral("LogonType"), QStringLiteral("InteractiveToken"));
    xml.writeTextElement(ns, QStringLiteral("RunLevel"), QStringLiteral("LeastPrivilege"));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeStartElement(ns, QStringLiteral("Settings"));
    xml.writeTextElement(ns, QStringLiteral("StartWhenAvailable"), QStringLiteral("true"));
    xml.writeTextElement(ns, QStringLiteral("DisallowStartIfOnBatteries"), QStringLiteral("false"));
    xml.writeTextElement(ns, QStringLiteral("StopIfGoingOnBatteries"), QStringLiteral("false"));
    xml.writeTextElement(ns, QStringLiteral("MultipleInstancesPolicy"), QStringLiteral("IgnoreNew"));
    xml.writeTextElement(ns, QStringLiteral("ExecutionTimeLimit"), QStringLiteral("PT1H"));
    xml.writeEndElement();
    xml.writeStartElement(ns, QStringLiteral("Actions"));
    xml.writeAttribute(QStringLiteral("Context"), QStringLiteral("Author"));
    xml.writeStartElement(ns, QStringLiteral("Exec"));
    xml.writeTextElement(ns, QStringLiteral("Command"), windowsArgument(cliPath));
    QStringList arguments;
    for (const QString& argument : this->arguments())
        arguments << windowsArgument(argument);
    xml.writeTextElement(ns, QStringLiteral("Arguments"), arguments.join(QLatin1Char(' ')));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement(); // Task
    xml.writeEndDocument();
    return text;
}

QString ReminderJob::launchAgentPlist() const
{
    QString text = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                  "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                                  "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n");
    QXmlStreamWriter xml(&text);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartElement(QStringLiteral("plist"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.0"));
    xml.writeStartElement(QStringLiteral("dict"));
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("Label"));
    xml.writeTextElement(QStringLiteral("string"), QLatin1String(kLaunchAgentLabel));
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("ProgramArguments"));
    xml.writeStartElement(QStringLiteral("array"));
    xml.writeTextElement(QStringLiteral("string"), cliPath);
    for (const QString& argument : arguments())
        xml.writeTextElement(QStringLiteral("string"), argument);
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("StartCalendarInterval"));
    xml.writeStartElement(QStringLiteral("dict"));
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("Hour"));
    xml.writeTextElement(QStringLiteral("integer"), QStringLiteral("10"));
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("Minute"));
    xml.writeTextElement(QStringLiteral("integer"), QStringLiteral("0"));
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("ProcessType"));
    xml.writeTextElement(QStringLiteral("string"), QStringLiteral("Background"));
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("RunAtLoad"));
    xml.writeEmptyElement(QStringLiteral("false"));
    xml.writeEndElement(); // dict
    xml.writeEndElement(); // plist
    xml.writeEndDocument();
    return text;
}

} // namespace mtls
