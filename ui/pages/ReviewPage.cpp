#include "ReviewPage.h"

#include "WizardContext.h"
#include "server/ThrowawayServer.h"
#include "ui_ReviewPage.h"
#include "widgets/Async.h"
#include "widgets/ConfigHighlighter.h"

#include <QDir>
#include <QFontDatabase>

namespace mtls::ui {

ReviewPage::ReviewPage(WizardContext& context, QWidget* parent)
    : WizardPage(context, parent)
    , m_ui(std::make_unique<Ui::ReviewPage>())
{
    m_ui->setupUi(this);
    setTitle(tr("Review"));
    setSubTitle(tr("The configuration the assistant will write, tested with your server's own program."));
    m_ui->configView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new ConfigHighlighter(m_ui->configView->document());
    m_ui->busyBar->hide();
    m_ui->busyLabel->hide();
}

ReviewPage::~ReviewPage() = default;

void ReviewPage::initializePage()
{
    generate();
}

void ReviewPage::generate()
{
    WizardContext& ctx = context();
    m_generated = false;
    m_testPassed = false;
    m_ui->errorPanel->clear();
    m_ui->testResultLabel->clear();
    Result<SetupPlan> plan = planSetup(ctx.model, ctx.report.material, ctx.installation);
    if (!plan) {
        ctx.plan.reset();
        m_ui->configView->clear();
        m_ui->filesLabel->clear();
        m_ui->errorPanel->setError(plan.error());
        emit completeChanged();
        return;
    }
    ctx.plan = plan.value();
    const GeneratedConfig* config = &ctx.plan->config;
    m_ui->configView->setPlainText(config->text);
    m_ui->summaryLabel->setText(
        ctx.model.target == SetupTarget::ThisMachine
            ? tr("%1 on this machine will answer %2 and demand Chat's client certificate.")
                  .arg(serverKindDisplayName(ctx.model.server), ctx.model.webhookUrl())
            : tr("Files for %1 on another machine, answering %2 with Chat's client certificate required.")
                  .arg(serverKindDisplayName(ctx.model.server), ctx.model.webhookUrl()));
    QStringList files;
    for (const QString& file : ctx.plan->files())
        files << QStringLiteral("  ") + QDir::toNativeSeparators(file);
    m_ui->filesLabel->setText((ctx.model.target == SetupTarget::ThisMachine
                                   ? tr("Files that will be written (existing ones are backed up first):")
                                   : tr("Files that will be exported (the paths they are meant for):"))
                              + QLatin1Char('\n') + files.join(QLatin1Char('\n')));
    m_generated = true;

    // The server's own configuration test, on a private copy with the real material.
    m_busy = true;
    m_ui->busyBar->show();
    m_ui->busyLabel->show();
    m_ui->busyLabel->setText(tr("Testing the configuration with %1...").arg(serverKindDisplayName(ctx.model.server)));
    emit completeChanged();
    const int sequence = ++m_sequence;
    const SetupModel model = ctx.model;
    const ServerMaterial material = ctx.report.material;
    const QString binary = ctx.installation ? ctx.installation->binary : QString();
    runAsync<Status>(
        this, [model, material, binary] { return testConfiguration(model, material, binary); },
        [this, sequence](Status status) {
            if (sequence != m_sequence)
                return;
            m_busy = false;
            m_ui->busyBar->hide();
            m_ui->busyLabel->hide();
            m_testPassed = status.ok();
            if (status) {
                m_ui->testResultLabel->setText(
                    tr("OK: %1 accepts this configuration.").arg(serverKindDisplayName(context().model.server)));
            } else {
                m_ui->testResultLabel->setText(tr("The configuration test did not pass."));
                m_ui->errorPanel->setError(status.error());
            }
            emit completeChanged();
        });
}

bool ReviewPage::isComplete() const
{
    // Applying to this machine needs a passing test; an export can go on (the other machine tests it).
    return m_generated && !m_busy && (m_testPassed || context().model.target == SetupTarget::Export);
}

QString ReviewPage::helpText() const
{
    return tr("This is the whole site configuration: your certificate and key, Chat's client CA with client "
              "certificates required, the TLS profile, and the path passed on to your webhook application. The "
              "assistant tests it with the real nginx or apache2 program on a private copy before anything is "
              "written; a failed test shows the server's own message under \"Show details\".");
}

} // namespace mtls::ui
