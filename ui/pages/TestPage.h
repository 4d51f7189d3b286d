#pragma once

#include "WizardPage.h"
#include "server/ServerConfigRequest.h"

#include <memory>
#include <optional>

namespace Ui {
class TestPage;
}

namespace mtls {
class ProbeWorker;
struct ProbeReport;
} // namespace mtls

namespace mtls::ui {

// The test handshake against the live endpoint, as Chat's servers would make it: steps as they run, the verdict
// in words (and colour, never colour alone), and Run again after a fix.
class TestPage : public WizardPage
{
    Q_OBJECT
public:
    explicit TestPage(WizardContext& context, QWidget* parent = nullptr);
    ~TestPage() override;

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override { return FirstCallPageId; }
    QString helpText() const override;

    void run();
    bool isRunning() const { return m_running; }

private:
    void finished(const ProbeReport& report);
    void setRunning(bool running);

    std::unique_ptr<Ui::TestPage> m_ui;
    ProbeWorker* m_worker;
    bool m_running = false;
    std::optional<ListenAddress> m_localAddress; // where the server listens on this machine, after an apply here
};

} // namespace mtls::ui
