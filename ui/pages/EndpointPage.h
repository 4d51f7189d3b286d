#pragma once

#include "WizardPage.h"

#include <memory>

namespace Ui {
class EndpointPage;
}

namespace mtls::ui {

// The webhook URL or domain as configured in the Chat console, checked against the domain rules as the user types,
// and the webhook path.
class EndpointPage : public WizardPage
{
    Q_OBJECT
public:
    explicit EndpointPage(WizardContext& context, QWidget* parent = nullptr);
    ~EndpointPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    QString helpText() const override;

private:
    void update();

    std::unique_ptr<Ui::EndpointPage> m_ui;
    bool m_pathEdited = false;
    bool m_valid = false;
};

} // namespace mtls::ui
