#pragma once

#include "MainWizard.h"

#include <QObject>

#include <memory>

namespace mtls::ui {

// Keeps the program's wizard, and builds it again in the new language when the user switches languages (the
// pages then show every text, static and computed, in that language).
class WizardHost : public QObject
{
    Q_OBJECT
public:
    explicit WizardHost(QObject* parent = nullptr);
    ~WizardHost() override;

    void show();
    // Opens the wizard on the renewal of the saved setup `setupId` (mtls-assistant --renew ID; a click on a
    // reminder's notification). Before show().
    void openRenewal(const QString& setupId) { m_renewSetupId = setupId; }
    MainWizard* wizard() const { return m_wizard.get(); }

signals:
    void wizardReplaced(mtls::ui::MainWizard* wizard);

private:
    void open();

    std::unique_ptr<MainWizard> m_wizard;
    QString m_renewSetupId;
};

} // namespace mtls::ui
