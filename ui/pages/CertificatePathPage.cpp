#include "CertificatePathPage.h"

#include "WizardContext.h"
#include "ui_CertificatePathPage.h"

namespace mtls::ui {

CertificatePathPage::CertificatePathPage(WizardContext& context, QWidget* parent)
    : WizardPage(context, parent)
    , m_ui(std::make_unique<Ui::CertificatePathPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Server certificate"));
    setSubTitle(tr("Where your server's certificate comes from."));
    m_ui->ownCaHint->setBuddy(m_ui->ownCaRadio);
    m_ui->chatHint->setBuddy(m_ui->chatRadio);
    registerField(QStringLiteral("issuedByChat"), m_ui->chatRadio);
}

CertificatePathPage::~CertificatePathPage() = default;

void CertificatePathPage::initializePage()
{
    const bool chat = context().model.source == CertificateSource::IssuedByChat;
    m_ui->chatRadio->setChecked(chat);
    m_ui->ownCaRadio->setChecked(!chat);
}

bool CertificatePathPage::validatePage()
{
    context().model.source = m_ui->chatRadio->isChecked() ? CertificateSource::IssuedByChat : CertificateSource::OwnCa;
    return true;
}

QString CertificatePathPage::helpText() const
{
    return tr("Chat's servers check your server's certificate like a browser does. Either you already have one "
              "for the webhook domain from a public certificate authority (with its private key), or you let Chat "
              "issue one: set the webhook URL in the Chat console, and download the certificate and key it issues "
              "for that domain.");
}

} // namespace mtls::ui
