#include "server/ConfigGenerator.h"

#include <QJsonArray>
#include <QTest>

using namespace mtls;

namespace {

ServerConfigRequest baseRequest(ServerKind kind)
{
    ServerConfigRequest r;
    r.server = kind;
    r.domain = QStringLiteral("webhook.example.com");
    r.certificatePath = QStringLiteral("/etc/mtls/fullchain.pem");
    r.chainPath = QStringLiteral("/etc/mtls/chain.pem");
    r.keyPath = QStringLiteral("/etc/mtls/privkey.pem");
    r.clientCaPath = QStringLiteral("/etc/mtls/client-ca.pem");
    r.webhookPath = QStringLiteral("/im/callback");
    r.producedBy = QStringLiteral("a test");
    return r;
}

} // namespace

class TestConfigGenerator : public QObject
{
    Q_OBJECT

private slots:
    void directives_data();
    void directives();
    void profiles_data();
    void profiles();
    void apacheChainFile_data();
    void apacheChainFile();
    void refusals_data();
    void refusals();
    void json();
};

void TestConfigGenerator::directives_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<QString>("listen"); // empty: default
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("nginx default listen")
        << ServerKind::Nginx << QString()
        << QStringList {QStringLiteral("listen 443 ssl;"),
                        QStringLiteral("listen [::]:443 ssl;"),
                        QStringLiteral("server_name webhook.example.com;"),
                        QStringLiteral("ssl_certificate \"/etc/mtls/fullchain.pem\";"),
                        QStringLiteral("ssl_certificate_key \"/etc/mtls/privkey.pem\";"),
                        QStringLiteral("ssl_client_certificate \"/etc/mtls/client-ca.pem\";"),
                        QStringLiteral("ssl_verify_client on;"),
                        QStringLiteral("ssl_verify_depth 2;"),
                        QStringLiteral("location = /im/callback {"),
                        QStringLiteral("proxy_pass http://127.0.0.1:8080;"),
                        QStringLiteral("proxy_set_header X-Client-Verify $ssl_client_verify;"),
                        QStringLiteral("proxy_set_header X-Client-Subject $ssl_client_s_dn;"),
                        QStringLiteral("return 404;"),
                        QStringLiteral("# HTTPS mutual TLS"),
                        QStringLiteral("# Produced by a test")}
        << QStringList {QStringLiteral("\"/etc/mtls/chain.pem\""), QStringLiteral("ssl_verify_client optional")};
    QTest::newRow("nginx one address") << ServerKind::Nginx << QStringLiteral("127.0.0.1:8443")
                                       << QStringList {QStringLiteral("listen 127.0.0.1:8443 ssl;")}
                                       << QStringList {QStringLiteral("[::]")};
    QTest::newRow("apache default listen")
        << ServerKind::Apache << QString()
        << QStringList {QStringLiteral("<VirtualHost *:443>"),
                        QStringLiteral("ServerName webhook.example.com"),
                        QStringLiteral("SSLEngine on"),
                        QStringLiteral("SSLCertificateFile \"/etc/mtls/fullchain.pem\""),
                        QStringLiteral("SSLCertificateKeyFile \"/etc/mtls/privkey.pem\""),
                        QStringLiteral("SSLCACertificateFile \"/etc/mtls/client-ca.pem\""),
                        QStringLiteral("SSLVerifyClient require"),
                        QStringLiteral("SSLVerifyDepth 2"),
                        QStringLiteral("ProxyPass \"/im/callback\" \"http://127.0.0.1:8080/im/callback\""),
                        QStringLiteral("RequestHeader set X-Client-Verify \"%{SSL_CLIENT_VERIFY}s\""),
                        QStringLiteral("<IfModule !ssl_module>"),
                        QStringLiteral("a2enmod proxy_http"),
                        QStringLiteral("</VirtualHost>")}
        << QStringList {QStringLiteral("Listen"), QStringLiteral("SSLCertificateChainFile")};
    QTest::newRow("apache other port") << ServerKind::Apache << QStringLiteral("8443")
                                       << QStringList {QStringLiteral("Listen 8443\n"),
                                                       QStringLiteral("<VirtualHost *:8443>")}
                                       << QStringList {QStringLiteral("Listen [::]")};
    QTest::newRow("apache loopback") << ServerKind::Apache << QStringLiteral("[::1]:8443")
                                     << QStringList {QStringLiteral("Listen [::1]:8443"),
                                                     QStringLiteral("<VirtualHost [::1]:8443>")}
                                     << QStringList();
}

void TestConfigGenerator::directives()
{
    QFETCH(ServerKind, kind);
    QFETCH(QString, listen);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, absent);
    ServerConfigRequest request = baseRequest(kind);
    if (!listen.isEmpty())
        request.listen = parseListen(listen);
    const auto config = generateServerConfig(request);
    QVERIFY2(config, qPrintable(config.error().message));
    for (const QString& text : expected)
        QVERIFY2(config->text.contains(text), qPrintable(text + QStringLiteral(" missing in\n") + config->text));
    for (const QString& text : absent)
        QVERIFY2(!config->text.contains(text), qPrintable(text + QStringLiteral(" present in\n") + config->text));
    QCOMPARE(config->fileName, QStringLiteral("mtls-assistant-webhook.example.com.conf"));
    // Apache allows comments only on their own lines.
    if (kind == ServerKind::Apache) {
        for (const QString& line : config->text.split(QLatin1Char('\n')))
            QVERIFY2(!line.contains(QLatin1Char('#')) || line.trimmed().startsWith(QLatin1Char('#')), qPrintable(line));
    }
}

void TestConfigGenerator::profiles_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<TlsProfile>("profile");
    QTest::addColumn<QString>("protocols");
    QTest::addColumn<bool>("ciphers");
    QTest::addColumn<bool>("legacy");
    QTest::newRow("nginx intermediate") << ServerKind::Nginx << TlsProfile::Intermediate
                                        << QStringLiteral("ssl_protocols TLSv1.2 TLSv1.3;") << true << false;
    QTest::newRow("nginx modern") << ServerKind::Nginx << TlsProfile::Modern << QStringLiteral("ssl_protocols TLSv1.3;")
                                  << false << false;
    QTest::newRow("nginx chat-guide") << ServerKind::Nginx << TlsProfile::ChatGuide
                                      << QStringLiteral("ssl_protocols TLSv1 TLSv1.1;") << true << true;
    QTest::newRow("apache intermediate") << ServerKind::Apache << TlsProfile::Intermediate
                                         << QStringLiteral("SSLProtocol -all +TLSv1.2 +TLSv1.3") << true << false;
    QTest::newRow("apache modern") << ServerKind::Apache << TlsProfile::Modern
                                   << QStringLiteral("SSLProtocol -all +TLSv1.3\n") << false << false;
    QTest::newRow("apache chat-guide") << ServerKind::Apache << TlsProfile::ChatGuide
                                       << QStringLiteral("SSLProtocol -all +TLSv1 +TLSv1.1\n") << true << true;
}

void TestConfigGenerator::profiles()
{
    QFETCH(ServerKind, kind);
    QFETCH(TlsProfile, profile);
    QFETCH(QString, protocols);
    QFETCH(bool, ciphers);
    QFETCH(bool, legacy);
    ServerConfigRequest request = baseRequest(kind);
    request.profile = profile;
    const auto config = generateServerConfig(request);
    QVERIFY2(config, qPrintable(config.error().message));
    QVERIFY2(config->text.contains(protocols), qPrintable(config->text));
    QCOMPARE(config->text.contains(kind == ServerKind::Nginx ? QStringLiteral("ssl_ciphers ")
                                                             : QStringLiteral("SSLCipherSuite ")),
             ciphers);
    QCOMPARE(hasCode(config->findings, QStringLiteral("LEGACY_TLS")), legacy);
    QVERIFY(!hasError(config->findings));
    if (legacy) {
        QCOMPARE(config->findings.first().severity, Severity::Warning);
        QVERIFY(config->findings.first().message.contains(QStringLiteral("RFC 8996")));
    }
}

void TestConfigGenerator::apacheChainFile_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("chainFile");
    QTest::newRow("unknown") << QString() << false;
    QTest::newRow("2.4.7") << QStringLiteral("2.4.7") << true;
    QTest::newRow("2.2.34") << QStringLiteral("2.2.34") << true;
    QTest::newRow("2.4.8") << QStringLiteral("2.4.8") << false;
    QTest::newRow("2.4.62") << QStringLiteral("2.4.62") << false;
}

void TestConfigGenerator::apacheChainFile()
{
    QFETCH(QString, version);
    QFETCH(bool, chainFile);
    ServerConfigRequest request = baseRequest(ServerKind::Apache);
    request.serverVersion = QVersionNumber::fromString(version);
    const auto config = generateServerConfig(request);
    QVERIFY2(config, qPrintable(config.error().message));
    QCOMPARE(config->text.contains(QStringLiteral("SSLCertificateChainFile \"/etc/mtls/chain.pem\"")), chainFile);
    QCOMPARE(config->chainPath.isEmpty(), !chainFile);
}

void TestConfigGenerator::refusals_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    for (ServerKind kind : {ServerKind::Nginx, ServerKind::Apache}) {
        const QByteArray k = serverKindName(kind).toLatin1();
        QTest::newRow(k + " domain") << kind << QStringLiteral("domain")
                                     << QStringLiteral("a.com;\n ssl_verify_client off") << QStringLiteral("domain");
        QTest::newRow(k + " path") << kind << QStringLiteral("path") << QStringLiteral("/a { }")
                                   << QStringLiteral("path");
        QTest::newRow(k + " upstream") << kind << QStringLiteral("upstream") << QStringLiteral("http://a/;x")
                                       << QStringLiteral("webhook application");
        QTest::newRow(k + " key newline")
            << kind << QStringLiteral("key") << QStringLiteral("/k.pem\nSSLVerifyClient none")
            << QStringLiteral("private key path");
        QTest::newRow(k + " empty ca") << kind << QStringLiteral("ca") << QString() << QStringLiteral("client CA path");
    }
    QTest::newRow("nginx dollar") << ServerKind::Nginx << QStringLiteral("cert") << QStringLiteral("/c/$host.pem")
                                  << QStringLiteral("variable");
    QTest::newRow("apache variable") << ServerKind::Apache << QStringLiteral("cert") << QStringLiteral("/c/${X}.pem")
                                     << QStringLiteral("variable");
    QTest::newRow("apache backslash") << ServerKind::Apache << QStringLiteral("cert") << QStringLiteral("/c/a\\")
                                      << QStringLiteral("backslash");
    QTest::newRow("apache modern on old")
        << ServerKind::Apache << QStringLiteral("old-modern") << QString() << QStringLiteral("2.4.36");
}

void TestConfigGenerator::refusals()
{
    QFETCH(ServerKind, kind);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);
    ServerConfigRequest r = baseRequest(kind);
    if (field == QLatin1String("domain"))
        r.domain = value;
    else if (field == QLatin1String("path"))
        r.webhookPath = value;
    else if (field == QLatin1String("upstream"))
        r.upstreamUrl = value;
    else if (field == QLatin1String("key"))
        r.keyPath = value;
    else if (field == QLatin1String("ca"))
        r.clientCaPath = value;
    else if (field == QLatin1String("cert"))
        r.certificatePath = value;
    else if (field == QLatin1String("old-modern")) {
        r.profile = TlsProfile::Modern;
        r.serverVersion = QVersionNumber(2, 4, 29);
    }
    const auto config = generateServerConfig(r);
    QVERIFY(!config);
    QVERIFY2(config.error().message.contains(message), qPrintable(config.error().message));
}

void TestConfigGenerator::json()
{
    const auto config = generateServerConfig(baseRequest(ServerKind::Apache));
    QVERIFY(config);
    const QJsonObject o = config->toJson();
    QCOMPARE(o.value(QStringLiteral("server")).toString(), QStringLiteral("apache"));
    QCOMPARE(o.value(QStringLiteral("domain")).toString(), QStringLiteral("webhook.example.com"));
    QCOMPARE(o.value(QStringLiteral("config")).toString(), config->text);
    QCOMPARE(o.value(QStringLiteral("paths")).toObject().value(QStringLiteral("key")).toString(),
             QStringLiteral("/etc/mtls/privkey.pem"));
    QCOMPARE(o.value(QStringLiteral("modules")).toArray().size(), 4);
    QVERIFY(o.value(QStringLiteral("findings")).isArray());
}

QTEST_GUILESS_MAIN(TestConfigGenerator)
#include "tst_configgenerator.moc"
