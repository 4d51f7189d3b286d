// The sandbox's throwaway PKI, made with the OpenSSL API.
#include "probe/ProbeInputs.h"
#include "sandbox/SandboxPki.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mtls;

class TestSandboxPki : public QObject
{
    Q_OBJECT

private slots:
    void makesAWorkingPki();
    void writesFilesServersRead();
};

void TestSandboxPki::makesAWorkingPki()
{
    const auto made = SandboxPki::make();
    QVERIFY2(made, qPrintable(made.error().fullText()));
    const SandboxPki& pki = made.value();
    QVERIFY(pki.serverCa.isCa() && pki.serverCa.isSelfIssued());
    QVERIFY(pki.chatClientCa.isCa() && pki.chatClientCa.isSelfIssued());
    QVERIFY(pki.serverCa != pki.chatClientCa);
    QVERIFY(pki.serverCertificate.isIssuedBy(pki.serverCa));
    QVERIFY(!pki.serverCertificate.isIssuedBy(pki.chatClientCa));
    QVERIFY(pki.clientCertificate.isIssuedBy(pki.chatClientCa));
    QVERIFY(!pki.serverCertificate.isCa());
    QVERIFY(pki.serverCertificate.allowsServerAuth() && !pki.serverCertificate.allowsClientAuth());
    QVERIFY(pki.clientCertificate.allowsClientAuth() && !pki.clientCertificate.allowsServerAuth());
    QCOMPARE(pki.serverCertificate.dnsNames(), QStringList {QStringLiteral("localhost")});
    QVERIFY(pki.serverCertificate.ipAddresses().contains(QStringLiteral("127.0.0.1")));
    QVERIFY(pki.serverKey.matches(pki.serverCertificate));
    QVERIFY(pki.clientKey.matches(pki.clientCertificate));
    QCOMPARE(pki.serverCertificate.keyDescription(), QStringLiteral("EC P-256"));
    QVERIFY(pki.serverCertificate.daysUntilExpiry() > 30);
    QCOMPARE(pki.serverCertificate.signatureDigest(), QStringLiteral("SHA256"));

    // Two runs never share a key or a serial number.
    const auto again = SandboxPki::make();
    QVERIFY(again);
    QVERIFY(!(again->serverKey == pki.serverKey));
    QVERIFY(again->serverCertificate.serialNumber() != pki.serverCertificate.serialNumber());
}

void TestSandboxPki::writesFilesServersRead()
{
    const auto pki = SandboxPki::make();
    QVERIFY(pki);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Status written = pki->writeTo(dir.path());
    QVERIFY2(written, qPrintable(written.error().fullText()));
    const auto server = readCertificatesFile(dir.filePath(QStringLiteral("server.crt")));
    QVERIFY(server);
    QCOMPARE(server->first(), pki->serverCertificate);
    const auto key = readPrivateKeyFile(dir.filePath(QStringLiteral("server.key")));
    QVERIFY(key);
    QVERIFY(key->matches(pki->serverCertificate));
    for (const char* secret : {"server.key", "client.key"}) {
        const QFile::Permissions p = QFile::permissions(dir.filePath(QLatin1String(secret)));
        QVERIFY2(!(p & (QFile::ReadGroup | QFile::ReadOther)), secret);
    }
    const auto ca = readCertificatesFile(dir.filePath(QStringLiteral("chat-client-ca.crt")));
    QVERIFY(ca);
    QCOMPARE(ca->first(), pki->chatClientCa);
}

QTEST_GUILESS_MAIN(TestSandboxPki)
#include "tst_sandboxpki.moc"
