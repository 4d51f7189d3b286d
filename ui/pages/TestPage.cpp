#include "TestPage.h"

#include "WizardContext.h"
#include "core/TextJoin.h"
#include "deploy/ApplyVerification.h"
#include "probe/ProbeWorker.h"
#include "ui_TestPage.h"

#include <QStyle>

namespace mtls::ui {

TestPage::TestPage(WizardContext& context, QWidget* parent)
    : WizardPage(context, parent)
    , m_ui(std::make_unique<Ui::TestPage>())
    , m_worker(new ProbeWorker(this))
{
    m_ui->setupUi(this);
    setTitle(tr("Test the handshake"));
    setSubTitle(tr("Call the webhook like Chat's servers do, and check that strangers are refused."));
    m_ui->introLabel->setText(tr("The test connects to your webhook URL, checks your certificate like Chat's "
                                 "servers do, and makes sure a caller without Chat's client certificate is "
                                 "refused."));
    m_ui->busyBar->hide();
    m_ui->busyLabel->hide();
    m_ui->cancelButton->setEnabled(false);
    m_ui->findingsView->hide();
    m_ui->stepsView->setWordWrap(true);
    m_ui->stepsView->setMaximumHeight(fontMetrics().height() * 12);
    connect(m_ui->runButton, &QPushButton::clicked, this, &TestPage::run);
    connect(m_ui->cancelButton, &QPushButton::clicked, m_worker, &ProbeWorker::cancel);
    connect(m_worker, &ProbeWorker::stepStarted, this, [this](ProbeStep, const QString& label) {
        new QListWidgetItem(style()->standardIcon(QStyle::SP_ArrowRight), label, m_ui->stepsView);
        m_ui->busyLabel->setText(label);
    });
    connect(m_worker, &ProbeWorker::finished, this, &TestPage::finished);
    connect(m_worker, &ProbeWorker::failed, this, [this](const QString& message, const QString& detail) {
        setRunning(false);
        m_ui->verdictLabel->setText(tr("The test could not run."));
        m_ui->errorPanel->setError(Error(message, detail));
    });
}

TestPage::~TestPage() = default;

void TestPage::initializePage()
{
    m_ui->urlEdit->setText(context().model.webhookUrl());
    // After an apply on this machine, the server can be tested where it listens, before DNS points at it: the name
    // sent (SNI, Host) stays the webhook's.
    const QList<ListenAddress> listen = parseListen(context().model.listen);
    const SetupModel& model = context().model;
    const bool local = model.target == SetupTarget::ThisMachine && !listen.isEmpty();
    const Result<SshOptions> ssh
        = model.target == SetupTarget::Ssh && !listen.isEmpty() ? sshOptionsOf(model) : Result<SshOptions>(Error());
    m_ui->connectLocallyCheck->setVisible(local || ssh.ok());
    m_localAddress.reset();
    if (local) {
        m_localAddress = ListenAddress {localAddressFor(listen.first()), listen.first().port};
        m_ui->connectLocallyCheck->setText(
            tr("Connect to &this machine (%1) instead of looking up the name").arg(m_localAddress->toString()));
    } else if (ssh) {
        // Over SSH: the server's address as the SSH connection names it (before DNS points at the server).
        m_localAddress = ListenAddress {ssh->target.host, listen.first().port};
        m_ui->connectLocallyCheck->setText(
            tr("Connect to &the server (%1) instead of looking up the name").arg(m_localAddress->toString()));
    }
    if (!context().probe && !m_running)
        run();
}

void TestPage::setRunning(bool running)
{
    m_running = running;
    m_ui->busyBar->setVisible(running);
    m_ui->busyLabel->setVisible(running);
    m_ui->runButton->setEnabled(!running);
    m_ui->cancelButton->setEnabled(running);
    m_ui->runButton->setText(tr("&Run again"));
    emit completeChanged();
}

void TestPage::run()
{
    if (m_running)
        return;
    ProbeOptions options;
    options.url = QUrl(m_ui->urlEdit->text().trimmed());
    options.serverCas = context().probeServerCas;
    options.expectedClientCa = context().report.material.clientCas.value(0);
    if (m_localAddress && m_ui->connectLocallyCheck->isChecked()) {
        options.connectHost = m_localAddress->host;
        options.connectPort = m_localAddress->port;
    }
    m_ui->stepsView->clear();
    m_ui->errorPanel->clear();
    m_ui->findingsView->hide();
    m_ui->verdictLabel->clear();
    context().probe.reset();
    setRunning(true);
    if (!m_worker->start(options))
        setRunning(false);
}

void TestPage::finished(const ProbeReport& report)
{
    setRunning(false);
    for (int i = 0; i < m_ui->stepsView->count(); ++i)
        m_ui->stepsView->item(i)->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
    context().probe = report;
    m_ui->findingsView->setFindings(report.findings);
    m_ui->findingsView->setVisible(!report.findings.isEmpty());
    const bool refused = report.withoutClientCertificate == CallerOutcome::RejectedInHandshake
        || report.withoutClientCertificate == CallerOutcome::RejectedByHttpStatus;
    QString colour;
    QString verdict;
    if (!report.ok()) {
        colour = QStringLiteral("#b3261e");
        verdict = tr("Not ready: fix the errors below, then run the test again.");
    } else if (hasCode(report.findings, QStringLiteral("LEGACY_TLS")) || !refused
               || std::any_of(report.findings.cbegin(), report.findings.cend(),
                              [](const Finding& f) { return f.severity == Severity::Warning; })) {
        colour = QStringLiteral("#8a5a00");
        verdict = tr("Works, with warnings: read them below.");
    } else {
        colour = QStringLiteral("#1e6b32");
        verdict = tr("Ready: your server shows a valid certificate and refuses callers without Chat's client "
                     "certificate.");
    }
    QString how;
    if (report.withoutClientCertificate == CallerOutcome::RejectedInHandshake)
        how = tr("A caller without a client certificate was refused during the TLS handshake.");
    else if (report.withoutClientCertificate == CallerOutcome::RejectedByHttpStatus)
        how = tr("A caller without a client certificate was refused with HTTP status %1.")
                  .arg(report.httpStatusWithoutCertificate.value_or(0));
    else if (report.withoutClientCertificate == CallerOutcome::Accepted)
        how = tr("A caller without a client certificate was let through.");
    if (!report.tlsVersion.isEmpty())
        how = joinSentences({how, tr("Protocol: %1.").arg(report.tlsVersion)});
    m_ui->verdictLabel->setText(
        QStringLiteral("<b style=\"color:%1\">%2</b><br>%3").arg(colour, verdict.toHtmlEscaped(), how.toHtmlEscaped()));
    m_ui->verdictLabel->setAccessibleName(verdict);
    m_ui->verdictLabel->setAccessibleDescription(how);
    emit completeChanged();
}

bool TestPage::isComplete() const
{
    return !m_running; // the domain may not point here yet: finishing without a passing test is allowed
}

QString TestPage::helpText() const
{
    return tr("The test resolves the webhook domain, connects, checks the certificate chain and name as Chat's "
              "servers would, and checks that the server asks for a client certificate from Chat's CA and refuses "
              "a caller without one. Nginx refuses with HTTP 400, Apache in the handshake: both are right.\n\n"
              "If the domain does not point at this server yet, the test fails at the first step; change the DNS "
              "record and run it again.");
}

} // namespace mtls::ui
