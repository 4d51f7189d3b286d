#include "MainWizard.h"
#include "core/Translations.h"
#include "secrets/MemorySecretStore.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace mtls;
using namespace mtls::ui;

// Every text a page shows is translated: with the Chinese translation installed, no title, label, button, group,
// placeholder, tooltip or accessible name of any page is left in English. A string that is not marked for
// translation (or lost from the .ts file) shows up here.
class TestGuiTranslated : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyPageInChinese();
    void detectorCatchesEnglish_data();
    void detectorCatchesEnglish();

private:
    static bool looksUntranslated(const QString& text);
};

void TestGuiTranslated::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(installTranslations(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
}

bool TestGuiTranslated::looksUntranslated(const QString& rawText)
{
    QTextDocument document;
    document.setHtml(rawText); // labels may hold rich text
    QString text = Qt::mightBeRichText(rawText) ? document.toPlainText() : rawText;
    text.remove(QLatin1Char('&')); // keyboard accelerators: "N&ginx" is "Nginx"
    static const QRegularExpression cjk(QStringLiteral("[\\x{3400}-\\x{9FFF}]"));
    if (text.trimmed().isEmpty() || cjk.match(text).hasMatch())
        return false;
    // Names that stay as they are in every language: programs, protocols, formats, files.
    static const QStringList keep {QStringLiteral("nginx"),
                                   QStringLiteral("apache"),
                                   QStringLiteral("https"),
                                   QStringLiteral("http"),
                                   QStringLiteral("openssl"),
                                   QStringLiteral("pkcs"),
                                   QStringLiteral("tencentqqauthca"),
                                   QStringLiteral("localhost"),
                                   QStringLiteral("json"),
                                   QStringLiteral("html"),
                                   QStringLiteral("example"),
                                   QStringLiteral("callback"),
                                   QStringLiteral("webhook"),
                                   QStringLiteral("sha256"),
                                   QStringLiteral("tlsv")};
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{4,}"));
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString w = it.next().captured().toLower();
        if (!keep.contains(w))
            return true;
    }
    return false;
}

void TestGuiTranslated::everyPageInChinese()
{
    QTemporaryDir setups;
    MemorySecretStore secrets;
    MainWizard wizard(&secrets, setups.path());
    QStringList untranslated;
    const auto check = [&](const QString& where, const QString& text) {
        if (looksUntranslated(text))
            untranslated << QStringLiteral("%1: \"%2\"").arg(where, text.simplified());
    };
    check(QStringLiteral("window title"), wizard.windowTitle());
    const QList<int> ids = wizard.pageIds();
    QVERIFY(ids.size() >= 10);
    for (const int id : ids) {
        QWizardPage* page = wizard.page(id);
        const QString name = page->objectName();
        check(name + QStringLiteral(" title"), page->title());
        check(name + QStringLiteral(" subtitle"), page->subTitle());
        for (QWidget* w : page->findChildren<QWidget*>()) {
            const QString where = name + QLatin1Char('/') + w->objectName();
            check(where + QStringLiteral(" tooltip"), w->toolTip());
            check(where + QStringLiteral(" accessible name"), w->accessibleName());
            check(where + QStringLiteral(" accessible description"), w->accessibleDescription());
            if (auto* label = qobject_cast<QLabel*>(w))
                check(where, label->text());
            else if (auto* button = qobject_cast<QAbstractButton*>(w))
                check(where, button->text());
            else if (auto* group = qobject_cast<QGroupBox*>(w))
                check(where, group->title());
            else if (auto* edit = qobject_cast<QLineEdit*>(w))
                check(where + QStringLiteral(" placeholder"), edit->placeholderText());
        }
    }
    for (const QWizard::WizardButton b :
         {QWizard::BackButton, QWizard::NextButton, QWizard::CancelButton, QWizard::FinishButton, QWizard::HelpButton})
        check(QStringLiteral("wizard button %1").arg(int(b)), wizard.buttonText(b));
    QVERIFY2(untranslated.isEmpty(), qPrintable(QStringLiteral("\n") + untranslated.join(QLatin1Char('\n'))));
}

void TestGuiTranslated::detectorCatchesEnglish_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("untranslated");
    QTest::newRow("english label") << QStringLiteral("Findings") << true;
    QTest::newRow("english rich text") << QStringLiteral("<b>Your webhook application</b>") << true;
    QTest::newRow("chinese") << QString::fromUtf8("检查结果") << false;
    QTest::newRow("chinese with names") << QString::fromUtf8("您的 Nginx 或 Apache") << false;
    QTest::newRow("url placeholder") << QStringLiteral("https://webhook.example.com/im/callback") << false;
    QTest::newRow("technical token") << QStringLiteral("SHA-256:") << false;
    QTest::newRow("name with accelerator") << QStringLiteral("N&ginx") << false;
    QTest::newRow("english with accelerator") << QStringLiteral("&Save the report...") << true;
    QTest::newRow("empty") << QString() << false;
}

void TestGuiTranslated::detectorCatchesEnglish()
{
    QFETCH(QString, text);
    QFETCH(bool, untranslated);
    QCOMPARE(looksUntranslated(text), untranslated);
}

QTEST_MAIN(TestGuiTranslated)
#include "tst_gui_translated.moc"
