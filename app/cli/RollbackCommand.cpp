#include "RollbackCommand.h"

#include "ApplySteps.h"
#include "Output.h"
#include "ServerCommandOptions.h"

#include <QCoreApplication>

namespace mtls::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::RollbackCommand)
};

} // namespace

QString RollbackCommand::summary() const
{
    return Text::tr("Put back what the last apply changed, then test and reload the server.");
}

void RollbackCommand::setup(QCommandLineParser& parser) const
{
    addServerKindOption(parser);
    addInstallationOptions(parser, true);
    parser.addOption(jsonOption());
}

int RollbackCommand::run(const QCommandLineParser& parser) const
{
    if (const auto stop = rejectArguments(parser, name()))
        return *stop;
    const auto kind = serverKindOption(parser, name());
    if (!kind)
        return ExitUsage;
    auto installation = installationOption(parser, *kind);
    if (!installation)
        return Output::failure(installation.error().message, installation.error().detail);
    const bool json = parser.isSet(QStringLiteral("json"));
    ApplySteps steps(!json);
    const Status rolledBack = rollbackLastApply(installation.value(), stateDirOption(parser), steps.callback());
    if (json)
        Output::json({{QStringLiteral("ok"), rolledBack.ok()},
                      {QStringLiteral("error"), rolledBack.ok() ? QString() : rolledBack.error().message},
                      {QStringLiteral("steps"), steps.steps()}});
    if (!rolledBack)
        return Output::failure(rolledBack.error().message, rolledBack.error().detail);
    if (!parser.isSet(QStringLiteral("json")))
        Output::line(Text::tr("The previous configuration is back and the server reloaded it."));
    return ExitOk;
}

} // namespace mtls::cli
