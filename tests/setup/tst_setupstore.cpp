#include "TestPki.h"
#include "setup/SetupStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mtls;

class TestSetupStore : public QObject
{
    Q_OBJECT

private slots:
    void emptyWhenNoFile();
    void roundTrip();
    void sameIdReplaces();
    void removeById();
    void clientCaRemembered();
    void damagedFileIsReportedAndKept_data();
    void damagedFileIsReportedAndKept();
    void moveDamagedAsideThenSave();
    void noSecretInTheFile();
    void daysUntilExpiry();
    void mergeSetupRemembersTheSite();
    void servedCertificateOfAMergeSetup();
    void sshSetupRemembersTheServer();

private:
    static SavedSetup sample(const QString& domain, ServerKind server = ServerKind::Nginx);
};

SavedSetup TestSetupStore::sample(const QString& domain, ServerKind server)
{
    SavedSetup s;
    s.domain = domain;
    s.webhookPath = QStringLiteral("/im/callback");
    s.source = CertificateSource::IssuedByChat;
    s.server = server;
    s.target = SetupTarget::ThisMachine;
    s.serverRoot = QStringLiteral("/etc/nginx");
    s.configFile = QStringLiteral("/etc/nginx/sites-available/mtls-assistant-%1.conf").arg(domain);
    s.certificateFile = QStringLiteral("/etc/nginx/mtls-assistant/%1.crt").arg(domain);
    s.keyFile = QStringLiteral("/etc/nginx/mtls-assistant/%1.key").arg(domain);
    s.clientCaFile = QStringLiteral("/etc/nginx/mtls-assistant/TencentQQAuthCA.crt");
    s.listen = QStringLiteral("443");
    s.upstreamUrl = QStringLiteral("http://127.0.0.1:8080");
    s.profile = TlsProfile::Modern;
    s.inputs.bundlePath = QStringLiteral("/home/u/Downloads/%1.zip").arg(domain);
    s.certificate.subject = QStringLiteral("CN=%1").arg(domain);
    s.certificate.sha256 = QStringLiteral("AB:CD");
    s.certificate.notBefore = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    s.certificate.notAfter = QDateTime(QDate(2027, 1, 1), QTime(12, 0), Qt::UTC);
    s.savedAt = QDateTime(QDate(2026, 11, 22), QTime(7, 0), Qt::UTC);
    return s;
}

void TestSetupStore::emptyWhenNoFile()
{
    QTemporaryDir dir;
    const SetupStore store(dir.filePath(QStringLiteral("sub/dir")));
    const auto content = store.load();
    QVERIFY(content.ok());
    QVERIFY(content->setups.isEmpty());
    QVERIFY(!QFile::exists(store.filePath())); // loading writes nothing
}

void TestSetupStore::roundTrip()
{
    QTemporaryDir dir;
    const SetupStore store(dir.filePath(QStringLiteral("sub")));
    const SavedSetup s = sample(QStringLiteral("hook.example.com"));
    QVERIFY(store.save(s).ok());
    const auto content = store.load();
    QVERIFY2(content.ok(), qPrintable(content.error().fullText()));
    QCOMPARE(content->setups.size(), 1);
    const SavedSetup& back = content->setups.first();
    QCOMPARE(back.toJson(), s.toJson());
    QCOMPARE(back.source, CertificateSource::IssuedByChat);
    QCOMPARE(back.profile, TlsProfile::Modern);
    QCOMPARE(back.certificate.notAfter, s.certificate.notAfter);
    QCOMPARE(back.inputs.bundlePath, s.inputs.bundlePath);
    // Atomic writes leave no temporary file behind.
    QCOMPARE(QDir(dir.filePath(QStringLiteral("sub"))).entryList(QDir::Files),
             QStringList {QStringLiteral("setups.json")});
}

void TestSetupStore::sameIdReplaces()
{
    QTemporaryDir dir;
    const SetupStore store(dir.path());
    QVERIFY(store.save(sample(QStringLiteral("a.example.com"))).ok());
    QVERIFY(store.save(sample(QStringLiteral("b.example.com"))).ok());
    QVERIFY(store.save(sample(QStringLiteral("a.example.com"), ServerKind::Apache)).ok());
    SavedSetup renewed = sample(QStringLiteral("a.example.com"));
    renewed.certificate.sha256 = QStringLiteral("NEW");
    QVERIFY(store.save(renewed).ok());
    const auto content = store.load();
    QCOMPARE(content->setups.size(), 3);
    QCOMPARE(content->setups.at(0).certificate.sha256, QStringLiteral("NEW"));
    QCOMPARE(content->setups.at(2).server, ServerKind::Apache);
}

void TestSetupStore::removeById()
{
    QTemporaryDir dir;
    const SetupStore store(dir.path());
    QVERIFY(store.save(sample(QStringLiteral("a.example.com"))).ok());
    QVERIFY(store.save(sample(QStringLiteral("b.example.com"))).ok());
    QVERIFY(store.remove(sample(QStringLiteral("a.example.com")).id()).ok());
    QVERIFY(!store.remove(QStringLiteral("nothing")).ok());
    const auto content = store.load();
    QCOMPARE(content->setups.size(), 1);
    QCOMPARE(content->setups.first().domain, QStringLiteral("b.example.com"));
}

void TestSetupStore::clientCaRemembered()
{
    QTemporaryDir dir;
    const SetupStore store(dir.path());
    QVERIFY(store.save(sample(QStringLiteral("a.example.com"))).ok());
    RememberedCertificate ca;
    ca.subject = QStringLiteral("CN=Chat client CA");
    ca.sha256 = QStringLiteral("01:02");
    QVERIFY(store.rememberClientCa(QStringLiteral("/home/u/TencentQQAuthCA.crt"), ca).ok());
    const auto content = store.load();
    QCOMPARE(content->clientCaPath, QStringLiteral("/home/u/TencentQQAuthCA.crt"));
    QCOMPARE(content->clientCa.sha256, QStringLiteral("01:02"));
    QCOMPARE(content->setups.size(), 1); // the setups stay
}

void TestSetupStore::damagedFileIsReportedAndKept_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("truncated") << QByteArray("{\"version\": 1, \"setups\": [{\"domain\": \"a");
    QTest::newRow("not an object") << QByteArray("[1, 2]");
    QTest::newRow("binary") << QByteArray("\x00\x01\x02garbage", 10);
    QTest::newRow("no domain") << QByteArray("{\"version\": 1, \"setups\": [{\"server\": \"nginx\"}]}");
    QTest::newRow("unknown server") << QByteArray(
        "{\"version\": 1, \"setups\": [{\"domain\": \"a\", \"server\": \"iis\"}]}");
    QTest::newRow("other version") << QByteArray("{\"version\": 99, \"setups\": []}");
}

void TestSetupStore::damagedFileIsReportedAndKept()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const SetupStore store(dir.path());
    QFile file(store.filePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();

    const auto loaded = store.load();
    QVERIFY(!loaded.ok());
    QVERIFY(loaded.error().message.contains(store.filePath()));
    // Saving does not overwrite what the user may still want to rescue.
    const Status saved = store.save(sample(QStringLiteral("a.example.com")));
    QVERIFY(!saved.ok());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), content);
}

void TestSetupStore::moveDamagedAsideThenSave()
{
    QTemporaryDir dir;
    const SetupStore store(dir.path());
    QFile file(store.filePath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ broken");
    file.close();
    const auto aside = store.moveDamagedAside();
    QVERIFY(aside.ok());
    QVERIFY(aside->contains(QLatin1String(".damaged-")));
    QFile kept(aside.value());
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("{ broken"));
    QVERIFY(store.save(sample(QStringLiteral("a.example.com"))).ok());
    QCOMPARE(store.load()->setups.size(), 1);
}

void TestSetupStore::noSecretInTheFile()
{
    QTemporaryDir dir;
    const SetupStore store(dir.path());
    QVERIFY(store.save(sample(QStringLiteral("a.example.com"))).ok());
    QFile file(store.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains("passphrase"));
    QVERIFY(!text.contains("PRIVATE KEY"));
    QVERIFY(QJsonDocument::fromJson(text).isObject());
}

void TestSetupStore::daysUntilExpiry()
{
    RememberedCertificate c;
    c.sha256 = QStringLiteral("x");
    c.notAfter = QDateTime(QDate(2027, 1, 31), QTime(12, 0), Qt::UTC);
    QCOMPARE(c.daysUntilExpiry(QDateTime(QDate(2027, 1, 1), QTime(12, 0), Qt::UTC)), 30);
    QCOMPARE(c.daysUntilExpiry(QDateTime(QDate(2027, 1, 1), QTime(13, 0), Qt::UTC)), 29);
    QCOMPARE(c.daysUntilExpiry(QDateTime(QDate(2027, 1, 31), QTime(11, 0), Qt::UTC)), 0);
    QCOMPARE(c.daysUntilExpiry(QDateTime(QDate(2027, 1, 31), QTime(13, 0), Qt::UTC)), -1);
    QCOMPARE(c.daysUntilExpiry(QDateTime(QDate(2027, 2, 10), QTime(12, 0), Qt::UTC)), -10);
}

void TestSetupStore::mergeSetupRemembersTheSite()
{
    QTemporaryDir dir;
    const SetupStore store(dir.path());
    SavedSetup s = sample(QStringLiteral("www.example.com"));
    s.mode = SetupMode::Merge;
    s.siteFile = QStringLiteral("/etc/nginx/sites-enabled/www.example.com");
    s.siteLine = 12;
    s.siteCertificateFile = QStringLiteral("/etc/letsencrypt/live/www.example.com/fullchain.pem");
    QVERIFY(store.save(s).ok());
    const auto content = store.load();
    QVERIFY(content.ok());
    const SavedSetup& back = content->setups.first();
    QCOMPARE(back.mode, SetupMode::Merge);
    QCOMPARE(back.siteFile, s.siteFile);
    QCOMPARE(back.siteLine, 12);
    QCOMPARE(back.siteCertificateFile, s.siteCertificateFile);
    QCOMPARE(back.toJson().value(QStringLiteral("mode")).toString(), QStringLiteral("merge"));

    // Saved before the two modes existed: a site of its own.
    QJsonObject old = sample(QStringLiteral("old.example.com")).toJson();
    for (const char* key : {"mode", "site_file", "site_line", "site_certificate_file"})
        old.remove(QLatin1String(key));
    const auto fromOld = SavedSetup::fromJson(old);
    QVERIFY(fromOld.ok());
    QCOMPARE(fromOld->mode, SetupMode::Dedicated);
    QVERIFY(fromOld->siteFile.isEmpty());
}

void TestSetupStore::servedCertificateOfAMergeSetup()
{
    // The site's certificate file as it is now (certbot renewed it), else the one remembered.
    QTemporaryDir dir;
    TestPki pki(dir.path());
    QVERIFY2(pki.makeCa(QStringLiteral("root"), QStringLiteral("Test Root")), qPrintable(pki.lastError()));
    QVERIFY2(pki.makeServer(QStringLiteral("site"), {QStringLiteral("www.example.com")}, QStringLiteral("root")),
             qPrintable(pki.lastError()));
    const Certificate site = Certificate::fromPem(pki.read(QStringLiteral("site.crt"))).value();
    SavedSetup s = sample(QStringLiteral("www.example.com"));
    s.mode = SetupMode::Merge;
    s.siteCertificateFile = pki.path(QStringLiteral("site.crt"));
    QCOMPARE(servedCertificate(s).sha256, site.sha256Fingerprint());
    QCOMPARE(servedCertificate(s).notAfter, site.notAfter());
    s.siteCertificateFile = dir.filePath(QStringLiteral("gone.pem"));
    QCOMPARE(servedCertificate(s).sha256, s.certificate.sha256);
    // A dedicated setup serves the certificate it installed.
    s.mode = SetupMode::Dedicated;
    s.siteCertificateFile = pki.path(QStringLiteral("site.crt"));
    QCOMPARE(servedCertificate(s).sha256, s.certificate.sha256);

    // loadServed() gives each setup its served certificate.
    const SetupStore store(dir.filePath(QStringLiteral("store")));
    s.mode = SetupMode::Merge;
    QVERIFY(store.save(s).ok());
    QCOMPARE(store.load()->setups.first().certificate.sha256, s.certificate.sha256);
    QCOMPARE(store.loadServed()->setups.first().certificate.sha256, site.sha256Fingerprint());
}

void TestSetupStore::sshSetupRemembersTheServer()
{
    QTemporaryDir dir;
    const SetupStore store(dir.path());
    SavedSetup here = sample(QStringLiteral("hook.example.com"));
    SavedSetup remote = here;
    remote.target = SetupTarget::Ssh;
    remote.sshTarget = QStringLiteral("deploy@203.0.113.10:2222");
    remote.sshIdentity = QStringLiteral("/home/u/.ssh/id_ed25519");
    // The same name applied here and on a server over SSH are two setups.
    QVERIFY(store.save(here).ok());
    QVERIFY(store.save(remote).ok());
    const auto content = store.load();
    QVERIFY(content.ok());
    QCOMPARE(content->setups.size(), 2);
    const SavedSetup& back = content->setups.at(1);
    QCOMPARE(back.target, SetupTarget::Ssh);
    QCOMPARE(back.sshTarget, remote.sshTarget);
    QCOMPARE(back.sshIdentity, remote.sshIdentity);
    QCOMPARE(back.id(), QStringLiteral("hook.example.com|nginx|ssh"));
    QVERIFY(content->setups.at(0).sshTarget.isEmpty());
    // A setup over SSH without its server cannot be renewed there: refused by name, not guessed.
    QJsonObject broken = remote.toJson();
    broken.remove(QStringLiteral("ssh_target"));
    const auto refused = SavedSetup::fromJson(broken);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QLatin1String("hook.example.com")), qPrintable(refused.error().message));
}

QTEST_GUILESS_MAIN(TestSetupStore)
#include "tst_setupstore.moc"
