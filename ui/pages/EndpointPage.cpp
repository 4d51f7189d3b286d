#include "EndpointPage.h"

#include "WizardContext.h"
#include "pki/DomainName.h"
#include "server/ConfigSyntax.h"
#include "ui_EndpointPage.h"

namespace mtls::ui {

EndpointPage::EndpointPage(WizardContext& context, QWidget* parent)
    : WizardPage(context, parent)
    , m_ui(std::make_unique<Ui::EndpointPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Webhook endpoint"));
    setSubTitle(tr("The address Chat's servers call."));
    registerField(QStringLiteral("webhookInput*"), m_ui->urlEdit);
    registerField(QStringLiteral("webhookPath"), m_ui->pathEdit);
    connect(m_ui->urlEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (!m_pathEdited && text.contains(QLatin1String("://"))) {
            const QSignalBlocker blocker(m_ui->pathEdit);
            m_ui->pathEdit->setText(webhookPathFromInput(text));
        }
        update();
    });
    connect(m_ui->pathEdit, &QLineEdit::textEdited, this, [this] {
        m_pathEdited = true;
        update();
    });
    update();
}

EndpointPage::~EndpointPage() = default;

void EndpointPage::initializePage()
{
    if (m_ui->urlEdit->text().isEmpty() && !context().model.webhookInput.isEmpty())
        m_ui->urlEdit->setText(context().model.webhookInput);
}

void EndpointPage::update()
{
    const QString input = m_ui->urlEdit->text().trimmed();
    bool domainOk = false;
    if (input.isEmpty()) {
        m_ui->domainStatus->setText(QString());
    } else {
        const QString host = hostFromInput(input);
        const Findings findings = validateWebhookDomain(host);
        if (input.contains(QLatin1String("://")) && !input.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)) {
            m_ui->domainStatus->setText(tr("Error: Chat calls webhooks over HTTPS; the URL must start with https://."));
        } else if (findings.isEmpty()) {
            domainOk = true;
            m_ui->domainStatus->setText(tr("OK: %1 follows the domain rules.").arg(host));
        } else {
            QStringList lines;
            for (const Finding& f : findings)
                lines << tr("Error: %1").arg(f.message);
            m_ui->domainStatus->setText(lines.join(QLatin1Char('\n')));
        }
    }
    const Result<QString> path = configsyntax::normalizeWebhookPath(m_ui->pathEdit->text().trimmed());
    m_ui->pathStatus->setText(path ? QString() : tr("Error: %1").arg(path.error().message));
    m_ui->pathStatus->setVisible(!path);
    const bool valid = domainOk && path.ok();
    if (valid != m_valid) {
        m_valid = valid;
        emit completeChanged();
    }
}

bool EndpointPage::isComplete() const
{
    return m_valid && QWizardPage::isComplete();
}

bool EndpointPage::validatePage()
{
    SetupModel& model = context().model;
    model.webhookInput = m_ui->urlEdit->text().trimmed();
    model.domain = hostFromInput(model.webhookInput);
    model.webhookPath = configsyntax::normalizeWebhookPath(m_ui->pathEdit->text().trimmed()).value();
    return true;
}

QString EndpointPage::helpText() const
{
    return tr("Copy the webhook URL from the Chat console (Application configuration > Webhook configuration). "
              "The assistant takes the domain from it and checks it against the rules of the Chat guide; the path "
              "is where your server passes calls on to your webhook application (other paths answer 404).");
}

} // namespace mtls::ui
