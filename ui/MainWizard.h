#pragma once

#include <QWizard>

namespace mtls::ui {

// The first-time setup wizard.
class MainWizard : public QWizard
{
    Q_OBJECT
public:
    explicit MainWizard(QWidget* parent = nullptr);
};

} // namespace mtls::ui
