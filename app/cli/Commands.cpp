#include "ApplyCommand.h"
#include "CheckCommand.h"
#include "Command.h"
#include "ExportCommand.h"
#include "GenerateCommand.h"
#include "ProbeCommand.h"
#include "RollbackCommand.h"
#include "SandboxCommand.h"

namespace mtls::cli {

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<CheckCommand>());
    commands.push_back(std::make_unique<GenerateCommand>());
    commands.push_back(std::make_unique<ApplyCommand>());
    commands.push_back(std::make_unique<RollbackCommand>());
    commands.push_back(std::make_unique<ExportCommand>());
    commands.push_back(std::make_unique<ProbeCommand>());
    commands.push_back(std::make_unique<SandboxCommand>());
    return commands;
}

} // namespace mtls::cli
