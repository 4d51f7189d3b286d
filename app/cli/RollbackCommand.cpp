#include "RollbackCommand.h"

#include "ApplySteps.h"
#include "ElevationOptions.h"
#include "Output.h"
#include "RemoteDeployCommands.h"
#include "ServerCommandOptions.h"
#include "deploy/ApplyRequestJson.h"
#include "deploy/Elevation.h"

#include <QCoreApplication>

namespace mtls::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::RollbackCommand)
};

QJsonObject rollbackJson(const Status& rolledBack, const QJsonArray& steps)
{
    return {{QStringLiteral("ok"), rolledBack.ok()},
            {QStringLiteral("error"), rolledBack.ok() ? QString() : rolledBack.error().message},
            {QStringLiteral("detail"), rolledBack.ok() ? QString() : rolledBack.error().detail},
            {QStringLiteral("steps"), steps}};
}

// The elevated side of --elevate.
int runRequest(const QCommandLineParser& parser, const QString& command)
{
    QJsonObject object;
    if (const auto stop = readElevatedRequest(parser, command, object))
        return *stop;
    auto installation = installationFromJson(object.value(QLatin1String("installation")).toObject());
    if (!installation)
        return failElevated(parser, installation.error());
    if (auto trusted = checkInstallationTrusted(installation.value()); !trusted)
        return failElevated(parser, trusted.error());
    ApplySteps steps(true);
    const Status rolledBack = rollbackLastApply(installation.value(),
                                                object.value(QLatin1String("state_dir")).toString(), steps.callback());
    if (!writeElevatedResult(parser, rollbackJson(rolledBack, steps.steps())))
        return ExitUsage;
    if (!rolledBack)
        return Output::failure(rolledBack.error().message, rolledBack.error().detail);
    return ExitOk;
}

} // namespace

QString RollbackCommand::summary() const
{
    return Text::tr("Put back what the last apply changed, then test and reload the server.");
}

void RollbackCommand::setup(QCommandLineParser& parser) const
{
    addServerKindOption(parser);
    addInstallationOptions(parser, true);
    addElevationOptions(parser);
    addRemoteOptions(parser);
    parser.addOption(jsonOption());
}

int RollbackCommand::run(const QCommandLineParser& parser) const
{
    if (const auto stop = rejectArguments(parser, name()))
        return *stop;
    if (parser.isSet(QStringLiteral("request")) || parser.isSet(QStringLiteral("request-fd")))
        return runRequest(parser, name());
    if (remoteRequested(parser))
        return runRemoteRollback(parser, false, QString());
    if (const auto stop = rejectSshOptionsHere(parser, name()))
        return *stop;
    const auto kind = serverKindOption(parser, name());
    if (!kind)
        return ExitUsage;
    auto installation = installationOption(parser, *kind);
    if (!installation)
        return Output::failure(installation.error().message, installation.error().detail);
    // An apply made as an administrator has its journal with the administrator: so has the rollback.
    const bool json = parser.isSet(QStringLiteral("json"));
    ApplySteps steps(!json);
    const bool elevated = installationNeedsElevation(installation.value());
    Status rolledBack = elevated && parser.isSet(QStringLiteral("elevate"))
        ? rollbackElevated(installation.value(), stateDirOption(parser), {}, steps.callback())
        : rollbackLastApply(installation.value(), stateDirOption(parser), steps.callback());
    if (!rolledBack && elevated && !parser.isSet(QStringLiteral("elevate")))
        rolledBack = Error {rolledBack.error().message,
                            Text::tr("The server's files are not yours to write: if the last apply was made as an "
                                     "administrator, run rollback again with --elevate, or with sudo.")};
    if (json)
        Output::json(rollbackJson(rolledBack, steps.steps()));
    if (!rolledBack)
        return Output::failure(rolledBack.error().message, rolledBack.error().detail);
    if (!parser.isSet(QStringLiteral("json")))
        Output::line(Text::tr("The previous configuration is back and the server reloaded it."));
    return ExitOk;
}

} // namespace mtls::cli
