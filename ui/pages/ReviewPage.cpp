#include "ReviewPage.h"

#include "WizardContext.h"
#include "server/ThrowawayServer.h"
#include "ui_ReviewPage.h"
#include "widgets/Async.h"
#include "widgets/ConfigHighlighter.h"

#include <QDir>
#include <QFontDatabase>
#include <QTextBlock>

#include <vector>

namespace mtls::ui {

namespace {

// The lines of `after` against `before` as a diff: "+ " added, "- " removed, "  " kept; only the changes with a few
// lines around them, each run after the first headed by its line number in the new file.
QString lineDiff(const QByteArray& before, const QByteArray& after, QList<int>* addedLines)
{
    const QStringList a = QString::fromUtf8(before).split(QLatin1Char('\n'));
    const QStringList b = QString::fromUtf8(after).split(QLatin1Char('\n'));
    const int n = int(a.size());
    const int m = int(b.size());
    // Longest common subsequence, from the end.
    std::vector<std::vector<int>> common(n + 1, std::vector<int>(m + 1, 0));
    for (int i = n - 1; i >= 0; --i)
        for (int j = m - 1; j >= 0; --j)
            common[i][j] = a.at(i) == b.at(j) ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);
    struct Line
    {
        QChar kind;
        QString text;
        int newLine;
    };
    QList<Line> lines;
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(i) == b.at(j)) {
            lines.append({QLatin1Char(' '), b.at(j), j + 1});
            ++i;
            ++j;
        } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
            lines.append({QLatin1Char('+'), b.at(j), j + 1});
            ++j;
        } else {
            lines.append({QLatin1Char('-'), a.at(i), j + 1});
            ++i;
        }
    }
    constexpr int kContext = 3;
    QList<bool> shown(lines.size(), false);
    for (int k = 0; k < lines.size(); ++k) {
        if (lines.at(k).kind == QLatin1Char(' '))
            continue;
        for (int c = std::max(0, k - kContext); c <= std::min(int(lines.size()) - 1, k + kContext); ++c)
            shown[c] = true;
    }
    QStringList out;
    bool gap = false;
    for (int k = 0; k < lines.size(); ++k) {
        if (!shown.at(k)) {
            gap = true;
            continue;
        }
        if (gap || out.isEmpty())
            out << QStringLiteral("@@ %1 @@").arg(ReviewPage::tr("line %1").arg(lines.at(k).newLine));
        gap = false;
        if (lines.at(k).kind == QLatin1Char('+') && addedLines)
            *addedLines << int(out.size());
        out << QString(lines.at(k).kind) + QLatin1Char(' ') + lines.at(k).text;
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

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
    Result<SetupPlan> plan = planSetup(ctx.model, ctx.report.material, ctx.targetInstallation(), ctx.remoteMerge);
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
    m_ui->configView->setExtraSelections({});
    setSubTitle(ctx.plan->merge ? tr("The lines the assistant will add to your site's file.")
                                : tr("The configuration the assistant will write, tested with your server's own "
                                     "program."));
    if (ctx.plan->merge) {
        ++m_sequence; // a test still running for an earlier plan is not this one's
        m_busy = false;
        m_ui->busyBar->hide();
        m_ui->busyLabel->hide();
        // Merge: the edit of the user's own file, as the lines it adds.
        const MergePlan& merge = *ctx.plan->merge;
        QList<int> added;
        m_ui->configView->setPlainText(
            merge.after == merge.before
                ? tr("# %1 has these lines already: nothing to add.").arg(QDir::toNativeSeparators(merge.site.file))
                : lineDiff(merge.before, merge.after, &added));
        QList<QTextEdit::ExtraSelection> marks;
        QColor addedColour = palette().color(QPalette::Highlight);
        addedColour.setAlpha(40);
        for (const int line : std::as_const(added)) {
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(m_ui->configView->document()->findBlockByNumber(line));
            mark.format.setBackground(addedColour);
            mark.format.setProperty(QTextFormat::FullWidthSelection, true);
            marks << mark;
        }
        m_ui->configView->setExtraSelections(marks);
        m_ui->configView->setAccessibleName(tr("Lines added to %1").arg(QDir::toNativeSeparators(merge.site.file)));
        m_ui->summaryLabel->setText(
            tr("Merge into %1: %2 keeps serving %3 with the site's own certificate and demands Chat's client "
               "certificate on %4 only. The lines added (+):")
                .arg(merge.site.where(), serverKindDisplayName(ctx.model.server), ctx.model.domain,
                     ctx.model.webhookPath));
        QStringList files;
        for (const QString& file : ctx.plan->files())
            files << QStringLiteral("  ") + QDir::toNativeSeparators(file);
        m_ui->filesLabel->setText(tr("Files that will be written (existing ones are backed up first):")
                                  + QLatin1Char('\n') + files.join(QLatin1Char('\n')));
        // The edit is in the user's configuration: apply tests the whole of it with the server before the reload
        // and puts the file back when the test fails.
        m_generated = true;
        m_testPassed = true;
        m_ui->testResultLabel->setText(tr("When you apply, %1 tests the whole configuration with this edit before "
                                          "the reload; if the test fails, the file is put back.")
                                           .arg(serverKindDisplayName(ctx.model.server)));
        emit completeChanged();
        return;
    }
    m_ui->configView->setAccessibleName(tr("Generated configuration"));
    m_ui->configView->setPlainText(config->text);
    const bool ssh = ctx.model.target == SetupTarget::Ssh;
    QString summary;
    QString filesTitle;
    switch (ctx.model.target) {
    case SetupTarget::ThisMachine:
        summary = tr("%1 on this machine will answer %2 and demand Chat's client certificate.")
                      .arg(serverKindDisplayName(ctx.model.server), ctx.model.webhookUrl());
        filesTitle = tr("Files that will be written (existing ones are backed up first):");
        break;
    case SetupTarget::Ssh:
        summary = tr("%1 on %2 will answer %3 and demand Chat's client certificate.")
                      .arg(serverKindDisplayName(ctx.model.server), ctx.model.sshTarget, ctx.model.webhookUrl());
        filesTitle = tr("Files that will be written on the server (existing ones are backed up first):");
        break;
    case SetupTarget::Export:
        summary = tr("Files for %1 on another machine, answering %2 with Chat's client certificate required.")
                      .arg(serverKindDisplayName(ctx.model.server), ctx.model.webhookUrl());
        filesTitle = tr("Files that will be exported (the paths they are meant for):");
        break;
    }
    m_ui->summaryLabel->setText(summary);
    QStringList files;
    for (const QString& file : ctx.plan->files())
        files << QStringLiteral("  ") + QDir::toNativeSeparators(file);
    m_ui->filesLabel->setText(filesTitle + QLatin1Char('\n') + files.join(QLatin1Char('\n')));
    if (ssh) {
        // This machine may have no such server at all: the server's own program tests it there, before the reload.
        ++m_sequence;
        m_busy = false;
        m_ui->busyBar->hide();
        m_ui->busyLabel->hide();
        m_generated = true;
        m_testPassed = true;
        m_ui->testResultLabel->setText(
            tr("When you apply, install.sh tests the whole configuration on the server with %1's own program before "
               "the reload; if the test fails, every file is put back.")
                .arg(serverKindDisplayName(ctx.model.server)));
        emit completeChanged();
        return;
    }
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
