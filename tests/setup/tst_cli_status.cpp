#include "TestPki.h"
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
    void mergeSetupSharesTheSite();

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

void TestCliStatus::mergeSetupSharesTheSite()
{
    // A merge setup: the site's certificate file as it is now (its manager renewed it since the apply).
    TestPki pki(m_dir->path());
    QVERIFY2(pki.makeCa(QStringLiteral("root"), QStringLiteral("Test Root")), qPrintable(pki.lastError()));
    QVERIFY2(pki.makeServer(QStringLiteral("site"), {QStringLiteral("www.example.com")}, QStringLiteral("root")),
             qPrintable(pki.lastError()));
    const Certificate site = Certificate::fromPem(pki.read(QStringLiteral("site.crt"))).value();
    SavedSetup s = setupExpiringIn(QStringLiteral("www.example.com"), 5 * 86400); // as remembered at apply
    s.server = ServerKind::Nginx;
    s.mode = SetupMode::Merge;
    s.siteFile = QStringLiteral("/etc/nginx/sites-enabled/www.example.com");
    s.siteLine = 7;
    s.siteCertificateFile = pki.path(QStringLiteral("site.crt"));
    QVERIFY(store().save(s).ok());

    ProcessResult r = runCli({QStringLiteral("status"), QStringLiteral("--json")}, environment());
    const QJsonObject setup
        = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("setups")).toArray().first().toObject();
    QCOMPARE(setup.value(QStringLiteral("mode")).toString(), QStringLiteral("merge"));
    QVERIFY(setup.value(QStringLiteral("shares_site")).toBool());
    QCOMPARE(setup.value(QStringLiteral("site_file")).toString(), s.siteFile);
    QCOMPARE(setup.value(QStringLiteral("site_line")).toInt(), 7);
    QCOMPARE(setup.value(QStringLiteral("site_certificate_file")).toString(), s.siteCertificateFile);
    const QJsonObject served = setup.value(QStringLiteral("served_certificate")).toObject();
    QCOMPARE(served.value(QStringLiteral("sha256")).toString(), site.sha256Fingerprint());
    QCOMPARE(setup.value(QStringLiteral("days_left")).toInt(), int(site.daysUntilExpiry()));
    QVERIFY(!setup.value(QStringLiteral("expiring")).toBool());
    QCOMPARE(r.exitCode, 0);
    // The remembered certificate stays under its own key.
    QCOMPARE(setup.value(QStringLiteral("certificate")).toObject().value(QStringLiteral("sha256")).toString(),
             QStringLiteral("AA:BB"));

    r = runCli({QStringLiteral("status")}, environment());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("shares the website at /etc/nginx/sites-enabled/www.example.com:7"), r.out.constData());
    QVERIFY2(r.out.contains("certbot"), r.out.constData());

    // The site's file unreadable: the certificate remembered at apply, which expires soon; the site's manager renews
    // it.
    QVERIFY(QFile::remove(s.siteCertificateFile));
    r = runCli({QStringLiteral("status")}, environment());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("whoever manages the site"), r.out.constData());
    QVERIFY2(!r.out.contains("renew the certificate with mtls-assistant"), r.out.constData());
}

QTEST_GUILESS_MAIN(TestCliStatus)
#include "tst_cli_status.moc"
