#include "FinishPage.h"

#include "Dialogs.h"
#include "ServerPage.h"
#include "WizardContext.h"
#include "remind/ProgramPaths.h"
#include "remind/ReminderSchedule.h"
#include "ui_FinishPage.h"
#include "widgets/Async.h"
#include "widgets/CertificateText.h"
#include "widgets/FindingsView.h"

#include <QDir>
#include <QFileInfo>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace mtls::ui {

namespace {
QString row(const QString& label, const QString& value)
{
    // A one-line row is centred: a Chinese label is drawn by a taller font than a Latin value, and top alignment
    // would leave their baselines apart. The label never wraps.
    const QString valign = value.contains(QLatin1Char('\n')) ? QStringLiteral("top") : QStringLiteral("middle");
    return QStringLiteral("<tr><th align=\"left\" valign=\"%1\" nowrap>%2</th><td valign=\"%1\">%3</td></tr>")
        .arg(valign, label.toHtmlEscaped(), value.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
}

SavedSetup savedSetupOf(const WizardContext& ctx)
{
    SavedSetup s = ctx.renewing.value_or(SavedSetup());
    const SetupModel& m = ctx.model;
    s.domain = m.domain;
    s.webhookPath = m.webhookPath;
    s.source = m.source;
    s.server = m.server;
    s.target = m.target;
    s.serverRoot = m.serverRoot;
    s.sshTarget = m.target == SetupTarget::Ssh ? m.sshTarget : QString();
    s.sshIdentity = m.target == SetupTarget::Ssh ? m.sshIdentity : QString();
    s.listen = m.listen;
    s.upstreamUrl = m.upstreamUrl;
    s.profile = m.profile;
    s.inputs = m.mode == SetupMode::Merge ? CertificateInputs() : m.inputs;
    if (ctx.plan) {
        s.configFile = ctx.applied ? ctx.applied->siteFile : ctx.plan->configFile;
        s.certificateFile = ctx.plan->certificateFile;
        s.keyFile = ctx.plan->keyFile;
        s.clientCaFile = ctx.plan->clientCaFile;
    }
    // A merge setup remembers the site it shares and the site's own certificate.
    rememberHowServed(s, ctx.plan ? ctx.plan->merge : std::nullopt, ctx.report.material.leaf);
    if (!ctx.report.material.clientCas.isEmpty())
        s.clientCa = RememberedCertificate::of(ctx.report.material.clientCas.first());
    s.savedAt = QDateTime::currentDateTimeUtc();
    return s;
}

// Runs on a worker thread: the PDF writer and the document are made here, not on the UI thread. Atomic: a
// report that cannot be written completely leaves no half file.
Status writeReport(const QString& path, const QString& html, const QString& title)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error {FinishPage::tr("The report cannot be saved."), file.errorString()};
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        QPdfWriter writer(&file);
        writer.setTitle(title);
        QTextDocument document;
        document.setHtml(html);
        document.print(&writer);
    } else {
        file.write(QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title></head><body>")
                       .arg(title.toHtmlEscaped())
                       .toUtf8());
        file.write(html.toUtf8());
        file.write("</body></html>\n");
    }
    if (!file.commit())
        return Error {FinishPage::tr("The report cannot be saved."), file.errorString()};
    return {};
}
} // namespace

FinishPage::FinishPage(WizardContext& context, QWidget* parent)
    : WizardPage(context, parent)
    , m_ui(std::make_unique<Ui::FinishPage>())
{
    m_ui->setupUi(this);
    m_ui->reportBusyBar->hide();
    setTitle(tr("Finished"));
    setFinalPage(true);
    connect(m_ui->saveReportButton, &QPushButton::clicked, this, [this] {
        const QString path = Dialogs::saveFile(
            this, tr("Save the report"),
            QDir::home().filePath(QStringLiteral("mtls-assistant-%1.html").arg(this->context().model.domain)),
            tr("HTML report (*.html);;PDF report (*.pdf)"));
        if (!path.isEmpty())
            saveReport(path);
    });
    connect(m_ui->remindButton, &QPushButton::clicked, this, &FinishPage::installReminder);
}

FinishPage::~FinishPage() = default;

void FinishPage::initializePage()
{
    const WizardContext& ctx = context();
    const bool merge = ctx.plan && ctx.plan->merge;
    if (ctx.renewing && merge)
        setSubTitle(
            tr("Chat's client CA and the merge into the website are applied again for %1.").arg(ctx.model.domain));
    else
        setSubTitle(ctx.renewing ? tr("The certificate of %1 is renewed.").arg(ctx.model.domain)
                                 : tr("Two-way TLS for %1 is set up.").arg(ctx.model.domain));
    m_ui->summaryView->setHtml(reportHtml());
    m_ui->reportLabel->clear();
    m_ui->reportErrorPanel->clear();

    // Saved for renewal and for `mtls-assistant-cli status`: no secret in it.
    m_saving = true;
    m_saved = false;
    m_ui->savedLabel->setText(tr("Saving the setup..."));
    const SetupStore store = ctx.store;
    const SavedSetup saved = savedSetupOf(ctx);
    runAsync<Status>(
        this, [store, saved] { return store.save(saved); },
        [this, merge](Status status) {
            m_saving = false;
            m_saved = status.ok();
            const QString savedText = merge
                ? tr("The setup is saved. The website keeps its own certificate, which whoever manages the site renews "
                     "(certbot, the hosting panel); the assistant warns you if it comes close to expiry.")
                : tr("The setup is saved: the assistant will remind you before the certificate expires.");
            m_ui->savedLabel->setText(status ? savedText
                                             : tr("The setup could not be saved: %1").arg(status.error().message));
            emit completeChanged();
        });
}

QString FinishPage::reportHtml() const
{
    const WizardContext& ctx = context();
    const SetupModel& m = ctx.model;
    QString html = QStringLiteral("<h2>%1</h2><table cellspacing=\"0\" cellpadding=\"3\">")
                       .arg(tr("mTLS Assistant report for %1").arg(m.domain).toHtmlEscaped());
    html += row(tr("Webhook URL"), m.webhookUrl());
    if (ctx.plan && ctx.plan->merge)
        html += row(tr("Certificate from"), tr("The website's own (renewed by whoever manages the site)"));
    else
        html += row(tr("Certificate from"),
                    m.source == CertificateSource::IssuedByChat ? tr("Chat (downloaded from the console)")
                                                                : tr("A certificate authority"));
    html += row(tr("Server"), serverKindDisplayName(m.server));
    html += row(tr("Location"),
                m.target == SetupTarget::ThisMachine ? tr("This machine")
                    : m.target == SetupTarget::Ssh   ? tr("%1, over SSH").arg(m.sshTarget)
                                                     : tr("Another machine (exported)"));
    if (ctx.plan && ctx.plan->merge)
        html += row(tr("Set up as"),
                    tr("Merge into %1: Chat's client certificate on %2 only, the site keeps its own certificate")
                        .arg(ctx.plan->merge->site.where(), m.webhookPath));
    else if (m.target != SetupTarget::Export && ctx.plan)
        html += row(tr("Set up as"),
                    tr("A dedicated site: %1")
                        .arg(QDir::toNativeSeparators(ctx.applied ? ctx.applied->siteFile : ctx.plan->configFile)));
    html += row(tr("Listen"), m.listen);
    html += row(tr("Webhook application"), m.upstreamUrl);
    html += row(tr("TLS profile"), ServerPage::profileDisplayName(m.profile));
    const Certificate& leaf = ctx.report.material.leaf;
    if (!leaf.isNull()) {
        html += row(tr("Certificate"), leaf.subject());
        html += row(tr("Valid"), validityText(leaf.notBefore(), leaf.notAfter()));
        html += row(tr("SHA-256"), leaf.sha256Fingerprint());
    }
    if (!ctx.report.material.clientCas.isEmpty()) {
        const Certificate& ca = ctx.report.material.clientCas.first();
        html += row(tr("Chat client CA"), ca.subject());
        html += row(tr("Client CA SHA-256"), ca.sha256Fingerprint());
    }
    if (ctx.plan) {
        QStringList files
            = ctx.applied ? ctx.applied->changed : (ctx.exported.isEmpty() ? ctx.plan->files() : ctx.exported);
        html += row(tr("Files"), files.join(QLatin1Char('\n')));
    }
    if (ctx.probe) {
        html += row(tr("Test handshake"), ctx.probe->ok() ? tr("passed") : tr("did not pass"));
        if (!ctx.probe->tlsVersion.isEmpty())
            html += row(tr("TLS version"), ctx.probe->tlsVersion);
    } else if (m.target != SetupTarget::Export) {
        html += row(tr("Test handshake"), tr("not run"));
    }
    html += QStringLiteral("</table>");
    Findings findings = ctx.report.findings;
    if (ctx.probe)
        findings += ctx.probe->findings;
    if (!findings.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Findings").toHtmlEscaped());
        for (const Finding& f : sortedBySeverity(findings))
            html += QStringLiteral("<li>%1</li>")
                        .arg(FindingsView::findingText(f).toHtmlEscaped().replace(QLatin1Char('\n'),
                                                                                  QStringLiteral("<br>")));
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<p><small>%1</small></p>")
                .arg(tr("This report holds no passphrase and no key material.").toHtmlEscaped());
    return html;
}

void FinishPage::setSavingReport(bool saving)
{
    m_savingReport = saving;
    m_ui->reportBusyBar->setAccessibleName(saving ? tr("Saving the report...") : QString());
    m_ui->reportBusyBar->setVisible(saving);
    m_ui->saveReportButton->setEnabled(!saving);
    emit completeChanged();
}

void FinishPage::saveReport(const QString& path)
{
    if (m_savingReport)
        return;
    // The text is made here (it reads the wizard's state); the writing and the PDF rendering run off the UI thread.
    const QString html = reportHtml();
    const QString title = tr("mTLS Assistant report");
    m_ui->reportErrorPanel->clear();
    m_ui->reportLabel->setText(tr("Saving the report..."));
    setSavingReport(true);
    runAsync<Status>(
        this, [path, html, title] { return writeReport(path, html, title); },
        [this, path](Status written) {
            setSavingReport(false);
            if (!written) {
                m_ui->reportLabel->clear();
                m_ui->reportErrorPanel->setError(written.error());
                return;
            }
            m_ui->reportLabel->setText(tr("The report is saved as %1.").arg(QDir::toNativeSeparators(path)));
        });
}

void FinishPage::installReminder()
{
    if (m_installingReminder)
        return;
    m_installingReminder = true;
    m_ui->remindButton->setEnabled(false);
    m_ui->remindLabel->setText(tr("Installing the daily reminder..."));
    emit completeChanged();
    const QString stateDirectory = QFileInfo(context().store.filePath()).absolutePath();
    const QString cli = commandLineProgram();
    runAsync<Result<ReminderScheduleOutcome>>(
        this, [cli, stateDirectory] { return ReminderSchedule(cli, stateDirectory).install(); },
        [this](Result<ReminderScheduleOutcome> outcome) {
            m_installingReminder = false;
            m_ui->remindButton->setEnabled(true);
            emit completeChanged();
            if (!outcome) {
                m_ui->remindLabel->setText(outcome.error().message);
                return;
            }
            QStringList lines;
            if (outcome->active) {
                lines << tr("The daily reminder is installed: you get a desktop notification 30, 14 and 7 days "
                            "before the certificate expires, and when the live URL changes. Remove it with "
                            "\"mtls-assistant-cli remind --remove\".");
                m_ui->remindButton->setEnabled(false);
            }
            for (const Finding& f : outcome->findings)
                lines << f.message << f.hint;
            m_ui->remindLabel->setText(lines.join(QLatin1Char('\n')));
        });
}

bool FinishPage::isComplete() const
{
    return !m_saving && !m_savingReport && !m_installingReminder;
}

QString FinishPage::helpText() const
{
    return tr("The report sums up what was set up: domain, server, files, certificate fingerprints and the test "
              "result. It never holds a passphrase or key. The setup is saved (without secrets) so the assistant "
              "and `mtls-assistant-cli status` can warn you 30 days before the certificate expires, and so the "
              "renewal wizard can replace it.");
}

} // namespace mtls::ui
