#include "Dialogs.h"
#include "GuiTestSupport.h"
#include "MainWizard.h"
#include "WizardContext.h"
#include "WizardHost.h"
#include "core/Translations.h"
#include "pages/FinishPage.h"
#include "pages/RenewSelectPage.h"
#include "remind/ReminderSchedule.h"
#include "secrets/MemorySecretStore.h"

#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

#include <utility>

using namespace mtls;
using namespace mtls::ui;
using namespace guitest;

// The reminders from the wizard's side: "Remind me before it expires" on the finish page, and the renewal a click
// on a notification opens (mtls-assistant --renew ID).
class TestGuiRemind : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void renewOptionSelectsTheSetup();
    void finishPageInstallsTheReminder();
};

void TestGuiRemind::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    mtls::installTranslations(qEnvironmentVariable("MTLS_LANGUAGE", QStringLiteral("en")));
    Dialogs::setTestMode(true);
}

void TestGuiRemind::renewOptionSelectsTheSetup()
{
    // Two saved setups; the one asked for is not the one that expires first (which the page would pick itself).
    const SetupStore store;
    QFile::remove(store.filePath());
    SavedSetup soon;
    soon.domain = QStringLiteral("soon.example.com");
    soon.certificate.sha256 = QStringLiteral("AA");
    soon.certificate.notAfter = QDateTime::currentDateTimeUtc().addDays(3);
    SavedSetup later = soon;
    later.domain = QStringLiteral("later.example.com");
    later.server = ServerKind::Apache;
    later.certificate.notAfter = QDateTime::currentDateTimeUtc().addDays(10);
    QVERIFY(store.save(soon).ok());
    QVERIFY(store.save(later).ok());

    WizardHost host;
    host.openRenewal(later.id());
    host.show();
    MainWizard* wizard = host.wizard();
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(RenewSelectPageId));
    auto* page = qobject_cast<RenewSelectPage*>(wizard->currentPage());
    QTRY_VERIFY(page->isLoaded());
    auto* view = find<QTreeWidget>(page, "setupsView");
    QVERIFY(view->currentItem());
    QCOMPARE(view->currentItem()->text(0), later.domain);
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    screenshot(*wizard, QStringLiteral("remind-renewal-opened"));
    QFile::remove(store.filePath());
}

void TestGuiRemind::finishPageInstallsTheReminder()
{
    QTemporaryDir dir;
    qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toLocal8Bit());
    // No systemd user instance within reach, even on a desktop that has one: the account's own timers stay as they
    // are, and the page shows the same outcome everywhere.
    const QByteArray runtimeDir = qgetenv("XDG_RUNTIME_DIR");
    const QByteArray sessionBus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("runtime"))));
    qputenv("XDG_RUNTIME_DIR", dir.filePath(QStringLiteral("runtime")).toLocal8Bit());
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + dir.filePath(QStringLiteral("no-bus")).toLocal8Bit());
    if (qEnvironmentVariableIsEmpty("MTLS_CLI")) // the program the units name (only written here, never run)
        qputenv("MTLS_CLI", "/opt/mtls-assistant/bin/mtls-assistant-cli");
    MemorySecretStore secrets;
    MainWizard wizard(&secrets, dir.filePath(QStringLiteral("setups")));
    wizard.context().model.domain = QStringLiteral("localhost");
    wizard.context().model.webhookPath = QStringLiteral("/im/callback");
    wizard.setStartId(FinishPageId);
    wizard.show();
    auto* page = qobject_cast<FinishPage*>(wizard.currentPage());
    QVERIFY(page);
    QTRY_VERIFY(page->isComplete()); // the setup is saved

    auto* button = find<QPushButton>(page, "remindButton");
    auto* label = find<QLabel>(page, "remindLabel");
    QVERIFY(button->isEnabled());
    button->setFocus();
    QTest::keyClick(button, Qt::Key_Space); // by keyboard
    QTRY_VERIFY_WITH_TIMEOUT(!page->isInstallingReminder(), 20000);
    const QString units = dir.filePath(QStringLiteral("config/systemd/user"));
    const QString service = units + QStringLiteral("/mtls-assistant-remind.service");
    QVERIFY(QFile::exists(service));
    // No systemd user instance: where the units are, and what to do.
    const QString text = label->text();
    QVERIFY2(text.contains(service), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("crontab")), qPrintable(text));
    QVERIFY(button->isEnabled()); // not installed: may be tried again
    QVERIFY(label->isVisible());
    screenshot(wizard, QStringLiteral("remind-finish-page"));

    QVERIFY(ReminderSchedule(QString(), dir.filePath(QStringLiteral("setups"))).remove().ok());
    QVERIFY(!QFile::exists(service));
    qunsetenv("XDG_CONFIG_HOME");
    for (const auto& [name, value] :
         {std::pair {"XDG_RUNTIME_DIR", runtimeDir}, {"DBUS_SESSION_BUS_ADDRESS", sessionBus}}) {
        if (value.isEmpty())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
}

QTEST_MAIN(TestGuiRemind)
#include "tst_gui_remind.moc"
