#pragma once

#include "WizardPage.h"

#include <memory>

namespace Ui {
class FinishPage;
}

namespace mtls::ui {

// The summary (saved as an HTML or PDF report without any secret) and the setup saved for renewal.
class FinishPage : public WizardPage
{
    Q_OBJECT
public:
    explicit FinishPage(WizardContext& context, QWidget* parent = nullptr);
    ~FinishPage() override;

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override { return -1; }
    QString helpText() const override;

    QString reportHtml() const;
    bool saveReport(const QString& path);
    bool isSaved() const { return m_saved; }

private:
    std::unique_ptr<Ui::FinishPage> m_ui;
    bool m_saving = false;
    bool m_saved = false;
};

} // namespace mtls::ui
