#include "ApplyPage.h"

#include "Dialogs.h"
#include "WizardContext.h"
#include "ui_ApplyPage.h"
#include "widgets/Async.h"

#include <QDir>
#include <QStyle>

namespace mtls::ui {

ApplyPage::ApplyPage(WizardContext& context, QWidget* parent)
    : WizardPage(context, parent)
    , m_ui(std::make_unique<Ui::ApplyPage>())
{
    m_ui->setupUi(this);
    m_ui->busyBar->hide();
    m_ui->busyLabel->hide();
    m_ui->stepsView->setWordWrap(true);
    connect(m_ui->applyButton, &QPushButton::clicked, this, &ApplyPage::apply);
    connect(m_ui->exportButton, &QPushButton::clicked, this, [this] {
        const QString dir
            = Dialogs::existingDirectory(this, tr("Choose an empty folder for the files"), QDir::homePath());
        if (!dir.isEmpty())
            exportTo(dir);
    });
}

ApplyPage::~ApplyPage() = default;

void ApplyPage::initializePage()
{
    const bool thisMachine = context().model.target == SetupTarget::ThisMachine;
    m_done = false;
    m_ui->stepsView->clear();
    m_ui->errorPanel->clear();
    m_ui->resultLabel->clear();
    m_ui->applyButton->setVisible(thisMachine);
    m_ui->exportButton->setVisible(!thisMachine);
    if (thisMachine) {
        setTitle(tr("Apply"));
        setSubTitle(tr("Write the files, test the whole configuration and reload %1.")
                        .arg(serverKindDisplayName(context().model.server)));
        m_ui->introLabel->setText(
            tr("Every file that is replaced is backed up first. If the server refuses the new configuration, "
               "everything is put back and the server keeps running as before."));
        // What will happen, before it happens.
        if (context().plan) {
            const QIcon pending = style()->standardIcon(QStyle::SP_FileIcon);
            for (const QString& path : context().plan->files())
                new QListWidgetItem(pending, tr("To write: %1").arg(QDir::toNativeSeparators(path)), m_ui->stepsView);
            new QListWidgetItem(pending,
                                tr("Then: test the whole configuration and reload %1.")
                                    .arg(serverKindDisplayName(context().model.server)),
                                m_ui->stepsView);
        }
    } else {
        setTitle(tr("Export"));
        setSubTitle(tr("The files to copy to your server."));
        m_ui->introLabel->setText(tr("Choose an empty folder. The assistant writes the configuration, the "
                                     "certificate files and a README with the steps for the other machine."));
    }
    emit completeChanged();
}

void ApplyPage::setBusy(bool busy, const QString& what)
{
    m_busy = busy;
    m_ui->busyBar->setVisible(busy);
    m_ui->busyLabel->setVisible(busy);
    m_ui->busyLabel->setText(what);
    m_ui->applyButton->setEnabled(!busy);
    m_ui->exportButton->setEnabled(!busy);
    emit completeChanged();
}

void ApplyPage::apply()
{
    if (m_busy || !context().plan || !context().plan->apply)
        return;
    m_ui->stepsView->clear();
    m_ui->errorPanel->clear();
    m_ui->resultLabel->clear();
    setBusy(true, tr("Backing up, writing, testing and reloading..."));
    ApplyRequest request = *context().plan->apply;
    request.stateDir = context().applyStateDir;
    runAsync<Result<ApplyResult>>(
        this, [request] { return applyConfiguration(request); },
        [this](Result<ApplyResult> result) {
            setBusy(false);
            const QIcon ok = style()->standardIcon(QStyle::SP_DialogApplyButton);
            if (!result) {
                auto* item
                    = new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxCritical),
                                          tr("Failed: the previous configuration was put back."), m_ui->stepsView);
                item->setData(Qt::AccessibleTextRole, item->text());
                m_ui->errorPanel->setError(result.error());
                m_ui->resultLabel->setText(tr("Nothing was changed. Fix the problem shown here and apply again."));
                return;
            }
            if (!result->recovered.isEmpty())
                new QListWidgetItem(ok, result->recovered, m_ui->stepsView);
            for (const QString& path : result->changed)
                new QListWidgetItem(ok, tr("Written: %1").arg(QDir::toNativeSeparators(path)), m_ui->stepsView);
            new QListWidgetItem(ok, tr("Configuration tested and server reloaded."), m_ui->stepsView);
            context().applied = result.value();
            m_done = true;
            m_ui->applyButton->setEnabled(false); // applied; Back and Next from here
            m_ui->resultLabel->setText(
                tr("Done: %n file(s) written. Next, test it like Chat would.", nullptr, int(result->changed.size())));
            emit completeChanged();
        });
}

void ApplyPage::exportTo(const QString& directory)
{
    if (m_busy || !context().plan)
        return;
    m_ui->stepsView->clear();
    m_ui->errorPanel->clear();
    setBusy(true, tr("Writing the files..."));
    const SetupPlan plan = *context().plan;
    const ServerMaterial material = context().report.material;
    runAsync<Result<QStringList>>(
        this, [plan, material, directory] { return exportSetup(plan, material, directory); },
        [this](Result<QStringList> written) {
            setBusy(false);
            if (!written) {
                m_ui->errorPanel->setError(written.error());
                return;
            }
            const QIcon ok = style()->standardIcon(QStyle::SP_DialogApplyButton);
            for (const QString& path : written.value())
                new QListWidgetItem(ok, tr("Written: %1").arg(QDir::toNativeSeparators(path)), m_ui->stepsView);
            context().exported = written.value();
            m_done = true;
            m_ui->resultLabel->setText(
                tr("Done: %n file(s) exported. Follow README.txt on your server.", nullptr, int(written->size())));
            emit completeChanged();
        });
}

bool ApplyPage::isComplete() const
{
    return m_done && !m_busy;
}

int ApplyPage::nextId() const
{
    return context().model.target == SetupTarget::ThisMachine ? TestPageId : FinishPageId;
}

QString ApplyPage::helpText() const
{
    return tr("Apply writes the certificate files into a folder of their own in the server's configuration (the key "
              "readable by the owner only), writes the site file, enables it, runs the server's configuration test "
              "and reloads the server. A journal and backups are kept, so a failed or interrupted apply is put back "
              "automatically.\n\nExport writes the same files into a folder for you to copy to another machine.");
}

} // namespace mtls::ui
