#include "ApplyCommand.h"
#include "CheckCommand.h"
#include "Command.h"
#include "ExportCommand.h"
#include "GenerateCommand.h"
#include "Output.h"
#include "ProbeCommand.h"
#include "RehearseCommand.h"
#include "RemindCommand.h"
#include "RemoveCommand.h"
#include "RollbackCommand.h"
#include "SandboxCommand.h"
#include "StatusCommand.h"
#include "WatchCommand.h"

#include <QCoreApplication>

namespace mtls::cli {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::Command)
};
} // namespace

QCommandLineOption jsonOption()
{
    return {QStringLiteral("json"), Text::tr("Print one JSON object instead of the report.")};
}

std::optional<int> rejectArguments(const QCommandLineParser& parser, const QString& command)
{
    if (parser.positionalArguments().isEmpty())
        return std::nullopt;
    return Output::usageError(command,
                              Text::tr("unexpected argument \"%1\".").arg(parser.positionalArguments().first()));
}

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<CheckCommand>());
    commands.push_back(std::make_unique<GenerateCommand>());
    commands.push_back(std::make_unique<ApplyCommand>());
    commands.push_back(std::make_unique<RollbackCommand>());
    commands.push_back(std::make_unique<RemoveCommand>());
    commands.push_back(std::make_unique<ExportCommand>());
    commands.push_back(std::make_unique<StatusCommand>());
    commands.push_back(std::make_unique<ProbeCommand>());
    commands.push_back(std::make_unique<RehearseCommand>());
    commands.push_back(std::make_unique<SandboxCommand>());
    commands.push_back(std::make_unique<WatchCommand>());
    commands.push_back(std::make_unique<RemindCommand>());
    return commands;
}

} // namespace mtls::cli
