#pragma once

#include "WizardPage.h"

#include <memory>
#include <mutex>

namespace Ui {
class FirstCallPage;
}

class QThread;

namespace mtls {
class ShellSession;
class WebhookWatcher;
struct WebhookCall;
struct Finding;
} // namespace mtls

namespace mtls::ui {

// After the test handshake: "Waiting for Chat's first call". For a setup applied on this machine it follows the
// webhook logs (the engine's WebhookWatcher on a thread of its own) and shows each call as it arrives with its
// verdict and hint, the same as `mtls-assistant-cli watch`; it says what to switch on in the Chat console; and it
// rehearses the webhook application on its upstream address (the engine's rehearsal, off the UI thread). The page
// never holds the user back: Next is always there. For a setup applied over SSH it follows the logs on the server
// (tail through the deployment's root shell, on a thread of its own) and shows the calls the same way. For an export
// it says what to run on the other machine.
class FirstCallPage : public WizardPage
{
    Q_OBJECT
public:
    explicit FirstCallPage(WizardContext& context, QWidget* parent = nullptr);
    ~FirstCallPage() override;

    void initializePage() override;
    int nextId() const override { return FinishPageId; }
    QString helpText() const override;

    // The logs followed (empty: none, as for an export).
    QString accessLog() const { return m_accessLog; }
    QString errorLog() const { return m_errorLog; }
    // Whether the logs are followed (from the moment the watcher has started on its thread).
    bool isWatching() const { return m_watching; }
    void rehearse();
    bool isRehearsing() const { return m_rehearsing; }

private:
    void startWatching(const QString& accessLog, const QString& errorLog);
    void startWatchingRemote(const QString& accessLog);
    // Where the calls are read from (`server` empty: this machine).
    static QString whereText(const QString& accessLog, const QString& errorLog, const QString& server);
    void stopWatching();
    void addCall(const WebhookCall& call, const Finding& verdict);
    void showExport();

    std::unique_ptr<Ui::FirstCallPage> m_ui;
    QThread* m_thread = nullptr;
    WebhookWatcher* m_watcher = nullptr; // lives on m_thread
    // Over SSH: the root shell that follows the logs on the server, to stop it from the UI thread.
    struct RemoteFollow
    {
        std::mutex mutex;
        ShellSession* shell = nullptr;
        bool cancelled = false;
    };
    std::shared_ptr<RemoteFollow> m_remote;
    QString m_accessLog;
    QString m_errorLog;
    bool m_watching = false;
    bool m_rehearsing = false;
    QByteArray m_storedToken; // the webhook token as read from the keychain
};

} // namespace mtls::ui
