#include "WizardHost.h"

#include "WizardContext.h"
#include "core/Translations.h"
#include "pages/WizardPage.h"

#include <QTimer>

#include <utility>

namespace mtls::ui {

WizardHost::WizardHost(QObject* parent)
    : QObject(parent)
{
}

WizardHost::~WizardHost() = default;

void WizardHost::show()
{
    if (!m_wizard)
        open();
}

void WizardHost::open()
{
    auto next = std::make_unique<MainWizard>();
    if (!m_renewSetupId.isEmpty()) { // the first wizard only
        next->context().renewSetupId = std::exchange(m_renewSetupId, QString());
        next->setStartId(RenewSelectPageId);
    }
    connect(next.get(), &MainWizard::languageChangeRequested, this, [this](const QString& language) {
        installTranslations(language);
        // Not while the old wizard is still inside its own signal.
        QTimer::singleShot(0, this, &WizardHost::open);
    });
    next->show();
    if (m_wizard) {
        next->move(m_wizard->pos());
        m_wizard->hide();
        m_wizard.release()->deleteLater();
    }
    m_wizard = std::move(next);
    emit wizardReplaced(m_wizard.get());
}

} // namespace mtls::ui
