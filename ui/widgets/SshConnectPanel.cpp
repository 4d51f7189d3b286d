#include "SshConnectPanel.h"

#include "Async.h"
#include "Dialogs.h"
#include "FindingsView.h"
#include "deploy/RemoteDiscovery.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace mtls::ui {

namespace {
// The login, the server found and the caller's check, from the worker thread.
struct Connected
{
    Result<ServerInstallation> installation = Error();
    SshPrivilege privilege = SshPrivilege::RootLogin;
    Status checked;
};

bool hasCode(const Error& error, const char* code)
{
    for (const Finding& f : error.findings)
        if (f.code == QLatin1String(code))
            return true;
    return false;
}
} // namespace

SshConnectPanel::SshConnectPanel(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("sshHostEdit"));
    m_host->setPlaceholderText(tr("server.example.com or 203.0.113.10"));
    m_host->setAccessibleName(tr("SSH server"));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("sshUserEdit"));
    m_user->setPlaceholderText(tr("as in your SSH settings (root, or a user with sudo)"));
    m_user->setAccessibleName(tr("SSH user"));
    m_port = new QLineEdit(this);
    m_port->setObjectName(QStringLiteral("sshPortEdit"));
    m_port->setPlaceholderText(QStringLiteral("22"));
    m_port->setValidator(new QIntValidator(1, 65535, m_port));
    m_port->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("655350")) + 16);
    m_port->setAccessibleName(tr("SSH port"));
    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("sshKeyEdit"));
    m_key->setPlaceholderText(tr("your SSH agent and keys"));
    m_key->setAccessibleName(tr("SSH private key file"));
    m_browse = new QPushButton(tr("Browse..."), this);
    m_browse->setObjectName(QStringLiteral("sshKeyBrowseButton"));
    m_browse->setAccessibleName(tr("Choose the SSH private key file"));
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_browse);
    auto* hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    auto* portLabel = new QLabel(tr("Port:"), this);
    portLabel->setBuddy(m_port);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_port);
    auto* hostLabel = new QLabel(tr("Ho&st:"), this);
    hostLabel->setBuddy(m_host);
    auto* userLabel = new QLabel(tr("&User:"), this);
    userLabel->setBuddy(m_user);
    auto* keyLabel = new QLabel(tr("&Key:"), this);
    keyLabel->setBuddy(m_key);
    form->addRow(hostLabel, hostRow);
    form->addRow(userLabel, m_user);
    form->addRow(keyLabel, keyRow);
    // Where trusted host keys are kept: the assistant's own file, or the user's, shared with their terminal's ssh.
    m_ownKnownHosts = new QCheckBox(tr("Use my own known-hosts &file for the server's key (%1)")
                                        .arg(QDir::toNativeSeparators(QStringLiteral("~/.ssh/known_hosts"))),
                                    this);
    m_ownKnownHosts->setObjectName(QStringLiteral("sshOwnKnownHostsCheck"));
    m_ownKnownHosts->setChecked(QSettings().value(QStringLiteral("server/ssh_own_known_hosts"), false).toBool());
    form->addRow(QString(), m_ownKnownHosts);
    m_passwordLabel = new QLabel(tr("Sudo p&assword:"), this);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("sshPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Sudo password on the server"));
    m_passwordLabel->setBuddy(m_password);
    form->addRow(m_passwordLabel, m_password);
    layout->addLayout(form);

    m_connect = new QPushButton(tr("Conn&ect"), this);
    m_connect->setObjectName(QStringLiteral("sshConnectButton"));
    m_connect->setAccessibleName(tr("Connect to the server over SSH"));
    auto* connectRow = new QHBoxLayout;
    connectRow->addWidget(m_connect);
    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0);
    m_busyBar->setMaximumWidth(120);
    m_busyLabel = new QLabel(this);
    m_busyLabel->setWordWrap(true);
    connectRow->addWidget(m_busyBar);
    connectRow->addWidget(m_busyLabel, 10);
    connectRow->addStretch(1);
    layout->addLayout(connectRow);

    // An unknown host key: what it is, and the user's word before anything else.
    m_hostKeyBox = new QFrame(this);
    m_hostKeyBox->setObjectName(QStringLiteral("sshHostKeyBox"));
    m_hostKeyBox->setFrameShape(QFrame::StyledPanel);
    auto* keyLayout = new QVBoxLayout(m_hostKeyBox);
    m_hostKeyLabel = new QLabel(m_hostKeyBox);
    m_hostKeyLabel->setWordWrap(true);
    m_fingerprintLabel = new QLabel(m_hostKeyBox);
    m_fingerprintLabel->setObjectName(QStringLiteral("sshFingerprintLabel"));
    m_fingerprintLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fingerprintLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_fingerprintLabel->setWordWrap(true);
    m_trust = new QPushButton(tr("Trust th&is key and connect"), m_hostKeyBox);
    m_trust->setObjectName(QStringLiteral("sshTrustButton"));
    auto* trustRow = new QHBoxLayout;
    trustRow->addWidget(m_trust);
    trustRow->addStretch(1);
    keyLayout->addWidget(m_hostKeyLabel);
    keyLayout->addWidget(m_fingerprintLabel);
    keyLayout->addLayout(trustRow);
    layout->addWidget(m_hostKeyBox);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("sshStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_statusLabel);
    m_findings = new FindingsView(this);
    m_findings->setObjectName(QStringLiteral("sshFindings"));
    layout->addWidget(m_findings);

    m_hostKeyBox->hide();
    m_passwordLabel->hide();
    m_password->hide();
    m_busyBar->hide();
    m_busyLabel->hide();
    m_findings->hide();
    m_statusLabel->hide();

    connect(m_ownKnownHosts, &QCheckBox::toggled, this, [this](bool own) {
        QSettings().setValue(QStringLiteral("server/ssh_own_known_hosts"), own);
        forget();
    });
    connect(m_connect, &QPushButton::clicked, this, &SshConnectPanel::connectToServer);
    connect(m_trust, &QPushButton::clicked, this, &SshConnectPanel::trustHostKey);
    connect(m_password, &QLineEdit::returnPressed, this, &SshConnectPanel::connectToServer);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QStringList files = Dialogs::openFiles(this, tr("Choose your SSH private key"),
                                                     QDir::home().filePath(QStringLiteral(".ssh")), QString());
        if (!files.isEmpty())
            m_key->setText(QDir::toNativeSeparators(files.first()));
    });
    for (QLineEdit* edit : {m_host, m_user, m_port, m_key})
        connect(edit, &QLineEdit::textEdited, this, &SshConnectPanel::forget);
    // A password typed for one account never goes to another's sudo.
    for (QLineEdit* edit : {m_host, m_user, m_port})
        connect(edit, &QLineEdit::textEdited, this, &SshConnectPanel::forgetPassword);
}

SshConnectPanel::~SshConnectPanel() = default;

void SshConnectPanel::setTarget(const QString& target, const QString& identity)
{
    const Result<SshTarget> parsed = parseSshTarget(target);
    m_host->setText(parsed ? parsed->host : target);
    m_user->setText(parsed ? parsed->user : QString());
    m_port->setText(parsed && parsed->port > 0 ? QString::number(parsed->port) : QString());
    m_key->setText(QDir::toNativeSeparators(identity));
    forgetPassword();
    forget();
}

void SshConnectPanel::setServer(ServerKind kind, const DiscoveryOptions& given)
{
    if (kind == m_kind && given.configRoot == m_given.configRoot && given.binary == m_given.binary)
        return;
    m_kind = kind;
    m_given = given;
    forget();
}

QString SshConnectPanel::targetText() const
{
    SshTarget target;
    target.user = m_user->text().trimmed();
    target.host = m_host->text().trimmed();
    target.port = m_port->text().toInt();
    return target.display();
}

QString SshConnectPanel::identity() const
{
    return QDir::fromNativeSeparators(m_key->text().trimmed());
}

QByteArray SshConnectPanel::password() const
{
    return m_password->isVisible() || !m_password->text().isEmpty() ? m_password->text().toUtf8() : QByteArray();
}

QString SshConnectPanel::knownHostsFile() const
{
    return m_ownKnownHosts->isChecked() ? QDir::homePath() + QStringLiteral("/.ssh/known_hosts") : m_knownHosts;
}

Result<SshOptions> SshConnectPanel::options() const
{
    if (m_host->text().trimmed().isEmpty())
        return Error(tr("Type the name or address of the server."));
    const Result<SshTarget> target = parseSshTarget(targetText());
    if (!target)
        return target.error();
    if (!identity().isEmpty() && !QFileInfo(identity()).isFile()) {
        Error missing(tr("The key file %1 does not exist: choose your private key, or leave the field empty to use "
                         "your SSH agent and keys.")
                          .arg(m_key->text().trimmed()));
        missing.findings << errorFinding(QStringLiteral("SSH_IDENTITY_MISSING"), missing.message, QString());
        return missing;
    }
    SshOptions options;
    options.target = target.value();
    options.identityFile = identity();
    options.knownHostsFile = knownHostsFile();
    options.sudoPassword = password();
    return options;
}

void SshConnectPanel::setBusy(bool busy, const QString& what)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
    m_busyLabel->setVisible(busy);
    m_busyLabel->setText(what);
    m_connect->setEnabled(!busy);
    m_trust->setEnabled(!busy);
    emit stateChanged();
}

void SshConnectPanel::forget()
{
    ++m_sequence;
    m_installation.reset();
    m_hostKey.reset();
    m_refused = false;
    m_hostKeyBox->hide();
    setStatus(QString());
    m_findings->hide();
    if (m_busy)
        setBusy(false);
    emit stateChanged();
}

void SshConnectPanel::forgetPassword()
{
    m_password->clear();
    m_password->hide();
    m_passwordLabel->hide();
}

void SshConnectPanel::showError(const Error& error)
{
    Findings findings = error.findings;
    if (findings.isEmpty())
        findings << errorFinding(QStringLiteral("SSH_CONNECTION_FAILED"), error.message, error.detail);
    m_findings->setFindings(findings);
    m_findings->show();
}

void SshConnectPanel::connectToServer()
{
    if (m_busy)
        return;
    forget();
    const Result<SshOptions> options = this->options();
    if (!options) {
        showError(options.error());
        return;
    }
    setBusy(true, tr("Reading the host key of %1...").arg(options->target.display()));
    const int sequence = m_sequence;
    runAsync<Result<HostKeyCheck>>(
        this, [options = options.value()] { return checkHostKey(options); },
        [this, sequence](Result<HostKeyCheck> check) {
            if (sequence == m_sequence)
                hostKeyChecked(check);
        });
}

void SshConnectPanel::hostKeyChecked(const Result<HostKeyCheck>& check)
{
    if (!check) {
        setBusy(false);
        showError(check.error());
        return;
    }
    if (check->state == HostKeyState::Known) {
        logIn();
        return;
    }
    setBusy(false);
    if (check->state == HostKeyState::Changed || check->offered.isEmpty()) {
        Error changed(check->finding.message);
        changed.findings << check->finding;
        showError(changed);
        return;
    }
    // Unknown: the key ssh would use, as `ssh-keygen -l` prints it, and how to compare it.
    m_hostKey = check.value();
    const SshHostKey& key = check->offered.first();
    m_hostKeyLabel->setText(
        tr("The assistant has not connected to %1 before. Before you trust it, compare this fingerprint of its %2 "
           "host key with the one the server itself shows (on the server: ssh-keygen -lf "
           "/etc/ssh/ssh_host_%3_key.pub, or in your cloud provider's console). Trust it only if they are the "
           "same.")
            .arg(targetText(), key.displayType, key.displayType.toLower()));
    m_fingerprintLabel->setText(
        QStringLiteral("%1 %2 (%3)").arg(QString::number(key.bits), key.fingerprint, key.displayType));
    m_fingerprintLabel->setAccessibleName(key.fingerprint);
    m_hostKeyBox->show();
    m_trust->setFocus();
    emit stateChanged();
}

void SshConnectPanel::trustHostKey()
{
    if (m_busy || !m_hostKey)
        return;
    const HostKeyCheck check = *m_hostKey;
    const QString fingerprint = check.offered.first().fingerprint;
    setBusy(true, tr("Recording the host key..."));
    const int sequence = m_sequence;
    runAsync<Status>(
        this, [check, fingerprint] { return acceptHostKey(check, fingerprint); },
        [this, sequence](Status accepted) {
            if (sequence != m_sequence)
                return;
            m_hostKey.reset();
            m_hostKeyBox->hide();
            if (!accepted) {
                setBusy(false);
                showError(accepted.error());
                return;
            }
            logIn();
        });
}

void SshConnectPanel::logIn()
{
    const Result<SshOptions> options = this->options();
    if (!options) {
        setBusy(false);
        showError(options.error());
        return;
    }
    setBusy(true,
            tr("Logging in to %1 and looking for %2...").arg(options->target.display(), serverKindDisplayName(m_kind)));
    const int sequence = m_sequence;
    runAsync<Connected>(
        this,
        [options = options.value(), kind = m_kind, given = m_given, check = m_check] {
            Connected connected;
            auto shell = openRootShell(options);
            if (!shell) {
                connected.installation = shell.error();
                return connected;
            }
            connected.privilege = shell->privilege;
            connected.installation = discoverRemoteServer(*shell->session, kind, given);
            if (connected.installation && check)
                connected.checked = check(*shell->session, connected.installation.value());
            return connected;
        },
        [this, sequence](Connected connected) {
            if (sequence != m_sequence)
                return;
            setBusy(false);
            if (!connected.installation) {
                const Error& error = connected.installation.error();
                const bool needed = hasCode(error, "SSH_SUDO_PASSWORD_NEEDED");
                if (needed || hasCode(error, "SSH_SUDO_PASSWORD_WRONG")) {
                    m_passwordLabel->show();
                    m_password->show();
                    m_password->clear();
                    m_password->setFocus();
                }
                if (needed)
                    setStatus(
                        tr("The user needs a password for sudo on this server: type it above and connect again. The "
                           "assistant keeps it in memory until it closes and never saves it."));
                else
                    showError(error);
                emit stateChanged();
                return;
            }
            m_installation = connected.installation.value();
            const ServerInstallation& found = *m_installation;
            setStatus(tr("Connected to %1 (%2). Found %3 %4 there, configuration in %5.")
                          .arg(targetText(), privilegeText(connected.privilege), serverKindDisplayName(found.kind),
                               found.version.isNull() ? tr("(version unknown)") : found.version.toString(),
                               found.configRoot));
            m_refused = !connected.checked.ok();
            if (m_refused)
                showError(connected.checked.error());
            emit stateChanged();
        });
}

void SshConnectPanel::setStatus(const QString& text)
{
    m_statusLabel->setText(text);
    m_statusLabel->setVisible(!text.isEmpty());
}

QString SshConnectPanel::privilegeText(SshPrivilege privilege)
{
    switch (privilege) {
    case SshPrivilege::RootLogin:
        break;
    case SshPrivilege::SudoWithoutPassword:
        return tr("root through sudo");
    case SshPrivilege::SudoWithPassword:
        return tr("root through sudo, with your password");
    }
    return tr("logged in as root");
}

} // namespace mtls::ui
