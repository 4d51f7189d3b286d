#include "core/Translations.h"
#include "remind/ReminderPolicy.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mtls;

// What the daily reminder says, and when it says it again.
class TestReminderPolicy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installTranslations(QStringLiteral("en")); }
    void thresholds_data();
    void thresholds();
    void dailyFromSevenDays();
    void renewedCertificateStartsAfresh();
    void liveCertificateDiffers();
    void strangersAcceptedDaily();
    void unreachableIsNotNotified();
    void stateRoundTrip();
    void damagedState();

private:
    static ReminderCheck check(qint64 days);
    static const QDate kToday;
};

const QDate TestReminderPolicy::kToday(2026, 5, 1);

ReminderCheck TestReminderPolicy::check(qint64 days)
{
    ReminderCheck c;
    c.setup.domain = QStringLiteral("im.example.com");
    c.setup.certificate.sha256 = QStringLiteral("AA:BB");
    c.setup.certificate.notAfter = QDateTime(kToday.addDays(days), QTime(12, 0), Qt::UTC);
    c.daysLeft = days;
    c.url = QStringLiteral("https://im.example.com/im/callback");
    c.reached = true;
    c.liveSha256 = QStringLiteral("AA:BB");
    c.strangersRefused = true;
    return c;
}

void TestReminderPolicy::thresholds_data()
{
    QTest::addColumn<QStringList>("said"); // remembered before
    QTest::addColumn<int>("days");
    QTest::addColumn<bool>("due");
    QTest::newRow("far away") << QStringList() << 45 << false;
    QTest::newRow("31 days") << QStringList() << 31 << false;
    QTest::newRow("30 days") << QStringList() << 30 << true;
    QTest::newRow("30 days, said") << QStringList {QStringLiteral("expiry-30")} << 25 << false;
    QTest::newRow("14 days after 30") << QStringList {QStringLiteral("expiry-30")} << 14 << true;
    QTest::newRow("10 days, first run") << QStringList() << 10 << true;
    QTest::newRow("10 days, said") << QStringList {QStringLiteral("expiry-30"), QStringLiteral("expiry-14")} << 10
                                   << false;
}

void TestReminderPolicy::thresholds()
{
    QFETCH(QStringList, said);
    QFETCH(int, days);
    QFETCH(bool, due);
    ReminderState state;
    state.setups[check(days).setup.id()] = {QStringLiteral("AA:BB"), QSet<QString>(said.begin(), said.end())};
    const ReminderVerdict verdict = judgeReminder(check(days), state, kToday);
    QCOMPARE(verdict.hasDue(), due);
    QCOMPARE(verdict.needsAttention(), days <= 30);
    if (due) {
        QCOMPARE(verdict.due.first().code, QStringLiteral("REMIND_EXPIRES_SOON"));
        QVERIFY(verdict.notificationSummary().contains(QLatin1String("im.example.com")));
        QVERIFY2(verdict.notificationBody().contains(QStringLiteral("%1 days").arg(days)),
                 qPrintable(verdict.notificationBody()));
        rememberSaid(state, verdict, kToday);
        QVERIFY(!judgeReminder(check(days), state, kToday).hasDue()); // once per threshold
    }
}

void TestReminderPolicy::dailyFromSevenDays()
{
    ReminderState state;
    for (const int days : {7, 3, -2}) {
        const ReminderVerdict first = judgeReminder(check(days), state, kToday);
        QVERIFY(first.hasDue());
        QCOMPARE(first.due.first().code,
                 days < 0 ? QStringLiteral("REMIND_EXPIRED") : QStringLiteral("REMIND_EXPIRES_SOON"));
        rememberSaid(state, first, kToday);
        QVERIFY(!judgeReminder(check(days), state, kToday).hasDue()); // the same day: nothing new
        QVERIFY(judgeReminder(check(days), state, kToday.addDays(1)).hasDue()); // the next day: again
        rememberSaid(state, judgeReminder(check(days), state, kToday.addDays(1)), kToday.addDays(1));
        // Keys of other days do not pile up.
        QCOMPARE(state.setups.constBegin()->said.size(), 1);
        state = ReminderState();
    }
}

void TestReminderPolicy::renewedCertificateStartsAfresh()
{
    ReminderState state;
    rememberSaid(state, judgeReminder(check(20), state, kToday), kToday);
    QVERIFY(!judgeReminder(check(20), state, kToday).hasDue());
    ReminderCheck renewed = check(25);
    renewed.setup.certificate.sha256 = QStringLiteral("CC:DD");
    renewed.liveSha256 = QStringLiteral("CC:DD");
    QVERIFY(judgeReminder(renewed, state, kToday).hasDue());
}

void TestReminderPolicy::liveCertificateDiffers()
{
    ReminderState state;
    ReminderCheck c = check(200);
    c.liveSha256 = QStringLiteral("EE:FF");
    const ReminderVerdict verdict = judgeReminder(c, state, kToday);
    QVERIFY(verdict.hasDue());
    QCOMPARE(verdict.due.first().code, QStringLiteral("REMIND_LIVE_CERTIFICATE_DIFFERS"));
    QVERIFY(verdict.notificationBody().contains(QLatin1String("Tencent Cloud CLB")));
    QVERIFY(verdict.notificationBody().contains(QLatin1String("renewed elsewhere")));
    rememberSaid(state, verdict, kToday);
    QVERIFY(!judgeReminder(c, state, kToday.addDays(3)).hasDue()); // said once for that certificate
    c.liveSha256 = QStringLiteral("11:22");
    QVERIFY(judgeReminder(c, state, kToday.addDays(3)).hasDue()); // another one: said again
}

void TestReminderPolicy::strangersAcceptedDaily()
{
    ReminderState state;
    ReminderCheck c = check(200);
    c.strangersRefused = false;
    const ReminderVerdict verdict = judgeReminder(c, state, kToday);
    QCOMPARE(verdict.due.size(), 1);
    QCOMPARE(verdict.due.first().code, QStringLiteral("REMIND_STRANGERS_ACCEPTED"));
    QCOMPARE(verdict.due.first().severity, Severity::Error);
    rememberSaid(state, verdict, kToday);
    QVERIFY(!judgeReminder(c, state, kToday).hasDue());
    QVERIFY(judgeReminder(c, state, kToday.addDays(1)).hasDue());
}

void TestReminderPolicy::unreachableIsNotNotified()
{
    ReminderCheck c = check(200);
    c.reached = false;
    c.probeProblem = QStringLiteral("Connection refused");
    const ReminderVerdict verdict = judgeReminder(c, ReminderState(), kToday);
    QVERIFY(!verdict.hasDue());
    QVERIFY(!verdict.needsAttention());
    QVERIFY(hasCode(verdict.findings, QStringLiteral("REMIND_PROBE_FAILED")));
}

void TestReminderPolicy::stateRoundTrip()
{
    QTemporaryDir dir;
    ReminderState state;
    rememberSaid(state, judgeReminder(check(10), state, kToday), kToday);
    QVERIFY(state.save(dir.path()).ok());
    const Result<ReminderState> loaded = ReminderState::load(dir.path());
    QVERIFY(loaded.ok());
    QVERIFY(!judgeReminder(check(10), loaded.value(), kToday).hasDue());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {ReminderState::fileName()}); // no leftover
}

void TestReminderPolicy::damagedState()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(ReminderState::fileName()));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{not json");
    file.close();
    QVERIFY(!ReminderState::load(dir.path()).ok());
    QVERIFY(ReminderState::load(dir.filePath(QStringLiteral("absent"))).ok());
}

QTEST_GUILESS_MAIN(TestReminderPolicy)
#include "tst_reminder_policy.moc"
