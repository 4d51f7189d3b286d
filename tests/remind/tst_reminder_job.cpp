#include "core/CommandLineQuoting.h"
#include "remind/ReminderJob.h"

#include <QTest>
#include <QXmlStreamReader>

using namespace mtls;

// The job definitions of every platform, as text: what systemd, Task Scheduler and launchd will read.
class TestReminderJob : public QObject
{
    Q_OBJECT

private slots:
    void systemdService_data();
    void systemdService();
    void systemdRefusesControlCharacters();
    void systemdTimer();
    void taskSchedulerXml_data();
    void taskSchedulerXml();
    void launchAgentPlist_data();
    void launchAgentPlist();
    void windowsArguments_data();
    void windowsArguments();

private:
    static void addPaths();
};

void TestReminderJob::addPaths()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("plain") << QStringLiteral("/usr/bin/mtls-assistant-cli");
    QTest::newRow("spaces") << QStringLiteral("/opt/mTLS Assistant/bin/mtls-assistant-cli");
    QTest::newRow("markup") << QStringLiteral("/home/a&b/<dir>/it's \"here\"/mtls-assistant-cli");
    QTest::newRow("windows") << QStringLiteral("C:\\Program Files\\A & B <x>\\mtls-assistant-cli.exe");
    QTest::newRow("specifiers") << QStringLiteral("/home/u/100%/$HOME/\\n/mtls-assistant-cli");
}

// Splits an ExecStart= value the way systemd does for double-quoted words (backslash escapes; "%%", and "$$" in
// the arguments: systemd expands no variable in the program's path).
static QStringList systemdWords(const QString& line)
{
    QStringList words;
    QString word;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('\\') && i + 1 < line.size())
                word += line.at(++i);
            else if (c == QLatin1Char('"'))
                quoted = false;
            else if ((c == QLatin1Char('%') || (c == QLatin1Char('$') && !words.isEmpty())) && i + 1 < line.size()
                     && line.at(i + 1) == c)
                word += line.at(++i);
            else
                word += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(' ')) {
            words << word;
            word.clear();
        } else {
            word += c;
        }
    }
    words << word;
    return words;
}

void TestReminderJob::systemdService_data()
{
    addPaths();
}

void TestReminderJob::systemdService()
{
    QFETCH(QString, path);
    const ReminderJob job {path};
    const Result<QString> text = job.systemdService();
    QVERIFY(text.ok());
    QVERIFY(text->contains(QLatin1String("\nType=oneshot\n")));
    const QStringList lines = text->split(QLatin1Char('\n'));
    QStringList exec = lines.filter(QRegularExpression(QStringLiteral("^ExecStart=")));
    QCOMPARE(exec.size(), 1);
    const QString value = exec.first().mid(int(qstrlen("ExecStart=")));
    QVERIFY2(value.startsWith(QLatin1Char('"')), qPrintable(value)); // an absolute path, quoted
    QCOMPARE(systemdWords(value), (QStringList {path, QStringLiteral("remind"), QStringLiteral("--run")}));
    // A lone "%" would be a specifier.
    QVERIFY(!value.contains(QRegularExpression(QStringLiteral("(?<![%])%(?![%])"))));
    QCOMPARE(systemdQuoted(QStringLiteral("$HOME"), SystemdWord::Argument), QStringLiteral("\"$$HOME\""));
}

void TestReminderJob::systemdRefusesControlCharacters()
{
    const ReminderJob job {QStringLiteral("/tmp/a\nExecStartPre=/bin/evil/mtls-assistant-cli")};
    QVERIFY(!job.systemdService().ok());
}

void TestReminderJob::systemdTimer()
{
    const QString timer = ReminderJob {QStringLiteral("/x")}.systemdTimer();
    QVERIFY(timer.contains(QLatin1String("\n[Timer]\nOnCalendar=daily\nPersistent=true\nRandomizedDelaySec=")));
    QVERIFY(timer.contains(QLatin1String("\n[Install]\nWantedBy=timers.target\n")));
}

void TestReminderJob::taskSchedulerXml_data()
{
    addPaths();
}

void TestReminderJob::taskSchedulerXml()
{
    QFETCH(QString, path);
    const QString text = ReminderJob {path}.taskSchedulerXml();
    QVERIFY(text.startsWith(QLatin1String("<?xml version=\"1.0\" encoding=\"UTF-16\"?>")));
    QXmlStreamReader xml(text);
    QString command, arguments, interval, startBoundary, startWhenAvailable, rootNamespace;
    QStringList elements;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString element = xml.name().toString();
        if (elements.isEmpty())
            rootNamespace = xml.namespaceUri().toString();
        elements << element;
        if (element == QLatin1String("Command"))
            command = xml.readElementText();
        else if (element == QLatin1String("Arguments"))
            arguments = xml.readElementText();
        else if (element == QLatin1String("DaysInterval"))
            interval = xml.readElementText();
        else if (element == QLatin1String("StartBoundary"))
            startBoundary = xml.readElementText();
        else if (element == QLatin1String("StartWhenAvailable"))
            startWhenAvailable = xml.readElementText();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(elements.first(), QStringLiteral("Task"));
    QCOMPARE(rootNamespace, QStringLiteral("http://schemas.microsoft.com/windows/2004/02/mit/task"));
    QVERIFY(elements.contains(QStringLiteral("CalendarTrigger")));
    QCOMPARE(interval, QStringLiteral("1")); // every day
    QVERIFY(QDateTime::fromString(startBoundary, Qt::ISODate).isValid());
    QCOMPARE(startWhenAvailable, QStringLiteral("true")); // a missed day runs as soon as possible
    // The path as a Windows program reads its command: quoted when it holds a space.
    QCOMPARE(command, windowsArgument(path));
    if (path.contains(QLatin1Char(' ')))
        QVERIFY(command.startsWith(QLatin1Char('"')) && command.endsWith(QLatin1Char('"')));
    QCOMPARE(arguments, QStringLiteral("remind --run"));
}

void TestReminderJob::launchAgentPlist_data()
{
    addPaths();
}

void TestReminderJob::launchAgentPlist()
{
    QFETCH(QString, path);
    const QString text = ReminderJob {path}.launchAgentPlist();
    QXmlStreamReader xml(text);
    QStringList strings;
    QStringList keys;
    QString lastKey;
    QString hour;
    bool sawDtd = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::DTD)
            sawDtd = xml.dtdName() == QLatin1String("plist");
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("key")) {
            lastKey = xml.readElementText();
            keys << lastKey;
        } else if (xml.name() == QLatin1String("string")) {
            strings << xml.readElementText();
        } else if (xml.name() == QLatin1String("integer") && lastKey == QLatin1String("Hour")) {
            hour = xml.readElementText();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(sawDtd);
    QCOMPARE(keys.first(), QStringLiteral("Label"));
    QCOMPARE(strings.first(), QString::fromLatin1(ReminderJob::kLaunchAgentLabel));
    QVERIFY(keys.contains(QStringLiteral("StartCalendarInterval"))); // daily: an hour without a day
    QVERIFY(!keys.contains(QStringLiteral("Weekday")) && !keys.contains(QStringLiteral("Day")));
    QCOMPARE(hour, QStringLiteral("10"));
    // ProgramArguments: one string per argument, no shell in between.
    QCOMPARE(strings.mid(1, 3), (QStringList {path, QStringLiteral("remind"), QStringLiteral("--run")}));
}

void TestReminderJob::windowsArguments_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << QStringLiteral("C:\\bin\\cli.exe") << QStringLiteral("C:\\bin\\cli.exe");
    QTest::newRow("space") << QStringLiteral("C:\\Program Files\\cli.exe")
                           << QStringLiteral("\"C:\\Program Files\\cli.exe\"");
    QTest::newRow("quote") << QStringLiteral("a \"b\"") << QStringLiteral("\"a \\\"b\\\"\"");
    QTest::newRow("trailing backslash") << QStringLiteral("C:\\a b\\") << QStringLiteral("\"C:\\a b\\\\\"");
    QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
}

void TestReminderJob::windowsArguments()
{
    QFETCH(QString, argument);
    QFETCH(QString, quoted);
    QCOMPARE(windowsArgument(argument), quoted);
}

QTEST_GUILESS_MAIN(TestReminderJob)
#include "tst_reminder_job.moc"
