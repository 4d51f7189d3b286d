#include "RenewSelectPage.h"

#include "WizardContext.h"
#include "ui_RenewSelectPage.h"
#include "widgets/Async.h"
#include "widgets/CertificateText.h"

#include <QDir>
#include <QStyle>

#include <limits>

namespace mtls::ui {

RenewSelectPage::RenewSelectPage(WizardContext& context, QWidget* parent)
    : WizardPage(context, parent)
    , m_ui(std::make_unique<Ui::RenewSelectPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Renew a certificate"));
    setSubTitle(tr("Replace the certificate of a saved setup."));
    m_ui->setupsView->setHeaderLabels({tr("Domain"), tr("Server"), tr("Location"), tr("Expires"), tr("Days left")});
    m_ui->setupsView->setColumnWidth(0, 240);
    connect(m_ui->setupsView, &QTreeWidget::currentItemChanged, this, [this] {
        const int index = m_ui->setupsView->currentIndex().row();
        QString selected;
        if (index >= 0 && index < m_setups.size()) {
            const SavedSetup& s = m_setups.at(index);
            selected = s.mode == SetupMode::Merge
                ? tr("Shares the website at %1:%2, which serves its own certificate (%3, valid until %4): whoever "
                     "manages the site renews it (certbot, the hosting panel). Renewing here checks Chat's client CA "
                     "again and applies the merge again.")
                      .arg(QDir::toNativeSeparators(s.siteFile))
                      .arg(s.siteLine)
                      .arg(s.certificate.subject, s.certificate.notAfter.toString(QStringLiteral("yyyy-MM-dd")))
                : tr("Certificate in use: %1, SHA-256 %2").arg(s.certificate.subject, s.certificate.sha256);
        }
        m_ui->selectionLabel->setText(selected);
        emit completeChanged();
    });
}

RenewSelectPage::~RenewSelectPage() = default;

void RenewSelectPage::initializePage()
{
    m_loaded = false;
    const SetupStore store = context().store;
    runAsync<Result<SetupStoreContent>>(
        this, [store] { return store.loadServed(); },
        [this](Result<SetupStoreContent> content) {
            m_loaded = true;
            m_ui->setupsView->clear();
            m_setups = content ? content->setups : QList<SavedSetup>();
            m_clientCaPath = content ? content->clientCaPath : QString();
            const QDateTime now = QDateTime::currentDateTimeUtc();
            int soonest = -1;
            qint64 soonestDays = 0;
            for (int i = 0; i < m_setups.size(); ++i) {
                const SavedSetup& s = m_setups.at(i);
                const qint64 days = s.certificate.daysUntilExpiry(now);
                auto* item = new QTreeWidgetItem(
                    m_ui->setupsView,
                    {s.domain, serverKindDisplayName(s.server),
                     s.target == SetupTarget::Export    ? tr("another machine")
                         : s.target == SetupTarget::Ssh ? tr("%1, over SSH").arg(s.sshTarget)
                                                        : tr("this machine"),
                     s.certificate.notAfter.toString(QStringLiteral("yyyy-MM-dd")), daysLeftText(days)});
                if (days <= kExpiryWarningDays)
                    item->setIcon(4, style()->standardIcon(QStyle::SP_MessageBoxWarning));
                if (s.id() == context().renewSetupId) { // asked for by name: chosen whatever its expiry
                    soonest = i;
                    soonestDays = std::numeric_limits<qint64>::min();
                } else if (soonest < 0 || days < soonestDays) {
                    soonest = i;
                    soonestDays = days;
                }
            }
            if (soonest >= 0)
                m_ui->setupsView->setCurrentItem(m_ui->setupsView->topLevelItem(soonest));
            if (!content)
                m_ui->selectionLabel->setText(content.error().message);
            emit completeChanged();
        });
}

bool RenewSelectPage::isComplete() const
{
    const int index = m_ui->setupsView->currentIndex().row();
    return m_loaded && index >= 0 && index < m_setups.size();
}

bool RenewSelectPage::validatePage()
{
    const SavedSetup& s = m_setups.at(m_ui->setupsView->currentIndex().row());
    WizardContext& ctx = context();
    ctx.renewing = s;
    SetupModel& m = ctx.model;
    const QString roots = m.rootsPath;
    m = SetupModel();
    m.rootsPath = roots;
    m.webhookInput = s.domain;
    m.domain = s.domain;
    m.webhookPath = s.webhookPath;
    m.source = s.source;
    m.server = s.server;
    m.target = s.target;
    m.serverRoot = s.serverRoot;
    m.sshTarget = s.sshTarget;
    m.sshIdentity = s.sshIdentity;
    m.listen = s.listen.isEmpty() ? QStringLiteral("443") : s.listen;
    m.upstreamUrl = s.upstreamUrl;
    m.profile = s.profile;
    m.mode = s.mode;
    m.clientCaPath = m_clientCaPath;
    ctx.report = CheckReport();
    ctx.plan.reset();
    ctx.applied.reset();
    ctx.probe.reset();
    ctx.installation.reset();
    ctx.remoteInstallation.reset();
    ctx.remoteMerge.reset();
    ctx.remoteJob.reset();
    return true;
}

int RenewSelectPage::nextId() const
{
    // A setup that shares a website has no certificate of its own to import: the site's manager renews it.
    const int index = m_ui->setupsView->currentIndex().row();
    const bool merge = index >= 0 && index < m_setups.size() && m_setups.at(index).mode == SetupMode::Merge;
    return merge ? RenewComparePageId : ImportPageId;
}

QString RenewSelectPage::helpText() const
{
    return tr("Certificates expire; Chat's calls fail when yours has. Pick the setup to renew, import the new "
              "certificate (from your certificate authority or downloaded again from the Chat console), compare it "
              "with the one in use, and apply it: the old files are backed up and put back if anything fails.");
}

} // namespace mtls::ui
