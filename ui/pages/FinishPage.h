#pragma once

#include "WizardPage.h"

#include <memory>

namespace Ui {
class FinishPage;
}

namespace mtls::ui {

// The summary (saved as an HTML or PDF report without any secret) and the setup saved for renewal.
class FinishPage : public WizardPage
{
    Q_OBJECT
public:
    explicit FinishPage(WizardContext& context, QWidget* parent = nullptr);
    ~FinishPage() override;

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override { return -1; }
    QString helpText() const override;

    QString reportHtml() const;
    // Writes the report (HTML, or PDF when the name ends in .pdf) off the UI thread; the outcome is shown under
    // the button.
    void saveReport(const QString& path);
    bool isSavingReport() const { return m_savingReport; }
    bool isSaved() const { return m_saved; }
    // "Remind me before it expires": registers the daily reminder job (remind/ReminderSchedule) off the UI thread;
    // what happened (installed, or why not and what to do) is shown under the button.
    void installReminder();
    bool isInstallingReminder() const { return m_installingReminder; }

private:
    void setSavingReport(bool saving);

    std::unique_ptr<Ui::FinishPage> m_ui;
    bool m_saving = false;
    bool m_saved = false;
    bool m_savingReport = false;
    bool m_installingReminder = false;
};

} // namespace mtls::ui
