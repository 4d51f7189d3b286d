#include "WelcomePage.h"

#include "MainWizard.h"
#include "WizardContext.h"
#include "ui_WelcomePage.h"
#include "widgets/Async.h"
#include "widgets/CertificateText.h"

#include <QSettings>
#include <QStyle>

namespace mtls::ui {

WelcomePage::WelcomePage(WizardContext& context, QWidget* parent)
    : WizardPage(context, parent)
    , m_ui(std::make_unique<Ui::WelcomePage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Welcome"));
    setSubTitle(tr("Two-way TLS for your Tencent Cloud Chat webhook, step by step."));
    m_ui->savedSetupsView->setHeaderLabels({tr("Domain"), tr("Server"), tr("Expires"), tr("Days left")});
    m_ui->savedSetupsView->setColumnWidth(0, 260);
    m_ui->expiryWarning->hide();
    QFont bold = m_ui->expiryWarning->font();
    bold.setBold(true);
    m_ui->expiryWarning->setFont(bold);
    m_ui->storeErrorLabel->hide();
    m_ui->moveAsideButton->hide();
    m_ui->renewRadio->setEnabled(false);
    // Each language is named in its own language, so that anybody finds theirs.
    m_ui->languageCombo->addItem(tr("System language"), QString());
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->addItem(QString::fromUtf8("\u7b80\u4f53\u4e2d\u6587"), QStringLiteral("zh_CN"));
    m_ui->languageCombo->setCurrentIndex(
        std::max(0, m_ui->languageCombo->findData(QSettings().value(QStringLiteral("language")).toString())));
    connect(m_ui->languageCombo, &QComboBox::activated, this, [this](int index) {
        const QString language = m_ui->languageCombo->itemData(index).toString();
        QSettings().setValue(QStringLiteral("language"), language);
        if (auto* main = qobject_cast<MainWizard*>(wizard()))
            emit main->languageChangeRequested(language);
    });
    connect(m_ui->newSetupRadio, &QRadioButton::toggled, this, &WelcomePage::completeChanged);
    connect(m_ui->renewRadio, &QRadioButton::toggled, this, &WelcomePage::completeChanged);
    connect(m_ui->moveAsideButton, &QPushButton::clicked, this, [this] {
        // A file operation: off the UI thread, with the button disabled meanwhile.
        m_ui->moveAsideButton->setEnabled(false);
        m_ui->storeErrorLabel->setText(tr("Moving the damaged file aside..."));
        const SetupStore store = this->context().store;
        runAsync<Result<QString>>(
            this, [store] { return store.moveDamagedAside(); },
            [this](Result<QString> moved) {
                m_ui->storeErrorLabel->setText(moved ? tr("The damaged file was kept as %1.").arg(moved.value())
                                                     : moved.error().message);
                m_ui->moveAsideButton->setEnabled(true);
                m_ui->moveAsideButton->setVisible(!moved);
                reload();
            });
    });
    reload();
}

WelcomePage::~WelcomePage() = default;

void WelcomePage::reload()
{
    m_loaded = false;
    const SetupStore store = context().store;
    runAsync<Result<SetupStoreContent>>(
        this, [store] { return store.loadServed(); },
        [this](Result<SetupStoreContent> content) { showSetups(content); });
}

void WelcomePage::showSetups(const Result<SetupStoreContent>& content)
{
    m_loaded = true;
    m_ui->savedSetupsView->clear();
    if (!content) {
        m_ui->storeErrorLabel->setText(content.error().message);
        m_ui->storeErrorLabel->show();
        m_ui->moveAsideButton->show();
        m_ui->renewRadio->setEnabled(false);
        emit completeChanged();
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int expiring = 0;
    for (const SavedSetup& setup : content->setups) {
        const qint64 days = setup.certificate.daysUntilExpiry(now);
        auto* item = new QTreeWidgetItem(m_ui->savedSetupsView,
                                         {setup.domain, serverKindDisplayName(setup.server),
                                          setup.certificate.notAfter.toString(QStringLiteral("yyyy-MM-dd")),
                                          daysLeftText(days)});
        if (days <= kExpiryWarningDays) {
            ++expiring;
            item->setIcon(3, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        }
    }
    const bool any = !content->setups.isEmpty();
    m_ui->savedLabel->setText(any ? tr("Saved setups:") : tr("No saved setup yet."));
    m_ui->savedSetupsView->setVisible(any);
    m_ui->renewRadio->setEnabled(any);
    m_ui->renewRadio->setToolTip(any ? QString() : tr("There is no saved setup to renew yet."));
    m_ui->expiryWarning->setVisible(expiring > 0);
    m_ui->expiryWarning->setText(tr("Warning: %n certificate(s) expire within 30 days or have expired. Choose \"Renew "
                                    "the certificate of a saved setup\" to replace them.",
                                    nullptr, expiring));
    if (expiring > 0)
        m_ui->renewRadio->setChecked(true);
    emit completeChanged();
}

void WelcomePage::initializePage()
{
    context().renewing.reset();
}

bool WelcomePage::isComplete() const
{
    return !m_ui->renewRadio->isChecked() || m_ui->renewRadio->isEnabled();
}

int WelcomePage::nextId() const
{
    if (m_ui->renewRadio->isChecked())
        return RenewSelectPageId;
    if (m_ui->sandboxRadio->isChecked())
        return SandboxPageId;
    return EndpointPageId;
}

QString WelcomePage::helpText() const
{
    return tr("Chat calls your webhook over HTTPS with two-way authentication: your server proves who it is with "
              "its certificate, and Chat's servers prove who they are with a client certificate issued by Chat's CA. "
              "The assistant checks your certificate files, writes the Nginx or Apache configuration, applies it "
              "with a backup (or exports it for another machine) and tests the result like Chat would.\n\n"
              "The sandbox does all of this on this computer with throwaway certificates, so you can see how it "
              "works before you touch your server.");
}

} // namespace mtls::ui
