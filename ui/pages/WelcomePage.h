#pragma once

#include "WizardPage.h"
#include "setup/SetupStore.h"

#include <memory>

namespace Ui {
class WelcomePage;
}

namespace mtls::ui {

// What the wizard does, the path of a webhook, the choice new setup / renew / sandbox, and the saved setups with
// their expiry (warning at 30 days or less).
class WelcomePage : public WizardPage
{
    Q_OBJECT
public:
    explicit WelcomePage(WizardContext& context, QWidget* parent = nullptr);
    ~WelcomePage() override;

    void initializePage() override;
    int nextId() const override;
    bool isComplete() const override;
    QString helpText() const override;

    // Re-reads the saved setups (off the UI thread).
    void reload();
    bool isLoaded() const { return m_loaded; }

private:
    void showSetups(const Result<SetupStoreContent>& content);

    std::unique_ptr<Ui::WelcomePage> m_ui;
    bool m_loaded = false;
};

} // namespace mtls::ui
