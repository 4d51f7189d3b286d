#include "GuiTestSupport.h"

#include "TestZip.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCoreApplication>
#include <QLineEdit>
#include <QTest>
#include <QWizard>

namespace guitest {

bool next(QWizard& wizard)
{
    QWidget* button = wizard.button(QWizard::NextButton);
    if (!button->isVisible() || !button->isEnabled())
        return false;
    const int before = wizard.currentId();
    QTest::keyClick(&wizard, Qt::Key_N, Qt::AltModifier);
    // A mnemonic "animates" the click: the page changes when the button's short animation ends.
    return QTest::qWaitFor([&] { return wizard.currentId() != before; }, 5000);
}

bool back(QWizard& wizard)
{
    QAbstractButton* button = wizard.button(QWizard::BackButton);
    if (!button->isVisible() || !button->isEnabled())
        return false;
    const int before = wizard.currentId();
    button->click();
    return QTest::qWaitFor([&] { return wizard.currentId() != before; }, 5000);
}

void mnemonic(QWidget& window, char key)
{
    QTest::keyClick(&window, key, Qt::AltModifier);
    // Buttons answer a mnemonic with an animated click that lands about 100 ms later.
    QTest::qWait(250);
}

void typeInto(QWidget* edit, const QString& text)
{
    edit->setFocus();
    if (auto* line = qobject_cast<QLineEdit*>(edit))
        line->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void screenshot(QWidget& window, const QString& name)
{
    const QString dir = qEnvironmentVariable("MTLS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QApplication::processEvents();
    window.grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

Pki::Pki()
{
    TestPki::Options longer;
    longer.validToDays = 700;
    TestPki::Options expired;
    expired.validFromDays = -400;
    expired.validToDays = -5;
    ok = pki.makeCa(QStringLiteral("root"), QStringLiteral("Test Root CA"))
        && pki.makeCa(QStringLiteral("inter"), QStringLiteral("Test Intermediate CA"), QStringLiteral("root"))
        && pki.makeServer(QStringLiteral("server"), {QStringLiteral("localhost")}, QStringLiteral("inter"))
        && pki.makeServer(QStringLiteral("renewed"), {QStringLiteral("localhost")}, QStringLiteral("inter"), longer)
        && pki.makeServer(QStringLiteral("expired"), {QStringLiteral("localhost")}, QStringLiteral("inter"), expired)
        && pki.makeServer(QStringLiteral("other"), {QStringLiteral("localhost")}, QStringLiteral("inter"))
        && pki.makeCa(QStringLiteral("chatca"), QStringLiteral("Test Chat Client CA"))
        && pki.makeClient(QStringLiteral("chatclient"), QStringLiteral("chat-client"), QStringLiteral("chatca"))
        && pki.toPkcs12(QStringLiteral("server"), {QStringLiteral("inter")}, QStringLiteral("s3cret"),
                        QStringLiteral("server.pfx"))
        && pki.concat({QStringLiteral("server.crt"), QStringLiteral("inter.crt")}, QStringLiteral("bundle.crt"))
        && pki.concat({QStringLiteral("renewed.crt"), QStringLiteral("inter.crt")},
                      QStringLiteral("renewed_bundle.crt"))
        && pki.write(QStringLiteral("notes.txt"), "this is not a certificate\n")
        && writeTestZip(
             pki.path(QStringLiteral("localhost.zip")),
             {TestZipEntry(QStringLiteral("Nginx/1_localhost_bundle.crt"), pki.read(QStringLiteral("bundle.crt"))),
              TestZipEntry(QStringLiteral("Nginx/2_localhost.key"), pki.read(QStringLiteral("server.key")))})
        && writeTestZip(pki.path(QStringLiteral("TencentQQAuthCA.crt.zip")),
                        {TestZipEntry(QStringLiteral("TencentQQAuthCA.crt"), pki.read(QStringLiteral("chatca.crt")))});
}

QString tt(const char* context, const char* source, int n)
{
    return QCoreApplication::translate(context, source, nullptr, n);
}

QString lead(const char* context, const char* source)
{
    const QString text = tt(context, source, 1);
    const qsizetype placeholder = text.indexOf(QLatin1Char('%'));
    return placeholder < 0 ? text : text.left(placeholder);
}

} // namespace guitest
