#include "RemoteLogs.h"

#include "WebhookWatcher.h"
#include "deploy/InstallScript.h"
#include "deploy/ShellSession.h"
#include "server/WebhookLog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::RemoteLogs)
};

using namespace std::chrono_literals;

// Whether `test ARGS` succeeds on the server.
bool remoteTest(ShellSession& shell, const QString& test, const QString& path)
{
    const auto run = shell.run(QStringLiteral("test %1 %2").arg(test, shellQuote(path)).toUtf8(), 30s);
    return run && run->exitCode == 0;
}

// Shell text that follows `files` from their ends with tail (GNU or busybox): with -v, a header "==> FILE <==" says
// which file the next lines come from, also for one file, and the first one says that tail has opened them. An empty
// line every 2 s finds out when nobody reads any longer (the connection is gone: printf fails, SIGPIPE being
// ignored), and tail is ended then; it also lets a stop() from another thread be noticed.
QByteArray followCommand(const QStringList& files)
{
    QByteArray quoted;
    for (const QString& file : files)
        quoted += ' ' + shellQuote(file).toUtf8();
    return "trap '' PIPE\n"
           "tail -v -n 0 -F --"
        + quoted
        + " & t=$!\n"
          "while kill -0 \"$t\" 2>/dev/null; do sleep 2; printf '\\n' || break; done\n"
          "kill \"$t\" 2>/dev/null; wait \"$t\"";
}

} // namespace

Result<RemoteWebhookLogs> remoteWebhookLogs(ShellSession& shell, const ServerInstallation& installation,
                                            const QString& domain, const QString& givenLog,
                                            const QString& givenErrorLog)
{
    RemoteWebhookLogs logs;
    logs.accessLog = givenLog;
    if (logs.accessLog.isEmpty()) {
        const QString usual = webhookLogPath(installation, domain);
        logs.accessLog = remoteTest(shell, QStringLiteral("-d"), QFileInfo(usual).path())
            ? usual
            : installation.certDir + QLatin1Char('/') + domain + QStringLiteral("/webhook.log");
    }
    if (!remoteTest(shell, QStringLiteral("-d"), QFileInfo(logs.accessLog).path()))
        return Error {Text::tr("The folder of the webhook log %1 does not exist on the server.").arg(logs.accessLog),
                      {}};
    logs.errorLog = givenErrorLog;
    const QString beside = webhookErrorLogPath(logs.accessLog);
    if (logs.errorLog.isEmpty()
        && (installation.kind == ServerKind::Apache || remoteTest(shell, QStringLiteral("-e"), beside)))
        logs.errorLog = beside;
    return logs;
}

Status followRemoteLogs(ShellSession& shell, const RemoteWebhookLogs& logs, WebhookWatcher& watcher,
                        std::chrono::milliseconds limit, const RemoteFollowEvents& events)
{
    QStringList files {logs.accessLog};
    if (!logs.errorLog.isEmpty())
        files << logs.errorLog;
    bool fromError = false;
    bool following = false; // tail named a file it follows
    bool announced = false;
    const auto announce = [&] {
        if (!announced && events.following)
            events.following();
        announced = true;
    };
    const auto onLine = [&](const QByteArray& line) {
        if (line.isEmpty())
            return; // the beat that finds a closed connection, the blank line before a header
        if (line.startsWith("tail: ")) { // a log not there yet (tail -F waits for it), one replaced by rotation
            announce();
            if (events.notice)
                events.notice(QString::fromUtf8(line));
            return;
        }
        if (line.startsWith("==> ") && line.endsWith(" <==")) {
            const QString file = QString::fromUtf8(line.mid(4, line.size() - 8));
            if (files.contains(file)) {
                fromError = file != logs.accessLog;
                following = true;
                announce();
                return;
            }
        }
        if (fromError)
            watcher.readErrorLine(line);
        else
            watcher.readAccessLine(line);
    };
    QElapsedTimer clock;
    clock.start();
    const auto run = shell.run(followCommand(files), limit, onLine);
    if (!run && clock.elapsed() + 100 < limit.count())
        return run.error();
    if (run && !run->stopped && !following)
        return Error {Text::tr("tail could not follow the webhook log on the server."),
                      QString::fromUtf8(run->output.right(4096))};
    return {};
}

} // namespace mtls
