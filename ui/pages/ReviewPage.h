#pragma once

#include "WizardPage.h"
#include "core/Result.h"

#include <memory>

namespace Ui {
class ReviewPage;
}

namespace mtls::ui {

class ConfigHighlighter;

// The generated configuration (read-only, highlighted), the real server's configuration test of it, and the files
// that will be written.
class ReviewPage : public WizardPage
{
    Q_OBJECT
public:
    explicit ReviewPage(WizardContext& context, QWidget* parent = nullptr);
    ~ReviewPage() override;

    void initializePage() override;
    bool isComplete() const override;
    QString helpText() const override;

    bool isBusy() const { return m_busy; }

private:
    void generate();

    std::unique_ptr<Ui::ReviewPage> m_ui;
    ConfigHighlighter* m_highlighter = nullptr;
    int m_sequence = 0;
    bool m_busy = false;
    bool m_generated = false;
    bool m_testPassed = false;
};

} // namespace mtls::ui
