#include "server/ConfigSyntax.h"
#include "server/ServerConfigRequest.h"

#include <QTest>

using namespace mtls;
using namespace mtls::configsyntax;

class TestConfigSyntax : public QObject
{
    Q_OBJECT

private slots:
    void domain_data();
    void domain();
    void webhookPath_data();
    void webhookPath();
    void upstream_data();
    void upstream();
    void quoting_data();
    void quoting();
    void listen_data();
    void listen();
};

void TestConfigSyntax::domain_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: refused
    QTest::newRow("plain") << QStringLiteral("webhook.example.com") << QStringLiteral("webhook.example.com");
    QTest::newRow("upper case, trailing dot")
        << QStringLiteral("WebHook.Example.COM.") << QStringLiteral("webhook.example.com");
    QTest::newRow("spaces around") << QStringLiteral("  example.com ") << QStringLiteral("example.com");
    QTest::newRow("hyphen") << QStringLiteral("my-hook.example.com") << QStringLiteral("my-hook.example.com");
    QTest::newRow("localhost") << QStringLiteral("localhost") << QStringLiteral("localhost");
    QTest::newRow("non-ascii") << QStringLiteral("bücher.example") << QStringLiteral("xn--bcher-kva.example");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("wildcard") << QStringLiteral("*.example.com") << QString();
    QTest::newRow("space inside") << QStringLiteral("exa mple.com") << QString();
    QTest::newRow("semicolon") << QStringLiteral("example.com;ssl_verify_client off") << QString();
    QTest::newRow("newline") << QStringLiteral("example.com\nssl_verify_client off;") << QString();
    QTest::newRow("braces") << QStringLiteral("example.com}server{") << QString();
    QTest::newRow("hash") << QStringLiteral("example.com#x") << QString();
    QTest::newRow("dollar") << QStringLiteral("$host") << QString();
    QTest::newRow("quote") << QStringLiteral("example.com\"") << QString();
    QTest::newRow("ipv4") << QStringLiteral("192.0.2.1") << QString();
    QTest::newRow("ipv6") << QStringLiteral("::1") << QString();
    QTest::newRow("leading hyphen") << QStringLiteral("-a.example.com") << QString();
    QTest::newRow("empty label") << QStringLiteral("a..example.com") << QString();
    QTest::newRow("label of 64") << QString(64, QLatin1Char('a')) + QStringLiteral(".com") << QString();
    QTest::newRow("label of 63") << QString(63, QLatin1Char('a')) + QStringLiteral(".com")
                                 << QString(63, QLatin1Char('a')) + QStringLiteral(".com");
    QTest::newRow("url") << QStringLiteral("https://example.com/") << QString();
    QTest::newRow("underscore") << QStringLiteral("a_b.example.com") << QString();
}

void TestConfigSyntax::domain()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto result = normalizeDomain(input);
    if (expected.isEmpty()) {
        QVERIFY(!result);
        QVERIFY(!result.error().message.isEmpty());
        QVERIFY(!result.error().message.contains(QLatin1Char('\n')));
    } else {
        QVERIFY2(result, qPrintable(result.error().message));
        QCOMPARE(result.value(), expected);
    }
}

void TestConfigSyntax::webhookPath_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty is root") << QString() << QStringLiteral("/");
    QTest::newRow("root") << QStringLiteral("/") << QStringLiteral("/");
    QTest::newRow("path") << QStringLiteral("/im/callback") << QStringLiteral("/im/callback");
    QTest::newRow("trailing slash") << QStringLiteral("/im/") << QStringLiteral("/im/");
    QTest::newRow("allowed punctuation") << QStringLiteral("/a-b_c.d~e:f@g!h,i+j=k")
                                         << QStringLiteral("/a-b_c.d~e:f@g!h,i+j=k");
    QTest::newRow("relative") << QStringLiteral("im/callback") << QString();
    QTest::newRow("space") << QStringLiteral("/im callback") << QString();
    QTest::newRow("semicolon") << QStringLiteral("/x; return 200") << QString();
    QTest::newRow("brace") << QStringLiteral("/x{") << QString();
    QTest::newRow("dollar") << QStringLiteral("/$uri") << QString();
    QTest::newRow("quote") << QStringLiteral("/x\"y") << QString();
    QTest::newRow("single quote") << QStringLiteral("/x'y") << QString();
    QTest::newRow("hash") << QStringLiteral("/x#y") << QString();
    QTest::newRow("query") << QStringLiteral("/x?y=1") << QString();
    QTest::newRow("newline") << QStringLiteral("/x\n}") << QString();
    QTest::newRow("dot dot") << QStringLiteral("/a/../b") << QString();
    QTest::newRow("double slash") << QStringLiteral("//x") << QString();
    QTest::newRow("non-ascii") << QStringLiteral("/回调") << QString();
    QTest::newRow("percent") << QStringLiteral("/a%20b") << QString();
    QTest::newRow("backslash") << QStringLiteral("/a\\b") << QString();
}

void TestConfigSyntax::webhookPath()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto result = normalizeWebhookPath(input);
    if (expected.isEmpty()) {
        QVERIFY(!result);
    } else {
        QVERIFY2(result, qPrintable(result.error().message));
        QCOMPARE(result.value(), expected);
    }
}

void TestConfigSyntax::upstream_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default") << QStringLiteral("http://127.0.0.1:8080") << QStringLiteral("http://127.0.0.1:8080");
    QTest::newRow("path") << QStringLiteral("http://127.0.0.1:8080/app/hook")
                          << QStringLiteral("http://127.0.0.1:8080/app/hook");
    QTest::newRow("host name") << QStringLiteral("HTTPS://App.Internal:9443/")
                               << QStringLiteral("https://app.internal:9443/");
    QTest::newRow("localhost") << QStringLiteral("http://localhost:3000") << QStringLiteral("http://localhost:3000");
    QTest::newRow("ipv6") << QStringLiteral("http://[::1]:8080") << QStringLiteral("http://[::1]:8080");
    QTest::newRow("no port") << QStringLiteral("http://app.internal") << QStringLiteral("http://app.internal");
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/") << QString();
    QTest::newRow("no scheme") << QStringLiteral("127.0.0.1:8080") << QString();
    QTest::newRow("semicolon") << QStringLiteral("http://127.0.0.1:8080/;ssl_verify_client off;") << QString();
    QTest::newRow("space") << QStringLiteral("http://127.0.0.1:8080/ x") << QString();
    QTest::newRow("newline") << QStringLiteral("http://127.0.0.1:8080\n}") << QString();
    QTest::newRow("brace in host") << QStringLiteral("http://a{b}:80") << QString();
    QTest::newRow("dollar") << QStringLiteral("http://127.0.0.1/$request_uri") << QString();
    QTest::newRow("quote") << QStringLiteral("http://127.0.0.1/\"x") << QString();
    QTest::newRow("query") << QStringLiteral("http://127.0.0.1/?a=b") << QString();
    QTest::newRow("fragment") << QStringLiteral("http://127.0.0.1/#x") << QString();
    QTest::newRow("user") << QStringLiteral("http://user:pw@127.0.0.1/") << QString();
    QTest::newRow("apache variable") << QStringLiteral("http://127.0.0.1/${X}") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestConfigSyntax::upstream()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto result = parseUpstreamUrl(input);
    if (expected.isEmpty()) {
        QVERIFY(!result);
    } else {
        QVERIFY2(result, qPrintable(result.error().message));
        QCOMPARE(result->toString(), expected);
    }
}

void TestConfigSyntax::quoting_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("nginx"); // empty: refused
    QTest::addColumn<QString>("apache");
    QTest::newRow("plain") << QStringLiteral("/etc/ssl/a.crt") << QStringLiteral("\"/etc/ssl/a.crt\"")
                           << QStringLiteral("\"/etc/ssl/a.crt\"");
    QTest::newRow("space; braces # quote") << QStringLiteral("/x y;{z}#'.crt") << QStringLiteral("\"/x y;{z}#'.crt\"")
                                           << QStringLiteral("\"/x y;{z}#'.crt\"");
    QTest::newRow("double quote") << QStringLiteral("/a\"b.crt") << QStringLiteral("\"/a\\\"b.crt\"")
                                  << QStringLiteral("\"/a\\\"b.crt\"");
    QTest::newRow("injection") << QStringLiteral("/a.crt\"; ssl_verify_client off; #")
                               << QStringLiteral("\"/a.crt\\\"; ssl_verify_client off; #\"")
                               << QStringLiteral("\"/a.crt\\\"; ssl_verify_client off; #\"");
    QTest::newRow("non-ascii") << QStringLiteral("/证书/é.crt") << QStringLiteral("\"/证书/é.crt\"")
                               << QStringLiteral("\"/证书/é.crt\"");
    QTest::newRow("backslash") << QStringLiteral("/a\\b.crt") << QStringLiteral("\"/a\\\\b.crt\"") << QString();
    QTest::newRow("dollar") << QStringLiteral("/a$b.crt") << QString() << QStringLiteral("\"/a$b.crt\"");
    QTest::newRow("apache variable") << QStringLiteral("/a${b}.crt") << QString() << QString();
    QTest::newRow("newline") << QStringLiteral("/a.crt\nssl_verify_client off;") << QString() << QString();
    QTest::newRow("tab") << QStringLiteral("/a\t.crt") << QString() << QString();
    QTest::newRow("empty") << QString() << QString() << QString();
}

void TestConfigSyntax::quoting()
{
    QFETCH(QString, input);
    QFETCH(QString, nginx);
    QFETCH(QString, apache);
    const auto n = quoteNginx(input, QStringLiteral("certificate path"));
    QCOMPARE(n.ok() ? n.value() : QString(), nginx);
    if (!n)
        QVERIFY(n.error().message.contains(QStringLiteral("certificate path")));
    const auto a = quoteApache(input, QStringLiteral("certificate path"));
    QCOMPARE(a.ok() ? a.value() : QString(), apache);
}

void TestConfigSyntax::listen_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("expected"); // empty: refused
    QTest::newRow("port") << QStringLiteral("8443")
                          << QStringList {QStringLiteral("0.0.0.0:8443"), QStringLiteral("[::]:8443")};
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:8443") << QStringList {QStringLiteral("127.0.0.1:8443")};
    QTest::newRow("ipv6") << QStringLiteral("[::1]:443") << QStringList {QStringLiteral("[::1]:443")};
    QTest::newRow("star") << QStringLiteral("*:443") << QStringList {QStringLiteral("*:443")};
    QTest::newRow("ipv6 no brackets") << QStringLiteral("::1:443") << QStringList();
    QTest::newRow("port 0") << QStringLiteral("0") << QStringList();
    QTest::newRow("port too big") << QStringLiteral("127.0.0.1:70000") << QStringList();
    QTest::newRow("host name") << QStringLiteral("example.com:443") << QStringList();
    QTest::newRow("injection") << QStringLiteral("127.0.0.1:443 ssl; include /etc/passwd") << QStringList();
    QTest::newRow("empty") << QString() << QStringList();
}

void TestConfigSyntax::listen()
{
    QFETCH(QString, input);
    QFETCH(QStringList, expected);
    QStringList got;
    for (const ListenAddress& address : parseListen(input))
        got << address.toString();
    QCOMPARE(got, expected);
}

QTEST_GUILESS_MAIN(TestConfigSyntax)
#include "tst_configsyntax.moc"
