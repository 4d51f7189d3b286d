#pragma once

#include "WizardPage.h"
#include "deploy/ApplyProgress.h"
#include "deploy/RemoteJob.h"
#include "deploy/SshTarget.h"

#include <functional>
#include <memory>

class QPushButton;

namespace mtls {
class ShellSession;
}

namespace Ui {
class ApplyPage;
}

namespace mtls::ui {

// Applies the configuration to this machine (backups, test, reload, rollback on failure), to another machine over
// SSH (install.sh as one job on the server, its lines shown as they come; after a dropped connection, Reconnect shows
// how the job ended and Roll back undoes it), or exports the files to a folder for another machine. The work runs
// off the UI thread.
class ApplyPage : public WizardPage
{
    Q_OBJECT
public:
    explicit ApplyPage(WizardContext& context, QWidget* parent = nullptr);
    ~ApplyPage() override;

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;
    QString helpText() const override;

    bool isBusy() const { return m_busy; }
    void apply();
    void exportTo(const QString& directory);
    // Over SSH: what the jobs on the server say now (after a dropped connection), and the rollback of the change.
    void reconnect();
    void rollBackRemotely();

private:
    void setBusy(bool busy, const QString& what = QString());
    // The steps apply will take, as pending items; showStep() turns them into what happened.
    void showPlannedSteps();
    void showStep(const ApplyProgress& step);
    void dropPendingSteps();
    void applyOverSsh();
    // The connection of the setup, with the sudo password of this run; an Error when the target cannot be read.
    Result<SshOptions> sshOptions() const;
    ApplyProgressCallback progressCallback();
    // Opens the deployment's root shell on the setup's server and runs `work` there, off the UI thread (`busyText`
    // gets the server as %1); the job it returns is shown by remoteJobEnded().
    void runOnServer(const QString& busyText, bool reconnected, std::function<Result<RemoteJob>(ShellSession&)> work);
    // The outcome of a job on the server: done (the change verified there), or what is left and the way on.
    void remoteJobEnded(const Result<RemoteJob>& job, bool reconnected);

    // The directories of the plan this account cannot write into: apply then runs as an administrator.
    QStringList unwritableTargets() const;

    std::unique_ptr<Ui::ApplyPage> m_ui;
    QPushButton* m_reconnectButton = nullptr;
    QPushButton* m_rollbackButton = nullptr;
    QString m_applyText; // the button's text and accessible name from the form
    QString m_applyAccessibleName;
    bool m_asAdministrator = false;
    bool m_busy = false;
    bool m_done = false;
    bool m_changedSomething = false; // this apply wrote a file before it failed (so it was rolled back)
};

} // namespace mtls::ui
