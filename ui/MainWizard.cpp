#include "MainWizard.h"

namespace mtls::ui {

MainWizard::MainWizard(QWidget* parent)
    : QWizard(parent)
{
    setWindowTitle(tr("mTLS Assistant"));
}

} // namespace mtls::ui
