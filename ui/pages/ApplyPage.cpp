#include "ApplyPage.h"

#include "Dialogs.h"
#include "WizardContext.h"
#include "deploy/Elevation.h"
#include "deploy/RemoteDeploy.h"
#include "deploy/ShellSession.h"
#include "deploy/SshShell.h"
#include "ui_ApplyPage.h"
#include "widgets/Async.h"
#include "widgets/PlainText.h"

#include <QDir>
#include <QPointer>
#include <QPushButton>
#include <QStyle>

namespace mtls::ui {

namespace {
// On each item of the steps list: the path it is about (empty for the test and reload), and whether it is a step
// still to come.
constexpr int kPathRole = Qt::UserRole;
constexpr int kPendingRole = Qt::UserRole + 1;

QStyle::StandardPixmap iconOf(ApplyProgress::Kind kind)
{
    switch (kind) {
    case ApplyProgress::Kind::Failed:
        return QStyle::SP_MessageBoxCritical;
    case ApplyProgress::Kind::Recovered:
        return QStyle::SP_MessageBoxInformation;
    case ApplyProgress::Kind::RollingBack:
    case ApplyProgress::Kind::Restored:
    case ApplyProgress::Kind::DirectoryRemoved:
        return QStyle::SP_ArrowBack;
    default:
        return QStyle::SP_DialogApplyButton;
    }
}
} // namespace

ApplyPage::ApplyPage(WizardContext& context, QWidget* parent)
    : WizardPage(context, parent)
    , m_ui(std::make_unique<Ui::ApplyPage>())
{
    m_ui->setupUi(this);
    m_ui->busyBar->hide();
    m_ui->busyLabel->hide();
    m_ui->stepsView->setWordWrap(true);
    m_applyText = m_ui->applyButton->text();
    m_applyAccessibleName = m_ui->applyButton->accessibleName();
    connect(m_ui->applyButton, &QPushButton::clicked, this, &ApplyPage::apply);
    m_reconnectButton = new QPushButton(tr("&Reconnect and show the outcome"), this);
    m_reconnectButton->setObjectName(QStringLiteral("reconnectButton"));
    m_rollbackButton = new QPushButton(tr("R&oll back on the server"), this);
    m_rollbackButton->setObjectName(QStringLiteral("remoteRollbackButton"));
    m_ui->buttons->insertWidget(2, m_reconnectButton);
    m_ui->buttons->insertWidget(3, m_rollbackButton);
    m_reconnectButton->hide();
    m_rollbackButton->hide();
    connect(m_reconnectButton, &QPushButton::clicked, this, &ApplyPage::reconnect);
    connect(m_rollbackButton, &QPushButton::clicked, this, &ApplyPage::rollBackRemotely);
    connect(m_ui->exportButton, &QPushButton::clicked, this, [this] {
        const QString dir
            = Dialogs::existingDirectory(this, tr("Choose an empty folder for the files"), QDir::homePath());
        if (!dir.isEmpty())
            exportTo(dir);
    });
}

ApplyPage::~ApplyPage() = default;

void ApplyPage::initializePage()
{
    const bool thisMachine = context().model.target == SetupTarget::ThisMachine;
    const bool ssh = context().model.target == SetupTarget::Ssh;
    m_done = false;
    m_ui->stepsView->clear();
    m_ui->errorPanel->clear();
    m_ui->resultLabel->clear();
    m_ui->applyButton->setVisible(thisMachine || ssh);
    m_ui->applyButton->setEnabled(true);
    m_ui->exportButton->setVisible(!thisMachine && !ssh);
    m_reconnectButton->hide();
    m_rollbackButton->hide();
    if (ssh) {
        setTitle(tr("Apply over SSH"));
        setSubTitle(tr("Make the change on %1 and check it there.").arg(context().model.sshTarget));
        m_ui->introLabel->setText(
            tr("The assistant connects to %1, uploads the files into a private folder there and runs install.sh as "
               "one job on the server: it backs up every file it replaces, writes the new ones, tests the whole "
               "configuration, reloads %2 and checks what the server now serves. If anything fails, it puts every "
               "file back. If the connection drops, the job finishes on the server on its own: reconnect to see how "
               "it ended.")
                .arg(context().model.sshTarget, serverKindDisplayName(context().model.server)));
        m_ui->applyButton->setText(tr("&Apply on the server"));
        m_ui->applyButton->setAccessibleName(tr("Apply the configuration on the server over SSH"));
        showPlannedSteps();
    } else if (thisMachine) {
        setTitle(tr("Apply"));
        setSubTitle(tr("Write the files, test the whole configuration and reload %1.")
                        .arg(serverKindDisplayName(context().model.server)));
        QString intro = tr("Every file that is replaced is backed up first. After the reload the assistant connects to "
                           "the server as a client would and checks the result. If the server refuses the new "
                           "configuration or the check fails, everything is put back, and the previous "
                           "configuration is reloaded and checked too.");
        // Where this account cannot write, the system's own prompt asks for an administrator (never this program).
        const QStringList denied = unwritableTargets();
        const auto mechanism = platformElevation();
        m_asAdministrator = !denied.isEmpty() && mechanism.has_value();
        if (m_asAdministrator)
            intro += QStringLiteral("\n\n")
                + tr("Your account cannot write into %1, so %2 will ask for an administrator's password when you "
                     "apply.")
                      .arg(QDir::toNativeSeparators(denied.first()), elevationMechanismName(*mechanism));
        else if (!denied.isEmpty())
            intro += QStringLiteral("\n\n")
                + tr("Your account cannot write into %1, and this system has no way to ask for administrator rights. "
                     "Start mTLS Assistant as an administrator, or choose \"On another machine\" on the server page "
                     "and "
                     "install the exported files with sudo.")
                      .arg(QDir::toNativeSeparators(denied.first()));
        m_ui->introLabel->setText(intro);
        m_ui->applyButton->setText(m_asAdministrator ? tr("&Apply as administrator...") : m_applyText);
        m_ui->applyButton->setAccessibleName(m_asAdministrator ? tr("Apply the configuration as administrator")
                                                               : m_applyAccessibleName);
        showPlannedSteps();
    } else {
        setTitle(tr("Export"));
        setSubTitle(tr("The files to copy to your server."));
        m_ui->introLabel->setText(tr("Choose an empty folder. The assistant writes the configuration, the "
                                     "certificate files and a README with the steps for the other machine."));
    }
    emit completeChanged();
}

void ApplyPage::showPlannedSteps()
{
    // What will happen, before it happens.
    m_ui->stepsView->clear();
    if (!context().plan)
        return;
    const QIcon pending = style()->standardIcon(QStyle::SP_FileIcon);
    const auto add = [&](const QString& text, const QString& path) {
        auto* item = new QListWidgetItem(pending, text, m_ui->stepsView);
        item->setData(Qt::AccessibleTextRole, text);
        item->setData(kPathRole, path);
        item->setData(kPendingRole, true);
    };
    const std::optional<MergePlan>& merge = context().plan->merge;
    if (merge)
        add(tr("Merge into %1: Chat's client certificate on %2 only; the site keeps its own certificate.")
                .arg(merge->site.where(), context().model.webhookPath),
            QString());
    if (merge) {
        // What the apply does, not a step of it.
        QListWidgetItem* what = m_ui->stepsView->item(0);
        what->setData(kPendingRole, false);
        what->setIcon(style()->standardIcon(QStyle::SP_MessageBoxInformation));
    }
    for (const QString& path : context().plan->files())
        add(tr("To write: %1").arg(QDir::toNativeSeparators(path)), path);
    add(tr("Then: test the whole configuration and reload %1.").arg(serverKindDisplayName(context().model.server)),
        QString());
    if (merge) {
        add(tr("Then: check from outside that the name still serves the site's own certificate, asks for a "
               "certificate from the Chat client CA, refuses the webhook path without one, and answers / as before."),
            QString());
        return;
    }
    if (context().model.target == SetupTarget::Ssh) {
        add(tr("Then, on the server: check at the listen address that the new certificate is served and a "
               "certificate from the Chat client CA is asked for. The test page then checks from this machine."),
            QString());
        return;
    }
    add(tr("Then: check from outside that the webhook name serves the new certificate, asks for a certificate from "
           "the Chat client CA and refuses callers without one, and that the other sites on the port are unchanged."),
        QString());
}

// A step that was planned is updated in place (pending icon -> done or failed); any other is inserted before the
// steps still to come, so the list reads in the order things happened. The engine's text names what happened
// ("Written:", "Failed:"...), so neither the icon nor the colour is the only sign.
void ApplyPage::showStep(const ApplyProgress& step)
{
    QListWidget* list = m_ui->stepsView;
    QListWidgetItem* item = nullptr;
    int firstPending = -1;
    for (int i = 0; i < list->count() && !item; ++i) {
        QListWidgetItem* candidate = list->item(i);
        if (!candidate->data(kPendingRole).toBool())
            continue;
        if (firstPending < 0)
            firstPending = i;
        const QString path = candidate->data(kPathRole).toString();
        const bool testStep = step.kind == ApplyProgress::Kind::Tested || step.kind == ApplyProgress::Kind::Verified
            || step.kind == ApplyProgress::Kind::Failed;
        if (step.path.isEmpty() ? (testStep && path.isEmpty()) : path == step.path)
            item = candidate;
    }
    if (!item) {
        item = new QListWidgetItem;
        list->insertItem(firstPending < 0 ? list->count() : firstPending, item);
    }
    m_changedSomething = m_changedSomething || step.kind == ApplyProgress::Kind::Written;
    item->setText(shownText(step.text));
    item->setData(Qt::AccessibleTextRole, shownText(step.text));
    item->setData(kPendingRole, false);
    item->setIcon(style()->standardIcon(iconOf(step.kind)));
    if (step.kind == ApplyProgress::Kind::Failed) {
        const bool dark = palette().color(QPalette::Base).lightness() < 128;
        item->setForeground(dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xb0, 0x00, 0x20));
        dropPendingSteps(); // what comes now is the rollback
    }
    list->scrollToItem(item);
    m_ui->busyLabel->setText(shownText(step.text));
}

QStringList ApplyPage::unwritableTargets() const
{
    if (!context().plan || !context().plan->apply)
        return {};
    const auto plan = planApply(*context().plan->apply);
    return plan ? unwritableDirectories(plan.value()) : QStringList();
}

void ApplyPage::dropPendingSteps()
{
    for (int i = m_ui->stepsView->count() - 1; i >= 0; --i) {
        if (m_ui->stepsView->item(i)->data(kPendingRole).toBool())
            delete m_ui->stepsView->takeItem(i);
    }
}

void ApplyPage::setBusy(bool busy, const QString& what)
{
    m_busy = busy;
    m_ui->busyBar->setVisible(busy);
    m_ui->busyLabel->setVisible(busy);
    m_ui->busyLabel->setText(what);
    m_ui->applyButton->setEnabled(!busy);
    m_ui->exportButton->setEnabled(!busy);
    m_reconnectButton->setEnabled(!busy);
    m_rollbackButton->setEnabled(!busy);
    emit completeChanged();
}

// Told on the worker thread; shown on the UI thread, in order, while the page still exists.
ApplyProgressCallback ApplyPage::progressCallback()
{
    QPointer<ApplyPage> self(this);
    return [self](const ApplyProgress& step) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, step] {
                if (self)
                    self->showStep(step);
            },
            Qt::QueuedConnection);
    };
}

void ApplyPage::apply()
{
    if (context().model.target == SetupTarget::Ssh) {
        applyOverSsh();
        return;
    }
    if (m_busy || !context().plan || !context().plan->apply)
        return;
    showPlannedSteps();
    m_changedSomething = false;
    m_ui->errorPanel->clear();
    m_ui->resultLabel->clear();
    setBusy(true, tr("Backing up, writing, testing and reloading..."));
    ApplyRequest request = *context().plan->apply;
    request.stateDir = context().applyStateDir;
    request.progress = progressCallback();
    if (m_asAdministrator)
        setBusy(true,
                tr("Waiting for the administrator's password, then backing up, writing, testing and reloading..."));
    runAsync<Result<ApplyResult>>(
        this,
        [request, elevated = m_asAdministrator] {
            return elevated ? applyElevated(request) : applyConfiguration(request);
        },
        [this](Result<ApplyResult> result) {
            setBusy(false);
            dropPendingSteps();
            if (!result) {
                // The failed step and the rollback are in the list; the server's own words in the error panel.
                m_ui->errorPanel->setError(result.error());
                m_ui->resultLabel->setText(
                    m_changedSomething ? tr("Every file was put back; the message above says whether the server runs "
                                            "as before. Fix the problem shown here and apply again.")
                                       : tr("Nothing was changed. Fix the problem shown here and apply again."));
                return;
            }
            context().applied = result.value();
            m_done = true;
            m_ui->applyButton->setEnabled(false); // applied; Back and Next from here
            m_ui->resultLabel->setText(
                tr("Done: %n file(s) written. Next, test it like Chat would.", nullptr, int(result->changed.size())));
            emit completeChanged();
        });
}

Result<SshOptions> ApplyPage::sshOptions() const
{
    Result<SshOptions> options = sshOptionsOf(context().model);
    if (options) {
        options->knownHostsFile = context().sshKnownHostsInUse;
        options->sudoPassword = context().sshPassword;
    }
    return options;
}

void ApplyPage::applyOverSsh()
{
    if (m_busy || !context().plan || !context().plan->remote)
        return;
    showPlannedSteps();
    RemoteApplyRequest request;
    request.bundle = *context().plan->remote;
    request.bundle.mainConfig = context().discovery ? context().discovery->mainConfig : QString();
    request.stateDir = context().remoteStateDir;
    request.progress = progressCallback();
    runOnServer(tr("Connecting to %1..."), false,
                [request](ShellSession& shell) { return applyRemotely(shell, request); });
}

void ApplyPage::reconnect()
{
    // The job's whole log comes again from the server: what it did before and after the connection dropped.
    m_ui->stepsView->clear();
    const QString stateDir = context().remoteStateDir;
    const QString domain = context().model.domain;
    runOnServer(tr("Connecting to %1 and reading the jobs there..."), true,
                [stateDir, domain, progress = progressCallback()](ShellSession& shell) -> Result<RemoteJob> {
                    auto jobs = remoteStatus(shell, stateDir, progress, std::chrono::minutes(10), true);
                    if (!jobs)
                        return jobs.error();
                    for (auto it = jobs->crbegin(); it != jobs->crend(); ++it) {
                        if (it->domain == domain)
                            return *it;
                    }
                    return Error(
                        tr("No change for %1 was started on the server: nothing was changed there.").arg(domain));
                });
}

void ApplyPage::rollBackRemotely()
{
    m_done = false;
    const QString stateDir = context().remoteStateDir;
    const QString domain = context().model.domain;
    runOnServer(tr("Rolling back on %1..."), true,
                [stateDir, domain, progress = progressCallback()](ShellSession& shell) {
                    return rollbackRemotely(shell, stateDir, false, domain, progress);
                });
}

void ApplyPage::runOnServer(const QString& busyText, bool reconnected,
                            std::function<Result<RemoteJob>(ShellSession&)> work)
{
    const Result<SshOptions> options = sshOptions();
    if (m_busy)
        return;
    m_ui->errorPanel->clear();
    m_ui->resultLabel->clear();
    m_reconnectButton->hide();
    m_rollbackButton->hide();
    if (!options) {
        m_ui->errorPanel->setError(options.error());
        return;
    }
    setBusy(true, busyText.arg(options->target.display()));
    runAsync<Result<RemoteJob>>(
        this,
        [options = options.value(), work = std::move(work)]() -> Result<RemoteJob> {
            auto shell = openDeploymentShell(options);
            if (!shell)
                return shell.error();
            return work(*shell.value());
        },
        [this, reconnected](Result<RemoteJob> job) { remoteJobEnded(job, reconnected); });
}

void ApplyPage::remoteJobEnded(const Result<RemoteJob>& job, bool reconnected)
{
    setBusy(false);
    dropPendingSteps();
    const QString server = context().model.sshTarget;
    if (!job) {
        m_ui->errorPanel->setError(job.error());
        const bool lost = std::any_of(job.error().findings.cbegin(), job.error().findings.cend(), [](const Finding& f) {
            return f.code == QLatin1String("REMOTE_CONNECTION_LOST");
        });
        m_reconnectButton->setVisible(lost || reconnected);
        m_ui->applyButton->setEnabled(!lost); // the job still runs there: first see how it ends
        m_ui->resultLabel->setText(
            lost ? tr("The connection to %1 dropped while the job ran. The job goes on there and ends fully done or "
                      "fully put back: reconnect to see which.")
                       .arg(server)
                 : tr("Nothing was changed on the server by this step. Fix the problem shown here and try again."));
        return;
    }
    context().remoteJob = job.value();
    const QString state = job->serverState();
    const bool installed = job->action == RemoteJobAction::Install && state == QLatin1String("after");
    m_done = installed;
    m_reconnectButton->setVisible(state == QLatin1String("running"));
    // After a reconnect, what the job left can be undone here; an unfinished step is put back the same way.
    m_rollbackButton->setVisible((installed && reconnected) || state == QLatin1String("unfinished"));
    m_ui->applyButton->setEnabled(!installed && state != QLatin1String("running"));
    if (installed) {
        m_ui->resultLabel->setText(tr("Done on %1: install.sh made the change and checked it on the server. Next, "
                                      "test it like Chat would.")
                                       .arg(server));
    } else if (state == QLatin1String("running")) {
        m_ui->resultLabel->setText(remoteOutcomeText(job.value()));
    } else if (job->state == RemoteJob::State::Succeeded) {
        m_ui->resultLabel->setText(remoteOutcomeText(job.value())); // a rollback that put the previous one back
    } else {
        m_ui->errorPanel->setError(Error(remoteOutcomeText(job.value())));
        m_ui->resultLabel->setText(state == QLatin1String("before")
                                       ? tr("Every file was put back on the server, which runs what it ran before. "
                                            "The lines above are install.sh's own; fix the problem and apply again.")
                                       : tr("Roll back to put the server's previous configuration back now."));
    }
    emit completeChanged();
}

void ApplyPage::exportTo(const QString& directory)
{
    if (m_busy || !context().plan)
        return;
    m_ui->stepsView->clear();
    m_ui->errorPanel->clear();
    setBusy(true, tr("Writing the files..."));
    const SetupPlan plan = *context().plan;
    const ServerMaterial material = context().report.material;
    runAsync<Result<QStringList>>(
        this, [plan, material, directory] { return exportSetup(plan, material, directory); },
        [this](Result<QStringList> written) {
            setBusy(false);
            if (!written) {
                m_ui->errorPanel->setError(written.error());
                return;
            }
            const QIcon ok = style()->standardIcon(QStyle::SP_DialogApplyButton);
            for (const QString& path : written.value())
                new QListWidgetItem(ok, tr("Written: %1").arg(QDir::toNativeSeparators(path)), m_ui->stepsView);
            context().exported = written.value();
            m_done = true;
            m_ui->resultLabel->setText(
                tr("Done: %n file(s) exported. Follow README.txt on your server.", nullptr, int(written->size())));
            emit completeChanged();
        });
}

bool ApplyPage::isComplete() const
{
    return m_done && !m_busy;
}

int ApplyPage::nextId() const
{
    return context().model.target == SetupTarget::Export ? FinishPageId : TestPageId;
}

QString ApplyPage::helpText() const
{
    return tr("Apply writes the certificate files into a folder of their own in the server's configuration (the key "
              "readable by the owner only), writes the site file, enables it, runs the server's configuration test "
              "and reloads the server. A journal and backups are kept, so a failed or interrupted apply is put back "
              "automatically.\n\nOver SSH, the same happens on the server, run there by install.sh as one job that "
              "keeps going if the connection drops; its backups and log stay on the server "
              "(/var/lib/mtls-assistant). Reconnect shows how a job ended, and Roll back undoes the change.\n\n"
              "Export writes the same files into a folder for you to copy to another machine.");
}

} // namespace mtls::ui
