#include "ApplyCommand.h"

#include "ApplySteps.h"
#include "Output.h"
#include "ServerCommandOptions.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace mtls::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::ApplyCommand)
};

} // namespace

QString ApplyCommand::summary() const
{
    return Text::tr("Install the files and the configuration on this machine's server, test, reload; undo on failure.");
}

void ApplyCommand::setup(QCommandLineParser& parser) const
{
    addServerKindOption(parser);
    addMaterialOptions(parser);
    addSiteOptions(parser);
    addInstallationOptions(parser, true);
    parser.addOption(jsonOption());
}

int ApplyCommand::run(const QCommandLineParser& parser) const
{
    if (const auto stop = rejectArguments(parser, name()))
        return *stop;
    const auto kind = serverKindOption(parser, name());
    if (!kind)
        return ExitUsage;
    CheckReport report;
    if (const auto stop = checkMaterial(parser, name(), report))
        return *stop;
    auto site = siteRequest(parser, *kind);
    if (!site)
        return Output::usageError(name(), site.error().message);
    auto installation = installationOption(parser, *kind);
    if (!installation)
        return Output::failure(installation.error().message, installation.error().detail);

    ApplyRequest request;
    request.installation = installation.value();
    request.config = site.value();
    request.material = materialOf(report);
    request.stateDir = stateDirOption(parser);
    const bool json = parser.isSet(QStringLiteral("json"));
    ApplySteps steps(!json);
    request.progress = steps.callback();
    auto applied = applyConfiguration(request);
    if (!applied) {
        if (json)
            Output::json(
                {{QStringLiteral("ok"), false},
                 {QStringLiteral("error"), applied.error().message},
                 {QStringLiteral("needs_elevation"), applied.error().detail == QLatin1String("needs-elevation")},
                 {QStringLiteral("detail"), applied.error().detail},
                 {QStringLiteral("steps"), steps.steps()}});
        return Output::failure(applied.error().message,
                               applied.error().detail == QLatin1String("needs-elevation") ? QString()
                                                                                          : applied.error().detail);
    }
    const Findings findings = sortedBySeverity(report.findings + applied->findings);
    if (json) {
        Output::json({{QStringLiteral("ok"), true},
                      {QStringLiteral("site_file"), applied->siteFile},
                      {QStringLiteral("changed"), QJsonArray::fromStringList(applied->changed)},
                      {QStringLiteral("recovered"), applied->recovered},
                      {QStringLiteral("installation"), installation->toJson()},
                      {QStringLiteral("findings"), findingsToJson(findings)},
                      {QStringLiteral("steps"), steps.steps()}});
        return ExitOk;
    }
    // The steps, with every file written, were printed as they happened.
    if (installation->needsIncludeLine)
        Output::line(Text::tr("Add this line to %1 so the server reads the file: %2")
                         .arg(QDir::toNativeSeparators(installation->mainConfig),
                              *kind == ServerKind::Nginx ? QStringLiteral("include \"%1\";").arg(applied->siteFile)
                                                         : QStringLiteral("Include \"%1\"").arg(applied->siteFile)));
    if (!findings.isEmpty())
        Output::findings(findings);
    Output::line(Output::paint(Text::tr("The server tested and reloaded the new configuration. "
                                        "'mtls-assistant-cli rollback' puts the previous one back."),
                               Output::Colour::Green));
    return ExitOk;
}

} // namespace mtls::cli
