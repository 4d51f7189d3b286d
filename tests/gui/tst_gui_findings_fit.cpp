// A finding of three lines (message, how to fix, code) is shown whole, in English and in Chinese: its row is as
// tall as its lines in the fonts that really draw them. A CJK fallback font is taller than the Latin font the
// widget names, so a row measured with the latter's line height clips the last line in Chinese.
#include "Dialogs.h"
#include "GuiTestSupport.h"
#include "MainWizard.h"
#include "WizardContext.h"
#include "core/Translations.h"
#include "pages/ImportPage.h"
#include "pages/WelcomePage.h"
#include "secrets/MemorySecretStore.h"
#include "widgets/FindingsView.h"

#include <QAbstractButton>
#include <QFontMetrics>
#include <QGlyphRun>
#include <QLineEdit>
#include <QRawFont>
#include <QStandardPaths>
#include <QTest>
#include <QTextLayout>

#include <cmath>
#include <memory>

using namespace mtls;
using namespace mtls::ui;
using namespace guitest;

class TestGuiFindingsFit : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void threeLineFindingIsWhole_data();
    void threeLineFindingIsWhole();

private:
    struct Lines
    {
        int count = 0;
        qreal inkHeight = 0; // every line as tall as the tallest font drawing it, in whole pixels
        qreal latinHeight = 0; // every line as tall as the widget's own font says
    };
    static Lines measure(const QString& text, const QFont& font, qreal width);

    std::unique_ptr<Pki> m_pki;
};

void TestGuiFindingsFit::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Dialogs::setTestMode(true);
    m_pki = std::make_unique<Pki>();
    QVERIFY2(m_pki->ok, qPrintable(m_pki->pki.lastError()));
}

void TestGuiFindingsFit::cleanupTestCase()
{
    installTranslations(QStringLiteral("en"));
}

TestGuiFindingsFit::Lines TestGuiFindingsFit::measure(const QString& text, const QFont& font, qreal width)
{
    QString shown = text;
    shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
    QTextLayout layout(shown, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    Lines lines;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine())
        line.setLineWidth(width);
    layout.endLayout();
    const QFontMetricsF metrics(font);
    for (int i = 0; i < layout.lineCount(); ++i) {
        qreal ascent = 0;
        qreal descent = 0;
        for (const QGlyphRun& run : layout.lineAt(i).glyphRuns()) {
            ascent = std::max(ascent, run.rawFont().ascent());
            descent = std::max(descent, run.rawFont().descent());
        }
        // Qt's own line height (whole pixels), or the drawing fonts' ascent and descent when they are taller.
        lines.inkHeight += std::max(layout.lineAt(i).height(), std::ceil(ascent + descent));
        lines.latinHeight += metrics.height();
        ++lines.count;
    }
    return lines;
}

void TestGuiFindingsFit::threeLineFindingIsWhole_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Chinese") << QStringLiteral("zh_CN");
}

void TestGuiFindingsFit::threeLineFindingIsWhole()
{
    QFETCH(QString, language);
    QCOMPARE(installTranslations(language), language);
    QTemporaryDir setups;
    MemorySecretStore secrets;
    MainWizard wizard(&secrets, setups.path());
    wizard.context().model.rootsPath = m_pki->path(QStringLiteral("root.crt"));
    wizard.show();
    wizard.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&wizard));
    QTRY_VERIFY(find<WelcomePage>(&wizard, "WelcomePage")->isLoaded());

    // Welcome, endpoint, server ("another machine"), certificate path ("from a certificate authority"), import.
    QVERIFY(next(wizard));
    QCOMPARE(wizard.currentId(), int(EndpointPageId));
    typeInto(find<QLineEdit>(wizard.currentPage(), "urlEdit"), QStringLiteral("https://localhost/im/callback"));
    QVERIFY(next(wizard));
    QCOMPARE(wizard.currentId(), int(ServerPageId));
    mnemonic(wizard, 'o');
    QTRY_VERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(next(wizard));
    QCOMPARE(wizard.currentId(), int(CertificatePathPageId));
    mnemonic(wizard, 'a');
    QVERIFY(next(wizard));
    QCOMPARE(wizard.currentId(), int(ImportPageId));
    // A PKCS#12 file without its passphrase: PASSPHRASE_REQUIRED has a message, a hint and its code.
    Dialogs::setNextFiles({m_pki->path(QStringLiteral("server.pfx"))});
    auto* page = find<ImportPage>(&wizard, "ImportPage");
    mnemonic(wizard, 'w'); // Browse
    QTRY_VERIFY(!page->isBusy());

    auto* view = find<FindingsView>(wizard.currentPage(), "findingsView");
    QVERIFY(view && view->isVisible());
    QVERIFY(view->count() >= 1);
    QTest::qWait(50); // the list lays its rows out after the event loop turns
    bool sawTallerFont = false;
    for (int row = 0; row < view->count(); ++row) {
        QListWidgetItem* item = view->item(row);
        const QString text = item->text();
        QVERIFY2(text.count(QLatin1Char('\n')) >= 2, qPrintable(text)); // message, how to fix, code
        view->scrollToItem(item);
        QCoreApplication::processEvents();
        const QRect rowRect = view->visualItemRect(item);
        const QRect textRect = view->textRect(row);
        const Lines lines = measure(text, view->font(), textRect.width());
        QVERIFY2(lines.count >= 3, qPrintable(text));
        qInfo("%s row %d: %d lines need %.1f px (%.1f px by the widget font's line height); the text has %d px",
              qPrintable(language), row, lines.count, lines.inkHeight, lines.latinHeight, textRect.height());
        QVERIFY2(textRect.height() >= lines.inkHeight,
                 qPrintable(QStringLiteral("row %1 (%2): %3 lines need %4 px, the text has %5 px of a %6 px row")
                                .arg(row)
                                .arg(item->data(Qt::UserRole).toString())
                                .arg(lines.count)
                                .arg(lines.inkHeight)
                                .arg(textRect.height())
                                .arg(rowRect.height())));
        if (rowRect.height() <= view->viewport()->height())
            QVERIFY2(view->viewport()->rect().contains(rowRect), "the row is not fully in view");
        sawTallerFont = sawTallerFont || lines.inkHeight > lines.latinHeight + 0.5;
    }
    screenshot(wizard, QStringLiteral("04-import-three-lines-") + language);
    // In Chinese the glyphs come from a taller CJK font: the check above is the one that matters there.
    if (language == QLatin1String("zh_CN") && !sawTallerFont)
        qWarning("no CJK font taller than the widget's font: is a CJK font (fonts-noto-cjk) installed?");
}

QTEST_MAIN(TestGuiFindingsFit)
#include "tst_gui_findings_fit.moc"
