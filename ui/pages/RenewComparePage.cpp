#include "RenewComparePage.h"

#include "WizardContext.h"
#include "deploy/RemoteDeploy.h"
#include "ui_RenewComparePage.h"
#include "widgets/Async.h"
#include "widgets/CertificateText.h"
#include "widgets/SshConnectPanel.h"

#include <QDir>
#include <QHeaderView>
#include <QLabel>

namespace mtls::ui {

RenewComparePage::RenewComparePage(WizardContext& context, QWidget* parent)
    : WizardPage(context, parent)
    , m_ui(std::make_unique<Ui::RenewComparePage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Old and new certificate"));
    m_ui->compareView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_ui->compareView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui->compareView->setWordWrap(false);
    m_ui->compareView->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_ui->compareView->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    m_ui->compareView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sshLabel = new QLabel(this);
    m_sshLabel->setWordWrap(true);
    m_ssh = new SshConnectPanel(this);
    m_ssh->setObjectName(QStringLiteral("sshPanel"));
    m_ui->layout->insertWidget(m_ui->layout->indexOf(m_ui->verdictLabel) + 1, m_sshLabel);
    m_ui->layout->insertWidget(m_ui->layout->indexOf(m_sshLabel) + 1, m_ssh);
    m_sshLabel->hide();
    m_ssh->hide();
    connect(m_ssh, &SshConnectPanel::stateChanged, this, [this] {
        this->context().remoteInstallation = m_ssh->installation();
        this->context().sshPassword = m_ssh->password();
        this->context().sshKnownHostsInUse = m_ssh->knownHostsFile();
        this->context().remoteMerge = m_ssh->isReady() ? m_remoteMerge->get().second : std::optional<MergePlan>();
        emit completeChanged();
    });
}

RenewComparePage::~RenewComparePage() = default;

bool RenewComparePage::isBusy() const
{
    return m_busy || m_ssh->isBusy();
}

void RenewComparePage::initializePage()
{
    const WizardContext& ctx = context();
    // A setup that shares a website: the site's certificate as the site serves it now (its manager renews it).
    const bool merge = ctx.renewing && ctx.renewing->mode == SetupMode::Merge;
    setTitle(merge ? tr("The website's certificate") : tr("Old and new certificate"));
    setSubTitle(tr("Renewing %1.").arg(ctx.model.domain));
    if (m_intro.isEmpty()) {
        m_intro = m_ui->introLabel->text();
        m_introName = m_ui->compareView->accessibleName();
    }
    const bool overSsh = ctx.model.target == SetupTarget::Ssh;
    m_ui->introLabel->setText(
        !merge        ? m_intro
            : overSsh ? tr("The certificate the website served when the setup was saved (its file is on the server).")
                      : tr("The certificate the website serves now, as its file holds it."));
    m_ui->compareView->setAccessibleName(merge ? tr("The certificate the website serves now") : m_introName);
    const RememberedCertificate old = ctx.renewing ? ctx.renewing->certificate : RememberedCertificate();
    const RememberedCertificate now = merge ? old : RememberedCertificate::of(ctx.report.material.leaf);
    m_ui->compareView->setColumnCount(merge ? 1 : 2);
    m_ui->compareView->setHorizontalHeaderLabels(
        merge ? QStringList {overSsh ? tr("Served by the website when saved") : tr("Served by the website now")}
              : QStringList {tr("In use"), tr("New")});
    const QStringList rows {tr("Subject"), tr("Valid from"), tr("Valid until"), tr("Days left"), tr("SHA-256")};
    const auto values = [](const RememberedCertificate& c) {
        // The fingerprint on two lines, split at the colon in the middle, so both columns fit.
        QString sha = c.sha256;
        const qsizetype middle = sha.indexOf(QLatin1Char(':'), sha.size() / 2 - 1);
        if (middle > 0)
            sha = sha.left(middle + 1) + QLatin1Char('\n') + sha.mid(middle + 1);
        return QStringList {c.subject, c.notBefore.toString(QStringLiteral("yyyy-MM-dd")),
                            c.notAfter.toString(QStringLiteral("yyyy-MM-dd")), daysLeftText(c.daysUntilExpiry()), sha};
    };
    const QStringList oldValues = values(old);
    const QStringList newValues = values(now);
    m_ui->compareView->setRowCount(int(rows.size()));
    m_ui->compareView->setVerticalHeaderLabels(rows);
    for (int i = 0; i < rows.size(); ++i) {
        m_ui->compareView->setItem(i, 0, new QTableWidgetItem(oldValues.at(i)));
        if (!merge)
            m_ui->compareView->setItem(i, 1, new QTableWidgetItem(newValues.at(i)));
    }
    m_ui->compareView->resizeRowsToContents();
    m_ui->compareView->setCurrentCell(-1, -1);

    m_sameAsOld = !merge && !old.sha256.isEmpty() && old.sha256 == now.sha256;
    QStringList verdict;
    if (merge)
        verdict << tr("%1 shares the website at %2:%3, which keeps its own certificate: whoever manages the site "
                      "renews it (certbot, the hosting panel), so there is nothing to import here. The next pages "
                      "check Chat's client CA again and apply the merge again; when the site's file has the lines "
                      "already, it stays as it is.")
                       .arg(ctx.model.domain, QDir::toNativeSeparators(ctx.renewing->siteFile))
                       .arg(ctx.renewing->siteLine);
    else if (m_sameAsOld)
        verdict << tr("Error: this is the certificate already in use. Import the new one.");
    else if (now.notAfter <= old.notAfter)
        verdict << tr("Warning: the new certificate does not last longer than the one in use.");
    else
        verdict << tr("OK: the new certificate covers %1, fits its key, and lasts until %2.")
                       .arg(ctx.model.domain, now.notAfter.toString(QStringLiteral("yyyy-MM-dd")));
    m_ui->verdictLabel->setText(verdict.join(QLatin1Char('\n')));

    // The server of the saved setup, for the review: over SSH, found again on that machine.
    m_ssh->setVisible(overSsh);
    m_sshLabel->setVisible(overSsh);
    m_sshLabel->setText((merge ? tr("This setup was applied over SSH to %1: the assistant connects there again to "
                                    "read the site's file and apply the merge again.")
                               : tr("This setup was applied over SSH to %1: the assistant connects there again to "
                                    "install the new certificate."))
                            .arg(ctx.model.sshTarget));
    if (overSsh && !ctx.remoteInstallation) {
        DiscoveryOptions options = ctx.discovery.value_or(DiscoveryOptions());
        if (!ctx.discovery)
            options.configRoot = ctx.model.serverRoot;
        m_ssh->setTarget(ctx.model.sshTarget, ctx.model.sshIdentity);
        m_ssh->setServer(ctx.model.server, options);
        m_ssh->setKnownHostsFile(ctx.sshKnownHosts);
        // A merge setup: the merge planned again from the site's file as it is on the server now.
        if (merge) {
            const ServerConfigRequest site = ctx.model.configRequest(QString(), QString(), QString());
            m_ssh->setCheck([site, roots = ctx.model.rootsPath, replace = ctx.model.replaceLocation,
                             found = m_remoteMerge](ShellSession& shell, const ServerInstallation& installation) {
                ExportRequest bundle = exportRequestFor(installation, QString());
                bundle.config = site;
                bundle.config.serverVersion = installation.version;
                Result<MergePlan> planned = planRemoteMerge(shell, installation, bundle, replace, roots);
                found->set(QString(), planned ? std::optional<MergePlan>(planned.value()) : std::nullopt);
                return planned ? Status() : Status(planned.error());
            });
        }
        m_ssh->connectToServer();
    }
    if (ctx.model.target == SetupTarget::ThisMachine && !ctx.installation) {
        m_busy = true;
        DiscoveryOptions options = ctx.discovery.value_or(DiscoveryOptions());
        if (!ctx.discovery)
            options.configRoot = ctx.model.serverRoot;
        const ServerKind kind = ctx.model.server;
        runAsync<Result<ServerInstallation>>(
            this, [kind, options] { return discoverServer(kind, options); },
            [this](Result<ServerInstallation> installation) {
                m_busy = false;
                if (installation)
                    context().installation = installation.value();
                else
                    m_ui->verdictLabel->setText(m_ui->verdictLabel->text() + QLatin1Char('\n')
                                                + tr("Error: %1").arg(installation.error().message));
                emit completeChanged();
            });
    }
    emit completeChanged();
}

bool RenewComparePage::isComplete() const
{
    const SetupTarget target = context().model.target;
    const bool serverReady = target == SetupTarget::Export
        || (target == SetupTarget::Ssh ? m_ssh->isReady() : context().installation.has_value());
    return !isBusy() && !m_sameAsOld && serverReady;
}

bool RenewComparePage::validatePage()
{
    return true;
}

int RenewComparePage::nextId() const
{
    // The client CA of the saved setup is re-read with the new certificate on its page.
    return ClientCaPageId;
}

QString RenewComparePage::helpText() const
{
    return tr("Check that the new certificate is the one you expect: the same domain, a later expiry date, and a "
              "different fingerprint from the one in use. The next pages re-check Chat's client CA, show the "
              "configuration and apply it with a backup.");
}

} // namespace mtls::ui
