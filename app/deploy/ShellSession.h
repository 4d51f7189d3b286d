#pragma once

// One long-lived shell at the other end of a child process's pipes: `sh -s` on this machine, or
// `ssh … 'sudo … sh -s'` on a server. Commands are written to the shell's standard input one at a time; after each,
// the shell prints a line with a random marker and the command's exit status, so a whole deployment runs through one
// process (one SSH connection, one password prompt) and every command is bounded in time and output size.
//
// A command never reads the session's standard input (it gets /dev/null): file contents travel inside the command
// (see uploadCommand()). The command's standard error is merged into its output; the process's own standard error
// (ssh's messages, sudo's prompt) is kept apart (errorOutput(), waitForError()).

#include "core/Result.h"

#include <QByteArray>
#include <QProcess>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace mtls {

struct ShellRun
{
    int exitCode = -1;
    QByteArray output; // standard output and standard error of the command, in order
    bool stopped = false; // stop() ended it from its line handler: the process is gone, exitCode -1
};

class ShellSession
{
public:
    // Called with each complete line of a command's output as it arrives (without its newline).
    using LineHandler = std::function<void(const QByteArray& line)>;

    ShellSession();
    ~ShellSession(); // closes the shell's input, waits a moment, then kills the process
    ShellSession(const ShellSession&) = delete;
    ShellSession& operator=(const ShellSession&) = delete;

    // Starts `program arguments` (prepareChild: no secret in its environment). Does not wait for the shell: call
    // waitForError() first when something must be answered before the shell starts (a password prompt), then
    // run("true") to prove it answers.
    Status start(const QString& program, const QStringList& arguments);

    // Runs `command` (any shell text, several lines allowed) in the session's shell and waits for its exit status.
    // An Error when the process ended, the command did not finish within `timeout` (the process is then killed: a
    // session whose command overran is not reused) or its output passed `maxOutput` bytes. With `onLine`, the lines
    // handed over are dropped once they pass 1 MiB (`output` then holds the last of them only), so a command that
    // prints for days stays bounded in memory; `maxOutput` bounds what is not handed yet (a line without its end).
    Result<ShellRun> run(const QByteArray& command, std::chrono::milliseconds timeout, const LineHandler& onLine = {},
                         qsizetype maxOutput = 64 * 1024 * 1024);

    // Waits until the process's standard error contains `needle` (returns true), or the process ends or `timeout`
    // passes (false). What was read stays in errorOutput().
    bool waitForError(const QByteArray& needle, std::chrono::milliseconds timeout);
    // Writes raw bytes to the shell's standard input (an answer to a prompt). The bytes are not kept.
    Status write(const QByteArray& bytes);

    bool isRunning() const;
    // The process's id (the local `ssh` of a session on a server), 0 when none runs.
    qint64 processId() const;
    // The process's own standard error so far (ssh's and sudo's messages), and its exit code once it ended.
    QByteArray errorOutput() const { return m_error; }
    int exitCode() const;
    // Ends the process at once (kill).
    void kill();
    // The command is not to run any longer (one that never ends by itself, such as `tail -F`): from a command's line
    // handler, or from another thread (noticed at the next poll of run(), within a fraction of a second). run() returns
    // with the output so far and `stopped` set, once the process has ended (its input closed, then killed when it
    // has not ended within a second); the session is not reused. A stop before run() makes the next run() stop too.
    void stop() { m_stopRequested = true; }

private:
    void endSession();
    bool readSome(std::chrono::milliseconds wait);

    std::unique_ptr<QProcess> m_process;
    QByteArray m_marker;
    QByteArray m_pending; // standard output read but not yet handed to a command
    QByteArray m_error;
    std::atomic<bool> m_stopRequested = false;
};

// Shell text that writes `content` to `path` (created 0600 by umask 077, then chmod `mode`), through base64 so any
// bytes travel, given to the shell's builtin printf (never on a command line, never in a temporary file); for use
// inside a run() command. `path` is quoted for the shell (shellQuote of InstallScript.h).
QByteArray uploadCommand(const QString& path, const QByteArray& content, int mode = 0600);

} // namespace mtls
