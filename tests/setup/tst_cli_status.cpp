#include "TestProcess.h"
#include "setup/SetupStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mtls;

// `mtls-assistant-cli status` as a process, with the application data location in a temporary directory.
class TestCliStatus : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void noSetup();
    void exitCodeByDaysLeft_data();
    void exitCodeByDaysLeft();
    void humanList();
    void damagedFileIsAFailure();
    void unexpectedArgument();

private:
    QProcessEnvironment environment() const;
    SetupStore store() const;
    static SavedSetup setupExpiringIn(const QString& domain, qint64 seconds);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliStatus::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QProcessEnvironment TestCliStatus::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->path());
    env.insert(QStringLiteral("HOME"), m_dir->path());
    env.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    return env;
}

SetupStore TestCliStatus::store() const
{
    // Where the CLI (application and organization "mtls-assistant") looks on Linux.
    return SetupStore(m_dir->filePath(QStringLiteral("mtls-assistant/mtls-assistant")));
}

SavedSetup TestCliStatus::setupExpiringIn(const QString& domain, qint64 seconds)
{
    SavedSetup s;
    s.domain = domain;
    s.server = ServerKind::Apache;
    s.certificate.subject = QStringLiteral("CN=") + domain;
    s.certificate.sha256 = QStringLiteral("AA:BB");
    s.certificate.notAfter = QDateTime::currentDateTimeUtc().addSecs(seconds);
    return s;
}

void TestCliStatus::noSetup()
{
    ProcessResult r = runCli({QStringLiteral("status")}, environment());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("No saved setup"));
    r = runCli({QStringLiteral("status"), QStringLiteral("--json")}, environment());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(json.value(QStringLiteral("setups")).toArray().size(), 0);
    QCOMPARE(json.value(QStringLiteral("expiring")).toInt(), 0);
}

void TestCliStatus::exitCodeByDaysLeft_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<int>("daysLeft");
    QTest::addColumn<int>("exitCode");
    const qint64 day = 86400;
    QTest::newRow("a year") << 365 * day + 3600 << 365 << 0;
    QTest::newRow("31 days") << 31 * day + 3600 << 31 << 0;
    QTest::newRow("30 days") << 30 * day + 3600 << 30 << 1;
    QTest::newRow("tomorrow") << day + 3600 << 1 << 1;
    QTest::newRow("expired") << -3 * day + 3600 << -3 << 1;
}

void TestCliStatus::exitCodeByDaysLeft()
{
    QFETCH(qint64, seconds);
    QFETCH(int, daysLeft);
    QFETCH(int, exitCode);
    QVERIFY(store().save(setupExpiringIn(QStringLiteral("far.example.com"), 400 * 86400)).ok());
    QVERIFY(store().save(setupExpiringIn(QStringLiteral("hook.example.com"), seconds)).ok());

    const ProcessResult r = runCli({QStringLiteral("status"), QStringLiteral("--json")}, environment());
    QCOMPARE(r.exitCode, exitCode);
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    const QJsonArray setups = json.value(QStringLiteral("setups")).toArray();
    QCOMPARE(setups.size(), 2);
    const QJsonObject hook = setups.at(1).toObject();
    QCOMPARE(hook.value(QStringLiteral("domain")).toString(), QStringLiteral("hook.example.com"));
    QCOMPARE(hook.value(QStringLiteral("server")).toString(), QStringLiteral("apache"));
    QCOMPARE(hook.value(QStringLiteral("days_left")).toInt(), daysLeft);
    QCOMPARE(hook.value(QStringLiteral("expiring")).toBool(), exitCode == 1);
    QCOMPARE(json.value(QStringLiteral("expiring")).toInt(), exitCode == 1 ? 1 : 0);
    QCOMPARE(json.value(QStringLiteral("file")).toString(), store().filePath());
}

void TestCliStatus::humanList()
{
    QVERIFY(store().save(setupExpiringIn(QStringLiteral("hook.example.com"), 10 * 86400 + 3600)).ok());
    const ProcessResult r = runCli({QStringLiteral("status")}, environment());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("hook.example.com"), r.out.constData());
    QVERIFY2(r.out.contains("10 day"), r.out.constData());
    QVERIFY2(r.out.contains("Apache"), r.out.constData());
    QVERIFY2(r.out.contains("renew"), r.out.constData());
    QVERIFY(!r.out.contains("\x1b[")); // no colour when not a terminal
}

void TestCliStatus::damagedFileIsAFailure()
{
    QVERIFY(QDir().mkpath(QFileInfo(store().filePath()).path()));
    QFile file(store().filePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ damaged");
    file.close();
    const ProcessResult r = runCli({QStringLiteral("status")}, environment());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("damaged"), r.err.constData());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("{ damaged"));
}

void TestCliStatus::unexpectedArgument()
{
    const ProcessResult r = runCli({QStringLiteral("status"), QStringLiteral("extra")}, environment());
    QCOMPARE(r.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliStatus)
#include "tst_cli_status.moc"
