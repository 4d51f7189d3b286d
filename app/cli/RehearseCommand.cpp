#include "RehearseCommand.h"

#include "Output.h"
#include "core/ChildProcess.h"
#include "probe/WebhookRehearsal.h"

#include <QCoreApplication>

#include <algorithm>

namespace mtls::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::RehearseCommand)
};

QString callLabel(const RehearsalCall& call)
{
    switch (call.kind) {
    case RehearsalCall::Kind::WrongSign:
        return Text::tr("a wrong Sign");
    case RehearsalCall::Kind::StaleRequest:
        return Text::tr("a RequestTime 2 minutes old");
    case RehearsalCall::Kind::Callback:
        break;
    }
    return call.command;
}

QString callVerdict(const RehearsalCall& call)
{
    if (!call.findings.isEmpty()) {
        const Finding& f = call.findings.first();
        const bool error = f.severity == Severity::Error;
        return Output::paint(error ? Text::tr("failed: %1").arg(f.code) : Text::tr("warning: %1").arg(f.code),
                             error ? Output::Colour::Red : Output::Colour::Yellow);
    }
    if (call.kind == RehearsalCall::Kind::Callback)
        return Output::paint(Text::tr("as Chat expects"), Output::Colour::Green);
    return Output::paint(Text::tr("turned down, as it should be"), Output::Colour::Green);
}

void printRehearsal(const RehearsalReport& report)
{
    Output::line(Text::tr("Rehearsal of the webhook application at %1").arg(Output::plain(report.target)));
    Output::line();
    int width = 0;
    for (const RehearsalCall& call : report.calls)
        width = std::max(width, Output::displayWidth(callLabel(call)));
    for (const RehearsalCall& call : report.calls) {
        const QString status = call.status ? QStringLiteral("HTTP %1").arg(call.status) : Text::tr("no answer");
        Output::line(QStringLiteral("  %1  %2  %3  %4")
                         .arg(Output::padded(callLabel(call), width), Output::padded(status, 9),
                              Output::padded(Text::tr("%1 ms").arg(call.elapsedMs), 8), callVerdict(call)));
    }
    Output::line();
    if (!report.findings.isEmpty()) {
        Output::findings(report.findings);
        Output::line();
    }
    Output::line(report.ok()
                     ? Text::tr("The application answers as Chat expects. %1").arg(Output::summary(report.findings))
                     : Output::summary(report.findings));
}

} // namespace

QString RehearseCommand::summary() const
{
    return Text::tr("Send the webhook application realistic Chat callbacks on its own address and judge its answers.");
}

void RehearseCommand::setup(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("upstream"),
         Text::tr("The webhook application's address, as the server configuration proxies to it."),
         QStringLiteral("URL")},
        {QStringLiteral("path"), Text::tr("The path of the webhook URL (default /im/callback)."),
         QStringLiteral("PATH")},
        {QStringLiteral("sdkappid"), Text::tr("The SDKAppID the calls name (default 1400000000)."),
         QStringLiteral("ID")},
        {QStringLiteral("token-env"),
         Text::tr("The name of an environment variable that holds the webhook authentication token: the calls are "
                  "signed, and a wrong Sign and an old RequestTime must be turned down."),
         QStringLiteral("VAR")},
        jsonOption(),
    });
}

int RehearseCommand::run(const QCommandLineParser& parser) const
{
    if (auto rejected = rejectArguments(parser, name()))
        return *rejected;
    if (!parser.isSet(QStringLiteral("upstream")))
        return Output::usageError(name(), Text::tr("--upstream is required (for example http://127.0.0.1:8080)."));
    RehearsalOptions options;
    options.upstreamUrl = parser.value(QStringLiteral("upstream"));
    if (parser.isSet(QStringLiteral("path")))
        options.webhookPath = parser.value(QStringLiteral("path"));
    if (parser.isSet(QStringLiteral("sdkappid")))
        options.sdkAppId = parser.value(QStringLiteral("sdkappid"));
    if (parser.isSet(QStringLiteral("token-env"))) {
        const QString var = parser.value(QStringLiteral("token-env"));
        const auto token = takeSecretVariable(var.toLocal8Bit()); // removed from the environment
        if (!token || token->isEmpty())
            return Output::usageError(
                name(), Text::tr("the environment variable %1 (named by --token-env) is not set.").arg(var));
        options.token = *token;
    }
    const Result<RehearsalReport> report = rehearseWebhook(options);
    if (!report)
        return Output::usageError(name(), report.error().message);
    if (parser.isSet(QStringLiteral("json")))
        Output::json(report->toJson());
    else
        printRehearsal(report.value());
    return report->ok() ? ExitOk : ExitFindings;
}

} // namespace mtls::cli
