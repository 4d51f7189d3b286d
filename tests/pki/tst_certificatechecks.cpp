#include "TestPki.h"
#include "pki/CheckService.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mtls;

// Every finding code of `check`: a case that produces it, and the good input that shows none of them.
class TestCertificateChecks : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void goodInputHasNoFinding();
    void codes_data();
    void codes();
    void wildcardCertificate();
    void chatIssuedPath();
    void withoutServerCertificate();
    void jsonContract();

private:
    CheckInput goodInput() const;
    QString f(const QString& name) const { return m_pki->path(name); }

    QTemporaryDir m_dir;
    std::unique_ptr<TestPki> m_pki;
};

static const QString kDomain = QStringLiteral("www.example.com");

void TestCertificateChecks::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pki = std::make_unique<TestPki>(m_dir.path());
    TestPki& p = *m_pki;
    const QString root = QStringLiteral("root");
    const QString inter = QStringLiteral("inter");
    const auto check = [&](bool ok) { QVERIFY2(ok, qPrintable(p.lastError())); };
    check(p.makeCa(root, QStringLiteral("Test Root CA")));
    check(p.makeCa(inter, QStringLiteral("Test Intermediate CA"), root));
    check(p.makeCa(QStringLiteral("chatca"), QStringLiteral("Test Chat Client CA")));
    check(p.makeCa(QStringLiteral("other"), QStringLiteral("Some Other Root")));
    check(p.makeServer(QStringLiteral("server"), {kDomain}, inter));
    check(p.makeServer(QStringLiteral("other-server"), {kDomain}, inter));
    check(p.makeServer(QStringLiteral("untrusted"), {kDomain}, QStringLiteral("other")));
    check(p.makeServer(QStringLiteral("wildcard"), {QStringLiteral("*.example.com")}, inter));

    TestPki::Options expired;
    expired.validFromDays = -400;
    expired.validToDays = -10;
    check(p.makeServer(QStringLiteral("expired"), {kDomain}, inter, expired));
    check(p.makeCa(QStringLiteral("expired-ca"), QStringLiteral("Expired Client CA"), QString(), expired));
    TestPki::Options future;
    future.validFromDays = 10;
    future.validToDays = 400;
    check(p.makeServer(QStringLiteral("future"), {kDomain}, inter, future));
    TestPki::Options soon;
    soon.validToDays = 12;
    check(p.makeServer(QStringLiteral("soon"), {kDomain}, inter, soon));
    TestPki::Options weak;
    weak.keyType = QStringLiteral("rsa");
    weak.rsaBits = 1024;
    check(p.makeServer(QStringLiteral("weak"), {kDomain}, inter, weak));
    TestPki::Options sha1;
    sha1.digest = QStringLiteral("sha1");
    check(p.makeServer(QStringLiteral("sha1"), {kDomain}, inter, sha1));
    check(p.makeClient(QStringLiteral("client"), kDomain, inter));
    check(p.concat({QStringLiteral("inter.crt"), QStringLiteral("server.crt")}, QStringLiteral("reversed.pem")));
    check(p.encryptKeyPkcs8(QStringLiteral("server"), QStringLiteral("pw"), QStringLiteral("server-enc.key")));
    check(p.write(QStringLiteral("garbage.crt"), QByteArray("this is not a certificate")));
    for (const QString& name : QDir(m_dir.path()).entryList({QStringLiteral("*.key")}))
        QFile::setPermissions(f(name), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile::copy(f(QStringLiteral("server.key")), f(QStringLiteral("open.key")));
    QFile::setPermissions(f(QStringLiteral("open.key")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                              | QFileDevice::ReadOther);
}

CheckInput TestCertificateChecks::goodInput() const
{
    CheckInput in;
    in.domain = kDomain;
    in.certPath = f(QStringLiteral("server.crt"));
    in.keyPath = f(QStringLiteral("server.key"));
    in.chainPath = f(QStringLiteral("inter.crt"));
    in.clientCaPath = f(QStringLiteral("chatca.crt"));
    in.rootsPath = f(QStringLiteral("root.crt"));
    return in;
}

void TestCertificateChecks::goodInputHasNoFinding()
{
    const CheckReport report = runCheck(goodInput());
    QVERIFY2(report.findings.isEmpty(),
             qPrintable(report.findings.value(0).code + QLatin1Char(' ') + report.findings.value(0).message));
    QVERIFY(report.ok());
    QCOMPARE(report.material.leaf.commonName(), kDomain);
    QCOMPARE(report.material.chain.size(), 1);
    QVERIFY(report.material.key.matches(report.material.leaf));
    QCOMPARE(report.material.clientCas.size(), 1);
}

void TestCertificateChecks::codes_data()
{
    QTest::addColumn<QString>("field"); // which input to change
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code");
    QTest::addColumn<Severity>("severity");

    const auto row = [](const char* name, const char* field, const QString& value, const char* code, Severity s) {
        QTest::newRow(name) << QString::fromLatin1(field) << value << QString::fromLatin1(code) << s;
    };
    const Severity E = Severity::Error;
    const Severity W = Severity::Warning;
    row("FILE_UNREADABLE", "cert", QStringLiteral("missing.crt"), "FILE_UNREADABLE", E);
    row("FORMAT_UNRECOGNIZED", "cert", QStringLiteral("garbage.crt"), "FORMAT_UNRECOGNIZED", E);
    row("PASSPHRASE_REQUIRED", "key", QStringLiteral("server-enc.key"), "PASSPHRASE_REQUIRED", E);
    row("PASSPHRASE_WRONG", "key+pass", QStringLiteral("server-enc.key"), "PASSPHRASE_WRONG", E);
    row("KEY_MISSING", "key", QString(), "KEY_MISSING", E);
    row("KEY_MISMATCH", "key", QStringLiteral("other-server.key"), "KEY_MISMATCH", E);
    row("CERT_EXPIRED", "leaf", QStringLiteral("expired"), "CERT_EXPIRED", E);
    row("CERT_NOT_YET_VALID", "leaf", QStringLiteral("future"), "CERT_NOT_YET_VALID", E);
    row("CERT_EXPIRING_SOON", "leaf", QStringLiteral("soon"), "CERT_EXPIRING_SOON", W);
    row("NAME_MISMATCH", "domain", QStringLiteral("api.example.com"), "NAME_MISMATCH", E);
    row("DOMAIN_INVALID", "domain", QStringLiteral("www--x.example.com"), "DOMAIN_INVALID", E);
    row("CHAIN_INCOMPLETE", "chain", QString(), "CHAIN_INCOMPLETE", E);
    row("CHAIN_ORDER", "cert", QStringLiteral("reversed.pem"), "CHAIN_ORDER", W);
    row("CHAIN_UNTRUSTED", "leaf+chain", QStringLiteral("untrusted"), "CHAIN_UNTRUSTED", E);
    row("KEY_WEAK", "leaf", QStringLiteral("weak"), "KEY_WEAK", E);
    row("SIGNATURE_WEAK", "leaf", QStringLiteral("sha1"), "SIGNATURE_WEAK", E);
    row("NOT_SERVER_CERT", "leaf", QStringLiteral("client"), "NOT_SERVER_CERT", E);
    row("CLIENT_CA_NOT_CA", "client-ca", QStringLiteral("server.crt"), "CLIENT_CA_NOT_CA", E);
    row("CLIENT_CA_EXPIRED", "client-ca", QStringLiteral("expired-ca.crt"), "CLIENT_CA_EXPIRED", E);
    row("KEY_FILE_PERMISSIONS", "key", QStringLiteral("open.key"), "KEY_FILE_PERMISSIONS", W);
}

void TestCertificateChecks::codes()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, code);
    QFETCH(Severity, severity);

    CheckInput in = goodInput();
    const QString path = value.isEmpty() ? QString() : f(value);
    if (field == QLatin1String("cert")) {
        in.certPath = path;
        if (value == QLatin1String("reversed.pem"))
            in.chainPath.clear();
    } else if (field == QLatin1String("key")) {
        in.keyPath = path;
    } else if (field == QLatin1String("key+pass")) {
        in.keyPath = path;
        in.passphrase = "not-the-passphrase";
    } else if (field == QLatin1String("leaf")) {
        in.certPath = f(value + QStringLiteral(".crt"));
        in.keyPath = f(value + QStringLiteral(".key"));
    } else if (field == QLatin1String("leaf+chain")) {
        in.certPath = f(value + QStringLiteral(".crt"));
        in.keyPath = f(value + QStringLiteral(".key"));
        in.chainPath = f(QStringLiteral("other.crt"));
    } else if (field == QLatin1String("domain")) {
        in.domain = value;
    } else if (field == QLatin1String("chain")) {
        in.chainPath.clear();
    } else if (field == QLatin1String("client-ca")) {
        in.clientCaPath = path;
    } else {
        QFAIL("unknown field");
    }
    const CheckReport report = runCheck(in);
    const auto it = std::find_if(report.findings.cbegin(), report.findings.cend(),
                                 [&](const Finding& x) { return x.code == code; });
    QVERIFY2(it != report.findings.cend(), qPrintable(QStringLiteral("got: ") + report.findings.value(0).code));
    QCOMPARE(it->severity, severity);
    QVERIFY(!it->message.isEmpty());
    QVERIFY(!it->hint.isEmpty());
    QCOMPARE(report.ok(), severity != Severity::Error);
}

void TestCertificateChecks::wildcardCertificate()
{
    CheckInput in = goodInput();
    in.certPath = f(QStringLiteral("wildcard.crt"));
    in.keyPath = f(QStringLiteral("wildcard.key"));
    QVERIFY(!hasCode(runCheck(in).findings, QStringLiteral("NAME_MISMATCH")));
    in.domain = QStringLiteral("example.com");
    QVERIFY(hasCode(runCheck(in).findings, QStringLiteral("NAME_MISMATCH")));
    in.domain = QStringLiteral("a.www.example.com");
    QVERIFY(hasCode(runCheck(in).findings, QStringLiteral("NAME_MISMATCH")));
}

void TestCertificateChecks::chatIssuedPath()
{
    // A certificate from an issuer no store knows: an error on the own-CA path, expected (info) on Chat's.
    CheckInput in = goodInput();
    in.certPath = f(QStringLiteral("untrusted.crt"));
    in.keyPath = f(QStringLiteral("untrusted.key"));
    in.chainPath.clear();
    CheckReport own = runCheck(in);
    QVERIFY(hasCode(own.findings, QStringLiteral("CHAIN_INCOMPLETE")));
    QVERIFY(!own.ok());
    in.issuedByChat = true;
    const CheckReport chat = runCheck(in);
    QVERIFY(chat.ok());
    QCOMPARE(chat.findings.size(), 1);
    QCOMPARE(chat.findings.first().code, QStringLiteral("CHAIN_UNTRUSTED"));
    QCOMPARE(chat.findings.first().severity, Severity::Info);
}

void TestCertificateChecks::withoutServerCertificate()
{
    // Merge mode: the site keeps its own certificate; without certificate files only the domain and the client CA.
    CheckInput in = goodInput();
    in.certPath.clear();
    in.keyPath.clear();
    in.chainPath.clear();
    QVERIFY(hasCode(runCheck(in).findings, QStringLiteral("CERT_MISSING")));
    in.serverCertificateOptional = true;
    const CheckReport merge = runCheck(in);
    QVERIFY2(merge.findings.isEmpty(), qPrintable(merge.findings.value(0).code));
    QVERIFY(merge.material.leaf.isNull());
    QCOMPARE(merge.material.clientCas.size(), 1);
    // The domain and the client CA are still checked.
    in.domain = QStringLiteral("-bad-.example.com");
    QVERIFY(!runCheck(in).ok());
    in = goodInput();
    in.serverCertificateOptional = true; // with files given, they are checked as usual
    in.keyPath.clear();
    QVERIFY(hasCode(runCheck(in).findings, QStringLiteral("KEY_MISSING")));
}

void TestCertificateChecks::jsonContract()
{
    const QJsonObject json = runCheck(goodInput()).toJson();
    for (const char* key : {"ok", "findings", "certificate", "chain", "client_ca"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
    const QJsonObject cert = json.value(QStringLiteral("certificate")).toObject();
    for (const char* key : {"subject", "issuer", "sans", "not_before", "not_after", "sha256", "key"})
        QVERIFY2(cert.contains(QLatin1String(key)), key);
    QCOMPARE(cert.value(QStringLiteral("subject")).toString(), QStringLiteral("CN=www.example.com"));
    QCOMPARE(cert.value(QStringLiteral("key")).toString(), QStringLiteral("EC P-256"));
    QVERIFY(cert.value(QStringLiteral("not_after")).toString().endsWith(QLatin1Char('Z')));
    QCOMPARE(cert.value(QStringLiteral("sans")).toArray().first().toString(), kDomain);
    QCOMPARE(json.value(QStringLiteral("chain")).toArray().size(), 1);
    QCOMPARE(json.value(QStringLiteral("client_ca")).toObject().value(QStringLiteral("subject")).toString(),
             QStringLiteral("CN=Test Chat Client CA"));
}

QTEST_GUILESS_MAIN(TestCertificateChecks)
#include "tst_certificatechecks.moc"
