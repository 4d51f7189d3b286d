#include "CheckCommand.h"
#include "Command.h"
#include "StatusCommand.h"
#include "ProbeCommand.h"
#include "SandboxCommand.h"

namespace mtls::cli {

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<CheckCommand>());
    commands.push_back(std::make_unique<StatusCommand>());
    commands.push_back(std::make_unique<ProbeCommand>());
    commands.push_back(std::make_unique<SandboxCommand>());
    return commands;
}

} // namespace mtls::cli
