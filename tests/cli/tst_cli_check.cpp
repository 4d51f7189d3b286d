#include "TestPki.h"
#include "TestProcess.h"
#include "TestZip.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// `mtls-assistant-cli check` run as a process, the way scripts use it: exit codes, JSON, usage errors.
class TestCliCheck : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void helpAndVersion();
    void usageErrors_data();
    void usageErrors();
    void goodExitsZero();
    void errorExitsOne();
    void jsonShape();
    void passphraseFromEnvironment();
    void noColourWhenPiped();
    void untrustedNamesEscaped();

private:
    QStringList good() const;
    QString f(const QString& n) const { return m_pki->path(n); }
    QTemporaryDir m_dir;
    std::unique_ptr<TestPki> m_pki;
};

void TestCliCheck::initTestCase()
{
    QVERIFY(QFile::exists(cliPath()));
    m_pki = std::make_unique<TestPki>(m_dir.path());
    QVERIFY(m_pki->makeCa(QStringLiteral("root"), QStringLiteral("Root")));
    QVERIFY(m_pki->makeServer(QStringLiteral("server"), {QStringLiteral("www.example.com")}, QStringLiteral("root")));
    QVERIFY(m_pki->makeCa(QStringLiteral("chatca"), QStringLiteral("Chat CA")));
    QVERIFY(m_pki->toPkcs12(QStringLiteral("server"), {}, QStringLiteral("pfx-pass"), QStringLiteral("server.pfx")));
    QFile::setPermissions(f(QStringLiteral("server.key")), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QStringList TestCliCheck::good() const
{
    return {QStringLiteral("check"),         QStringLiteral("--domain"),      QStringLiteral("www.example.com"),
            QStringLiteral("--cert"),        f(QStringLiteral("server.crt")), QStringLiteral("--key"),
            f(QStringLiteral("server.key")), QStringLiteral("--client-ca"),   f(QStringLiteral("chatca.crt")),
            QStringLiteral("--roots"),       f(QStringLiteral("root.crt"))};
}

void TestCliCheck::helpAndVersion()
{
    const ProcessResult help = runCli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("check"));
    const ProcessResult checkHelp = runCli({QStringLiteral("check"), QStringLiteral("--help")});
    QCOMPARE(checkHelp.exitCode, 0);
    for (const char* option : {"--domain", "--cert", "--key", "--chain", "--pkcs12", "--bundle", "--client-ca",
                               "--passphrase-env", "--issued-by-chat", "--roots", "--json"})
        QVERIFY2(checkHelp.out.contains(option), option);
    const ProcessResult version = runCli({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("mtls-assistant-cli "));
}

void TestCliCheck::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no command") << QStringList {};
    QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")};
    QTest::newRow("unknown option") << QStringList {QStringLiteral("check"), QStringLiteral("--frob")};
    QTest::newRow("no domain") << QStringList {QStringLiteral("check"), QStringLiteral("--cert"), QStringLiteral("x")};
    QTest::newRow("no certificate") << QStringList {QStringLiteral("check"), QStringLiteral("--domain"),
                                                    QStringLiteral("a.com")};
    QTest::newRow("two sources") << QStringList {
        QStringLiteral("check"), QStringLiteral("--domain"), QStringLiteral("a.com"), QStringLiteral("--cert"),
        QStringLiteral("x"),     QStringLiteral("--bundle"), QStringLiteral("y")};
    QTest::newRow("unset passphrase variable") << QStringList {QStringLiteral("check"),
                                                               QStringLiteral("--domain"),
                                                               QStringLiteral("a.com"),
                                                               QStringLiteral("--cert"),
                                                               QStringLiteral("x"),
                                                               QStringLiteral("--passphrase-env"),
                                                               QStringLiteral("MTLS_TEST_UNSET_VARIABLE")};
}

void TestCliCheck::usageErrors()
{
    QFETCH(QStringList, arguments);
    const ProcessResult r = runCli(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
    QVERIFY(r.out.isEmpty() || arguments.isEmpty());
}

void TestCliCheck::goodExitsZero()
{
    const ProcessResult r = runCli(good());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("CN=www.example.com"));
    QVERIFY(r.out.contains("Ready"));
}

void TestCliCheck::errorExitsOne()
{
    QStringList args = good();
    args[2] = QStringLiteral("api.example.com");
    const ProcessResult r = runCli(args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.contains("NAME_MISMATCH"));
    QVERIFY(r.out.contains("fix:"));
}

void TestCliCheck::jsonShape()
{
    QStringList args = good();
    args << QStringLiteral("--json");
    args[2] = QStringLiteral("api.example.com");
    const ProcessResult r = runCli(args);
    QCOMPARE(r.exitCode, 1);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject o = doc.object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(true), false);
    const QJsonArray findings = o.value(QStringLiteral("findings")).toArray();
    QVERIFY(!findings.isEmpty());
    for (const QJsonValue& v : findings) {
        const QJsonObject finding = v.toObject();
        for (const char* key : {"code", "severity", "message", "hint"})
            QVERIFY2(finding.value(QLatin1String(key)).isString(), key);
        QVERIFY(QStringList({QStringLiteral("error"), QStringLiteral("warning"), QStringLiteral("info")})
                    .contains(finding.value(QStringLiteral("severity")).toString()));
    }
    QCOMPARE(findings.first().toObject().value(QStringLiteral("code")).toString(), QStringLiteral("NAME_MISMATCH"));
    const QJsonObject cert = o.value(QStringLiteral("certificate")).toObject();
    for (const char* key : {"subject", "issuer", "sans", "not_before", "not_after", "sha256", "key"})
        QVERIFY2(cert.contains(QLatin1String(key)), key);
    QVERIFY(o.value(QStringLiteral("chain")).isArray());
    QVERIFY(o.value(QStringLiteral("client_ca")).isObject());
}

void TestCliCheck::passphraseFromEnvironment()
{
    const QStringList args {QStringLiteral("check"),           QStringLiteral("--domain"),
                            QStringLiteral("www.example.com"), QStringLiteral("--pkcs12"),
                            f(QStringLiteral("server.pfx")),   QStringLiteral("--roots"),
                            f(QStringLiteral("root.crt")),     QStringLiteral("--passphrase-env"),
                            QStringLiteral("PFX_PASS"),        QStringLiteral("--json")};
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PFX_PASS"), QStringLiteral("pfx-pass"));
    const ProcessResult ok = runCli(args, env);
    QCOMPARE(ok.exitCode, 0);
    QVERIFY(!ok.out.contains("pfx-pass")); // the secret never appears in a report
    env.insert(QStringLiteral("PFX_PASS"), QStringLiteral("wrong"));
    const ProcessResult wrong = runCli(args, env);
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY(wrong.out.contains("PASSPHRASE_WRONG"));
}

void TestCliCheck::noColourWhenPiped()
{
    QStringList args = good();
    args[2] = QStringLiteral("api.example.com");
    const ProcessResult r = runCli(args);
    QVERIFY(!r.out.contains('\x1b'));
}

// A zip entry name that clears the screen and forges lines: the text output shows it escaped, on its own line;
// JSON keeps it exact (JSON escapes it itself).
void TestCliCheck::untrustedNamesEscaped()
{
    const QString hostile = QStringLiteral("cert\x1b[2J\nerror  FORGED  all good\r\tx.pem");
    const QString zip = m_dir.filePath(QStringLiteral("hostile.zip"));
    QVERIFY(writeTestZip(zip, {TestZipEntry(hostile, "server.crt", true)}));
    const QStringList args {QStringLiteral("check"),
                            QStringLiteral("--domain"),
                            QStringLiteral("www.example.com"),
                            QStringLiteral("--bundle"),
                            zip,
                            QStringLiteral("--client-ca"),
                            f(QStringLiteral("chatca.crt"))};
    const ProcessResult text = runCli(args);
    QCOMPARE(text.exitCode, 1);
    const QByteArray all = text.out + text.err;
    QVERIFY2(all.contains("cert\\x1b[2J\\nerror  FORGED  all good\\r\\tx.pem"), all.constData());
    QVERIFY2(!all.contains('\x1b'), all.constData());
    QVERIFY2(!all.contains('\r'), all.constData());
    for (const QByteArray& line : all.split('\n'))
        QVERIFY2(!line.trimmed().startsWith("error  FORGED"), all.constData());

    const ProcessResult json = runCli(args + QStringList {QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 1);
    const QJsonArray findings = QJsonDocument::fromJson(json.out).object().value(QStringLiteral("findings")).toArray();
    bool exact = false;
    for (const QJsonValue& finding : findings)
        exact = exact || finding.toObject().value(QStringLiteral("message")).toString().contains(hostile);
    QVERIFY2(exact, json.out.constData());
}

QTEST_GUILESS_MAIN(TestCliCheck)
#include "tst_cli_check.moc"
