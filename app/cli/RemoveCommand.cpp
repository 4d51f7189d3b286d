#include "RemoveCommand.h"

#include "ApplySteps.h"
#include "Output.h"
#include "RemoteDeployCommands.h"
#include "ServerCommandOptions.h"
#include "deploy/Elevation.h"

#include <QCoreApplication>

namespace mtls::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::RemoveCommand)
};

} // namespace

QString RemoveCommand::summary() const
{
    return Text::tr("Take out everything apply added for a domain and put back what it replaced, then test and "
                    "reload the server.");
}

void RemoveCommand::setup(QCommandLineParser& parser) const
{
    parser.addOption(
        {QStringLiteral("domain"), Text::tr("The domain whose setup is removed."), QStringLiteral("NAME")});
    addServerKindOption(parser);
    addInstallationOptions(parser, true);
    addRemoteOptions(parser);
    parser.addOption(jsonOption());
}

int RemoveCommand::run(const QCommandLineParser& parser) const
{
    if (const auto stop = rejectArguments(parser, name()))
        return *stop;
    if (!parser.isSet(QStringLiteral("domain")))
        return Output::usageError(name(), Text::tr("--domain is required."));
    if (remoteRequested(parser))
        return runRemoteRollback(parser, true, parser.value(QStringLiteral("domain")));
    if (const auto stop = rejectSshOptionsHere(parser, name()))
        return *stop;
    const auto kind = serverKindOption(parser, name());
    if (!kind)
        return ExitUsage;
    auto installation = installationOption(parser, *kind);
    if (!installation)
        return Output::failure(installation.error().message, installation.error().detail);
    const bool json = parser.isSet(QStringLiteral("json"));
    ApplySteps steps(!json);
    const QString domain = parser.value(QStringLiteral("domain"));
    Status removed = removeDomainSetup(installation.value(), domain, stateDirOption(parser), steps.callback());
    if (!removed && installationNeedsElevation(installation.value()))
        removed = Error {removed.error().message,
                         Text::tr("The server's files are not yours to write: if the setup was applied as an "
                                  "administrator, run remove again with sudo.")};
    if (json)
        Output::json({{QStringLiteral("ok"), removed.ok()},
                      {QStringLiteral("domain"), domain},
                      {QStringLiteral("error"), removed.ok() ? QString() : removed.error().message},
                      {QStringLiteral("detail"), removed.ok() ? QString() : removed.error().detail},
                      {QStringLiteral("steps"), steps.steps()}});
    if (!removed)
        return Output::failure(removed.error().message, removed.error().detail);
    if (!json)
        Output::line(Text::tr("The setup for %1 is removed and the server reloaded without it.").arg(domain));
    return ExitOk;
}

} // namespace mtls::cli
