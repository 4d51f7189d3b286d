#include "ImportPage.h"

#include "WizardContext.h"
#include "core/TextJoin.h"
#include "secrets/SecretStore.h"
#include "ui_ImportPage.h"
#include "widgets/Async.h"
#include "widgets/CertificateText.h"
#include "widgets/PlainText.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace mtls::ui {

namespace {
const char* const kLastFolderKey = "import/lastFolder";
}

ImportPage::ImportPage(WizardContext& context, QWidget* parent)
    : WizardPage(context, parent)
    , m_ui(std::make_unique<Ui::ImportPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Import the certificate"));
    m_ui->dropArea->setDialog(tr("Choose the certificate files or the downloaded package"),
                              tr("Certificates and keys (*.zip *.pem *.crt *.cer *.der *.key *.pfx *.p12 *.p7b);;"
                                 "All files (*)"),
                              true);
    m_ui->dropArea->setDirectory(QSettings().value(QLatin1String(kLastFolderKey), QDir::homePath()).toString());
    m_ui->passphraseBox->hide();
    m_ui->unlockRow->setStretch(1, 1); // the keychain's answer takes the room, not the button
    m_ui->busyBar->hide();
    m_ui->busyLabel->hide();
    m_ui->findingsView->hide();
    connect(m_ui->dropArea, &FileDropArea::filesChosen, this, &ImportPage::chooseFiles);
    connect(m_ui->unlockButton, &QPushButton::clicked, this, &ImportPage::unlock);
    connect(m_ui->passphraseEdit, &QLineEdit::returnPressed, this, &ImportPage::unlock);
}

ImportPage::~ImportPage() = default;

void ImportPage::initializePage()
{
    const SetupModel& model = context().model;
    if (model.source == CertificateSource::IssuedByChat) {
        setSubTitle(tr("The package Chat issued for %1.").arg(model.domain));
        m_ui->introLabel->setText(tr("Drop the .zip package you downloaded from the Chat console here, or browse "
                                     "for it. Separate certificate and key files work too."));
    } else {
        setSubTitle(tr("The certificate for %1 from your certificate authority.").arg(model.domain));
        m_ui->introLabel->setText(tr("Drop the certificate, its intermediate certificates and its private key "
                                     "here (separate files, one .pfx/.p12, or the .zip you downloaded), or browse "
                                     "for them. The assistant finds out which file holds what."));
    }
    if (context().renewing) {
        m_ui->introLabel->setText(joinSentences(
            {m_ui->introLabel->text(), tr("It must cover %1, like the certificate in use.").arg(model.domain)}));
        // Browse starts where the files of last time were: the new download is usually next to them.
        for (const QString& file : context().renewing->inputs.files()) {
            const QString folder = QFileInfo(file).absolutePath();
            if (QFileInfo(folder).isDir()) {
                m_ui->dropArea->setDirectory(folder);
                break;
            }
        }
    }
    m_ui->dropArea->setPrompt(tr("Drop files here, or use Browse."));
    if (!model.inputs.isEmpty() && !m_checked && !m_busy)
        startCheck(); // files chosen before (back on this page after a change elsewhere): check them again
}

QString ImportPage::passphraseKey() const
{
    const QStringList files = context().model.inputs.files();
    return SecretStore::passphraseKey(files.isEmpty() ? QString() : files.first());
}

void ImportPage::chooseFiles(const QStringList& paths)
{
    SetupModel& model = context().model;
    model.inputs = CertificateInputs::fromFiles(paths);
    model.passphrase.clear();
    m_triedKeychain = false;
    m_passphraseFromKeychain = false;
    m_rememberAfterCheck = false;
    m_ui->passphraseEdit->clear();
    m_ui->keychainLabel->clear();
    m_ui->passphraseBox->hide();
    if (!paths.isEmpty())
        QSettings().setValue(QLatin1String(kLastFolderKey), QFileInfo(paths.first()).absolutePath());
    startCheck();
}

void ImportPage::setBusy(bool busy, const QString& what)
{
    m_busy = busy;
    m_ui->busyBar->setVisible(busy);
    m_ui->busyLabel->setVisible(busy);
    m_ui->busyLabel->setText(what);
    m_ui->dropArea->setEnabled(!busy);
    m_ui->unlockButton->setEnabled(!busy);
    emit completeChanged();
}

void ImportPage::startCheck()
{
    const SetupModel& model = context().model;
    QStringList names;
    for (const QString& file : model.inputs.files())
        names << QDir::toNativeSeparators(file);
    m_ui->filesLabel->setText(tr("Files: %1").arg(shownText(joinList(names))));
    m_checked = false;
    const int sequence = ++m_sequence;
    setBusy(true, tr("Reading and checking the certificate..."));
    CheckInput input = model.checkInput();
    input.clientCaPath.clear(); // the client CA is the next page's business
    runAsync<CheckReport>(
        this, [input] { return runCheck(input); },
        [this, sequence](CheckReport report) {
            if (sequence != m_sequence)
                return; // the user chose other files meanwhile
            checked(report);
        });
}

void ImportPage::checked(const CheckReport& report)
{
    SetupModel& model = context().model;
    const bool needsPassphrase = hasCode(report.findings, QStringLiteral("PASSPHRASE_REQUIRED"))
        || hasCode(report.findings, QStringLiteral("PASSPHRASE_WRONG"));
    if (needsPassphrase && !m_triedKeychain && model.passphrase.isEmpty()) {
        // Perhaps it was remembered last time.
        m_triedKeychain = true;
        setBusy(true, tr("Looking for the passphrase in %1...").arg(context().secrets.description()));
        const int sequence = m_sequence;
        context().secrets.read(passphraseKey(), this, [this, sequence, report](const SecretResult& result) {
            if (sequence != m_sequence)
                return;
            if (result.ok() && !result.secret.isEmpty()) {
                context().model.passphrase = result.secret;
                m_passphraseFromKeychain = true;
                startCheck();
                return;
            }
            if (result.status == SecretResult::Status::Unavailable || result.status == SecretResult::Status::Denied)
                m_ui->keychainLabel->setText(result.message);
            setBusy(false);
            checked(report);
        });
        return;
    }

    m_checked = true;
    context().report = report;
    setBusy(false);
    m_ui->passphraseBox->setVisible(needsPassphrase);
    if (needsPassphrase) {
        m_ui->passphraseBox->setTitle(hasCode(report.findings, QStringLiteral("PASSPHRASE_WRONG"))
                                          ? tr("The passphrase does not fit: try again")
                                          : tr("This file is protected by a passphrase"));
        if (m_passphraseFromKeychain)
            m_ui->keychainLabel->setText(tr("The passphrase remembered in the keychain no longer fits."));
        m_ui->passphraseEdit->setFocus();
        m_ui->passphraseEdit->selectAll();
    }
    QString summary = certificateSummary(report.material.leaf);
    if (!report.material.key.isNull())
        summary += QLatin1Char('\n') + tr("Private key: found in %1").arg(shownText(report.material.keyOrigin));
    if (!report.material.chain.isEmpty())
        summary += QLatin1Char('\n') + tr("Intermediate certificates: %n", nullptr, int(report.material.chain.size()));
    if (report.ok() && !report.material.leaf.isNull())
        summary += QStringLiteral("\n\n")
            + (report.findings.isEmpty() ? tr("OK: no problem found.")
                                         : tr("OK: no error found. Read the notes below."));
    m_ui->summaryLabel->setText(summary.trimmed());
    m_ui->findingsView->setFindings(report.findings);
    m_ui->findingsView->setVisible(!report.findings.isEmpty());

    if (report.ok() && m_rememberAfterCheck && !model.passphrase.isEmpty()) {
        m_rememberAfterCheck = false;
        m_ui->keychainLabel->setText(tr("Saving the passphrase in %1...").arg(context().secrets.description()));
        m_ui->passphraseBox->show();
        context().secrets.write(passphraseKey(), model.passphrase, this, [this](const SecretResult& result) {
            m_ui->keychainLabel->setText(result.ok() ? tr("The passphrase is remembered in the system keychain.")
                                                     : result.message);
        });
    }
    emit completeChanged();
}

void ImportPage::unlock()
{
    if (m_busy || m_ui->passphraseEdit->text().isEmpty())
        return;
    context().model.passphrase = m_ui->passphraseEdit->text().toUtf8();
    m_passphraseFromKeychain = false;
    m_triedKeychain = true;
    m_rememberAfterCheck = m_ui->rememberCheck->isChecked();
    m_ui->keychainLabel->clear();
    startCheck();
}

bool ImportPage::isComplete() const
{
    return !m_busy && m_checked && context().report.ok() && !context().report.material.leaf.isNull();
}

int ImportPage::nextId() const
{
    return context().renewing ? RenewComparePageId : ClientCaPageId;
}

QString ImportPage::helpText() const
{
    return tr("The assistant reads PEM, DER, PKCS#12 (.pfx/.p12), PKCS#7 and zip packages as downloaded from "
              "Tencent Cloud SSL or the Chat console, whatever the files are called. It picks the certificate for "
              "your domain, its intermediate certificates and the matching private key, and checks them: dates, "
              "names, chain, key. Errors must be fixed before you go on; each one says how.\n\n"
              "Passphrases are never written to a file. If you tick \"Remember\", the passphrase is kept in the "
              "system keychain; where there is none, you are asked again next time.");
}

} // namespace mtls::ui
