#include "ApplyCommand.h"

#include "ApplySteps.h"
#include "ElevationOptions.h"
#include "Output.h"
#include "RemoteDeployCommands.h"
#include "ServerCommandOptions.h"
#include "deploy/ApplyRequestJson.h"
#include "deploy/Elevation.h"
#include "setup/SetupStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <memory>

namespace mtls::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::ApplyCommand)
};

bool needsElevation(const Error& error)
{
    return error.detail == QLatin1String("needs-elevation");
}

// After the steps (every file written was printed as it happened).
void printApplied(const ApplyResult& applied, const ServerInstallation& installation, const Findings& findings)
{
    if (installation.needsIncludeLine
        && applied.changed.contains(QFileInfo(installation.mainConfig).canonicalFilePath()))
        Output::line(Text::tr("The include line for %1 was added to %2; 'mtls-assistant-cli rollback' removes it.")
                         .arg(QDir::toNativeSeparators(installation.siteDir),
                              QDir::toNativeSeparators(installation.mainConfig)));
    if (applied.mode == SetupMode::Merge)
        Output::line(Text::tr("The webhook was merged into the site of %1: only the webhook path asks for a client "
                              "certificate from the Chat client CA, and browsers are not asked. A client that presents "
                              "a certificate that fails verification gets HTTP 400 on every path of the site.")
                         .arg(QDir::toNativeSeparators(applied.siteFile)));
    if (!findings.isEmpty())
        Output::findings(findings);
    Output::line(Output::paint(Text::tr("Done: the server runs the new configuration, verified from outside. "
                                        "'mtls-assistant-cli rollback' puts the previous one back."),
                               Output::Colour::Green));
}

// Every apply is a saved setup (no secret in it), so `status` and the wizard's welcome page list it.
Status saveSetup(const ApplyRequest& request, const CheckReport& report, bool issuedByChat)
{
    auto plan = planApply(request);
    if (!plan)
        return plan.error();
    const SetupStore store;
    auto content = store.load();
    if (!content)
        return content.error();
    const SavedSetup setup = savedSetupOfApply(
        request, plan.value(), issuedByChat ? CertificateSource::IssuedByChat : CertificateSource::OwnCa,
        report.material.leaf, report.material.clientCas.isEmpty() ? Certificate() : report.material.clientCas.first(),
        content->setups);
    return store.save(setup);
}

// The elevated side of --elevate: the request file holds the whole request, the outcome goes to --result-file.
int runRequest(const QCommandLineParser& parser, const QString& command)
{
    QJsonObject object;
    if (const auto stop = readElevatedRequest(parser, command, object))
        return *stop;
    auto request = applyRequestFromJson(object);
    if (!request)
        return failElevated(parser, request.error());
    if (auto trusted = checkInstallationTrusted(request->installation); !trusted)
        return failElevated(parser, trusted.error());
    ApplySteps steps(true);
    request->progress = steps.callback();
    auto applied = applyConfiguration(request.value());
    if (!applied)
        return failElevated(parser, applied.error(), steps.steps());
    const Findings findings = sortedBySeverity(applied->findings);
    if (!writeElevatedResult(parser,
                             applyResultToJson(applied.value(), request->installation, findings, steps.steps())))
        return ExitUsage;
    printApplied(applied.value(), request->installation, findings);
    return ExitOk;
}

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
    addElevationOptions(parser);
    addRemoteOptions(parser);
    parser.addOptions({
        {QStringLiteral("force-legacy-tls"),
         Text::tr("Apply the chat-guide profile (TLS 1.0 and 1.1 only) even though servers built with OpenSSL 3 "
                  "cannot complete a handshake with it.")},
        {QStringLiteral("add-include"),
         Text::tr("When the main configuration reads no directory for sites, add the include line for one of "
                  "ours to it (rollback removes it). Without it, apply refuses and shows the line.")},
        {QStringLiteral("force"),
         Text::tr("Apply even where it would take connections away from other sites (an Apache virtual host on "
                  "an explicit address beside others on *); a warning instead of a refusal.")},
        {QStringLiteral("mode"),
         Text::tr("How to set the webhook up when a site already answers its name on the port: merge (a client "
                  "certificate on the webhook path only, inside that site) or dedicated (a site "
                  "of its own, for a name of its own). Without it, apply refuses when such a site exists."),
         QStringLiteral("merge|dedicated")},
        {QStringLiteral("replace-location"),
         Text::tr("With --mode merge: replace a location the site already has for the webhook path (rollback puts "
                  "it back). Without it, apply refuses and shows that location.")},
    });
    parser.addOption(jsonOption());
}

int ApplyCommand::run(const QCommandLineParser& parser) const
{
    if (const auto stop = rejectArguments(parser, name()))
        return *stop;
    if (parser.isSet(QStringLiteral("request")) || parser.isSet(QStringLiteral("request-fd")))
        return runRequest(parser, name());
    const auto kind = serverKindOption(parser, name());
    if (!kind)
        return ExitUsage;
    SetupMode mode = SetupMode::Auto;
    if (parser.isSet(QStringLiteral("mode"))) {
        const auto named = setupModeFromName(parser.value(QStringLiteral("mode")));
        if (!named || *named == SetupMode::Auto)
            return Output::usageError(name(), Text::tr("--mode must be merge or dedicated."));
        mode = *named;
    }
    if (parser.isSet(QStringLiteral("replace-location")) && mode != SetupMode::Merge)
        return Output::usageError(name(), Text::tr("--replace-location goes with --mode merge."));
    CheckReport report;
    if (const auto stop = checkMaterial(parser, name(), report, mode == SetupMode::Merge))
        return *stop;
    auto site = siteRequest(parser, *kind);
    if (!site)
        return Output::usageError(name(), site.error().message);
    if (remoteRequested(parser))
        return runRemoteApply(parser, name(), *kind, report, site.value());
    if (const auto stop = rejectSshOptionsHere(parser, name()))
        return *stop;
    auto installation = installationOption(parser, *kind);
    if (!installation)
        return Output::failure(installation.error().message, installation.error().detail);

    ApplyRequest request;
    request.installation = installation.value();
    request.config = site.value();
    request.material = materialOf(report);
    request.stateDir = stateDirOption(parser);
    request.forceLegacyTls = parser.isSet(QStringLiteral("force-legacy-tls"));
    request.addInclude = parser.isSet(QStringLiteral("add-include"));
    request.force = parser.isSet(QStringLiteral("force"));
    request.mode = mode;
    request.replaceLocation = parser.isSet(QStringLiteral("replace-location"));
    request.trustRootsPath = parser.value(QStringLiteral("roots"));
    const bool json = parser.isSet(QStringLiteral("json"));
    auto steps = std::make_unique<ApplySteps>(!json);
    request.progress = steps->callback();
    auto applied = applyConfiguration(request);
    if (!applied && needsElevation(applied.error()) && parser.isSet(QStringLiteral("elevate"))) {
        if (!json)
            Output::line(
                Text::tr("The server's directories are not yours to write: asking for administrator rights..."));
        // The refusal above changed nothing: the steps to report are the elevated run's.
        steps = std::make_unique<ApplySteps>(!json);
        request.progress = steps->callback();
        applied = applyElevated(request);
    }
    if (!applied) {
        if (json)
            Output::json(applyErrorToJson(applied.error(), steps->steps()));
        if (hasError(applied.error().findings)) {
            // Refused before any change for reasons the findings explain (SERVER_NAME_CONFLICT, MODE_CHOICE_NEEDED,
            // LEGACY_TLS, MERGE_...).
            Output::failure(applied.error().message);
            if (!json)
                Output::findings(applied.error().findings);
            return ExitFindings;
        }
        return Output::failure(applied.error().message,
                               needsElevation(applied.error())
                                   ? Text::tr("Run the same command again with --elevate to be asked for administrator "
                                              "rights, or run it with sudo.")
                                   : applied.error().detail);
    }
    const Findings findings = sortedBySeverity(report.findings + applied->findings);
    // A merge setup remembers the site it shares and the site's own certificate (certbot or the panel renews it).
    const Status saved = saveSetup(request, report, parser.isSet(QStringLiteral("issued-by-chat")));
    if (json)
        Output::json(applyResultToJson(applied.value(), installation.value(), findings, steps->steps()));
    else
        printApplied(applied.value(), installation.value(), findings);
    if (!saved)
        Output::err(Text::tr("warning: the setup could not be saved, so 'status' will not list it: %1")
                        .arg(saved.error().message));
    return ExitOk;
}

} // namespace mtls::cli
