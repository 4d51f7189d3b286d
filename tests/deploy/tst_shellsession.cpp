// ShellSession against a real /bin/sh: commands framed one at a time in one long-lived process, exit statuses,
// output in order with standard error, lines as they come, no command reading the next ones, time and size bounds,
// files uploaded byte for byte with their mode.

#include "deploy/ShellSession.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace mtls;
using namespace std::chrono_literals;

class TestShellSession : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void commandsShareOneShell();
    void exitStatusAndMergedOutput();
    void outputWithoutFinalNewline();
    void linesAsTheyCome();
    void commandCannotReadNextCommands();
    void timeoutEndsSession();
    void stopFromLineHandler();
    void outputBounded();
    void handedLinesNotKept();
    void shellEndingIsAnError();
    void uploadKeepsBytesAndMode();
    void answersPromptBeforeShell();

private:
    std::unique_ptr<ShellSession> m_shell;
};

void TestShellSession::init()
{
    m_shell = std::make_unique<ShellSession>();
    QVERIFY(m_shell->start(QStringLiteral("/bin/sh"), {QStringLiteral("-s")}).ok());
}

void TestShellSession::commandsShareOneShell()
{
    QVERIFY(m_shell->run("x=41; cd /tmp", 5s).ok());
    const Result<ShellRun> run = m_shell->run("echo $((x + 1)) $(pwd) $$", 5s);
    QVERIFY(run.ok());
    QCOMPARE(run->exitCode, 0);
    const QList<QByteArray> words = run->output.trimmed().split(' ');
    QCOMPARE(words.value(0), QByteArray("42"));
    QCOMPARE(words.value(1), QByteArray("/tmp"));
    const Result<ShellRun> again = m_shell->run("echo $$", 5s);
    QCOMPARE(again->output.trimmed(), words.value(2)); // the same process
}

void TestShellSession::exitStatusAndMergedOutput()
{
    const Result<ShellRun> run = m_shell->run("echo out; echo err >&2; echo out2\nexit_with() { return \"$1\"; }\n"
                                              "exit_with 7",
                                              5s);
    QVERIFY(run.ok());
    QCOMPARE(run->exitCode, 7);
    QCOMPARE(run->output, QByteArray("out\nerr\nout2\n"));
    QVERIFY(m_shell->isRunning());
}

void TestShellSession::outputWithoutFinalNewline()
{
    const Result<ShellRun> run = m_shell->run("printf 'a\\nb'", 5s);
    QCOMPARE(run->output, QByteArray("a\nb"));
    const Result<ShellRun> empty = m_shell->run("true", 5s);
    QCOMPARE(empty->output, QByteArray());
    QCOMPARE(empty->exitCode, 0);
    const Result<ShellRun> blank = m_shell->run("echo; echo", 5s);
    QCOMPARE(blank->output, QByteArray("\n\n"));
}

void TestShellSession::linesAsTheyCome()
{
    // The command waits (up to 10 s) for a file that only the handler of its first line creates: the line must be
    // handed while the command still runs.
    QTemporaryDir dir;
    const QByteArray flag = QFile::encodeName(dir.filePath(QStringLiteral("seen-one")));
    QList<QByteArray> lines;
    const Result<ShellRun> run = m_shell->run("echo one; i=0; while [ ! -e '" + flag
                                                  + "' ] && [ $i -lt 100 ]; do "
                                                    "sleep 0.1; i=$((i + 1)); done; [ -e '"
                                                  + flag
                                                  + "' ] && echo two; "
                                                    "printf three",
                                              20s, [&](const QByteArray& line) {
                                                  lines << line;
                                                  if (line == "one")
                                                      QFile(QFile::decodeName(flag)).open(QIODevice::WriteOnly);
                                              });
    QVERIFY(run.ok());
    QCOMPARE(lines, (QList<QByteArray> {"one", "two", "three"}));
}

void TestShellSession::commandCannotReadNextCommands()
{
    // A command that reads its input gets nothing: the next command is not eaten.
    const Result<ShellRun> run = m_shell->run("cat; echo read-done", 5s);
    QCOMPARE(run->output, QByteArray("read-done\n"));
    QCOMPARE(m_shell->run("echo still-here", 5s)->output, QByteArray("still-here\n"));
}

void TestShellSession::timeoutEndsSession()
{
    QElapsedTimer clock;
    clock.start();
    const Result<ShellRun> run = m_shell->run("sleep 30", 300ms);
    QVERIFY(!run.ok());
    QVERIFY(clock.elapsed() < 20000);
    QVERIFY(!m_shell->isRunning());
    QVERIFY(!m_shell->run("true", 1s).ok());
}

void TestShellSession::stopFromLineHandler()
{
    // A command that would run for long (tail -F) is stopped from its line handler: run() returns at once, with the
    // lines so far, and the session is over.
    QElapsedTimer clock;
    clock.start();
    QList<QByteArray> lines;
    const Result<ShellRun> run
        = m_shell->run("echo one; echo two; sleep 5; echo three", 20s, [&](const QByteArray& line) {
              lines << line;
              if (line == "two")
                  m_shell->stop();
          });
    QVERIFY(run.ok());
    QVERIFY(run->stopped);
    QCOMPARE(lines, (QList<QByteArray> {"one", "two"}));
    QCOMPARE(run->output, QByteArray("one\ntwo\n"));
    QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!m_shell->isRunning());
    QVERIFY(!m_shell->run("true", 1s).ok());
}

void TestShellSession::outputBounded()
{
    const Result<ShellRun> run = m_shell->run("yes 0123456789", 20s, {}, 1024 * 1024);
    QVERIFY(!run.ok());
    QVERIFY(!m_shell->isRunning());
}

void TestShellSession::handedLinesNotKept()
{
    // 8 MiB of lines to a handler with a bound of 1 MiB: what the handler saw is not kept, so it goes through.
    qint64 seen = 0;
    const Result<ShellRun> run = m_shell->run(
        "yes 0123456789abcde | head -n 524288", 30s, [&](const QByteArray& line) { seen += line.size() + 1; },
        1024 * 1024);
    QVERIFY2(run.ok(), qPrintable(run.ok() ? QString() : run.error().message));
    QCOMPARE(seen, qint64(8 * 1024 * 1024));
    QVERIFY(run->output.size() <= 2 * 1024 * 1024);
    QCOMPARE(m_shell->run("echo still-here", 5s)->output, QByteArray("still-here\n"));
}

void TestShellSession::shellEndingIsAnError()
{
    const Result<ShellRun> run = m_shell->run("exit 3", 5s);
    QVERIFY(!run.ok());
    QCOMPARE(m_shell->exitCode(), 3);
}

void TestShellSession::uploadKeepsBytesAndMode()
{
    QTemporaryDir dir;
    QByteArray content;
    for (int i = 0; i < 70000; ++i)
        content.append(char(i * 7919 % 256));
    content += "\nMTLS_UPLOAD_END\n'quote' $(touch /tmp/never) `x`\n";
    const QString path = dir.filePath(QStringLiteral("a file 'with' quotes"));
    const Result<ShellRun> run = m_shell->run(uploadCommand(path, content, 0640), 10s);
    QVERIFY(run.ok());
    QCOMPARE(run->exitCode, 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), content);
    struct stat info
    {
    };
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(int(info.st_mode & 07777), 0640);

    // The same through bash (the sh of Red Hat's servers), and an empty file.
    ShellSession bash;
    QVERIFY(bash.start(QStringLiteral("/bin/bash"), {QStringLiteral("-s")}).ok());
    const QString second = dir.filePath(QStringLiteral("second"));
    QCOMPARE(bash.run(uploadCommand(second, content), 10s)->exitCode, 0);
    QFile copy(second);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), content);
    const QString empty = dir.filePath(QStringLiteral("empty"));
    QCOMPARE(bash.run(uploadCommand(empty, QByteArray()), 10s)->exitCode, 0);
    QCOMPARE(QFileInfo(empty).size(), 0);
}

void TestShellSession::answersPromptBeforeShell()
{
    // What sudo -S does: a prompt on standard error, one line read from standard input, then the shell.
    ShellSession session;
    QVERIFY(session
                .start(QStringLiteral("/bin/sh"),
                       {QStringLiteral("-c"),
                        QStringLiteral("printf 'PROMPT-x1' >&2; read -r answer; "
                                       "[ \"$answer\" = secret ] && exec sh -s; exit 9")})
                .ok());
    QVERIFY(session.waitForError("PROMPT-x1", 5s));
    QVERIFY(session.write("secret\n").ok());
    QCOMPARE(session.run("echo in", 5s)->output, QByteArray("in\n"));

    ShellSession wrong;
    QVERIFY(wrong.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("exit 0")}).ok());
    QVERIFY(!wrong.waitForError("PROMPT", 2s));
}

QTEST_GUILESS_MAIN(TestShellSession)
#include "tst_shellsession.moc"
