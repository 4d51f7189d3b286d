#include "WatchCommand.h"

#include "Output.h"
#include "ServerCommandOptions.h"
#include "SshCommandOptions.h"
#include "core/TextJoin.h"
#include "deploy/InstallScript.h"
#include "deploy/RemoteDiscovery.h"
#include "deploy/ShellSession.h"
#include "deploy/SshShell.h"
#include "server/ConfigSyntax.h"
#include "server/WebhookLog.h"
#include "watch/RemoteLogs.h"
#include "watch/WebhookCall.h"
#include "watch/WebhookWatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <functional>

namespace mtls::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::WatchCommand)
};

void printRequest(const WebhookCall& call, const Finding& verdict, bool ok)
{
    const QString status = call.status ? QStringLiteral("HTTP %1").arg(call.status) : Text::tr("no status");
    const QString duration = call.durationMs >= 0 ? millisecondsText(call.durationMs) : QStringLiteral("-");
    const QString command = call.callbackCommand.isEmpty() ? QStringLiteral("-") : call.callbackCommand;
    Output::line(QStringLiteral("%1  %2  %3 %4  %5  %6  %7  %8")
                     .arg(Output::plain(call.time), Output::plain(call.client), Output::plain(call.method),
                          Output::plain(call.path), Output::plain(command), status, duration,
                          Output::paint(verdict.code, ok ? Output::Colour::Green : Output::Colour::Red)));
}

void printCall(const WebhookCall& call, const Finding& verdict)
{
    const bool ok = verdict.severity != Severity::Error;
    if (call.refusedInHandshake) { // no request was read: no method, path, query or status
        Output::line(QStringLiteral("%1  %2  %3  %4")
                         .arg(Output::plain(call.time), Output::plain(call.client),
                              Text::tr("refused during the TLS handshake"),
                              Output::paint(verdict.code, Output::Colour::Red)));
    } else {
        printRequest(call, verdict, ok);
    }
    Output::line(QStringLiteral("    ") + Output::plain(verdict.message));
    if (!verdict.hint.isEmpty())
        Output::line(Text::tr("    fix: %1").arg(Output::plain(verdict.hint)));
}

// What watch prints for each call and at the end, the same on this machine and over SSH.
class CallReport
{
public:
    CallReport(bool json, bool once)
        : m_json(json)
        , m_once(once)
    {
    }

    // Prints the call; false when it is not wanted any longer (--once and one was shown).
    bool show(const WebhookCall& call, const Finding& verdict)
    {
        if (m_once && m_calls > 0)
            return false;
        ++m_calls;
        m_lastOk = verdict.severity != Severity::Error;
        if (m_json) {
            Output::out(
                QString::fromUtf8(QJsonDocument(webhookCallToJson(call, verdict)).toJson(QJsonDocument::Compact)));
            Output::line();
        } else {
            printCall(call, verdict);
        }
        return !m_once;
    }

    int finish(qint64 notCalls) const
    {
        if (notCalls > 0 && !m_json)
            Output::err(Text::tr("%n line(s) of the log were not webhook calls and were skipped.", nullptr,
                                 int(std::min<qint64>(notCalls, 1 << 30))));
        if (m_calls == 0) {
            if (m_json)
                Output::out(QString::fromUtf8(
                    QJsonDocument(QJsonObject {{QStringLiteral("ok"), false},
                                               {QStringLiteral("verdict"), QStringLiteral("WATCH_NO_CALL")},
                                               {QStringLiteral("skipped_lines"), notCalls}})
                        .toJson(QJsonDocument::Compact)
                    + '\n'));
            else
                Output::err(Text::tr("No call arrived."));
            return ExitFindings;
        }
        return m_lastOk ? ExitOk : ExitFindings;
    }

private:
    bool m_json;
    bool m_once;
    int m_calls = 0;
    bool m_lastOk = false;
};

// A failure over SSH before the logs are followed (the connection, the discovery, a missing folder).
int remoteWatchFailure(bool json, const Error& error)
{
    if (json)
        Output::out(
            QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("ok"), false},
                                                         {QStringLiteral("remote"), true},
                                                         {QStringLiteral("error"), error.message},
                                                         {QStringLiteral("detail"), error.detail},
                                                         {QStringLiteral("findings"), findingsToJson(error.findings)}})
                                  .toJson(QJsonDocument::Compact)
                              + '\n'));
    if (hasError(error.findings)) {
        if (json)
            Output::failure(error.message);
        else
            Output::findings(error.findings);
        return ExitFindings;
    }
    return Output::failure(error.message, error.detail);
}

// The webhook log on the server: --log, else the setup's (--server, --domain) as the server's installation says.
Result<RemoteWebhookLogs> remoteLogs(const QCommandLineParser& parser, ShellSession& shell, ServerKind kind)
{
    DiscoveryOptions options;
    options.binary = parser.value(QStringLiteral("binary"));
    options.configRoot = parser.value(QStringLiteral("server-root"));
    options.mainConfig = parser.value(QStringLiteral("main-config"));
    options.prefix = parser.value(QStringLiteral("prefix"));
    const QString given = parser.value(QStringLiteral("log"));
    QString domain;
    ServerInstallation installation;
    installation.kind = kind;
    if (given.isEmpty()) {
        auto normalized = configsyntax::normalizeDomain(parser.value(QStringLiteral("domain")));
        if (!normalized)
            return normalized.error();
        domain = normalized.value();
        auto found = discoverRemoteServer(shell, kind, options);
        if (!found)
            return found.error();
        installation = found.value();
    }
    return remoteWebhookLogs(shell, installation, domain, given, parser.value(QStringLiteral("error-log")));
}

} // namespace

QString WatchCommand::summary() const
{
    return Text::tr("Follow the webhook access log on this machine, or on a server over SSH, and judge each call Chat "
                    "makes as it arrives.");
}

void WatchCommand::setup(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("log"), Text::tr("The webhook access log to follow (instead of the setup's)."),
         QStringLiteral("FILE")},
        {QStringLiteral("error-log"),
         Text::tr("Apache: the error log of the webhook's site, where callers refused during the TLS handshake are "
                  "(default: the one beside the access log, when it exists or the server is Apache)."),
         QStringLiteral("FILE")},
        {QStringLiteral("server"), Text::tr("nginx or apache: with --domain, follow that setup's log."),
         QStringLiteral("SERVER")},
        {QStringLiteral("domain"), Text::tr("The webhook domain of the setup."), QStringLiteral("DOMAIN")},
        {QStringLiteral("once"),
         Text::tr("Stop after the first call; exit code 0 when it was a verified call answered with HTTP 200.")},
        {QStringLiteral("timeout"), Text::tr("Stop after SECONDS (default: never; exit code 1 when no call came)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("json"), Text::tr("Print one JSON object a line for each call.")},
    });
    addInstallationOptions(parser, false);
    addSshOptions(parser);
}

namespace {

// watch over SSH: the logs are followed on the server with tail, through the deployment's root shell, and each line
// goes to the same WebhookWatcher as on this machine.
int watchOverSsh(const QCommandLineParser& parser, const QString& command, double timeout, CallReport& report,
                 bool json)
{
    using namespace std::chrono_literals;
    std::optional<ServerKind> kind;
    if (parser.isSet(QStringLiteral("server"))) {
        kind = serverKindOption(parser, command);
        if (!kind)
            return ExitUsage;
    }
    if (parser.value(QStringLiteral("log")).isEmpty()) {
        if (auto domain = configsyntax::normalizeDomain(parser.value(QStringLiteral("domain"))); !domain)
            return Output::usageError(command, domain.error().message);
    }
    SshOptions options;
    if (const auto stop = sshOptions(parser, command, options))
        return *stop;
    auto opened = openDeploymentShell(options);
    if (!opened)
        return remoteWatchFailure(json, opened.error());
    ShellSession& shell = *opened.value();
    auto logs = remoteLogs(parser, shell, kind.value_or(ServerKind::Nginx));
    if (!logs)
        return remoteWatchFailure(json, logs.error());

    WebhookWatcher watcher {QString(), QString()};
    QObject::connect(&watcher, &WebhookWatcher::callSeen, [&](const WebhookCall& call, const Finding& verdict) {
        if (!report.show(call, verdict))
            shell.stop();
    });
    RemoteFollowEvents events;
    events.following = [&] {
        Output::err(Text::tr("Waiting for calls in %1 on %2 (Ctrl-C stops).")
                        .arg(Output::plain(logs->accessLog), Output::plain(options.target.display())));
        if (!logs->errorLog.isEmpty())
            Output::err(Text::tr("Callers refused during the TLS handshake: %1.").arg(Output::plain(logs->errorLog)));
    };
    events.notice = [](const QString& message) { Output::err(Output::plain(message)); };
    // Without --timeout: as long as the user lets it run (a year bounds it).
    const std::chrono::milliseconds bound(qint64(timeout > 0 ? timeout * 1000.0 : 365 * 86400e3));
    if (const Status followed = followRemoteLogs(shell, logs.value(), watcher, bound, events); !followed)
        return remoteWatchFailure(json, followed.error());
    return report.finish(watcher.skippedLines());
}

} // namespace

int WatchCommand::run(const QCommandLineParser& parser) const
{
    if (auto rejected = rejectArguments(parser, name()))
        return *rejected;
    const bool remote = sshRequested(parser);
    if (!remote) {
        for (const char* option : {"identity", "known-hosts", "sudo-password-env", "accept-host-key"}) {
            if (parser.isSet(QLatin1String(option))) {
                SshOptions unused;
                if (const auto stop = sshOptions(parser, name(), unused)) // names the option that needs --ssh
                    return *stop;
            }
        }
    }
    QString path = parser.value(QStringLiteral("log"));
    if (path.isEmpty() && (!parser.isSet(QStringLiteral("server")) || !parser.isSet(QStringLiteral("domain"))))
        return Output::usageError(name(), Text::tr("give --log FILE, or --server and --domain of the setup."));
    double timeout = 0;
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        timeout = parser.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || timeout <= 0 || timeout > 365 * 86400.0)
            return Output::usageError(name(), Text::tr("--timeout must be a number of seconds greater than 0."));
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool once = parser.isSet(QStringLiteral("once"));
    CallReport report(json, once);
    if (remote)
        return watchOverSsh(parser, name(), timeout, report, json);

    bool apache = false;
    if (path.isEmpty()) {
        const auto kind = serverKindOption(parser, name());
        if (!kind)
            return ExitUsage;
        auto domain = configsyntax::normalizeDomain(parser.value(QStringLiteral("domain")));
        if (!domain)
            return Output::usageError(name(), domain.error().message);
        auto installation = installationOption(parser, *kind);
        if (!installation)
            return Output::usageError(name(), installation.error().message);
        path = installedWebhookLogPath(installation.value(), domain.value());
        apache = *kind == ServerKind::Apache;
    }
    QString errorLog = parser.value(QStringLiteral("error-log"));
    if (errorLog.isEmpty() && (apache || QFileInfo::exists(webhookErrorLogPath(path))))
        errorLog = webhookErrorLogPath(path);
    const QFileInfo folder(QFileInfo(path).absolutePath());
    if (!folder.isDir())
        return Output::failure(
            Text::tr("The folder of the webhook log %1 does not exist.").arg(QDir::toNativeSeparators(path)));

    QEventLoop loop;
    WebhookWatcher watcher(path, errorLog);
    QObject::connect(&watcher, &WebhookWatcher::callSeen, &loop, [&](const WebhookCall& call, const Finding& verdict) {
        if (!report.show(call, verdict))
            loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    if (timeout > 0)
        deadline.start(int(std::min(timeout * 1000.0, 2e9)));
    watcher.start();
    // On standard error, also with --json: a script knows from it that calls from now on are seen.
    Output::err(Text::tr("Waiting for calls in %1 (Ctrl-C stops).").arg(QDir::toNativeSeparators(path)));
    if (!errorLog.isEmpty())
        Output::err(Text::tr("Callers refused during the TLS handshake: %1.").arg(QDir::toNativeSeparators(errorLog)));
    loop.exec();
    return report.finish(watcher.skippedLines());
}

} // namespace mtls::cli
