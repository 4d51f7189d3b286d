#include "RehearseCommand.h"

#include "Output.h"
#include "SshCommandOptions.h"
#include "core/ChildProcess.h"
#include "core/TextJoin.h"
#include "deploy/SshPortForward.h"
#include "probe/WebhookRehearsal.h"
#include "server/ConfigSyntax.h"

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
                              Output::padded(millisecondsText(call.elapsedMs), 10), callVerdict(call)));
    }
    Output::line();
    if (!report.findings.isEmpty()) {
        Output::findings(report.findings);
        Output::line();
    }
    Output::line(report.ok() ? joinSentences(
                     {Text::tr("The application answers as Chat expects."), Output::summary(report.findings)})
                             : Output::summary(report.findings));
}

} // namespace

QString RehearseCommand::summary() const
{
    return Text::tr("Send the webhook application realistic Chat callbacks on its own address (on this machine, or on "
                    "a server over SSH) and judge its answers.");
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
    // --ssh: the application listens on the server (often on its loopback only); the calls reach it through an SSH
    // port forward as the login user (no sudo: --sudo-password-env is refused).
    addSshOptions(parser);
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
    // Over SSH: the upstream address is the server's; the calls go through a forward of a local port to it.
    SshPortForward forward;
    if (sshRequested(parser) || parser.isSet(QStringLiteral("identity")) || parser.isSet(QStringLiteral("known-hosts"))
        || parser.isSet(QStringLiteral("accept-host-key"))) {
        if (parser.isSet(QStringLiteral("sudo-password-env")))
            return Output::usageError(name(),
                                      Text::tr("rehearse needs no sudo on the server: leave out --sudo-password-env."));
        SshOptions ssh;
        if (const auto stop = sshOptions(parser, name(), ssh)) // also names an SSH option given without --ssh
            return *stop;
        const auto upstream = configsyntax::parseUpstreamUrl(options.upstreamUrl);
        if (!upstream)
            return Output::usageError(name(), upstream.error().message);
        const int port = upstream->port > 0 ? upstream->port : (upstream->scheme == QLatin1String("https") ? 443 : 80);
        if (Status opened = forward.open(ssh, upstream->host, quint16(port)); !opened) {
            const Error& error = opened.error();
            if (parser.isSet(QStringLiteral("json")))
                Output::json({{QStringLiteral("ok"), false},
                              {QStringLiteral("remote"), true},
                              {QStringLiteral("error"), error.message},
                              {QStringLiteral("detail"), error.detail},
                              {QStringLiteral("findings"), findingsToJson(error.findings)}});
            if (hasError(error.findings) && !parser.isSet(QStringLiteral("json"))) {
                Output::findings(error.findings);
                return ExitFindings;
            }
            return Output::failure(error.message, error.detail);
        }
        options.connectPort = forward.localPort();
    }
    const Result<RehearsalReport> report = rehearseWebhook(options);
    forward.close();
    if (!report)
        return Output::usageError(name(), report.error().message);
    if (parser.isSet(QStringLiteral("json")))
        Output::json(report->toJson());
    else
        printRehearsal(report.value());
    return report->ok() ? ExitOk : ExitFindings;
}

} // namespace mtls::cli
