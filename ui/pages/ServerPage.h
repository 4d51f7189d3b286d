#pragma once

#include "WizardPage.h"
#include "server/MergeSite.h"
#include "server/ServerDiscovery.h"
#include "server/TlsProfile.h"
#include "setup/SetupModel.h"
#include "widgets/SshConnectPanel.h"

#include <QTimer>

#include <memory>

namespace Ui {
class ServerPage;
}

namespace mtls::ui {

class SshConnectPanel;

// Nginx or Apache, found on this machine (version and configuration folder), on another machine over SSH (the
// connection panel: host key, login, sudo, the server found there, the name free on it), or on another machine
// (export);
// listen address, upstream URL and TLS profile (the guide's legacy protocols only behind an explicit choice that
// shows the LEGACY_TLS warning). When a site of the installation already answers the webhook's name on the port
// (found by the engine, off the UI thread), that site and its certificate, and the choice between merging into it
// and a dedicated name; merge is checked by the engine's plan and its refusals shown as findings.
class ServerPage : public WizardPage
{
    Q_OBJECT
public:
    explicit ServerPage(WizardContext& context, QWidget* parent = nullptr);
    ~ServerPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    // Merge keeps the site's own certificate: straight to Chat's client CA. Otherwise the certificate pages.
    int nextId() const override;
    QString helpText() const override;

    // Discovery, the site look-up (or one about to start) or merge's check still running.
    bool isBusy() const;

    // A TLS profile as this page shows it ("Intermediate: TLS 1.2 and 1.3 (recommended)"), for the report too.
    static QString profileDisplayName(TlsProfile profile);

private:
    ServerKind kind() const;
    SetupTarget target() const;
    void targetChosen();
    TlsProfile profile() const;
    void discover();
    void discovered(const Result<ServerInstallation>& installation);
    void validate();
    // The model as this page fills it (mode and replaceLocation included).
    SetupModel pageModel() const;
    void lookUpSite();
    void siteFound(const Result<std::optional<AnsweringSite>>& site, const QString& certificateText);
    void modeChosen();
    void checkMerge();
    // Over SSH, once connected: the site on the server that answers the name, and the merge planned there.
    void remoteChecked();
    // The certificate a site serves, as the page shows it.
    static QString certificateText(const Result<Certificate>& certificate, const QString& path);
    // What the remote merge was planned for: the name and the listen address.
    static QString remoteKey(const SetupModel& model);

    std::unique_ptr<Ui::ServerPage> m_ui;
    SshConnectPanel* m_ssh = nullptr;
    std::optional<ServerInstallation> m_installation;
    int m_sequence = 0;
    std::optional<AnsweringSite> m_site; // a site that answers the webhook's name by name
    QTimer m_siteTimer; // looks the site up again once the listen address has been typed
    int m_siteSequence = 0;
    bool m_siteBusy = false;
    int m_checkSequence = 0;
    bool m_checkBusy = false;
    bool m_mergeRefused = false;
    // Over SSH: what the connection's check found (the merge planned from the server's files when a site answers the
    // name there).
    std::shared_ptr<RemoteMergeFound> m_remoteSite = std::make_shared<RemoteMergeFound>();
    std::optional<MergePlan> m_remoteMerge;
    QString m_remoteMadeFor;
    SetupTarget m_siteTarget = SetupTarget::ThisMachine; // the server m_site was looked up on
    bool m_busy = false;
    bool m_valid = false;
};

} // namespace mtls::ui
