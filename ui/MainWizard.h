#pragma once

#include <QWizard>

#include <memory>

namespace mtls {
class SecretStore;
}

namespace mtls::ui {

struct WizardContext;

// The assistant's wizard: first-time setup on both certificate paths, renewal of a saved setup, and the sandbox.
// Pages collect the user's choices into the setup model (WizardContext); the engine does the work.
class MainWizard : public QWizard
{
    Q_OBJECT
public:
    // `secrets` null: the system keychain. `setupDirectory` empty: the application data location.
    explicit MainWizard(SecretStore* secrets = nullptr, const QString& setupDirectory = QString(),
                        QWidget* parent = nullptr);
    ~MainWizard() override;

    WizardContext& context() { return *m_context; }

signals:
    // The user chose another language (already remembered in the settings; empty: the system's). The program
    // builds the wizard again in that language.
    void languageChangeRequested(const QString& language);

protected:
    void done(int result) override;

private:
    void showHelp();

    std::unique_ptr<SecretStore> m_ownSecrets;
    std::unique_ptr<WizardContext> m_context;
};

} // namespace mtls::ui
