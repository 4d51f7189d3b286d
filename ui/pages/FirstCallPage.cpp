#include "FirstCallPage.h"

#include "WizardContext.h"
#include "core/TextEscape.h"
#include "deploy/ShellSession.h"
#include "deploy/SshShell.h"
#include "probe/WebhookRehearsal.h"
#include "secrets/SecretStore.h"
#include "server/WebhookLog.h"
#include "ui_FirstCallPage.h"
#include "watch/RemoteLogs.h"
#include "watch/WebhookWatcher.h"
#include "widgets/Async.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QStyle>
#include <QThread>

namespace mtls::ui {

namespace {

// The server writes the log as root; a user who may not read it is told how to watch from a terminal.
bool readable(const QString& path)
{
    const QFileInfo file(path);
    if (file.exists())
        return file.isReadable();
    const QFileInfo folder(file.absolutePath());
    return folder.isDir() && folder.isReadable() && folder.isExecutable();
}

} // namespace

FirstCallPage::FirstCallPage(WizardContext& context, QWidget* parent)
    : WizardPage(context, parent)
    , m_ui(std::make_unique<Ui::FirstCallPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Waiting for Chat's first call"));
    setSubTitle(tr("Each call Chat makes to the webhook appears here as it arrives, with what it shows."));
    // The calls are added one by one, in the order they came, on the findings' list (its rows fit CJK text).
    m_ui->rehearsalView->hide();
    // The calls get the room; the rehearsal's findings scroll.
    m_ui->callsView->setMinimumHeight(fontMetrics().height() * 8);
    m_ui->rehearsalView->setMaximumHeight(fontMetrics().height() * 8);
    m_ui->rehearsalIntroLabel->setText(
        tr("The test handshake cannot show how the application answers: only Chat holds its client key. The "
           "rehearsal sends the application the calls Chat makes, on its own address, and judges the answers as "
           "Chat does."));
    connect(m_ui->rehearseButton, &QPushButton::clicked, this, &FirstCallPage::rehearse);
}

FirstCallPage::~FirstCallPage()
{
    stopWatching();
}

void FirstCallPage::initializePage()
{
    const SetupModel& model = context().model;
    const std::optional<GeneratedConfig> config = context().applied ? std::optional(context().applied->config)
        : context().plan                                            ? std::optional(context().plan->config)
                                                                    : std::nullopt;
    const bool ssh = model.target == SetupTarget::Ssh;
    if ((model.target != SetupTarget::ThisMachine && !ssh) || !config || config->accessLogPath.isEmpty()) {
        showExport();
        return;
    }
    m_ui->introLabel->setText(
        tr("Now let Chat call. In the Chat console, open the callback configuration, set the callback URL to %1 and "
           "switch on HTTPS mutual authentication for it. Then make something happen that Chat reports, such as a "
           "test user logging in or sending a message. Each call appears below within a second. You can go on at "
           "any time.")
            .arg(model.webhookUrl()));
    if (ssh) {
        // The application listens on the server: `rehearse --ssh` reaches it through a forwarded port.
        m_ui->rehearsalGroup->setVisible(false);
        startWatchingRemote(config->accessLogPath);
        return;
    }
    // Apache refuses a caller without a valid certificate during the handshake: only the site's error log has it.
    const bool dedicated = !context().applied || context().applied->mode == SetupMode::Dedicated;
    const QString errorLog
        = model.server == ServerKind::Apache && dedicated ? webhookErrorLogPath(config->accessLogPath) : QString();
    startWatching(config->accessLogPath, errorLog);

    m_ui->rehearsalGroup->setVisible(true);
    m_ui->rehearsalGroup->setTitle(
        tr("Rehearse the webhook application at %1").arg(escapeControlCharacters(model.upstreamUrl)));
    const QString key = SecretStore::webhookTokenKey(model.domain);
    context().secrets.read(key, this, [this](const SecretResult& result) {
        if (!result.ok())
            return;
        m_storedToken = result.secret;
        if (m_ui->tokenEdit->text().isEmpty())
            m_ui->tokenEdit->setText(QString::fromUtf8(result.secret));
    });
}

void FirstCallPage::showExport()
{
    stopWatching();
    const SetupModel& model = context().model;
    if (model.target == SetupTarget::Ssh)
        m_ui->introLabel->setText(
            tr("The configuration is on %1. To see each call Chat makes there, judged as it arrives, run this in a "
               "terminal on this machine:\n%2")
                .arg(model.sshTarget,
                     QStringLiteral("mtls-assistant-cli watch --ssh %1 --server %2 --domain %3")
                         .arg(model.sshTarget, serverKindName(model.server), model.domain)));
    else
        m_ui->introLabel->setText(
            tr("The configuration goes to another machine. Once it is installed there, run this on that machine to "
               "see each call Chat makes, judged as it arrives:\n%1")
                .arg(QStringLiteral("sudo mtls-assistant-cli watch --server %1 --domain %2")
                         .arg(serverKindName(model.server), model.domain)));
    m_ui->logLabel->clear();
    m_ui->callsView->hide();
    m_ui->statusLabel->clear();
    m_ui->rehearsalGroup->hide();
}

QString FirstCallPage::whereText(const QString& accessLog, const QString& errorLog, const QString& server)
{
    QString where = server.isEmpty() ? tr("Following the webhook log %1.").arg(QDir::toNativeSeparators(accessLog))
                                     : tr("Following the webhook log %1 on %2.").arg(accessLog, server);
    if (!errorLog.isEmpty())
        where += QLatin1Char(' ')
            + tr("Callers refused during the TLS handshake are read from %1.").arg(QDir::toNativeSeparators(errorLog));
    return where;
}

// Over SSH: the deployment's root shell on a thread of its own runs tail on the server; each line goes to a watcher
// on that thread, whose calls come to this page queued. stopWatching() stops the shell from the UI thread.
void FirstCallPage::startWatchingRemote(const QString& accessLog)
{
    const SetupModel& model = context().model;
    m_ui->callsView->show();
    if (m_remote && accessLog == m_accessLog)
        return; // back on the page: the calls so far stay, the logs are still followed
    stopWatching();
    m_accessLog = accessLog;
    m_errorLog.clear();
    m_ui->callsView->clear();
    m_ui->logLabel->setText(tr("Connecting to %1 to follow the webhook log there...").arg(model.sshTarget));
    m_ui->statusLabel->setText(tr("No call yet."));
    Result<SshOptions> options = sshOptionsOf(model);
    if (!options) {
        m_ui->logLabel->setText(options.error().message);
        return;
    }
    options->knownHostsFile = context().sshKnownHostsInUse;
    options->sudoPassword = context().sshPassword;
    const std::optional<ServerInstallation> installation = context().remoteInstallation;
    const QString domain = model.domain;
    const QString server = model.sshTarget;
    auto remote = std::make_shared<RemoteFollow>();
    m_remote = remote;
    QPointer<FirstCallPage> self(this);
    const auto onUi = [self](std::function<void(FirstCallPage&)> what) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, what = std::move(what)] {
                if (self)
                    what(*self);
            },
            Qt::QueuedConnection);
    };
    m_thread = QThread::create([options = options.value(), installation, domain, accessLog, server, remote, onUi] {
        auto opened = openDeploymentShell(options);
        if (!opened) {
            onUi([error = opened.error()](FirstCallPage& page) { page.m_ui->logLabel->setText(error.message); });
            return;
        }
        ShellSession& shell = *opened.value();
        {
            const std::lock_guard lock(remote->mutex);
            if (remote->cancelled)
                return;
            remote->shell = &shell;
        }
        ServerInstallation where = installation.value_or(ServerInstallation());
        auto logs = remoteWebhookLogs(shell, where, domain, accessLog);
        if (logs) {
            WebhookWatcher watcher {QString(), QString()};
            QObject::connect(&watcher, &WebhookWatcher::callSeen, &watcher,
                             [onUi](const WebhookCall& call, const Finding& verdict) {
                                 onUi([call, verdict](FirstCallPage& page) { page.addCall(call, verdict); });
                             });
            RemoteFollowEvents events;
            events.following = [onUi, logs = logs.value(), server] {
                onUi([logs, server](FirstCallPage& page) {
                    page.m_errorLog = logs.errorLog;
                    page.m_ui->logLabel->setText(
                        escapeControlCharacters(whereText(logs.accessLog, logs.errorLog, server)));
                    page.m_watching = true;
                });
            };
            const Status followed
                = followRemoteLogs(shell, logs.value(), watcher, std::chrono::hours(24 * 365), events);
            if (!followed)
                logs = followed.error();
        }
        {
            const std::lock_guard lock(remote->mutex);
            remote->shell = nullptr;
        }
        const std::lock_guard lock(remote->mutex);
        if (!logs && !remote->cancelled)
            onUi([error = logs.error()](FirstCallPage& page) {
                page.m_watching = false;
                page.m_ui->logLabel->setText(error.message);
            });
    });
    m_thread->setParent(this);
    m_thread->start();
}

void FirstCallPage::startWatching(const QString& accessLog, const QString& errorLog)
{
    m_ui->callsView->show();
    QString where = whereText(accessLog, errorLog, QString());
    if (!readable(accessLog) || (!errorLog.isEmpty() && !readable(errorLog)))
        where += QLatin1Char(' ')
            + tr("You may not read it: run \"%1\" in a terminal instead.")
                  .arg(QStringLiteral("sudo mtls-assistant-cli watch --log %1")
                           .arg(QDir::toNativeSeparators(accessLog)));
    m_ui->logLabel->setText(escapeControlCharacters(where));
    if (m_watcher && accessLog == m_accessLog && errorLog == m_errorLog)
        return; // back on the page: the calls so far stay, the logs are still followed
    stopWatching();
    m_accessLog = accessLog;
    m_errorLog = errorLog;
    m_ui->callsView->clear();
    m_ui->statusLabel->setText(tr("No call yet."));

    // The logs are read on a thread of their own: the UI thread never waits for a file.
    m_thread = new QThread(this);
    m_watcher = new WebhookWatcher(accessLog, errorLog);
    m_watcher->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_watcher, &QObject::deleteLater);
    connect(m_watcher, &WebhookWatcher::callSeen, this, &FirstCallPage::addCall);
    m_thread->start();
    QPointer<FirstCallPage> self(this);
    QMetaObject::invokeMethod(m_watcher, [watcher = m_watcher, self] {
        watcher->start();
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self] {
                if (self)
                    self->m_watching = true;
            },
            Qt::QueuedConnection);
    });
}

void FirstCallPage::stopWatching()
{
    if (!m_thread)
        return;
    if (m_remote) {
        // The shell's run notices the stop within a poll and ends the connection; a connection still being opened
        // ends within its own time bound.
        {
            const std::lock_guard lock(m_remote->mutex);
            m_remote->cancelled = true;
            if (m_remote->shell)
                m_remote->shell->stop();
        }
        m_remote.reset();
    } else {
        disconnect(m_watcher, nullptr, this, nullptr);
    }
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_watcher = nullptr; // deleted on its thread when the thread finished
    m_watching = false;
}

void FirstCallPage::addCall(const WebhookCall& call, const Finding& verdict)
{
    const bool ok = verdict.severity != Severity::Error;
    QStringList head;
    // "2026-11-28T12:29:41+0800": the time of day is enough here.
    head << (call.time.size() >= 19 ? call.time.mid(11, 8) : call.time) << call.client;
    if (!call.callbackCommand.isEmpty())
        head << call.callbackCommand;
    if (call.refusedInHandshake)
        head << tr("refused during the TLS handshake");
    else if (call.status)
        head << tr("HTTP %1").arg(call.status);
    // The verdict as the findings of the other pages show it (the same texts as `watch`), without a severity word:
    // the icon says it, and a call is not a finding about the user's files.
    QString text = head.join(QStringLiteral("   ")) + QLatin1Char('\n') + verdict.message;
    if (!verdict.hint.isEmpty())
        text += QLatin1Char('\n') + tr("How to fix: %1").arg(verdict.hint);
    text += QStringLiteral("\n[%1]").arg(verdict.code);
    auto* item
        = new QListWidgetItem(style()->standardIcon(ok ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxCritical),
                              escapeControlCharacters(text, LineBreaks::Keep));
    item->setData(Qt::UserRole, verdict.code);
    item->setToolTip(verdict.code);
    m_ui->callsView->addItem(item);
    m_ui->callsView->scrollToBottom();
    const int calls = m_ui->callsView->count();
    m_ui->statusLabel->setText(
        ok ? tr("%n call(s) so far. The last one was a verified Chat call answered in time: "
                "the webhook works.",
                nullptr, calls)
           : tr("%n call(s) so far. The last one failed: follow the fix under it.", nullptr, calls));
}

void FirstCallPage::rehearse()
{
    if (m_rehearsing)
        return;
    const SetupModel& model = context().model;
    RehearsalOptions options;
    options.upstreamUrl = model.upstreamUrl;
    options.webhookPath = model.webhookPath;
    const QString sdkAppId = m_ui->sdkAppIdEdit->text().trimmed();
    if (!sdkAppId.isEmpty())
        options.sdkAppId = sdkAppId;
    options.token = m_ui->tokenEdit->text().toUtf8();
    if (!options.token.isEmpty() && options.token != m_storedToken) {
        // Kept in the keychain for the next time, never in a file.
        m_storedToken = options.token;
        context().secrets.write(
            SecretStore::webhookTokenKey(model.domain), options.token, this, [this](const SecretResult& result) {
                if (!result.ok())
                    m_ui->rehearsalIntroLabel->setText(tr("The token could not be kept in %1: %2")
                                                           .arg(context().secrets.description(), result.message));
            });
    }
    m_rehearsing = true;
    m_ui->rehearseButton->setEnabled(false);
    m_ui->rehearsalView->hide();
    m_ui->rehearsalLabel->setText(tr("Sending Chat's calls to the application."));
    runAsync<Result<RehearsalReport>>(
        this, [options] { return rehearseWebhook(options); },
        [this](Result<RehearsalReport> report) {
            m_rehearsing = false;
            m_ui->rehearseButton->setEnabled(true);
            if (!report) {
                m_ui->rehearsalLabel->setText(
                    escapeControlCharacters(tr("The rehearsal could not run: %1").arg(report.error().message)));
                return;
            }
            m_ui->rehearsalLabel->setText(
                report->ok()
                    ? tr("The application answered all %n call(s) as Chat expects.", nullptr, int(report->calls.size()))
                    : tr("The application did not answer as Chat expects: read the findings below."));
            m_ui->rehearsalView->setFindings(report->findings);
            m_ui->rehearsalView->setVisible(!report->findings.isEmpty());
        });
}

QString FirstCallPage::helpText() const
{
    return tr("Chat calls the webhook only after HTTPS mutual authentication is switched on for the callback URL in "
              "the Chat console. Each call is judged by what the server wrote in its log: a verified call answered "
              "with HTTP 200 within 2 seconds means the webhook works. A call without a client certificate usually "
              "means mutual authentication is still off in the console, or that TLS ends at a load balancer in "
              "front of this server.\n\n"
              "The rehearsal calls the webhook application directly, as the server passes Chat's calls on. With the "
              "webhook token it also checks that the application refuses a wrong signature and an old request. The "
              "token is kept in the system keychain.\n\n"
              "The same is on the command line: mtls-assistant-cli watch and mtls-assistant-cli rehearse.");
}

} // namespace mtls::ui
