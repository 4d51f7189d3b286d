#pragma once

#include "WizardPage.h"
#include "widgets/SshConnectPanel.h"

#include <memory>

class QLabel;

namespace Ui {
class RenewComparePage;
}

namespace mtls::ui {

class SshConnectPanel;

// The renewal path: the certificate in use and the new one side by side. The new one must cover the same domain
// (the import's check already refuses one that does not, or whose key does not fit). The server of the setup is
// found again: on this machine, or over SSH on the machine the setup was applied to (the connection panel, which
// asks for the sudo password again when the server needs one).
class RenewComparePage : public WizardPage
{
    Q_OBJECT
public:
    explicit RenewComparePage(WizardContext& context, QWidget* parent = nullptr);
    ~RenewComparePage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;
    QString helpText() const override;

    bool isBusy() const;

private:
    std::unique_ptr<Ui::RenewComparePage> m_ui;
    QLabel* m_sshLabel = nullptr;
    SshConnectPanel* m_ssh = nullptr;
    std::shared_ptr<RemoteMergeFound> m_remoteMerge = std::make_shared<RemoteMergeFound>(); // over SSH, merge setups
    bool m_busy = false;
    bool m_sameAsOld = false;
    QString m_intro; // the form's texts, for a setup of its own (a merge setup shows other ones)
    QString m_introName;
};

} // namespace mtls::ui
