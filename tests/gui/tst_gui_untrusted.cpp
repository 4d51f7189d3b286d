// Untrusted text in the wizard (names from files and archives, certificate subjects, a server's output) is never
// read as rich text, and its control characters are shown escaped, as in the CLI.

#include "MainWizard.h"
#include "secrets/MemorySecretStore.h"
#include "widgets/ErrorPanel.h"
#include "widgets/FindingsView.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mtls;
using namespace mtls::ui;

namespace {
const QString kHostile = QStringLiteral("<b>bold</b><img src=\"x\">\x1b[2J\nerror FORGED\r\tend");
} // namespace

class TestGuiUntrusted : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void noLabelGuessesItsFormat();
    void errorPanelShowsTextAsItIs();
    void findingsShowTextAsItIs();
};

// Every label of every page shows plain text, but the two verdicts built as rich text from escaped parts.
void TestGuiUntrusted::noLabelGuessesItsFormat()
{
    QTemporaryDir setups;
    MemorySecretStore secrets;
    MainWizard wizard(&secrets, setups.path());
    const QList<QLabel*> labels = wizard.findChildren<QLabel*>();
    QVERIFY(labels.size() > 20);
    QStringList rich;
    for (const QLabel* label : labels) {
        QVERIFY2(label->textFormat() != Qt::AutoText, qPrintable(label->objectName()));
        if (label->textFormat() == Qt::RichText)
            rich << label->parentWidget()->objectName() + QLatin1Char('/') + label->objectName();
    }
    QCOMPARE(rich.size(), 2);
}

void TestGuiUntrusted::errorPanelShowsTextAsItIs()
{
    ErrorPanel panel;
    panel.setError(Error {kHostile, QStringLiteral("nginx: line one\nline two\x1b]0;title\x07")});
    const auto* message = panel.findChild<QLabel*>(QStringLiteral("errorMessage"));
    QVERIFY(message);
    QCOMPARE(message->textFormat(), Qt::PlainText);
    QCOMPARE(message->text(), QStringLiteral("<b>bold</b><img src=\"x\">\\x1b[2J\\nerror FORGED\\r\\tend"));
    const auto* detail = panel.findChild<QPlainTextEdit*>(QStringLiteral("errorDetails"));
    QVERIFY(detail);
    QCOMPARE(detail->toPlainText(), QStringLiteral("nginx: line one\nline two\\x1b]0;title\\x07"));
}

void TestGuiUntrusted::findingsShowTextAsItIs()
{
    FindingsView view;
    Finding finding;
    finding.code = QStringLiteral("ZIP_LINK");
    finding.severity = Severity::Error;
    finding.message = QStringLiteral("The zip holds \"%1\"").arg(kHostile);
    finding.subject = kHostile;
    view.setFindings({finding});
    QCOMPARE(view.count(), 1);
    const QString text = view.item(0)->text();
    QVERIFY2(text.contains(QStringLiteral("\\x1b[2J\\nerror FORGED\\r\\tend")), qPrintable(text));
    QVERIFY2(!text.contains(QChar(0x1b)) && !text.contains(QLatin1Char('\r')), qPrintable(text));
    QCOMPARE(text.count(QLatin1Char('\n')), 1); // the message's line and the code's: no forged line
    // The tooltip is HTML made from the plain text: the markup shows as written.
    const QString tip = view.item(0)->toolTip();
    QVERIFY2(tip.contains(QStringLiteral("&lt;b&gt;bold&lt;/b&gt;")), qPrintable(tip));
    QVERIFY2(!tip.contains(QStringLiteral("<img")), qPrintable(tip));
}

QTEST_MAIN(TestGuiUntrusted)
#include "tst_gui_untrusted.moc"
