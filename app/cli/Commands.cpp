#include "CheckCommand.h"
#include "Command.h"
#include "StatusCommand.h"

namespace mtls::cli {

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<CheckCommand>());
    commands.push_back(std::make_unique<StatusCommand>());
    return commands;
}

} // namespace mtls::cli
