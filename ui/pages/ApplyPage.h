#pragma once

#include "WizardPage.h"
#include "deploy/ApplyProgress.h"

#include <memory>

namespace Ui {
class ApplyPage;
}

namespace mtls::ui {

// Applies the configuration to this machine (backups, test, reload, rollback on failure) or exports the files to a
// folder for another machine. The work runs off the UI thread.
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

private:
    void setBusy(bool busy, const QString& what = QString());
    // The steps apply will take, as pending items; showStep() turns them into what happened.
    void showPlannedSteps();
    void showStep(const ApplyProgress& step);
    void dropPendingSteps();

    // The directories of the plan this account cannot write into: apply then runs as an administrator.
    QStringList unwritableTargets() const;

    std::unique_ptr<Ui::ApplyPage> m_ui;
    QString m_applyText; // the button's text and accessible name from the form
    QString m_applyAccessibleName;
    bool m_asAdministrator = false;
    bool m_busy = false;
    bool m_done = false;
    bool m_changedSomething = false; // this apply wrote a file before it failed (so it was rolled back)
};

} // namespace mtls::ui
