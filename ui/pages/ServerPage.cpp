#include "ServerPage.h"

#include "WizardContext.h"
#include "deploy/RemoteDeploy.h"
#include "pki/Certificate.h"
#include "server/ConfigSyntax.h"
#include "setup/SetupPlan.h"
#include "ui_ServerPage.h"
#include "widgets/Async.h"
#include "widgets/CertificateText.h"
#include "widgets/SshConnectPanel.h"

#include <QButtonGroup>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSettings>

#include <algorithm>

namespace mtls::ui {

ServerPage::ServerPage(WizardContext& context, QWidget* parent)
    : WizardPage(context, parent)
    , m_ui(std::make_unique<Ui::ServerPage>())
{
    m_ui->setupUi(this);
    // The two choices share one group box: each pair is exclusive on its own.
    auto* servers = new QButtonGroup(this);
    servers->addButton(m_ui->nginxRadio);
    servers->addButton(m_ui->apacheRadio);
    auto* targets = new QButtonGroup(this);
    targets->addButton(m_ui->thisMachineRadio);
    targets->addButton(m_ui->sshRadio);
    targets->addButton(m_ui->exportRadio);
    // setupUi checked them one after the other while they were still exclusive across the box.
    m_ui->nginxRadio->setChecked(true);
    m_ui->thisMachineRadio->setChecked(true);
    setTitle(tr("Web server"));
    setSubTitle(tr("Which server receives Chat's calls, and where it passes them on."));
    for (const TlsProfile p : {TlsProfile::Intermediate, TlsProfile::Modern})
        m_ui->profileCombo->addItem(profileDisplayName(p), tlsProfileName(p));
    m_ui->legacyFindings->hide();
    auto* modes = new QButtonGroup(this);
    modes->addButton(m_ui->mergeRadio);
    modes->addButton(m_ui->dedicatedRadio);
    m_ui->mergePicture->setMode(ModePicture::Mode::Merge);
    m_ui->dedicatedPicture->setMode(ModePicture::Mode::Dedicated);
    m_ui->mergeNoteLabel->setText(
        tr("Browsers are not asked for a certificate: they hold none from Chat's CA. A client that presents a "
           "certificate that fails verification is refused on every path of the site."));
    m_ui->dedicatedNoteLabel->setText(
        tr("Recommended when you can add a DNS name: the webhook gets a site of its own, and the website stays "
           "exactly as it is. Requiring a client certificate for a whole name is only right for a name that serves "
           "nothing else, so go back to the webhook page and enter that name (for example "
           "im-callback.example.com)."));
    m_ui->siteScroll->hide();
    m_ui->replaceLocationCheck->hide();
    m_ui->mergeFindings->hide();
    m_siteTimer.setSingleShot(true);
    m_siteTimer.setInterval(300);
    connect(&m_siteTimer, &QTimer::timeout, this, &ServerPage::lookUpSite);
    m_ui->busyBar->hide();
    m_ui->busyLabel->hide();
    m_ssh = new SshConnectPanel(this);
    m_ssh->setObjectName(QStringLiteral("sshPanel"));
    m_ui->serverLayout->insertWidget(m_ui->serverLayout->indexOf(m_ui->targetRadios) + 1, m_ssh);
    m_ssh->hide();
    connect(m_ssh, &SshConnectPanel::stateChanged, this, &ServerPage::remoteChecked);

    const QSettings settings;
    m_ssh->setTarget(settings.value(QStringLiteral("server/ssh_target")).toString(),
                     settings.value(QStringLiteral("server/ssh_identity")).toString());
    // Where the last setup went: over SSH again, with the same server in the fields (connected on Connect).
    if (setupTargetFromName(settings.value(QStringLiteral("server/target")).toString()) == SetupTarget::Ssh)
        m_ui->sshRadio->setChecked(true);
    if (settings.value(QStringLiteral("server/kind")).toString() == QLatin1String("apache"))
        m_ui->apacheRadio->setChecked(true);
    m_ui->listenEdit->setText(settings.value(QStringLiteral("server/listen"), QStringLiteral("443")).toString());
    m_ui->upstreamEdit->setText(
        settings.value(QStringLiteral("server/upstream"), QStringLiteral("http://127.0.0.1:8080")).toString());

    connect(m_ui->nginxRadio, &QRadioButton::toggled, this, [this] {
        m_ui->rootEdit->clear();
        discover();
        targetChosen();
    });
    connect(m_ui->thisMachineRadio, &QRadioButton::toggled, this, &ServerPage::validate);
    connect(m_ui->sshRadio, &QRadioButton::toggled, this, &ServerPage::targetChosen);
    connect(m_ui->rootEdit, &QLineEdit::editingFinished, this, &ServerPage::discover);
    connect(m_ui->thisMachineRadio, &QRadioButton::toggled, this, [this] { m_siteTimer.start(); });
    connect(m_ui->listenEdit, &QLineEdit::textChanged, this, [this] {
        m_siteTimer.start();
        validate();
    });
    connect(m_ui->upstreamEdit, &QLineEdit::textChanged, this, [this] {
        m_siteTimer.start();
        validate();
    });
    connect(m_ui->mergeRadio, &QRadioButton::toggled, this, &ServerPage::modeChosen);
    connect(m_ui->dedicatedRadio, &QRadioButton::toggled, this, &ServerPage::modeChosen);
    connect(m_ui->replaceLocationCheck, &QCheckBox::toggled, this, &ServerPage::checkMerge);
    connect(m_ui->profileCombo, &QComboBox::currentIndexChanged, this, &ServerPage::validate);
    connect(m_ui->legacyCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->profileCombo->setEnabled(!on);
        validate();
    });
}

ServerPage::~ServerPage() = default;

bool ServerPage::isBusy() const
{
    return m_busy || m_siteBusy || m_siteTimer.isActive() || m_checkBusy || m_ssh->isBusy();
}

ServerKind ServerPage::kind() const
{
    return m_ui->apacheRadio->isChecked() ? ServerKind::Apache : ServerKind::Nginx;
}

SetupTarget ServerPage::target() const
{
    if (m_ui->sshRadio->isChecked())
        return SetupTarget::Ssh;
    return m_ui->thisMachineRadio->isChecked() ? SetupTarget::ThisMachine : SetupTarget::Export;
}

// Over SSH, the panel takes the place of this machine's discovery; the server found there is checked for another
// site on the webhook's name and port right away, and when one answers it, the merge into it is planned from the
// server's own files.
void ServerPage::targetChosen()
{
    const bool ssh = m_ui->sshRadio->isChecked();
    m_ssh->setVisible(ssh);
    m_ui->discoveryLabel->setVisible(!ssh);
    m_ui->rootLabel->setVisible(!ssh);
    m_ui->rootEdit->setVisible(!ssh);
    m_ssh->setServer(kind(), context().discovery.value_or(DiscoveryOptions()));
    m_ssh->setKnownHostsFile(context().sshKnownHosts);
    // The site that answers the name is the chosen server's: looked up again there.
    if (target() != m_siteTarget) {
        m_siteTarget = target();
        m_remoteMerge.reset();
        siteFound(std::optional<AnsweringSite>(), QString());
        if (!ssh)
            lookUpSite();
    }
    if (ssh)
        remoteChecked();
    else
        validate();
}

QString ServerPage::profileDisplayName(TlsProfile profile)
{
    switch (profile) {
    case TlsProfile::Intermediate:
        break;
    case TlsProfile::Modern:
        return tr("Modern: TLS 1.3 only");
    case TlsProfile::ChatGuide:
        return tr("The Chat guide's sample: TLS 1.0 and 1.1 (not recommended)");
    }
    return tr("Intermediate: TLS 1.2 and 1.3 (recommended)");
}

TlsProfile ServerPage::profile() const
{
    if (m_ui->legacyCheck->isChecked())
        return TlsProfile::ChatGuide;
    return tlsProfileFromName(m_ui->profileCombo->currentData().toString()).value_or(TlsProfile::Intermediate);
}

void ServerPage::initializePage()
{
    if (!context().model.serverRoot.isEmpty() && m_ui->rootEdit->text().isEmpty())
        m_ui->rootEdit->setText(context().model.serverRoot);
    m_ui->mergePicture->setAddress(context().model.domain, context().model.webhookPath);
    m_ui->dedicatedPicture->setAddress(context().model.domain, context().model.webhookPath);
    if (!m_installation && !m_busy)
        discover();
    else
        lookUpSite(); // the webhook's name may have changed
    targetChosen();
}

void ServerPage::discover()
{
    m_installation.reset();
    m_site.reset();
    m_ui->siteScroll->hide();
    const ServerKind serverKind = kind();
    DiscoveryOptions options = context().discovery.value_or(DiscoveryOptions());
    if (!context().discovery)
        options.configRoot = m_ui->rootEdit->text().trimmed();
    m_busy = true;
    m_ui->busyBar->show();
    m_ui->busyLabel->show();
    m_ui->busyLabel->setText(tr("Looking for %1 on this machine...").arg(serverKindDisplayName(serverKind)));
    m_ui->discoveryLabel->clear();
    validate();
    const int sequence = ++m_sequence;
    runAsync<Result<ServerInstallation>>(
        this, [serverKind, options] { return discoverServer(serverKind, options); },
        [this, sequence](Result<ServerInstallation> installation) {
            if (sequence == m_sequence)
                discovered(installation);
        });
}

void ServerPage::discovered(const Result<ServerInstallation>& installation)
{
    m_busy = false;
    m_ui->busyBar->hide();
    m_ui->busyLabel->hide();
    if (installation) {
        m_installation = installation.value();
        const QString version
            = installation->version.isNull() ? tr("version unknown") : installation->version.toString();
        m_ui->discoveryLabel->setText(tr("Found %1 %2 on this machine, configuration in %3.")
                                          .arg(serverKindDisplayName(installation->kind), version,
                                               QDir::toNativeSeparators(installation->configRoot)));
        const QSignalBlocker blocker(m_ui->rootEdit);
        m_ui->rootEdit->setText(installation->configRoot);
        lookUpSite();
    } else {
        m_ui->discoveryLabel->setText(
            tr("%1 was not found on this machine: %2 Choose \"another machine\" to export the files, or give the "
               "configuration folder.")
                .arg(serverKindDisplayName(kind()), installation.error().message));
    }
    validate();
}

void ServerPage::validate()
{
    QStringList problems;
    if (parseListen(m_ui->listenEdit->text().trimmed()).isEmpty())
        problems << tr("Error: \"%1\" is not an address and port to listen on (for example 443, 0.0.0.0:443 or "
                       "[::]:443).")
                        .arg(m_ui->listenEdit->text().trimmed());
    const Result<configsyntax::UpstreamUrl> upstream = configsyntax::parseUpstreamUrl(m_ui->upstreamEdit->text());
    if (!upstream)
        problems << tr("Error: %1").arg(upstream.error().message);
    const bool thisMachine = m_ui->thisMachineRadio->isChecked();
    const bool ssh = m_ui->sshRadio->isChecked();
    if (thisMachine && !m_busy && !m_installation)
        problems << tr("Error: no %1 to configure on this machine.").arg(serverKindDisplayName(kind()));
    const bool choosing = (thisMachine || ssh) && m_site.has_value();
    if (choosing && !m_ui->mergeRadio->isChecked() && !m_ui->dedicatedRadio->isChecked())
        problems << tr("Choose how the webhook shares %1 with the website: merge or a dedicated name.")
                        .arg(context().model.domain);
    // Over SSH the site was read when connecting: a dedicated site needs another name, and a new listen address
    // another look.
    if (ssh && m_site && m_ui->dedicatedRadio->isChecked())
        problems << tr("Error: the site on the server already answers %1 on this port. A dedicated site needs a name "
                       "of its own: go back and change the name, or choose merge.")
                        .arg(context().model.domain);
    if (ssh && m_remoteMerge && remoteKey(pageModel()) != m_remoteMadeFor)
        problems << tr("The webhook's name or the listen address changed since the server was read: connect again.");
    m_ui->validationLabel->setText(problems.join(QLatin1Char('\n')));
    m_ui->validationLabel->setVisible(!problems.isEmpty());
    m_ui->rootLabel->setEnabled(thisMachine);
    m_ui->rootEdit->setEnabled(thisMachine);

    const Findings legacy = tlsProfileFindings(profile());
    m_ui->legacyFindings->setFindings(legacy);
    m_ui->legacyFindings->setVisible(!legacy.isEmpty());

    const bool merging = choosing && m_ui->mergeRadio->isChecked();
    if (ssh) {
        // For the next connect: the name and port as they are now.
        const ServerConfigRequest site = pageModel().configRequest(QString(), QString(), QString());
        const QString mainConfig = context().discovery ? context().discovery->mainConfig : QString();
        const QString roots = pageModel().rootsPath;
        const QString madeFor = remoteKey(pageModel());
        m_ssh->setCheck([site, mainConfig, roots, madeFor,
                         slot = m_remoteSite](ShellSession& shell, const ServerInstallation& installation) {
            ExportRequest bundle = exportRequestFor(installation, mainConfig);
            bundle.config = site;
            Status free = checkRemoteNameFree(shell, bundle);
            std::optional<MergePlan> merge;
            if (!free && hasCode(free.error().findings, QStringLiteral("SERVER_NAME_CONFLICT"))) {
                // A website answers the name there: the merge into it, planned from the server's files. When it is
                // refused, both the conflict and why merge cannot be made are shown.
                Result<MergePlan> planned = planRemoteMerge(shell, installation, bundle, false, roots);
                if (planned) {
                    merge = planned.value();
                    free = Status();
                } else if (!hasCode(planned.error().findings, QStringLiteral("MERGE_NO_SITE"))) {
                    Error both = free.error();
                    both.findings += planned.error().findings;
                    free = both;
                }
            }
            slot->set(madeFor, merge);
            return free;
        });
    }
    m_valid = problems.isEmpty() && !m_busy && !m_siteBusy && !(merging && (m_checkBusy || m_mergeRefused))
        && (!ssh || m_ssh->isReady());
    emit completeChanged();
}

bool ServerPage::isComplete() const
{
    return m_valid;
}

SetupModel ServerPage::pageModel() const
{
    SetupModel model = context().model;
    model.server = kind();
    model.target = target();
    model.serverRoot
        = model.target == SetupTarget::ThisMachine && m_installation ? m_installation->configRoot : QString();
    model.sshTarget.clear();
    model.sshIdentity.clear();
    if (model.target == SetupTarget::Ssh) {
        model.sshTarget = m_ssh->targetText();
        model.sshIdentity = m_ssh->identity();
        if (m_ssh->installation())
            model.serverRoot = m_ssh->installation()->configRoot;
    }
    model.listen = m_ui->listenEdit->text().trimmed();
    model.upstreamUrl = m_ui->upstreamEdit->text().trimmed();
    model.profile = profile();
    // With no site answering the name: dedicated, as the engine does without a mode.
    model.mode = SetupMode::Auto;
    model.replaceLocation = false;
    if (model.target != SetupTarget::Export && m_site) {
        if (m_ui->mergeRadio->isChecked())
            model.mode = SetupMode::Merge;
        else if (m_ui->dedicatedRadio->isChecked())
            model.mode = SetupMode::Dedicated;
        model.replaceLocation = model.mode == SetupMode::Merge && m_ui->replaceLocationCheck->isVisible()
            && m_ui->replaceLocationCheck->isChecked();
    }
    return model;
}

// The site that answers the webhook's name on the listen addresses, as the server would choose it, and the first
// certificate it serves: read by the engine off the UI thread.
void ServerPage::lookUpSite()
{
    const SetupModel model = pageModel();
    const QList<ListenAddress> listen = parseListen(model.listen);
    const int sequence = ++m_siteSequence;
    if (model.target == SetupTarget::Ssh) // read on the server when connecting (remoteChecked)
        return;
    if (model.target != SetupTarget::ThisMachine || !m_installation || model.domain.isEmpty() || listen.isEmpty()) {
        m_siteBusy = false;
        siteFound(std::optional<AnsweringSite>(), QString());
        return;
    }
    m_siteBusy = true;
    validate();
    const ServerInstallation installation = *m_installation;
    const QString domain = model.domain;
    using Found = std::pair<Result<std::optional<AnsweringSite>>, QString>;
    runAsync<Found>(
        this,
        [installation, domain, listen] {
            Result<std::optional<AnsweringSite>> site = findAnsweringSite(installation, domain, listen);
            QString text;
            if (site && site->has_value() && !site->value().certificates.isEmpty()) {
                const QString path = site->value().certificates.first();
                QFile file(path);
                text = certificateText(file.open(QIODevice::ReadOnly) ? Certificate::fromPem(file.readAll())
                                                                      : Result<Certificate>(Error(file.errorString())),
                                       path);
            }
            return Found(std::move(site), text);
        },
        [this, sequence](Found found) {
            if (sequence != m_siteSequence)
                return;
            m_siteBusy = false;
            siteFound(found.first, found.second);
        });
}

QString ServerPage::certificateText(const Result<Certificate>& certificate, const QString& path)
{
    return certificate
        ? tr("Its certificate: %1, issued by %2, valid until %3 (%4).")
              .arg(certificate->displayName(), certificate->issuerCommonName(),
                   QLocale().toString(certificate->notAfter().date(), QLocale::ShortFormat),
                   daysLeftText(certificate->daysUntilExpiry()))
        : tr("Its certificate %1 cannot be read: %2").arg(QDir::toNativeSeparators(path), certificate.error().message);
}

QString ServerPage::remoteKey(const SetupModel& model)
{
    return model.domain + QLatin1Char('|') + model.listen;
}

void ServerPage::remoteChecked()
{
    std::optional<MergePlan> merge;
    if (m_ssh->isReady())
        std::tie(m_remoteMadeFor, merge) = m_remoteSite->get();
    const bool changed = merge.has_value() != m_remoteMerge.has_value()
        || (merge && (merge->site.where() != m_remoteMerge->site.where() || merge->after != m_remoteMerge->after));
    m_remoteMerge = merge;
    if (changed && m_ui->sshRadio->isChecked()) {
        if (merge)
            siteFound(std::optional<AnsweringSite>(merge->site),
                      certificateText(merge->siteLeaf, merge->site.certificates.value(0)));
        else
            siteFound(std::optional<AnsweringSite>(), QString());
    }
    validate();
}

void ServerPage::siteFound(const Result<std::optional<AnsweringSite>>& site, const QString& certificateText)
{
    // Only a site that answers the name by name (not a port's default) is a website for it.
    std::optional<AnsweringSite> answering;
    if (site && site->has_value() && site->value().byName())
        answering = site->value();
    const bool sameSite = answering && m_site && answering->where() == m_site->where();
    m_site = answering;
    // In a scroll area: with the pictures, the page may be taller than the window (large fonts, Chinese).
    m_ui->siteScroll->setVisible(answering.has_value());
    if (!sameSite) {
        // A new site: the choice is the user's again.
        auto* group = m_ui->mergeRadio->group();
        group->setExclusive(false);
        m_ui->mergeRadio->setChecked(false);
        m_ui->dedicatedRadio->setChecked(false);
        group->setExclusive(true);
        m_ui->replaceLocationCheck->setChecked(false);
        m_ui->replaceLocationCheck->hide();
        m_ui->mergeFindings->hide();
        m_mergeRefused = false;
    }
    if (answering) {
        m_ui->siteLabel->setText(
            (m_ui->sshRadio->isChecked() ? tr("%1 on the server already answers %2 on this port: the site at %3 "
                                              "(server name %4).")
                                         : tr("%1 already answers %2 on this port: the site at %3 (server name %4)."))
                .arg(serverKindDisplayName(kind()), context().model.domain, answering->where(), answering->pattern));
        m_ui->siteCertificateLabel->setText(certificateText.isEmpty() ? tr("It serves no certificate of its own.")
                                                                      : certificateText);
        m_ui->siteCertificateLabel->setAccessibleName(m_ui->siteCertificateLabel->text());
        if (sameSite && m_ui->mergeRadio->isChecked())
            checkMerge();
    }
    validate();
}

void ServerPage::modeChosen()
{
    const bool merging = m_ui->mergeRadio->isChecked();
    if (!merging) {
        ++m_checkSequence;
        m_checkBusy = false;
        m_mergeRefused = false;
        m_ui->mergeFindings->hide();
        m_ui->replaceLocationCheck->hide();
        validate();
        return;
    }
    checkMerge();
}

// Merge's checks are the engine's plan: the refusals (MERGE_SITE_CERTIFICATE, MERGE_LOCATION_EXISTS, ...) come back
// as findings with what to do.
void ServerPage::checkMerge()
{
    if (!m_site || !m_ui->mergeRadio->isChecked())
        return;
    if (m_ui->sshRadio->isChecked()) { // planned on the server when connecting; its refusals are the panel's
        ++m_checkSequence;
        m_checkBusy = false;
        m_mergeRefused = false;
        validate();
        return;
    }
    const SetupModel model = pageModel();
    const std::optional<ServerInstallation> installation = m_installation;
    const int sequence = ++m_checkSequence;
    m_checkBusy = true;
    validate();
    runAsync<Status>(
        this, [model, installation] { return checkMergeSetup(model, installation); },
        [this, sequence](Status status) {
            if (sequence != m_checkSequence)
                return;
            m_checkBusy = false;
            Findings findings;
            if (!status) {
                findings = status.error().findings;
                if (findings.isEmpty()) {
                    Finding f;
                    f.code = QStringLiteral("MERGE_PLAN");
                    f.severity = Severity::Error;
                    f.message = status.error().message;
                    findings << f;
                }
            }
            m_mergeRefused = !status.ok();
            bool locationExists = false;
            for (Finding& f : findings) {
                if (f.code != QLatin1String("MERGE_LOCATION_EXISTS"))
                    continue;
                locationExists = true;
                // The engine's hint names the command line's option; here it is this page's checkbox. (Once it is
                // ticked, what is left cannot be replaced from the site's file, and the engine's hint says so.)
                if (!m_ui->replaceLocationCheck->isChecked())
                    f.hint
                        = tr("Give the webhook another path (Back, on the webhook page), or tick \"%1\" on this page: "
                             "the assistant then replaces that location with the webhook's, and rollback puts it "
                             "back.")
                              .arg(m_ui->replaceLocationCheck->accessibleName());
            }
            if (locationExists || m_ui->replaceLocationCheck->isChecked())
                m_ui->replaceLocationCheck->show();
            m_ui->mergeFindings->setFindings(findings);
            m_ui->mergeFindings->setVisible(!findings.isEmpty());
            if (!findings.isEmpty()) // once laid out
                QTimer::singleShot(0, this, [this] { m_ui->siteScroll->ensureWidgetVisible(m_ui->mergeFindings); });
            validate();
        });
}

bool ServerPage::validatePage()
{
    SetupModel& model = context().model;
    model = pageModel();
    context().installation = model.target == SetupTarget::ThisMachine ? m_installation : std::nullopt;
    context().remoteInstallation = model.target == SetupTarget::Ssh ? m_ssh->installation() : std::nullopt;
    context().remoteMerge
        = model.target == SetupTarget::Ssh && model.mode == SetupMode::Merge ? m_remoteMerge : std::nullopt;
    context().sshPassword = model.target == SetupTarget::Ssh ? m_ssh->password() : QByteArray();
    context().sshKnownHostsInUse = m_ssh->knownHostsFile();
    QSettings settings;
    if (model.target == SetupTarget::Ssh) {
        settings.setValue(QStringLiteral("server/ssh_target"), model.sshTarget);
        settings.setValue(QStringLiteral("server/ssh_identity"), model.sshIdentity);
    }
    settings.setValue(QStringLiteral("server/kind"), serverKindName(model.server));
    settings.setValue(QStringLiteral("server/target"), setupTargetName(model.target));
    settings.setValue(QStringLiteral("server/listen"), model.listen);
    settings.setValue(QStringLiteral("server/upstream"), model.upstreamUrl);
    return true;
}

int ServerPage::nextId() const
{
    const bool merging = target() != SetupTarget::Export && m_site && m_ui->mergeRadio->isChecked();
    return merging ? ClientCaPageId : CertificatePathPageId;
}

QString ServerPage::helpText() const
{
    return tr("The assistant looks for Nginx and Apache on this machine and writes its configuration where that "
              "installation reads it, with a backup. If your server is another machine you reach with SSH, choose "
              "\"over SSH\": the assistant logs in with your SSH settings and keys, checks the server's host key with "
              "you the first time, and makes the change on the server as one job that finishes even if the connection "
              "drops. If the desktop cannot reach the server, choose \"export the files\": you get the files to copy "
              "there.\n\n"
              "Listen: the address and port Chat calls (443 unless your webhook URL names another port). "
              "Webhook application: where your server passes verified calls on.\n\n"
              "When a website already answers the webhook's name on that port, choose how to share it. Merge adds "
              "client certificates for the webhook path only to that site, which keeps its own certificate: "
              "browsers are not asked. Dedicated gives the webhook a name of its own, for which the whole name "
              "requires Chat's certificate; it is the better choice when you can add a DNS name.\n\n"
              "The Chat guide's samples list TLS 1.0 and 1.1. Those versions are deprecated and current servers "
              "refuse them anyway; keep the recommended profile unless you know you need the guide's line.");
}

} // namespace mtls::ui
