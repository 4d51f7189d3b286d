// Each page of the wizard driven with the keyboard and the dialog hooks: bad input keeps Next disabled and shows
// the finding; good input lets the user go on.
#include "Dialogs.h"
#include "GuiTestSupport.h"
#include "MainWizard.h"
#include "WizardContext.h"
#include "WizardHost.h"
#include "core/Translations.h"
#include "pages/ClientCaPage.h"
#include "pages/ImportPage.h"
#include "pages/ServerPage.h"
#include "pages/WelcomePage.h"
#include "secrets/MemorySecretStore.h"
#include "widgets/ErrorPanel.h"
#include "widgets/FileDropArea.h"
#include "widgets/FindingsView.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace mtls;
using namespace mtls::ui;
using namespace guitest;

class TestGuiPages : public QObject
{
    Q_OBJECT

private slots:
    void switchingLanguageRebuildsTheWizard();
    void languageChosenAndRemembered();
    void initTestCase();
    void init();
    void cleanup();

    void welcomeStartsNewSetupByKeyboard();
    void endpointChecksDomainAsTyped_data();
    void endpointChecksDomainAsTyped();
    void importBadInput_data();
    void importBadInput();
    void importGoodFilesAndPackage_data();
    void importGoodFilesAndPackage();
    void importByDragAndDrop();
    void passphraseWrongThenRightAndRemembered();
    void passphraseWithoutKeychainIsAskedAgain();
    void clientCaBadInput_data();
    void clientCaBadInput();
    void clientCaShownAndRemembered();
    void serverPageValidation();
    void welcomeWarnsOfExpiry();
    void damagedStoreIsReported();
    void everyControlHasAnAccessibleName();

private:
    void makeWizard();
    // Endpoint, then the server page (first after the endpoint); goToImport chooses "another machine" there.
    void goToServer();
    void goToImport(bool issuedByChat = false);
    void importFiles(const QStringList& files);
    void goToClientCa();
    static QStringList codes(const FindingsView* view);

    std::unique_ptr<Pki> m_pki;
    std::unique_ptr<QTemporaryDir> m_setups;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<MainWizard> m_wizard;
};

void TestGuiPages::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The screenshot script runs these tests once per language; normal runs leave MTLS_LANGUAGE unset (English).
    mtls::installTranslations(qEnvironmentVariable("MTLS_LANGUAGE", QStringLiteral("en")));
    m_pki = std::make_unique<Pki>();
    QVERIFY2(m_pki->ok, qPrintable(m_pki->pki.lastError()));
}

void TestGuiPages::init()
{
    Dialogs::setTestMode(true);
    m_setups = std::make_unique<QTemporaryDir>();
    m_secrets = std::make_unique<MemorySecretStore>();
    makeWizard();
}

void TestGuiPages::cleanup()
{
    m_wizard.reset();
    m_secrets.reset();
}

void TestGuiPages::makeWizard()
{
    m_wizard = std::make_unique<MainWizard>(m_secrets.get(), m_setups->path());
    m_wizard->context().model.rootsPath = m_pki->path(QStringLiteral("root.crt"));
    m_wizard->show();
    m_wizard->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_wizard.get()));
    auto* welcome = find<WelcomePage>(m_wizard.get(), "WelcomePage");
    QTRY_VERIFY(welcome->isLoaded());
}

QStringList TestGuiPages::codes(const FindingsView* view)
{
    QStringList list;
    for (const Finding& f : view->findings())
        list << f.code;
    return list;
}

void TestGuiPages::goToServer()
{
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(EndpointPageId));
    typeInto(find<QLineEdit>(m_wizard->currentPage(), "urlEdit"), QStringLiteral("https://localhost/im/callback"));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ServerPageId));
    QTRY_VERIFY(!find<ServerPage>(m_wizard.get(), "ServerPage")->isBusy());
}

void TestGuiPages::goToImport(bool issuedByChat)
{
    goToServer();
    // Another machine: nothing of this machine's servers is looked at, and the certificate pages come next.
    mnemonic(*m_wizard, 'o');
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(CertificatePathPageId));
    mnemonic(*m_wizard, issuedByChat ? 'c' : 'a');
    QCOMPARE(find<QRadioButton>(m_wizard->currentPage(), "chatRadio")->isChecked(), issuedByChat);
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ImportPageId));
}

void TestGuiPages::importFiles(const QStringList& files)
{
    QStringList paths;
    for (const QString& f : files)
        paths << m_pki->path(f);
    Dialogs::setNextFiles(paths);
    auto* page = find<ImportPage>(m_wizard.get(), "ImportPage");
    mnemonic(*m_wizard, 'w'); // Browse
    QTRY_VERIFY(!page->isBusy());
}

void TestGuiPages::goToClientCa()
{
    goToImport();
    importFiles({QStringLiteral("bundle.crt"), QStringLiteral("server.key")});
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ClientCaPageId));
}

void TestGuiPages::welcomeStartsNewSetupByKeyboard()
{
    QCOMPARE(m_wizard->currentId(), int(WelcomePageId));
    screenshot(*m_wizard, QStringLiteral("01-welcome"));
    // No saved setup: renewing is not offered.
    QVERIFY(!find<QRadioButton>(m_wizard->currentPage(), "renewRadio")->isEnabled());
    QVERIFY(QFile::exists(QStringLiteral(":/mtls-assistant.svg")));
    QVERIFY(!m_wizard->windowIcon().pixmap(32, 32).isNull());
    mnemonic(*m_wizard, 't');
    QVERIFY(find<QRadioButton>(m_wizard->currentPage(), "sandboxRadio")->isChecked());
    QCOMPARE(m_wizard->page(WelcomePageId)->nextId(), int(SandboxPageId));
    mnemonic(*m_wizard, 'w');
    QVERIFY(find<QRadioButton>(m_wizard->currentPage(), "newSetupRadio")->isChecked());
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(EndpointPageId));
    // Help is one key away and answered by the hook.
    QTest::keyClick(m_wizard.get(), Qt::Key_F1);
    const int before = Dialogs::messageCount();
    QMetaObject::invokeMethod(m_wizard->button(QWizard::HelpButton), "click");
    QCOMPARE(Dialogs::messageCount(), before + 1);
    QVERIFY(Dialogs::lastMessage().contains(
        tt("mtls::ui::EndpointPage",
           "Copy the webhook URL from the Chat console (Application configuration > Webhook configuration). The "
           "assistant takes the domain from it and checks it against the rules of the Chat guide; the path is where "
           "your server passes calls on to your webhook application (other paths answer 404).")));
}

void TestGuiPages::endpointChecksDomainAsTyped_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("path");
    QTest::newRow("url") << QStringLiteral("https://hook.example.com/im/callback") << true
                         << QStringLiteral("/im/callback");
    QTest::newRow("domain") << QStringLiteral("hook.example.com") << true << QStringLiteral("/");
    QTest::newRow("underscore") << QStringLiteral("bad_name.example.com") << false << QStringLiteral("/");
    QTest::newRow("leading hyphen") << QStringLiteral("-hook.example.com") << false << QStringLiteral("/");
    QTest::newRow("double hyphen") << QStringLiteral("ho--ok.example.com") << false << QStringLiteral("/");
    QTest::newRow("empty label") << QStringLiteral("hook..example.com") << false << QStringLiteral("/");
    QTest::newRow("plain http") << QStringLiteral("http://hook.example.com/cb") << false << QStringLiteral("/cb");
}

void TestGuiPages::endpointChecksDomainAsTyped()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, path);
    QVERIFY(next(*m_wizard));
    auto* url = find<QLineEdit>(m_wizard->currentPage(), "urlEdit");
    QVERIFY(url->hasFocus() || m_wizard->focusWidget() != nullptr);
    typeInto(url, input);
    QCOMPARE(m_wizard->button(QWizard::NextButton)->isEnabled(), valid);
    const QString status = find<QLabel>(m_wizard->currentPage(), "domainStatus")->text();
    QVERIFY2(status.startsWith(valid ? lead("mtls::ui::EndpointPage", "OK: %1 follows the domain rules.")
                                     : lead("mtls::ui::EndpointPage", "Error: %1")),
             qPrintable(status));
    QCOMPARE(find<QLineEdit>(m_wizard->currentPage(), "pathEdit")->text(), path);
    if (QLatin1String(QTest::currentDataTag()) == QLatin1String("url"))
        screenshot(*m_wizard, QStringLiteral("02-endpoint"));
    if (QLatin1String(QTest::currentDataTag()) == QLatin1String("underscore"))
        screenshot(*m_wizard, QStringLiteral("02-endpoint-invalid"));

    // A path with a space is refused as well.
    if (valid) {
        typeInto(find<QLineEdit>(m_wizard->currentPage(), "pathEdit"), QStringLiteral("/a b"));
        QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(find<QLabel>(m_wizard->currentPage(), "pathStatus")
                    ->text()
                    .startsWith(lead("mtls::ui::EndpointPage", "Error: %1")));
    }
}

void TestGuiPages::importBadInput_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("code");
    QTest::newRow("not a certificate") << QStringList {QStringLiteral("notes.txt")}
                                       << QStringLiteral("FORMAT_UNRECOGNIZED");
    QTest::newRow("expired") << QStringList {QStringLiteral("expired.crt"), QStringLiteral("expired.key"),
                                             QStringLiteral("inter.crt")}
                             << QStringLiteral("CERT_EXPIRED");
    QTest::newRow("key does not match") << QStringList {QStringLiteral("bundle.crt"), QStringLiteral("other.key")}
                                        << QStringLiteral("KEY_MISMATCH");
    QTest::newRow("no key") << QStringList {QStringLiteral("bundle.crt")} << QStringLiteral("KEY_MISSING");
    QTest::newRow("protected, no passphrase")
        << QStringList {QStringLiteral("server.pfx")} << QStringLiteral("PASSPHRASE_REQUIRED");
}

void TestGuiPages::importBadInput()
{
    QFETCH(QStringList, files);
    QFETCH(QString, code);
    goToImport();
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled()); // nothing imported yet
    importFiles(files);
    auto* findings = find<FindingsView>(m_wizard->currentPage(), "findingsView");
    QVERIFY2(codes(findings).contains(code), qPrintable(codes(findings).join(QLatin1Char(' '))));
    QCOMPARE(findings->findings().first().severity, Severity::Error); // errors first
    QVERIFY(findings->isVisible());
    QVERIFY(findings->item(0)->text().startsWith(
        tt("mtls::ui::FindingsView", "%1: %2").arg(tt("mtls::ui::FindingsView", "Error"), QString())));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(find<QGroupBox>(m_wizard->currentPage(), "passphraseBox")->isVisible(),
             code == QLatin1String("PASSPHRASE_REQUIRED"));
    if (code == QLatin1String("KEY_MISMATCH"))
        screenshot(*m_wizard, QStringLiteral("04-import-error"));
    if (code == QLatin1String("PASSPHRASE_REQUIRED"))
        screenshot(*m_wizard, QStringLiteral("04-import-passphrase"));
}

void TestGuiPages::importGoodFilesAndPackage_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<bool>("issuedByChat");
    QTest::newRow("separate files") << QStringList {QStringLiteral("server.key"), QStringLiteral("server.crt"),
                                                    QStringLiteral("inter.crt")}
                                    << false;
    QTest::newRow("chat package") << QStringList {QStringLiteral("localhost.zip")} << true;
}

void TestGuiPages::importGoodFilesAndPackage()
{
    QFETCH(QStringList, files);
    QFETCH(bool, issuedByChat);
    goToImport(issuedByChat);
    if (issuedByChat)
        screenshot(*m_wizard, QStringLiteral("04-import-empty"));
    importFiles(files);
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    const QString summary = find<QLabel>(m_wizard->currentPage(), "summaryLabel")->text();
    QVERIFY2(summary.contains(QLatin1String("CN=localhost")), qPrintable(summary));
    QVERIFY(summary.contains(lead("mtls::ui::ImportPage", "Private key: found in %1")));
    QVERIFY(!hasError(m_wizard->context().report.findings));
    if (!issuedByChat)
        screenshot(*m_wizard, QStringLiteral("04-import-ok"));
    QCOMPARE(m_wizard->context().model.inputs.bundlePath.isEmpty(), !issuedByChat);
}

void TestGuiPages::importByDragAndDrop()
{
    goToImport(true);
    auto* area = find<FileDropArea>(m_wizard->currentPage(), "dropArea");
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_pki->path(QStringLiteral("localhost.zip")))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(area, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(area, &drop);
    QVERIFY(drop.isAccepted());
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(m_wizard->context().model.inputs.bundlePath, m_pki->path(QStringLiteral("localhost.zip")));
    QVERIFY(find<QLabel>(m_wizard->currentPage(), "summaryLabel")
                ->text()
                .contains(tt("mtls::ui::ImportPage", "OK: no problem found.")));
}

void TestGuiPages::passphraseWrongThenRightAndRemembered()
{
    goToImport();
    importFiles({QStringLiteral("server.pfx")});
    auto* passphrase = find<QLineEdit>(m_wizard->currentPage(), "passphraseEdit");
    QVERIFY(passphrase->isVisible());
    typeInto(passphrase, QStringLiteral("wrong"));
    QTest::keyClick(passphrase, Qt::Key_Return);
    auto* page = find<ImportPage>(m_wizard.get(), "ImportPage");
    QTRY_VERIFY(!page->isBusy());
    QVERIFY(codes(find<FindingsView>(m_wizard->currentPage(), "findingsView"))
                .contains(QStringLiteral("PASSPHRASE_WRONG")));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());

    typeInto(passphrase, QStringLiteral("s3cret"));
    mnemonic(*m_wizard, 'e'); // Remember it in the system keychain
    QVERIFY(find<QCheckBox>(m_wizard->currentPage(), "rememberCheck")->isChecked());
    mnemonic(*m_wizard, 'u'); // Unlock
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QTRY_VERIFY(m_secrets->count() == 1);
    QTRY_VERIFY(find<QLabel>(m_wizard->currentPage(), "keychainLabel")
                    ->text()
                    .contains(tt("mtls::ui::ImportPage", "The passphrase is remembered in the system keychain.")));

    // Next time, the keychain answers and no passphrase is asked.
    m_wizard.reset();
    makeWizard();
    goToImport();
    importFiles({QStringLiteral("server.pfx")});
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(!find<QGroupBox>(m_wizard->currentPage(), "passphraseBox")->isVisible());
}

void TestGuiPages::passphraseWithoutKeychainIsAskedAgain()
{
    m_secrets->setAvailable(false);
    goToImport();
    importFiles({QStringLiteral("server.pfx")});
    typeInto(find<QLineEdit>(m_wizard->currentPage(), "passphraseEdit"), QStringLiteral("s3cret"));
    mnemonic(*m_wizard, 'e');
    mnemonic(*m_wizard, 'u');
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    // The user is told, and nothing was stored anywhere.
    QTRY_VERIFY(find<QLabel>(m_wizard->currentPage(), "keychainLabel")
                    ->text()
                    .contains(tt("mtls::MemorySecretStore", "No system keychain is available.")));
    QCOMPARE(m_secrets->count(), 0);
}

void TestGuiPages::clientCaBadInput_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("code");
    QTest::newRow("not a CA") << QStringLiteral("server.crt") << QStringLiteral("CLIENT_CA_NOT_CA");
    QTest::newRow("not a certificate") << QStringLiteral("notes.txt") << QStringLiteral("CLIENT_CA_MISSING");
}

void TestGuiPages::clientCaBadInput()
{
    QFETCH(QString, file);
    QFETCH(QString, code);
    goToClientCa();
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    Dialogs::setNextFiles({m_pki->path(file)});
    mnemonic(*m_wizard, 'w');
    auto* page = find<ClientCaPage>(m_wizard.get(), "ClientCaPage");
    QTRY_VERIFY(!page->isBusy());
    const QStringList found = codes(find<FindingsView>(m_wizard->currentPage(), "findingsView"));
    QVERIFY2(found.contains(code), qPrintable(found.join(QLatin1Char(' '))));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
}

void TestGuiPages::clientCaShownAndRemembered()
{
    goToClientCa();
    Dialogs::setNextFiles({m_pki->path(QStringLiteral("TencentQQAuthCA.crt.zip"))});
    mnemonic(*m_wizard, 'w');
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(
        find<QLabel>(m_wizard->currentPage(), "subjectValue")->text().contains(QLatin1String("Test Chat Client CA")));
    QCOMPARE(find<QLabel>(m_wizard->currentPage(), "fingerprintValue")->text(),
             Certificate::fromPem(m_pki->pki.read(QStringLiteral("chatca.crt")))->sha256Fingerprint());
    QVERIFY(!find<QLabel>(m_wizard->currentPage(), "validityValue")->text().isEmpty());
    screenshot(*m_wizard, QStringLiteral("05-client-ca"));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ReviewPageId));

    // A new wizard proposes the remembered CA.
    QTRY_COMPARE(SetupStore(m_setups->path()).load()->clientCaPath,
                 m_pki->path(QStringLiteral("TencentQQAuthCA.crt.zip")));
    m_wizard.reset();
    makeWizard();
    goToClientCa();
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(find<QLabel>(m_wizard->currentPage(), "rememberedLabel")->text(),
             tt("mtls::ui::ClientCaPage", "Remembered from your last setup."));
}

void TestGuiPages::serverPageValidation()
{
    goToServer();
    mnemonic(*m_wizard, 'o'); // another machine: no installation needed
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());

    typeInto(find<QLineEdit>(m_wizard->currentPage(), "listenEdit"), QStringLiteral("not a port"));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(find<QLabel>(m_wizard->currentPage(), "validationLabel")
                ->text()
                .startsWith(lead("mtls::ui::ServerPage", "Error: %1")));
    typeInto(find<QLineEdit>(m_wizard->currentPage(), "listenEdit"), QStringLiteral("127.0.0.1:8443"));
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());

    typeInto(find<QLineEdit>(m_wizard->currentPage(), "upstreamEdit"), QStringLiteral("ftp://127.0.0.1/"));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    typeInto(find<QLineEdit>(m_wizard->currentPage(), "upstreamEdit"), QStringLiteral("http://127.0.0.1:9000"));
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());

    // The guide's legacy protocols only behind an explicit choice, with the warning shown.
    auto* legacy = find<FindingsView>(m_wizard->currentPage(), "legacyFindings");
    QVERIFY(!legacy->isVisible());
    mnemonic(*m_wizard, 'y');
    QVERIFY(legacy->isVisible());
    QVERIFY(codes(legacy).contains(QStringLiteral("LEGACY_TLS")));
    screenshot(*m_wizard, QStringLiteral("06-server-legacy"));
    mnemonic(*m_wizard, 'y');
    QVERIFY(!legacy->isVisible());
    screenshot(*m_wizard, QStringLiteral("06-server"));
}

void TestGuiPages::welcomeWarnsOfExpiry()
{
    SavedSetup soon;
    soon.domain = QStringLiteral("hook.example.com");
    soon.certificate.sha256 = QStringLiteral("AA");
    soon.certificate.notAfter = QDateTime::currentDateTimeUtc().addDays(10);
    SavedSetup later;
    later.domain = QStringLiteral("other.example.com");
    later.server = ServerKind::Apache;
    later.certificate.sha256 = QStringLiteral("BB");
    later.certificate.notAfter = QDateTime::currentDateTimeUtc().addDays(200);
    QVERIFY(SetupStore(m_setups->path()).save(soon).ok());
    QVERIFY(SetupStore(m_setups->path()).save(later).ok());
    m_wizard.reset();
    makeWizard();
    auto* warning = find<QLabel>(m_wizard->currentPage(), "expiryWarning");
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(lead("mtls::ui::WelcomePage",
                                          "Warning: %n certificate(s) expire within 30 days or have expired. Choose "
                                          "\"Renew the certificate of a saved setup\" to replace them.")));
    QCOMPARE(find<QTreeWidget>(m_wizard->currentPage(), "savedSetupsView")->topLevelItemCount(), 2);
    QVERIFY(find<QRadioButton>(m_wizard->currentPage(), "renewRadio")->isChecked());
    screenshot(*m_wizard, QStringLiteral("01-welcome-expiring"));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(RenewSelectPageId));
    // The soonest to expire is proposed.
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(find<QTreeWidget>(m_wizard->currentPage(), "setupsView")->currentItem()->text(0),
             QStringLiteral("hook.example.com"));
    screenshot(*m_wizard, QStringLiteral("11-renew-select"));
}

void TestGuiPages::damagedStoreIsReported()
{
    QFile file(SetupStore(m_setups->path()).filePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ damaged");
    file.close();
    m_wizard.reset();
    makeWizard();
    auto* error = find<QLabel>(m_wizard->currentPage(), "storeErrorLabel");
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(
        lead("mtls::SetupStore",
             "The file of saved setups %1 is damaged. It was left as it is; move it aside to start a new one.")));
    QVERIFY(!find<QRadioButton>(m_wizard->currentPage(), "renewRadio")->isEnabled());
    mnemonic(*m_wizard, 'm'); // Move the damaged file aside
    QTRY_VERIFY(find<QLabel>(m_wizard->currentPage(), "storeErrorLabel")
                    ->text()
                    .contains(lead("mtls::ui::WelcomePage", "The damaged file was kept as %1.")));
    QVERIFY(!QFile::exists(file.fileName()));
}

void TestGuiPages::everyControlHasAnAccessibleName()
{
    // Every input control on every page can be named by a screen reader.
    for (const int id : m_wizard->pageIds()) {
        QWizardPage* page = m_wizard->page(id);
        const QList<QWidget*> widgets = page->findChildren<QWidget*>();
        for (QWidget* w : widgets) {
            const bool control = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w)
                || qobject_cast<QAbstractItemView*>(w) || w->inherits("QComboBox") || w->inherits("QPlainTextEdit")
                || w->inherits("QTextEdit");
            if (!control || w->objectName().startsWith(QLatin1String("qt_")) || w->inherits("QHeaderView")
                || w->inherits("QTableCornerButton"))
                continue;
            const QString name = w->accessibleName();
            const QString text
                = qobject_cast<QAbstractButton*>(w) ? qobject_cast<QAbstractButton*>(w)->text() : QString();
            QVERIFY2(!name.isEmpty() || !text.isEmpty(),
                     qPrintable(page->objectName() + QLatin1Char('/') + w->objectName() + QLatin1Char(' ')
                                + QString::fromLatin1(w->metaObject()->className())));
        }
    }
}

void TestGuiPages::languageChosenAndRemembered()
{
    QSignalSpy requested(m_wizard.get(), &MainWizard::languageChangeRequested);
    auto* combo = find<QComboBox>(m_wizard->currentPage(), "languageCombo");
    mnemonic(*m_wizard, 'l'); // Alt+L: the label's buddy, the language list
    QTRY_VERIFY(combo->hasFocus());
    QTest::keyClick(combo, Qt::Key_End); // the last language: Chinese
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().toString(), QStringLiteral("zh_CN"));
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("zh_CN"));
    QTest::keyClick(combo, Qt::Key_Home); // back to the system's language
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested.last().first().toString(), QString());
    QSettings().remove(QStringLiteral("language"));
}

void TestGuiPages::switchingLanguageRebuildsTheWizard()
{
    WizardHost host;
    host.show();
    QPointer<MainWizard> first = host.wizard();
    QVERIFY(first);
    QSignalSpy replaced(&host, &WizardHost::wizardReplaced);
    emit first->languageChangeRequested(QStringLiteral("zh_CN"));
    QTRY_COMPARE(replaced.count(), 1);
    QTRY_VERIFY(first.isNull()); // the old wizard is gone
    QVERIFY(host.wizard()->isVisible());
    QCOMPARE(host.wizard()->currentPage()->title(), tt("mtls::ui::WelcomePage", "Welcome"));
    QVERIFY(host.wizard()->currentPage()->title() != QLatin1String("Welcome"));
    emit host.wizard()->languageChangeRequested(qEnvironmentVariable("MTLS_LANGUAGE", QStringLiteral("en")));
    QTRY_COMPARE(replaced.count(), 2);
    QCOMPARE(host.wizard()->currentPage()->title(), tt("mtls::ui::WelcomePage", "Welcome"));
}

QTEST_MAIN(TestGuiPages)
#include "tst_gui_pages.moc"
