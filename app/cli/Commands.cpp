#include "CheckCommand.h"
#include "Command.h"
#include "GenerateCommand.h"

namespace mtls::cli {

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<CheckCommand>());
    commands.push_back(std::make_unique<GenerateCommand>());
    return commands;
}

} // namespace mtls::cli
