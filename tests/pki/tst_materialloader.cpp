#include "TestPki.h"
#include "TestZip.h"
#include "pki/MaterialLoader.h"
#include "pki/ServerMaterialSelector.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace mtls;

// Reads every common format and download-package layout, whatever the files are called, and refuses bad input
// with a finding (never a crash or a hang).
class TestMaterialLoader : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void formats_data();
    void formats();
    void packages_data();
    void packages();
    void badInput_data();
    void badInput();
    void chainOrderInBundle();
    void keyFilePermissions();

private:
    QString file(const QString& name) const { return m_pki->path(name); }
    void makeFormats();
    void makePackages();
    void makeBadInput();

    QTemporaryDir m_dir;
    std::unique_ptr<TestPki> m_pki;
    const QString m_domain = QStringLiteral("www.example.com");
};

void TestMaterialLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pki = std::make_unique<TestPki>(m_dir.path());
    QVERIFY2(m_pki->makeCa(QStringLiteral("root"), QStringLiteral("Test Root CA")), qPrintable(m_pki->lastError()));
    QVERIFY2(m_pki->makeCa(QStringLiteral("inter"), QStringLiteral("Test Intermediate CA"), QStringLiteral("root")),
             qPrintable(m_pki->lastError()));
    QVERIFY2(m_pki->makeServer(QStringLiteral("server"), {m_domain}, QStringLiteral("inter")),
             qPrintable(m_pki->lastError()));
    TestPki::Options rsa;
    rsa.keyType = QStringLiteral("rsa");
    QVERIFY2(m_pki->makeServer(QStringLiteral("rsa"), {m_domain}, QStringLiteral("inter"), rsa),
             qPrintable(m_pki->lastError()));
    makeFormats();
    makePackages();
    makeBadInput();
}

void TestMaterialLoader::makeFormats()
{
    TestPki& p = *m_pki;
    const QByteArray leaf = p.read(QStringLiteral("server.crt"));
    const QByteArray inter = p.read(QStringLiteral("inter.crt"));
    QVERIFY(p.concat({QStringLiteral("server.crt"), QStringLiteral("inter.crt")}, QStringLiteral("bundle.pem")));
    QVERIFY(p.write(QStringLiteral("bundle-crlf.pem"), QByteArray(leaf + inter).replace("\n", "\r\n")));
    QVERIFY(p.write(QStringLiteral("bundle-bom.pem"), "\xEF\xBB\xBF" + leaf + inter));
    QVERIFY(p.write(QStringLiteral("bundle-text.pem"),
                    "Bag Attributes\n    localKeyID: 01\nsubject=/CN=www.example.com\n" + leaf + "\nSome notes\n"
                        + inter + "the end"));
    QVERIFY(p.concat({QStringLiteral("server.crt"), QStringLiteral("server.key")}, QStringLiteral("combined.pem")));
    QVERIFY(p.keyToTraditional(QStringLiteral("server"), QStringLiteral("server-trad.key")));
    QVERIFY(p.read(QStringLiteral("server-trad.key")).contains("BEGIN EC PRIVATE KEY"));
    QVERIFY(p.keyToTraditional(QStringLiteral("rsa"), QStringLiteral("rsa-trad.key")));
    QVERIFY(p.read(QStringLiteral("rsa-trad.key")).contains("BEGIN RSA PRIVATE KEY"));
    QVERIFY(p.toDer(QStringLiteral("server"), QStringLiteral("server-der.crt")));
    QVERIFY(p.keyToDer(QStringLiteral("server"), QStringLiteral("server-key.der")));
    QVERIFY(p.encryptKeyPkcs8(QStringLiteral("server"), QStringLiteral("s3cret"), QStringLiteral("server-enc.p8")));
    QVERIFY(p.read(QStringLiteral("server-enc.p8")).contains("BEGIN ENCRYPTED PRIVATE KEY"));
    QVERIFY(p.encryptKeyPkcs8(QStringLiteral("rsa"), QStringLiteral("s3cret"), QStringLiteral("rsa-enc.p8der"), true));
    QVERIFY(
        p.encryptKeyTraditional(QStringLiteral("rsa"), QStringLiteral("s3cret"), QStringLiteral("rsa-enc-trad.key")));
    QVERIFY(p.read(QStringLiteral("rsa-enc-trad.key")).contains("Proc-Type: 4,ENCRYPTED"));
    QVERIFY(p.toPkcs12(QStringLiteral("server"), {QStringLiteral("inter")}, QStringLiteral("s3cret"),
                       QStringLiteral("server.pfx")));
    QVERIFY2(p.toPkcs12(QStringLiteral("rsa"), {QStringLiteral("inter")}, QStringLiteral("s3cret"),
                        QStringLiteral("legacy.p12"), true),
             qPrintable(p.lastError()));
    QVERIFY(p.toPkcs12(QStringLiteral("server"), {QStringLiteral("inter")}, QString(), QStringLiteral("nopass.pfx")));
    QVERIFY(p.toPkcs7({QStringLiteral("server"), QStringLiteral("inter")}, QStringLiteral("chain.p7b")));
    QVERIFY(p.toPkcs7({QStringLiteral("server"), QStringLiteral("inter")}, QStringLiteral("chain-der.p7b"), true));
    QVERIFY(p.write(QStringLiteral("misnamed.key"), leaf)); // a certificate in a file called .key
    // Hostile iteration counts: opening these would take very long if the loader obeyed them.
    QVERIFY(p.openssl({QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-in"),
                       QStringLiteral("server.key"), QStringLiteral("-iter"), QStringLiteral("3000000"),
                       QStringLiteral("-passout"), QStringLiteral("pass:s3cret"), QStringLiteral("-out"),
                       QStringLiteral("rounds.p8")}));
    QVERIFY(p.openssl({QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-in"),
                       QStringLiteral("server.crt"), QStringLiteral("-inkey"), QStringLiteral("server.key"),
                       QStringLiteral("-iter"), QStringLiteral("3000000"), QStringLiteral("-nomac"),
                       QStringLiteral("-passout"), QStringLiteral("pass:s3cret"), QStringLiteral("-out"),
                       QStringLiteral("rounds.pfx")}));
}

void TestMaterialLoader::formats_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("passphrase");
    QTest::addColumn<int>("certificates");
    QTest::addColumn<int>("keys");
    QTest::addColumn<QString>("errorCode");

    const QByteArray pass = "s3cret";
    const QByteArray wrong = "not-it";
    QTest::newRow("pem certificate") << "server.crt" << QByteArray() << 1 << 0 << QString();
    QTest::newRow("pem bundle") << "bundle.pem" << QByteArray() << 2 << 0 << QString();
    QTest::newRow("pem crlf") << "bundle-crlf.pem" << QByteArray() << 2 << 0 << QString();
    QTest::newRow("pem bom") << "bundle-bom.pem" << QByteArray() << 2 << 0 << QString();
    QTest::newRow("pem text around") << "bundle-text.pem" << QByteArray() << 2 << 0 << QString();
    QTest::newRow("pem cert and key") << "combined.pem" << QByteArray() << 1 << 1 << QString();
    QTest::newRow("pkcs8 key") << "server.key" << QByteArray() << 0 << 1 << QString();
    QTest::newRow("traditional ec key") << "server-trad.key" << QByteArray() << 0 << 1 << QString();
    QTest::newRow("traditional rsa key") << "rsa-trad.key" << QByteArray() << 0 << 1 << QString();
    QTest::newRow("der certificate") << "server-der.crt" << QByteArray() << 1 << 0 << QString();
    QTest::newRow("der key") << "server-key.der" << QByteArray() << 0 << 1 << QString();
    QTest::newRow("encrypted pkcs8") << "server-enc.p8" << pass << 0 << 1 << QString();
    QTest::newRow("encrypted pkcs8, no passphrase")
        << "server-enc.p8" << QByteArray() << 0 << 0 << "PASSPHRASE_REQUIRED";
    QTest::newRow("encrypted pkcs8, wrong") << "server-enc.p8" << wrong << 0 << 0 << "PASSPHRASE_WRONG";
    QTest::newRow("encrypted pkcs8 der") << "rsa-enc.p8der" << pass << 0 << 1 << QString();
    QTest::newRow("encrypted pkcs8 der, no passphrase")
        << "rsa-enc.p8der" << QByteArray() << 0 << 0 << "PASSPHRASE_REQUIRED";
    QTest::newRow("encrypted pkcs8 der, wrong") << "rsa-enc.p8der" << wrong << 0 << 0 << "PASSPHRASE_WRONG";
    QTest::newRow("encrypted traditional") << "rsa-enc-trad.key" << pass << 0 << 1 << QString();
    QTest::newRow("encrypted traditional, no passphrase")
        << "rsa-enc-trad.key" << QByteArray() << 0 << 0 << "PASSPHRASE_REQUIRED";
    QTest::newRow("encrypted traditional, wrong") << "rsa-enc-trad.key" << wrong << 0 << 0 << "PASSPHRASE_WRONG";
    QTest::newRow("pkcs12") << "server.pfx" << pass << 2 << 1 << QString();
    QTest::newRow("pkcs12, no passphrase") << "server.pfx" << QByteArray() << 0 << 0 << "PASSPHRASE_REQUIRED";
    QTest::newRow("pkcs12, wrong") << "server.pfx" << wrong << 0 << 0 << "PASSPHRASE_WRONG";
    QTest::newRow("pkcs12 legacy rc2/3des") << "legacy.p12" << pass << 2 << 1 << QString();
    QTest::newRow("pkcs12 empty password") << "nopass.pfx" << QByteArray() << 2 << 1 << QString();
    QTest::newRow("pkcs7 pem") << "chain.p7b" << QByteArray() << 2 << 0 << QString();
    QTest::newRow("pkcs7 der") << "chain-der.p7b" << QByteArray() << 2 << 0 << QString();
    QTest::newRow("pkcs8, 3,000,000 rounds") << "rounds.p8" << pass << 0 << 0 << "FORMAT_UNRECOGNIZED";
    QTest::newRow("pkcs12, 3,000,000 rounds") << "rounds.pfx" << pass << 0 << 0 << "FORMAT_UNRECOGNIZED";
    QTest::newRow("extension ignored") << "misnamed.key" << QByteArray() << 1 << 0 << QString();
}

void TestMaterialLoader::formats()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, passphrase);
    QFETCH(int, certificates);
    QFETCH(int, keys);
    QFETCH(QString, errorCode);
    LoadOptions options;
    options.passphrase = passphrase;
    const Material m = MaterialLoader(options).loadFile(file(fileName));
    QCOMPARE(m.certificates.size(), certificates);
    QCOMPARE(m.keys.size(), keys);
    if (errorCode.isEmpty()) {
        QVERIFY2(!hasError(m.findings), qPrintable(m.findings.value(0).message));
    } else {
        QVERIFY(hasCode(m.findings, errorCode));
        for (const Finding& f : m.findings)
            QVERIFY(!f.hint.isEmpty());
    }
    // Whatever the format, the certificate read is the server's, and the key is its key.
    for (const SourcedCertificate& c : m.certificates)
        QVERIFY(c.certificate.commonName() == m_domain || c.certificate.isCa());
    const Certificate ec = Certificate::fromPem(m_pki->read(QStringLiteral("server.crt"))).value();
    const Certificate rsa = Certificate::fromPem(m_pki->read(QStringLiteral("rsa.crt"))).value();
    for (const SourcedKey& k : m.keys)
        QVERIFY(k.key.matches(ec) || k.key.matches(rsa));
}

void TestMaterialLoader::makePackages()
{
    TestPki& p = *m_pki;
    const QString d = m_domain;
    const QByteArray leaf = p.read(QStringLiteral("server.crt"));
    const QByteArray inter = p.read(QStringLiteral("inter.crt"));
    const QByteArray key = p.read(QStringLiteral("server.key"));
    const QByteArray pfx = p.read(QStringLiteral("server.pfx"));
    const QByteArray csr = p.read(QStringLiteral("server.csr"));
    QVERIFY(!csr.isEmpty());
    // Tencent Cloud SSL, older generation: one folder per server type.
    QVERIFY(writeTestZip(file(QStringLiteral("tencent-v1.zip")),
                         {{QStringLiteral("Apache/1_root_bundle.crt"), inter},
                          {QStringLiteral("Apache/2_%1_cert.crt").arg(d), leaf},
                          {QStringLiteral("Apache/3_%1.key").arg(d), key},
                          {QStringLiteral("IIS/%1.pfx").arg(d), pfx},
                          {QStringLiteral("IIS/keystorePass.txt"), "s3cret"},
                          {QStringLiteral("Nginx/1_%1_bundle.crt").arg(d), leaf + inter},
                          {QStringLiteral("Nginx/2_%1.key").arg(d), key},
                          {QStringLiteral("Tomcat/%1.jks").arg(d), QByteArray("\xFE\xED\xFE\xED\x00\x00\x00\x02", 8)},
                          {QStringLiteral("%1.csr").arg(d), csr}}));
    QVERIFY(writeTestZip(
        file(QStringLiteral("tencent-v2.zip")),
        {{QStringLiteral("Nginx/%1_bundle.crt").arg(d), leaf + inter}, {QStringLiteral("Nginx/%1.key").arg(d), key}}));
    QVERIFY(writeTestZip(file(QStringLiteral("tencent-v3.zip")),
                         {{QStringLiteral("%1_apache/root_bundle.crt").arg(d), inter},
                          {QStringLiteral("%1_apache/%1.crt").arg(d), leaf},
                          {QStringLiteral("%1_apache/%1.key").arg(d), key},
                          {QStringLiteral("%1_jks/%1.jks").arg(d), QByteArray("\xFE\xED\xFE\xED", 4)},
                          {QStringLiteral("%1_nginx/%1_bundle.crt").arg(d), leaf + inter},
                          {QStringLiteral("%1_nginx/%1_bundle.pem").arg(d), leaf + inter},
                          {QStringLiteral("%1_nginx/%1.key").arg(d), key}}));
    // Only the IIS folder: the key is in the .pfx, whose password is beside it.
    QVERIFY(
        writeTestZip(file(QStringLiteral("iis-only.zip")),
                     {{QStringLiteral("IIS/%1.pfx").arg(d), pfx}, {QStringLiteral("IIS/keystorePass.txt"), "s3cret"}}));
    QVERIFY(writeTestZip(file(QStringLiteral("chat-console.zip")),
                         {{QStringLiteral("%1.crt").arg(d), leaf + inter}, {QStringLiteral("%1.key").arg(d), key}}));
    QVERIFY(writeTestZip(file(QStringLiteral("TencentQQAuthCA.crt.zip")),
                         {{QStringLiteral("TencentQQAuthCA.crt"), p.read(QStringLiteral("root.crt"))}}));
    QVERIFY(
        writeTestZip(file(QStringLiteral("nested.zip")),
                     {{QStringLiteral("TencentQQAuthCA.crt.zip"), p.read(QStringLiteral("TencentQQAuthCA.crt.zip"))},
                      {QStringLiteral("readme.txt"), "Download the CA"}}));
}

void TestMaterialLoader::packages_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("passphrase");
    QTest::addColumn<bool>("serverPackage");
    QTest::newRow("Nginx/1_<domain>_bundle.crt, Apache/, IIS/, Tomcat/") << "tencent-v1.zip" << QByteArray() << true;
    QTest::newRow("Nginx/<domain>_bundle.crt") << "tencent-v2.zip" << QByteArray() << true;
    QTest::newRow("<domain>_nginx/, <domain>_apache/, <domain>_jks/") << "tencent-v3.zip" << QByteArray() << true;
    QTest::newRow("IIS/<domain>.pfx with passphrase") << "iis-only.zip" << QByteArray("s3cret") << true;
    QTest::newRow("chat console download") << "chat-console.zip" << QByteArray() << true;
    QTest::newRow("TencentQQAuthCA.crt.zip") << "TencentQQAuthCA.crt.zip" << QByteArray() << false;
    QTest::newRow("zip inside a zip") << "nested.zip" << QByteArray() << false;
}

void TestMaterialLoader::packages()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, passphrase);
    QFETCH(bool, serverPackage);
    LoadOptions options;
    options.passphrase = passphrase;
    const Material m = MaterialLoader(options).loadFile(file(fileName));
    QVERIFY2(!hasError(m.findings), qPrintable(m.findings.value(0).message));
    if (!serverPackage) {
        QCOMPARE(m.certificates.size(), 1);
        QVERIFY(m.certificates.first().certificate.isCa());
        QVERIFY(m.certificates.first().origin.endsWith(QLatin1String("TencentQQAuthCA.crt")));
        return;
    }
    const ServerSelection s = selectServerMaterial(m, m_domain);
    QVERIFY2(s.findings.isEmpty(), qPrintable(s.findings.value(0).message));
    QCOMPARE(s.material.leaf, Certificate::fromPem(m_pki->read(QStringLiteral("server.crt"))).value());
    QCOMPARE(s.material.chain.size(), 1);
    QCOMPARE(s.material.chain.first(), Certificate::fromPem(m_pki->read(QStringLiteral("inter.crt"))).value());
    QVERIFY(s.material.key.matches(s.material.leaf));
    QVERIFY(s.material.leafOrigin.startsWith(fileName + QLatin1Char(':')));
}

void TestMaterialLoader::makeBadInput()
{
    TestPki& p = *m_pki;
    QVERIFY(p.write(QStringLiteral("empty.crt"), QByteArray()));
    QByteArray garbage(4096, Qt::Uninitialized);
    QRandomGenerator gen(42);
    for (char& c : garbage)
        c = static_cast<char>(gen.bounded(256));
    garbage[0] = 0x30; // looks like DER at first sight
    QVERIFY(p.write(QStringLiteral("garbage.bin"), garbage));
    const QByteArray der = p.read(QStringLiteral("server-der.crt"));
    QVERIFY(p.write(QStringLiteral("truncated.der"), der.left(der.size() / 2)));
    const QByteArray pem = p.read(QStringLiteral("server.crt"));
    QVERIFY(p.write(QStringLiteral("truncated.pem"), pem.left(pem.size() / 2)));
    QVERIFY(p.write(QStringLiteral("damaged.pem"),
                    "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"));
    QFile huge(file(QStringLiteral("huge.bin")));
    QVERIFY(huge.open(QIODevice::WriteOnly) && huge.resize(200LL * 1024 * 1024)); // sparse: quick to make
    huge.close();
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("folder")));

    // A zip bomb: 40 MB of zeros in one entry (the per-entry limit is 16 MB) and 5 x 15 MB (total limit 64 MB).
    QVERIFY(writeTestZip(file(QStringLiteral("bomb.zip")), {{QStringLiteral("a.crt"), QByteArray(40 << 20, '\0')}}));
    QList<TestZipEntry> many;
    for (int i = 0; i < 5; ++i)
        many.append({QStringLiteral("part%1.crt").arg(i), QByteArray(15 << 20, 'A')});
    QVERIFY(writeTestZip(file(QStringLiteral("bomb-total.zip")), many));
    QVERIFY(writeTestZip(file(QStringLiteral("traversal.zip")),
                         {{QStringLiteral("ok.crt"), pem}, {QStringLiteral("../../etc/evil.crt"), pem}}));
    QVERIFY(writeTestZip(file(QStringLiteral("absolute.zip")), {{QStringLiteral("/etc/evil.crt"), pem}}));
    QVERIFY(writeTestZip(file(QStringLiteral("symlink.zip")), {{QStringLiteral("link.key"), "/etc/shadow", true}}));
    QVERIFY(writeTestZip(file(QStringLiteral("encrypted.zip")),
                         {{QStringLiteral("server.crt"), pem, false, QByteArray("zip-pass")}}));
    QList<TestZipEntry> entries;
    for (int i = 0; i < 600; ++i)
        entries.append({QStringLiteral("f%1.txt").arg(i), "x"});
    QVERIFY(writeTestZip(file(QStringLiteral("many.zip")), entries));
    QVERIFY(p.write(QStringLiteral("damaged.zip"), "PK\x03\x04" + garbage));
    QVERIFY(writeTestZip(file(QStringLiteral("readme-only.zip")), {{QStringLiteral("readme.txt"), "hello"}}));
}

void TestMaterialLoader::badInput_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("code");
    QTest::newRow("empty file") << "empty.crt"
                                << "FORMAT_UNRECOGNIZED";
    QTest::newRow("binary garbage") << "garbage.bin"
                                    << "FORMAT_UNRECOGNIZED";
    QTest::newRow("truncated der") << "truncated.der"
                                   << "FORMAT_UNRECOGNIZED";
    QTest::newRow("truncated pem") << "truncated.pem"
                                   << "FORMAT_UNRECOGNIZED";
    QTest::newRow("damaged pem") << "damaged.pem"
                                 << "FORMAT_UNRECOGNIZED";
    QTest::newRow("200 MB file") << "huge.bin"
                                 << "FILE_TOO_LARGE";
    QTest::newRow("missing file") << "no-such-file.crt"
                                  << "FILE_UNREADABLE";
    QTest::newRow("a folder") << "folder"
                              << "FILE_UNREADABLE";
    QTest::newRow("zip bomb, one entry") << "bomb.zip"
                                         << "ARCHIVE_REFUSED";
    QTest::newRow("zip bomb, total") << "bomb-total.zip"
                                     << "ARCHIVE_REFUSED";
    QTest::newRow("zip with ../") << "traversal.zip"
                                  << "ARCHIVE_REFUSED";
    QTest::newRow("zip with absolute path") << "absolute.zip"
                                            << "ARCHIVE_REFUSED";
    QTest::newRow("zip with symlink") << "symlink.zip"
                                      << "ARCHIVE_REFUSED";
    QTest::newRow("encrypted zip") << "encrypted.zip"
                                   << "ARCHIVE_REFUSED";
    QTest::newRow("zip with 600 entries") << "many.zip"
                                          << "ARCHIVE_REFUSED";
    QTest::newRow("damaged zip") << "damaged.zip"
                                 << "ARCHIVE_REFUSED";
    QTest::newRow("zip without certificates") << "readme-only.zip"
                                              << "FORMAT_UNRECOGNIZED";
}

void TestMaterialLoader::badInput()
{
    QFETCH(QString, fileName);
    QFETCH(QString, code);
    const Material m = MaterialLoader().loadFile(file(fileName));
    QVERIFY(m.certificates.isEmpty());
    QVERIFY(m.keys.isEmpty());
    QVERIFY2(hasCode(m.findings, code), qPrintable(m.findings.value(0).code));
    for (const Finding& f : m.findings) {
        QCOMPARE(f.severity, Severity::Error);
        QVERIFY(!f.message.isEmpty());
        QVERIFY(!f.hint.isEmpty());
    }
}

void TestMaterialLoader::chainOrderInBundle()
{
    QVERIFY(m_pki->concat({QStringLiteral("inter.crt"), QStringLiteral("server.crt")}, QStringLiteral("reversed.pem")));
    Material m = MaterialLoader().loadFile(file(QStringLiteral("reversed.pem")));
    m.append(MaterialLoader().loadFile(file(QStringLiteral("server.key"))));
    const ServerSelection reversed = selectServerMaterial(m, m_domain);
    QVERIFY(hasCode(reversed.findings, QStringLiteral("CHAIN_ORDER")));
    QCOMPARE(reversed.findings.first().severity, Severity::Warning);
    QCOMPARE(reversed.material.chain.size(), 1); // still served in the right order

    Material good = MaterialLoader().loadFile(file(QStringLiteral("bundle.pem")));
    good.append(MaterialLoader().loadFile(file(QStringLiteral("server.key"))));
    QVERIFY(!hasCode(selectServerMaterial(good, m_domain).findings, QStringLiteral("CHAIN_ORDER")));
}

void TestMaterialLoader::keyFilePermissions()
{
    const QString key = file(QStringLiteral("server.key"));
    QVERIFY(QFile::setPermissions(
        key, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    Material open = MaterialLoader().loadFile(key);
    QVERIFY(hasCode(open.findings, QStringLiteral("KEY_FILE_PERMISSIONS")));
    QVERIFY(!hasError(open.findings)); // a warning

    QVERIFY(QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QVERIFY(!hasCode(MaterialLoader().loadFile(key).findings, QStringLiteral("KEY_FILE_PERMISSIONS")));
    // A certificate readable by everybody is fine.
    QVERIFY(!hasCode(MaterialLoader().loadFile(file(QStringLiteral("server.crt"))).findings,
                     QStringLiteral("KEY_FILE_PERMISSIONS")));
}

QTEST_GUILESS_MAIN(TestMaterialLoader)
#include "tst_materialloader.moc"
