#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace mtls::cli {

// Exit codes: part of the public contract (scripts rely on them).
enum ExitCode {
    ExitOk = 0, // no error finding
    ExitFindings = 1, // at least one error finding
    ExitUsage = 2, // usage error or failure to run
};

// One subcommand of mtls-assistant-cli.
class Command
{
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0; // one line for the command list
    // Declares options and positional arguments on `parser` (--help and --json-style options included).
    virtual void setup(QCommandLineParser& parser) const = 0;
    // Runs with a parser that has processed the arguments; returns an ExitCode.
    virtual int run(const QCommandLineParser& parser) const = 0;
};

std::vector<std::unique_ptr<Command>> allCommands();

// The --json option of the commands that print a report.
QCommandLineOption jsonOption();
// For commands that take no positional argument: a usage error (ExitUsage) when one was given.
std::optional<int> rejectArguments(const QCommandLineParser& parser, const QString& command);

} // namespace mtls::cli
