#pragma once

#include "WizardPage.h"
#include "setup/SavedSetup.h"

#include <memory>

namespace Ui {
class RenewSelectPage;
}

namespace mtls::ui {

// The renewal path: pick a saved setup; the wizard takes its domain, server and paths from it.
class RenewSelectPage : public WizardPage
{
    Q_OBJECT
public:
    explicit RenewSelectPage(WizardContext& context, QWidget* parent = nullptr);
    ~RenewSelectPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;
    QString helpText() const override;

    bool isLoaded() const { return m_loaded; }

private:
    std::unique_ptr<Ui::RenewSelectPage> m_ui;
    QList<SavedSetup> m_setups;
    QString m_clientCaPath;
    bool m_loaded = false;
};

} // namespace mtls::ui
