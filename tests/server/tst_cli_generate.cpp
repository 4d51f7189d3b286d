// mtls-assistant-cli generate, run as a process.

#include "MtlsFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestCliGenerate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void generates_data();
    void generates();
    void writesFile();
    void refusesMaterialWithErrors();
    void refusesHostileValues_data();
    void refusesHostileValues();
    void usageErrors_data();
    void usageErrors();

private:
    QStringList base(const QString& server) const;
    MtlsFixture m_fixture;
};

void TestCliGenerate::initTestCase()
{
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    TestPki::Options expired;
    expired.validFromDays = -30;
    expired.validToDays = -1;
    QVERIFY(m_fixture.pki().makeServer(QStringLiteral("expired"), {QStringLiteral("localhost")}, QStringLiteral("int"),
                                       expired));
}

QStringList TestCliGenerate::base(const QString& server) const
{
    return {QStringLiteral("generate"),
            QStringLiteral("--server"),
            server,
            QStringLiteral("--domain"),
            QStringLiteral("localhost"),
            QStringLiteral("--cert"),
            m_fixture.path(QStringLiteral("server.crt")),
            QStringLiteral("--key"),
            m_fixture.path(QStringLiteral("server.key")),
            QStringLiteral("--chain"),
            m_fixture.path(QStringLiteral("chain.pem")),
            QStringLiteral("--client-ca"),
            m_fixture.path(QStringLiteral("chatca.crt")),
            QStringLiteral("--roots"),
            m_fixture.path(QStringLiteral("root.crt")),
            QStringLiteral("--cert-dir"),
            QStringLiteral("/etc/mtls test")};
}

void TestCliGenerate::generates_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("tls");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("legacy");
    QTest::newRow("nginx") << QStringLiteral("nginx") << QString() << QStringLiteral("ssl_verify_client on;") << false;
    QTest::newRow("nginx modern") << QStringLiteral("nginx") << QStringLiteral("modern")
                                  << QStringLiteral("ssl_protocols TLSv1.3;") << false;
    QTest::newRow("nginx chat-guide") << QStringLiteral("nginx") << QStringLiteral("chat-guide")
                                      << QStringLiteral("ssl_protocols TLSv1 TLSv1.1;") << true;
    QTest::newRow("apache") << QStringLiteral("apache") << QStringLiteral("intermediate")
                            << QStringLiteral("SSLVerifyClient require") << false;
    QTest::newRow("apache chat-guide") << QStringLiteral("apache") << QStringLiteral("chat-guide")
                                       << QStringLiteral("SSLProtocol -all +TLSv1 +TLSv1.1") << true;
}

void TestCliGenerate::generates()
{
    QFETCH(QString, server);
    QFETCH(QString, tls);
    QFETCH(QString, expected);
    QFETCH(bool, legacy);
    QStringList args = base(server) << QStringLiteral("--path") << QStringLiteral("/im/callback");
    if (!tls.isEmpty())
        args << QStringLiteral("--tls") << tls;

    const ProcessResult plain = runCli(args);
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    QVERIFY2(plain.out.contains(expected.toUtf8()), plain.out.constData());
    QVERIFY(plain.out.contains("\"/etc/mtls test/localhost/fullchain.pem\""));
    QCOMPARE(plain.err.contains("LEGACY_TLS"), legacy);

    const ProcessResult json = runCli(args << QStringLiteral("--json"));
    QCOMPARE(json.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("server")).toString(), server);
    QCOMPARE(o.value(QStringLiteral("tested")).toString(), QStringLiteral("passed"));
    QCOMPARE(o.value(QStringLiteral("config")).toString().toUtf8(), plain.out);
    QCOMPARE(o.value(QStringLiteral("paths")).toObject().value(QStringLiteral("key")).toString(),
             QStringLiteral("/etc/mtls test/localhost/privkey.pem"));
    QVERIFY(o.value(QStringLiteral("sources"))
                .toObject()
                .value(QStringLiteral("key"))
                .toString()
                .contains(QStringLiteral("server.key")));
    bool foundLegacy = false;
    for (const QJsonValue& f : o.value(QStringLiteral("findings")).toArray())
        foundLegacy
            = foundLegacy || f.toObject().value(QStringLiteral("code")).toString() == QLatin1String("LEGACY_TLS");
    QCOMPARE(foundLegacy, legacy);
}

void TestCliGenerate::writesFile()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("site.conf"));
    const ProcessResult result = runCli(base(QStringLiteral("nginx")) << QStringLiteral("--out") << out);
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.isEmpty());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("server_name localhost;"));

    const ProcessResult dash = runCli(base(QStringLiteral("nginx")) << QStringLiteral("--out") << QStringLiteral("-"));
    QVERIFY(dash.out.contains("server_name localhost;"));
}

void TestCliGenerate::refusesMaterialWithErrors()
{
    QStringList args = base(QStringLiteral("nginx"));
    args[args.indexOf(m_fixture.path(QStringLiteral("server.crt")))] = m_fixture.path(QStringLiteral("expired.crt"));
    args[args.indexOf(m_fixture.path(QStringLiteral("server.key")))] = m_fixture.path(QStringLiteral("expired.key"));
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("site.conf"));
    const ProcessResult result = runCli(args << QStringLiteral("--out") << out);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(!QFile::exists(out));
    QVERIFY2(result.out.contains("CERT_EXPIRED") || result.err.contains("CERT_EXPIRED"), result.out.constData());

    const ProcessResult json = runCli(args << QStringLiteral("--json"));
    QCOMPARE(json.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(json.out).object().value(QStringLiteral("ok")).toBool(true), false);
}

void TestCliGenerate::refusesHostileValues_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value");
    QTest::newRow("path") << QStringLiteral("--path") << QStringLiteral("/x; return 200");
    QTest::newRow("upstream") << QStringLiteral("--upstream")
                              << QStringLiteral("http://127.0.0.1/\nssl_verify_client off;");
    QTest::newRow("listen") << QStringLiteral("--listen") << QStringLiteral("443 ssl; include /etc/passwd");
    QTest::newRow("tls") << QStringLiteral("--tls") << QStringLiteral("old");
    QTest::newRow("cert dir with $") << QStringLiteral("--cert-dir") << QStringLiteral("/etc/$host");
}

void TestCliGenerate::refusesHostileValues()
{
    QFETCH(QString, option);
    QFETCH(QString, value);
    QStringList args = base(QStringLiteral("nginx"));
    const int at = int(args.indexOf(option));
    if (at >= 0)
        args[at + 1] = value;
    else
        args << option << value;
    const ProcessResult result = runCli(args);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY(!result.err.isEmpty());
}

void TestCliGenerate::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no server") << QStringList {QStringLiteral("generate"), QStringLiteral("--domain"),
                                               QStringLiteral("x.com")};
    QTest::newRow("bad server") << QStringList {QStringLiteral("generate"), QStringLiteral("--server"),
                                                QStringLiteral("iis")};
    QTest::newRow("no cert") << QStringList {QStringLiteral("generate"), QStringLiteral("--server"),
                                             QStringLiteral("nginx"), QStringLiteral("--domain"),
                                             QStringLiteral("x.com")};
}

void TestCliGenerate::usageErrors()
{
    QFETCH(QStringList, args);
    QCOMPARE(runCli(args).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliGenerate)
#include "tst_cli_generate.moc"
