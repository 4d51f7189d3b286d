#pragma once

#include "WizardPage.h"
#include "server/ServerDiscovery.h"
#include "server/TlsProfile.h"

#include <memory>

namespace Ui {
class ServerPage;
}

namespace mtls::ui {

// Nginx or Apache, found on this machine (version and configuration folder) or on another machine (export);
// listen address, upstream URL and TLS profile (the guide's legacy protocols only behind an explicit choice that
// shows the LEGACY_TLS warning).
class ServerPage : public WizardPage
{
    Q_OBJECT
public:
    explicit ServerPage(WizardContext& context, QWidget* parent = nullptr);
    ~ServerPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    QString helpText() const override;

    bool isBusy() const { return m_busy; }

    // A TLS profile as this page shows it ("Intermediate: TLS 1.2 and 1.3 (recommended)"), for the report too.
    static QString profileDisplayName(TlsProfile profile);

private:
    ServerKind kind() const;
    TlsProfile profile() const;
    void discover();
    void discovered(const Result<ServerInstallation>& installation);
    void validate();

    std::unique_ptr<Ui::ServerPage> m_ui;
    std::optional<ServerInstallation> m_installation;
    int m_sequence = 0;
    bool m_busy = false;
    bool m_valid = false;
};

} // namespace mtls::ui
