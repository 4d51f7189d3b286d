#include "WatchCommand.h"

#include "Output.h"
#include "ServerCommandOptions.h"
#include "core/TextJoin.h"
#include "server/ConfigSyntax.h"
#include "server/WebhookLog.h"
#include "watch/WebhookCall.h"
#include "watch/WebhookWatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>

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

} // namespace

QString WatchCommand::summary() const
{
    return Text::tr("Follow the webhook access log on this machine and judge each call Chat makes as it arrives.");
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
}

int WatchCommand::run(const QCommandLineParser& parser) const
{
    if (auto rejected = rejectArguments(parser, name()))
        return *rejected;
    QString path = parser.value(QStringLiteral("log"));
    bool apache = false;
    if (path.isEmpty()) {
        if (!parser.isSet(QStringLiteral("server")) || !parser.isSet(QStringLiteral("domain")))
            return Output::usageError(name(), Text::tr("give --log FILE, or --server and --domain of the setup."));
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
    double timeout = 0;
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        timeout = parser.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || timeout <= 0 || timeout > 365 * 86400.0)
            return Output::usageError(name(), Text::tr("--timeout must be a number of seconds greater than 0."));
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool once = parser.isSet(QStringLiteral("once"));
    const QFileInfo folder(QFileInfo(path).absolutePath());
    if (!folder.isDir())
        return Output::failure(
            Text::tr("The folder of the webhook log %1 does not exist.").arg(QDir::toNativeSeparators(path)));

    QEventLoop loop;
    WebhookWatcher watcher(path, errorLog);
    int calls = 0;
    bool lastOk = false;
    QObject::connect(&watcher, &WebhookWatcher::callSeen, &loop, [&](const WebhookCall& call, const Finding& verdict) {
        if (once && calls > 0)
            return;
        ++calls;
        lastOk = verdict.severity != Severity::Error;
        if (json) {
            QJsonObject o = webhookCallToJson(call, verdict);
            Output::out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
            Output::line();
        } else {
            printCall(call, verdict);
        }
        if (once)
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

    const qint64 notCalls = watcher.skippedLines();
    if (notCalls > 0 && !json)
        Output::err(Text::tr("%n line(s) of the log were not webhook calls and were skipped.", nullptr,
                             int(std::min<qint64>(notCalls, 1 << 30))));
    if (calls == 0) {
        if (json)
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
    return lastOk ? ExitOk : ExitFindings;
}

} // namespace mtls::cli
