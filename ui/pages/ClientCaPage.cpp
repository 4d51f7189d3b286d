#include "ClientCaPage.h"

#include "WizardContext.h"
#include "ui_ClientCaPage.h"
#include "widgets/Async.h"
#include "widgets/CertificateText.h"
#include "widgets/PlainText.h"

#include <QDir>
#include <QFileInfo>

namespace mtls::ui {

ClientCaPage::ClientCaPage(WizardContext& context, QWidget* parent)
    : WizardPage(context, parent)
    , m_ui(std::make_unique<Ui::ClientCaPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Chat client CA"));
    setSubTitle(tr("Only callers with a certificate from this CA will be let through."));
    m_ui->dropArea->setPrompt(tr("Drop TencentQQAuthCA.crt or TencentQQAuthCA.crt.zip here, or use Browse."));
    m_ui->dropArea->setDialog(tr("Choose Chat's client CA"), tr("Client CA (*.crt *.cer *.pem *.zip);;All files (*)"),
                              false);
    m_ui->busyBar->hide();
    m_ui->busyLabel->hide();
    m_ui->detailsGroup->hide();
    m_ui->findingsView->hide();
    connect(m_ui->dropArea, &FileDropArea::filesChosen, this,
            [this](const QStringList& files) { chooseFile(files.value(0)); });
}

ClientCaPage::~ClientCaPage() = default;

void ClientCaPage::initializePage()
{
    if (!context().model.clientCaPath.isEmpty()) {
        chooseFile(context().model.clientCaPath); // check again: the certificate may have changed
        return;
    }
    if (m_loadedRemembered)
        return;
    m_loadedRemembered = true;
    const SetupStore store = context().store;
    m_loading = true;
    runAsync<QString>(
        this,
        [store] {
            const Result<SetupStoreContent> content = store.load();
            return content && QFileInfo::exists(content->clientCaPath) ? content->clientCaPath : QString();
        },
        [this](QString path) {
            m_loading = false;
            if (!path.isEmpty() && context().model.clientCaPath.isEmpty()) {
                chooseFile(path);
                m_ui->rememberedLabel->setText(tr("Remembered from your last setup."));
            }
            emit completeChanged();
        });
}

void ClientCaPage::chooseFile(const QString& path)
{
    if (path.isEmpty())
        return;
    context().model.clientCaPath = path;
    m_ui->dropArea->setDirectory(QFileInfo(path).absolutePath());
    m_ui->rememberedLabel->clear();
    m_checked = false;
    m_busy = true;
    m_ui->busyBar->show();
    m_ui->busyLabel->show();
    m_ui->busyLabel->setText(tr("Reading the client CA..."));
    emit completeChanged();
    const int sequence = ++m_sequence;
    const CheckInput input = context().model.checkInput();
    runAsync<CheckReport>(
        this, [input] { return runCheck(input); },
        [this, sequence](CheckReport report) {
            if (sequence == m_sequence)
                checked(report);
        });
}

void ClientCaPage::checked(const CheckReport& report)
{
    m_busy = false;
    m_checked = true;
    m_ui->busyBar->hide();
    m_ui->busyLabel->hide();
    context().report = report;
    const Certificates& cas = report.material.clientCas;
    m_ui->detailsGroup->setVisible(!cas.isEmpty());
    Findings findings = report.findings;
    if (cas.isEmpty()) {
        Finding none;
        none.code = QStringLiteral("CLIENT_CA_MISSING");
        none.severity = Severity::Error;
        none.message = tr("No CA certificate was found in %1.").arg(QFileInfo(context().model.clientCaPath).fileName());
        none.hint = tr("Import TencentQQAuthCA.crt, or the TencentQQAuthCA.crt.zip it comes in.");
        findings.prepend(none);
    } else {
        const Certificate& ca = cas.first();
        m_ui->subjectValue->setText(shownText(ca.subject()));
        m_ui->validityValue->setText(validityText(ca.notBefore(), ca.notAfter()));
        m_ui->fingerprintValue->setText(ca.sha256Fingerprint());
        m_ui->fileValue->setText(shownText(report.material.clientCaOrigin.isEmpty()
                                               ? QDir::toNativeSeparators(context().model.clientCaPath)
                                               : report.material.clientCaOrigin));
        if (m_ui->rememberedLabel->text().isEmpty())
            m_ui->rememberedLabel->setText(tr("It will be remembered for your next setups."));
    }
    m_ui->findingsView->setFindings(findings);
    m_ui->findingsView->setVisible(!findings.isEmpty());
    m_hasError = hasError(findings);
    emit completeChanged();
}

bool ClientCaPage::isComplete() const
{
    return !m_busy && !m_loading && m_checked && !m_hasError;
}

bool ClientCaPage::validatePage()
{
    const SetupStore store = context().store;
    const QString path = context().model.clientCaPath;
    const RememberedCertificate ca = RememberedCertificate::of(context().report.material.clientCas.value(0));
    runAsync<bool>(
        this, [store, path, ca] { return store.rememberClientCa(path, ca).ok(); }, [](bool) {});
    return true;
}

QString ClientCaPage::helpText() const
{
    return tr("When Chat's servers call your webhook, they present a client certificate issued by Chat's CA. Your "
              "server must demand it and trust only that CA. Chat publishes the CA as TencentQQAuthCA.crt.zip; the "
              "assistant cannot ship it, so you import it here once. Compare the SHA-256 fingerprint with the one "
              "from Chat before you continue.");
}

} // namespace mtls::ui
