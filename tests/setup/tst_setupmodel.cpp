#include "setup/SetupModel.h"

#include <QTest>

using namespace mtls;

class TestSetupModel : public QObject
{
    Q_OBJECT

private slots:
    void filesSortedIntoInputs_data();
    void filesSortedIntoInputs();
    void webhookPath_data();
    void webhookPath();
    void checkInputAndRequest();
};

void TestSetupModel::filesSortedIntoInputs_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("chain");
    QTest::addColumn<QString>("pkcs12");
    QTest::addColumn<QString>("bundle");

    QTest::newRow("zip wins") << QStringList {QStringLiteral("/d/a.crt"), QStringLiteral("/d/pkg.ZIP")} << QString()
                              << QString() << QString() << QString() << QStringLiteral("/d/pkg.ZIP");
    QTest::newRow("pfx") << QStringList {QStringLiteral("/d/server.pfx")} << QString() << QString() << QString()
                         << QStringLiteral("/d/server.pfx") << QString();
    QTest::newRow("crt and key") << QStringList {QStringLiteral("/d/2_a.key"), QStringLiteral("/d/1_a_bundle.crt")}
                                 << QStringLiteral("/d/1_a_bundle.crt") << QStringLiteral("/d/2_a.key") << QString()
                                 << QString() << QString();
    QTest::newRow("cert chain key") << QStringList {QStringLiteral("/d/cert.pem"), QStringLiteral("/d/chain.pem"),
                                                    QStringLiteral("/d/privkey.pem")}
                                    << QStringLiteral("/d/cert.pem") << QStringLiteral("/d/privkey.pem")
                                    << QStringLiteral("/d/chain.pem") << QString() << QString();
    QTest::newRow("one combined pem named key")
        << QStringList {QStringLiteral("/d/key-and-cert.pem")} << QStringLiteral("/d/key-and-cert.pem") << QString()
        << QString() << QString() << QString();
}

void TestSetupModel::filesSortedIntoInputs()
{
    QFETCH(QStringList, files);
    const CertificateInputs inputs = CertificateInputs::fromFiles(files);
    QTEST(inputs.certPath, "cert");
    QTEST(inputs.keyPath, "key");
    QTEST(inputs.chainPath, "chain");
    QTEST(inputs.pkcs12Path, "pkcs12");
    QTEST(inputs.bundlePath, "bundle");
    QVERIFY(!inputs.isEmpty());
}

void TestSetupModel::webhookPath_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("valid");
    QTest::newRow("domain") << QStringLiteral("www.example.com") << QStringLiteral("/") << true;
    QTest::newRow("url") << QStringLiteral("https://www.example.com/im/callback") << QStringLiteral("/im/callback")
                         << true;
    QTest::newRow("url with query") << QStringLiteral("https://www.example.com/cb?x=1") << QStringLiteral("/cb")
                                    << true;
    QTest::newRow("url no path") << QStringLiteral("https://www.example.com") << QStringLiteral("/") << true;
    QTest::newRow("dot dot") << QStringLiteral("https://e.com/a/%2E%2E/b") << QStringLiteral("/a/../b") << false;
}

void TestSetupModel::webhookPath()
{
    QFETCH(QString, input);
    QFETCH(QString, path);
    QFETCH(bool, valid);
    QCOMPARE(webhookPathFromInput(input), path);
    QCOMPARE(isValidWebhookPath(path), valid);
    QVERIFY(!isValidWebhookPath(QStringLiteral("/a b")));
    QVERIFY(!isValidWebhookPath(QStringLiteral("/a;b")));
    QVERIFY(!isValidWebhookPath(QStringLiteral("/a/../b")));
    QVERIFY(!isValidWebhookPath(QStringLiteral("/a{b}")));
    QVERIFY(!isValidWebhookPath(QStringLiteral("a")));
    QVERIFY(!isValidWebhookPath(QStringLiteral("/a\"b")));
}

void TestSetupModel::checkInputAndRequest()
{
    SetupModel model;
    model.webhookInput = QStringLiteral("https://Hook.Example.com/cb");
    model.domain = QStringLiteral("hook.example.com");
    model.webhookPath = QStringLiteral("/cb");
    model.source = CertificateSource::IssuedByChat;
    model.inputs.bundlePath = QStringLiteral("/d/pkg.zip");
    model.clientCaPath = QStringLiteral("/d/TencentQQAuthCA.crt.zip");
    model.passphrase = "pw";
    model.server = ServerKind::Apache;
    model.listen = QStringLiteral("127.0.0.1:8443");
    model.profile = TlsProfile::ChatGuide;

    const CheckInput input = model.checkInput();
    QCOMPARE(input.domain, QStringLiteral("hook.example.com"));
    QVERIFY(input.issuedByChat);
    QCOMPARE(input.bundlePath, QStringLiteral("/d/pkg.zip"));
    QCOMPARE(input.clientCaPath, model.clientCaPath);
    QCOMPARE(input.passphrase, QByteArray("pw"));

    const ServerConfigRequest request
        = model.configRequest(QStringLiteral("/s/c.crt"), QStringLiteral("/s/c.key"), QStringLiteral("/s/ca.crt"));
    QCOMPARE(request.server, ServerKind::Apache);
    QCOMPARE(request.domain, QStringLiteral("hook.example.com"));
    QCOMPARE(request.listen.size(), 1);
    QCOMPARE(request.listen.first().port, quint16(8443));
    QCOMPARE(request.webhookPath, QStringLiteral("/cb"));
    QCOMPARE(request.profile, TlsProfile::ChatGuide);
    QCOMPARE(request.keyPath, QStringLiteral("/s/c.key"));
    QVERIFY(!input.serverCertificateOptional);

    // Merge: the site keeps its own certificate; files imported before on the dedicated path are not checked.
    model.mode = SetupMode::Merge;
    const CheckInput merge = model.checkInput();
    QVERIFY(merge.serverCertificateOptional);
    QVERIFY(merge.bundlePath.isEmpty() && merge.certPath.isEmpty() && merge.pkcs12Path.isEmpty());
    QCOMPARE(merge.clientCaPath, model.clientCaPath);
    QCOMPARE(merge.domain, QStringLiteral("hook.example.com"));
}

QTEST_GUILESS_MAIN(TestSetupModel)
#include "tst_setupmodel.moc"
