#pragma once

#include "WizardPage.h"

#include <memory>

namespace Ui {
class SandboxPage;
}

namespace mtls {
struct SandboxReport;
}

namespace mtls::ui {

// The sandbox on this computer: a throwaway PKI, the generated configuration on the real nginx or Apache on a
// loopback port, a webhook application and the probe. Runs off the UI thread; everything is removed afterwards.
class SandboxPage : public WizardPage
{
    Q_OBJECT
public:
    explicit SandboxPage(WizardContext& context, QWidget* parent = nullptr);
    ~SandboxPage() override;

    bool isComplete() const override;
    int nextId() const override { return -1; }
    QString helpText() const override;

    void run();
    bool isRunning() const { return m_running; }

private:
    void setRunning(bool running);

    std::unique_ptr<Ui::SandboxPage> m_ui;
    bool m_running = false;
};

} // namespace mtls::ui
