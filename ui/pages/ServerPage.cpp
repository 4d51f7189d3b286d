#include "ServerPage.h"

#include "WizardContext.h"
#include "server/ConfigSyntax.h"
#include "ui_ServerPage.h"
#include "widgets/Async.h"

#include <QButtonGroup>
#include <QDir>
#include <QSettings>

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
    targets->addButton(m_ui->exportRadio);
    // setupUi checked them one after the other while they were still exclusive across the box.
    m_ui->nginxRadio->setChecked(true);
    m_ui->thisMachineRadio->setChecked(true);
    setTitle(tr("Web server"));
    setSubTitle(tr("Which server receives Chat's calls, and where it passes them on."));
    for (const TlsProfile p : {TlsProfile::Intermediate, TlsProfile::Modern})
        m_ui->profileCombo->addItem(profileDisplayName(p), tlsProfileName(p));
    m_ui->legacyFindings->hide();
    m_ui->busyBar->hide();
    m_ui->busyLabel->hide();

    const QSettings settings;
    if (settings.value(QStringLiteral("server/kind")).toString() == QLatin1String("apache"))
        m_ui->apacheRadio->setChecked(true);
    m_ui->listenEdit->setText(settings.value(QStringLiteral("server/listen"), QStringLiteral("443")).toString());
    m_ui->upstreamEdit->setText(
        settings.value(QStringLiteral("server/upstream"), QStringLiteral("http://127.0.0.1:8080")).toString());

    connect(m_ui->nginxRadio, &QRadioButton::toggled, this, [this] {
        m_ui->rootEdit->clear();
        discover();
    });
    connect(m_ui->thisMachineRadio, &QRadioButton::toggled, this, &ServerPage::validate);
    connect(m_ui->rootEdit, &QLineEdit::editingFinished, this, &ServerPage::discover);
    connect(m_ui->listenEdit, &QLineEdit::textChanged, this, &ServerPage::validate);
    connect(m_ui->upstreamEdit, &QLineEdit::textChanged, this, &ServerPage::validate);
    connect(m_ui->profileCombo, &QComboBox::currentIndexChanged, this, &ServerPage::validate);
    connect(m_ui->legacyCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->profileCombo->setEnabled(!on);
        validate();
    });
}

ServerPage::~ServerPage() = default;

ServerKind ServerPage::kind() const
{
    return m_ui->apacheRadio->isChecked() ? ServerKind::Apache : ServerKind::Nginx;
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
    if (!m_installation && !m_busy)
        discover();
    validate();
}

void ServerPage::discover()
{
    m_installation.reset();
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
    if (thisMachine && !m_busy && !m_installation)
        problems << tr("Error: no %1 to configure on this machine.").arg(serverKindDisplayName(kind()));
    m_ui->validationLabel->setText(problems.join(QLatin1Char('\n')));
    m_ui->validationLabel->setVisible(!problems.isEmpty());
    m_ui->rootLabel->setEnabled(thisMachine);
    m_ui->rootEdit->setEnabled(thisMachine);

    const Findings legacy = tlsProfileFindings(profile());
    m_ui->legacyFindings->setFindings(legacy);
    m_ui->legacyFindings->setVisible(!legacy.isEmpty());

    m_valid = problems.isEmpty() && !m_busy;
    emit completeChanged();
}

bool ServerPage::isComplete() const
{
    return m_valid;
}

bool ServerPage::validatePage()
{
    SetupModel& model = context().model;
    model.server = kind();
    model.target = m_ui->thisMachineRadio->isChecked() ? SetupTarget::ThisMachine : SetupTarget::Export;
    model.serverRoot
        = model.target == SetupTarget::ThisMachine && m_installation ? m_installation->configRoot : QString();
    model.listen = m_ui->listenEdit->text().trimmed();
    model.upstreamUrl = m_ui->upstreamEdit->text().trimmed();
    model.profile = profile();
    context().installation = model.target == SetupTarget::ThisMachine ? m_installation : std::nullopt;
    QSettings settings;
    settings.setValue(QStringLiteral("server/kind"), serverKindName(model.server));
    settings.setValue(QStringLiteral("server/listen"), model.listen);
    settings.setValue(QStringLiteral("server/upstream"), model.upstreamUrl);
    return true;
}

QString ServerPage::helpText() const
{
    return tr("The assistant looks for Nginx and Apache on this machine and writes its configuration where that "
              "installation reads it, with a backup. If your server is another machine, choose \"another machine\": "
              "you get the files to copy there.\n\n"
              "Listen: the address and port Chat calls (443 unless your webhook URL names another port). "
              "Webhook application: where your server passes verified calls on.\n\n"
              "The Chat guide's samples list TLS 1.0 and 1.1. Those versions are deprecated and current servers "
              "refuse them anyway; keep the recommended profile unless you know you need the guide's line.");
}

} // namespace mtls::ui
