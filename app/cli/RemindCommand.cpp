#include "RemindCommand.h"

#include "Output.h"
#include "StatusCommand.h"
#include "remind/DesktopNotifier.h"
#include "remind/ProgramPaths.h"
#include "remind/ReminderPolicy.h"
#include "remind/ReminderSchedule.h"
#include "setup/SetupStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QTimer>

namespace mtls::cli {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::RemindCommand)
};

constexpr int kDefaultWaitSeconds = 600;
constexpr int kProbeTimeoutMs = 10000;

QString stateDirectory(const SetupStore& store)
{
    return QFileInfo(store.filePath()).absolutePath();
}

QJsonValue optionalBool(const std::optional<bool>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

// One line per setup: domain, days left, and what was found.
void printChecks(const QList<ReminderCheck>& checks, const QList<ReminderVerdict>& verdicts,
                 const QSet<QString>& notified)
{
    for (int i = 0; i < checks.size(); ++i) {
        const ReminderCheck& check = checks.at(i);
        const ReminderVerdict& verdict = verdicts.at(i);
        const QString days = daysText(check.daysLeft);
        QString said = Text::tr("nothing to say");
        if (notified.contains(verdict.setupId))
            said = Text::tr("notification raised");
        else if (verdict.hasDue())
            said = Text::tr("no notification could be shown");
        else if (verdict.needsAttention())
            said = Text::tr("already said");
        Output::line(
            QStringLiteral("  %1  %2  %3")
                .arg(Output::padded(Output::plain(check.setup.domain), 28), Output::padded(days, 20),
                     Output::paint(said, verdict.needsAttention() ? Output::Colour::Yellow : Output::Colour::Green)));
    }
}
} // namespace

QString RemindCommand::summary() const
{
    return Text::tr("Install, remove or run the daily job that reminds you before a certificate expires.");
}

void RemindCommand::setup(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("install"),
         Text::tr("Register the daily job with the system's scheduler (a systemd user timer on Linux, a Task "
                  "Scheduler task on Windows, a LaunchAgent on macOS).")},
        {QStringLiteral("remove"), Text::tr("Remove the daily job and what it remembered.")},
        {QStringLiteral("run"),
         Text::tr("Check every saved setup now (what the daily job runs): a desktop notification 30, 14 and 7 days "
                  "before expiry, when the live URL serves another certificate, or when it stops refusing "
                  "strangers.")},
        {QStringLiteral("wait"),
         Text::tr("With --run: how long to wait for a click on a notification before exiting (default %1).")
             .arg(kDefaultWaitSeconds),
         QStringLiteral("SECONDS")},
        jsonOption(),
    });
}

int RemindCommand::run(const QCommandLineParser& parser) const
{
    if (auto rejected = rejectArguments(parser, name()))
        return *rejected;
    const int modes = int(parser.isSet(QStringLiteral("install"))) + int(parser.isSet(QStringLiteral("remove")))
        + int(parser.isSet(QStringLiteral("run")));
    if (modes != 1)
        return Output::usageError(name(), Text::tr("give one of --install, --remove and --run."));
    if (parser.isSet(QStringLiteral("wait")) && !parser.isSet(QStringLiteral("run")))
        return Output::usageError(name(), Text::tr("--wait goes with --run."));
    if (parser.isSet(QStringLiteral("run")))
        return runChecks(parser);
    return changeSchedule(parser, parser.isSet(QStringLiteral("install")));
}

int RemindCommand::changeSchedule(const QCommandLineParser& parser, bool install) const
{
    const ReminderSchedule schedule(QCoreApplication::applicationFilePath(), stateDirectory(SetupStore()));
    const Result<ReminderScheduleOutcome> outcome = install ? schedule.install() : schedule.remove();
    if (!outcome)
        return Output::failure(outcome.error().message, outcome.error().detail);
    if (parser.isSet(QStringLiteral("json"))) {
        Output::json(outcome->toJson());
    } else {
        for (const QString& file : outcome->files)
            Output::line((install ? Text::tr("written: %1") : Text::tr("deleted: %1")).arg(Output::plain(file)));
        for (const QString& command : outcome->commands)
            Output::line(Text::tr("ran: %1").arg(Output::plain(command)));
        if (!outcome->findings.isEmpty())
            Output::findings(outcome->findings);
        if (install && outcome->active)
            Output::line(Text::tr("The daily reminder is installed."));
        else if (!install)
            Output::line(outcome->files.isEmpty() ? Text::tr("There was no daily reminder to remove.")
                                                  : Text::tr("The daily reminder is removed."));
    }
    return hasError(outcome->findings) ? ExitFindings : ExitOk;
}

int RemindCommand::runChecks(const QCommandLineParser& parser) const
{
    int waitSeconds = kDefaultWaitSeconds;
    if (parser.isSet(QStringLiteral("wait"))) {
        bool ok = false;
        waitSeconds = parser.value(QStringLiteral("wait")).toInt(&ok);
        if (!ok || waitSeconds < 0 || waitSeconds > 86400)
            return Output::usageError(name(), Text::tr("--wait takes a number of seconds from 0 to 86400."));
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const SetupStore store;
    // A setup that shares a website is counted from the site's certificate as its manager last renewed it.
    const Result<SetupStoreContent> content = store.loadServed();
    if (!content)
        return Output::failure(content.error().message, content.error().detail);
    const QString directory = stateDirectory(store);
    Result<ReminderState> loaded = ReminderState::load(directory);
    if (!loaded)
        return Output::failure(loaded.error().message, loaded.error().detail);
    ReminderState state = std::move(loaded).value();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDate today = QDate::currentDate();
    QList<ReminderCheck> checks;
    QList<ReminderVerdict> verdicts;
    for (const SavedSetup& setup : content->setups) {
        checks << checkSavedSetup(setup, now, kProbeTimeoutMs);
        verdicts << judgeReminder(checks.last(), state, today);
    }

    DesktopNotifier notifier;
    Findings findings;
    QHash<uint, QString> notified; // notification id -> setup id
    QJsonArray setupsJson;
    for (int i = 0; i < verdicts.size(); ++i) {
        const ReminderVerdict& verdict = verdicts.at(i);
        const ReminderCheck& check = checks.at(i);
        findings += verdict.findings;
        QJsonObject object = verdict.toJson();
        object.insert(QStringLiteral("url"), check.url);
        object.insert(QStringLiteral("days_left"), check.daysLeft);
        object.insert(QStringLiteral("reached"), check.reached);
        object.insert(QStringLiteral("live_sha256"), check.liveSha256);
        object.insert(QStringLiteral("strangers_refused"), optionalBool(check.strangersRefused));
        object.insert(QStringLiteral("notified"), false);
        bool said = true;
        if (verdict.hasDue()) {
            const Result<uint> id = notifier.notify(
                verdict.notificationSummary(), verdict.notificationBody(),
                {{QStringLiteral("renew"), Text::tr("Renew")}, {QStringLiteral("default"), Text::tr("Renew")}});
            if (id) {
                notified.insert(*id, verdict.setupId);
                object.insert(QStringLiteral("notified"), true);
                object.insert(QStringLiteral("notification_id"), static_cast<qint64>(*id));
            } else {
                said = false; // said next time
                if (!hasCode(findings, QStringLiteral("REMIND_NOTIFICATION_FAILED")))
                    findings << errorFinding(QStringLiteral("REMIND_NOTIFICATION_FAILED"), id.error().message,
                                             Text::tr("Run mtls-assistant-cli status to see the certificates' "
                                                      "expiry."));
            }
        }
        if (said)
            rememberSaid(state, verdict, today);
        setupsJson.append(object);
    }
    if (const Status saved = state.save(directory); !saved)
        return Output::failure(saved.error().message, saved.error().detail);

    // The report first (text), so that it is there while the notifications wait for an answer.
    if (!json && content->setups.isEmpty())
        Output::line(Text::tr("No saved setup: nothing to check."));
    if (!json && !content->setups.isEmpty()) {
        printChecks(checks, verdicts, QSet<QString>(notified.cbegin(), notified.cend()));
        if (!findings.isEmpty()) {
            Output::line();
            Output::findings(findings);
        }
    }

    // Waits (bounded) for the user to answer the notifications: "Renew" opens the wizard's renewal.
    const qsizetype findingsBeforeWait = findings.size();
    QJsonArray renewals;
    if (!notified.isEmpty() && waitSeconds > 0) {
        QEventLoop loop;
        QSet<uint> waiting(notified.keyBegin(), notified.keyEnd());
        const auto done = [&](uint id) {
            waiting.remove(id);
            if (waiting.isEmpty())
                loop.quit();
        };
        QObject::connect(&notifier, &DesktopNotifier::actionInvoked, &loop, [&](uint id, const QString& key) {
            if (!waiting.contains(id))
                return;
            if (key == QLatin1String("renew") || key == QLatin1String("default")) {
                const QString setupId = notified.value(id);
                if (const Status started = startRenewalWizard(setupId); started)
                    renewals.append(setupId);
                else
                    findings << errorFinding(QStringLiteral("REMIND_RENEWAL_NOT_STARTED"), started.error().message,
                                             Text::tr("Open mtls-assistant and choose the renewal."));
            }
            done(id);
        });
        QObject::connect(&notifier, &DesktopNotifier::closed, &loop, done);
        QTimer::singleShot(waitSeconds * 1000, &loop, &QEventLoop::quit);
        if (!json)
            Output::line(Text::tr("Waiting up to %n second(s) for a click on the notification.", nullptr, waitSeconds));
        loop.exec(); // a command-line program without windows: nothing else to re-enter
    }

    bool attention = false;
    for (const ReminderVerdict& verdict : verdicts)
        attention = attention || verdict.needsAttention();
    if (json) {
        Output::json({{QStringLiteral("file"), store.filePath()},
                      {QStringLiteral("state_file"), QDir(directory).filePath(ReminderState::fileName())},
                      {QStringLiteral("setups"), setupsJson},
                      {QStringLiteral("notifications"), notified.size()},
                      {QStringLiteral("renewals"), renewals},
                      {QStringLiteral("findings"), findingsToJson(findings)}});
    } else {
        if (findings.size() > findingsBeforeWait)
            Output::findings(findings.mid(findingsBeforeWait));
        for (const QJsonValue& renewal : renewals)
            Output::line(
                Text::tr("The renewal of %1 is open in mtls-assistant.").arg(Output::plain(renewal.toString())));
    }
    return attention || hasError(findings) ? ExitFindings : ExitOk;
}

} // namespace mtls::cli
