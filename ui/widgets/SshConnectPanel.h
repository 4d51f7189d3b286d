#pragma once

#include "deploy/SshHostKey.h"
#include "deploy/SshShell.h"
#include "server/MergeSite.h"
#include "server/ServerDiscovery.h"

#include <QWidget>

#include <functional>
#include <mutex>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QFrame;

namespace mtls::ui {

class FindingsView;

// A setup in merge mode over SSH: the merge planned on the server (planRemoteMerge) by a connection's check, on its
// worker thread, with what it was planned for (the name and listen address); read by the page once the panel is
// ready.
class RemoteMergeFound
{
public:
    void set(const QString& madeFor, const std::optional<MergePlan>& merge)
    {
        const std::lock_guard lock(m_mutex);
        m_madeFor = madeFor;
        m_merge = merge;
    }
    std::pair<QString, std::optional<MergePlan>> get() const
    {
        const std::lock_guard lock(m_mutex);
        return {m_madeFor, m_merge};
    }

private:
    mutable std::mutex m_mutex;
    QString m_madeFor;
    std::optional<MergePlan> m_merge;
};

// The connection to another machine over SSH, on the server page and on the renewal page: host, user, port and key
// (empty: what the user's ~/.ssh/config and agent give, as in a terminal). Connect checks the host key first: an
// unknown one is shown with its type and SHA-256 fingerprint and trusted only when the user says so (recorded in the
// assistant's known-hosts file); a changed one is a hard stop with what it may mean. Then the login, root by the way
// the server allows (root login, sudo without a password, or sudo with the password typed here: held in memory for
// this run of the assistant only, never saved, never on a command line), the server found there with the same rules
// as on this machine, and the caller's own check (setCheck()). Every step runs off the UI thread and is bounded.
class SshConnectPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SshConnectPanel(QWidget* parent = nullptr);
    ~SshConnectPanel() override;

    // The fields from a saved "[user@]host[:port]" and key file.
    void setTarget(const QString& target, const QString& identity);
    // What to look for on the server: the kind, and what the user (or a test) gave of its installation.
    void setServer(ServerKind kind, const DiscoveryOptions& given);
    // Test hook: the known-hosts file (empty: the assistant's own).
    void setKnownHostsFile(const QString& file) { m_knownHosts = file; }
    // The known-hosts file the connection uses: the user's own (~/.ssh/known_hosts) when chosen on the panel, else the
    // assistant's (or the test hook's). Empty: the assistant's own.
    QString knownHostsFile() const;
    // Run on the server's root shell once the server was found: an Error (with findings) keeps the page from
    // going on, and is shown here.
    using Check = std::function<Status(ShellSession&, const ServerInstallation&)>;
    void setCheck(Check check) { m_check = std::move(check); }

    // "[user@]host[:port]" as typed, and the key file.
    QString targetText() const;
    QString identity() const;
    // What the fields say, with the password typed here; an Error saying what is wrong with them.
    Result<SshOptions> options() const;
    // The sudo password typed here (empty when none was needed).
    QByteArray password() const;

    bool isBusy() const { return m_busy; }
    // The server was found and the caller's check passed.
    bool isReady() const { return m_installation.has_value() && !m_refused && !m_busy; }
    const std::optional<ServerInstallation>& installation() const { return m_installation; }

    // Connect (the button): host key, login, discovery, check.
    void connectToServer();
    // Trust the unknown host key shown (the button), then go on connecting.
    void trustHostKey();

signals:
    void stateChanged();

private:
    void setBusy(bool busy, const QString& what = QString());
    void forget(); // the fields changed: what was found is no longer true
    void forgetPassword();
    void hostKeyChecked(const Result<HostKeyCheck>& check);
    void logIn();
    void showError(const Error& error);
    void setStatus(const QString& text);
    static QString privilegeText(SshPrivilege privilege);

    QLineEdit* m_host;
    QLineEdit* m_user;
    QLineEdit* m_port;
    QLineEdit* m_key;
    QPushButton* m_browse;
    QCheckBox* m_ownKnownHosts; // trusted host keys in the user's own known_hosts, as their terminal's ssh
    QPushButton* m_connect;
    QFrame* m_hostKeyBox;
    QLabel* m_hostKeyLabel;
    QLabel* m_fingerprintLabel;
    QPushButton* m_trust;
    QLabel* m_passwordLabel;
    QLineEdit* m_password;
    QProgressBar* m_busyBar;
    QLabel* m_busyLabel;
    QLabel* m_statusLabel;
    FindingsView* m_findings;

    ServerKind m_kind = ServerKind::Nginx;
    DiscoveryOptions m_given;
    QString m_knownHosts;
    Check m_check;
    std::optional<HostKeyCheck> m_hostKey; // an unknown key waiting for the user's word
    std::optional<ServerInstallation> m_installation;
    bool m_refused = false;
    bool m_busy = false;
    int m_sequence = 0;
};

} // namespace mtls::ui
