#include "SandboxPage.h"

#include "WizardContext.h"
#include "sandbox/Sandbox.h"
#include "ui_SandboxPage.h"
#include "widgets/Async.h"

#include <QPointer>
#include <QStyle>

namespace mtls::ui {

SandboxPage::SandboxPage(WizardContext& context, QWidget* parent)
    : WizardPage(context, parent)
    , m_ui(std::make_unique<Ui::SandboxPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Sandbox"));
    setSubTitle(tr("The whole setup on this computer, with throwaway certificates."));
    setFinalPage(true);
    m_ui->busyBar->hide();
    m_ui->busyLabel->hide();
    m_ui->findingsView->hide();
    m_ui->stepsView->setWordWrap(true);
    connect(m_ui->runButton, &QPushButton::clicked, this, &SandboxPage::run);
}

SandboxPage::~SandboxPage() = default;

void SandboxPage::setRunning(bool running)
{
    m_running = running;
    m_ui->busyBar->setVisible(running);
    m_ui->busyLabel->setVisible(running);
    m_ui->runButton->setEnabled(!running);
    m_ui->nginxRadio->setEnabled(!running);
    m_ui->apacheRadio->setEnabled(!running);
    emit completeChanged();
}

void SandboxPage::run()
{
    if (m_running)
        return;
    const ServerKind kind = m_ui->apacheRadio->isChecked() ? ServerKind::Apache : ServerKind::Nginx;
    m_ui->stepsView->clear();
    m_ui->errorPanel->clear();
    m_ui->findingsView->hide();
    m_ui->verdictLabel->clear();
    m_ui->busyLabel->setText(tr("Starting..."));
    setRunning(true);
    QPointer<SandboxPage> self(this);
    const auto progress = [self](const QString& what) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, what] {
                if (!self)
                    return;
                new QListWidgetItem(self->style()->standardIcon(QStyle::SP_ArrowRight), what, self->m_ui->stepsView);
                self->m_ui->busyLabel->setText(what);
            },
            Qt::QueuedConnection);
    };
    runAsync<Result<SandboxReport>>(
        this,
        [kind, progress] {
            Sandbox sandbox(kind);
            sandbox.setProgressCallback(progress);
            Result<SandboxReport> report = sandbox.run();
            sandbox.stop();
            return report;
        },
        [this](Result<SandboxReport> report) {
            setRunning(false);
            for (int i = 0; i < m_ui->stepsView->count(); ++i)
                m_ui->stepsView->item(i)->setIcon(
                    style()->standardIcon(report ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxWarning));
            if (!report) {
                m_ui->verdictLabel->setText(tr("The sandbox could not run."));
                m_ui->errorPanel->setError(report.error());
                return;
            }
            m_ui->findingsView->setFindings(report->probe.findings);
            m_ui->findingsView->setVisible(!report->probe.findings.isEmpty());
            const QString verdict = report->ok()
                ? tr("It works: %1 refused the caller without a client certificate and passed the one with Chat's "
                     "kind of certificate on to the webhook application (%n request(s) reached it).",
                     nullptr, report->requestsReachingApplication)
                      .arg(serverKindDisplayName(report->server))
                : tr("The sandbox found a problem: read the findings below.");
            m_ui->verdictLabel->setText(QStringLiteral("<b style=\"color:%1\">%2</b>")
                                            .arg(report->ok() ? QStringLiteral("#1e6b32") : QStringLiteral("#b3261e"),
                                                 verdict.toHtmlEscaped()));
            m_ui->verdictLabel->setAccessibleName(verdict);
        });
}

bool SandboxPage::isComplete() const
{
    return !m_running;
}

QString SandboxPage::helpText() const
{
    return tr("The sandbox needs nginx or apache2 installed (it does not need them running). It starts its own "
              "copy on a free port of 127.0.0.1 under a temporary folder, never touches your configuration, and "
              "removes everything when it is done.");
}

} // namespace mtls::ui
