#include "pki/DomainName.h"

#include <QTest>

using namespace mtls;

class TestDomainName : public QObject
{
    Q_OBJECT
private slots:
    void webhookDomain_data();
    void webhookDomain();
    void hostFromInput_data();
    void hostFromInput();
    void wildcard_data();
    void wildcard();
};

void TestDomainName::webhookDomain_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QStringLiteral("www.example.com") << true;
    QTest::newRow("digits and hyphen") << QStringLiteral("im-callback2.example.com") << true;
    QTest::newRow("upper case") << QStringLiteral("WWW.Example.COM") << true;
    QTest::newRow("single label") << QStringLiteral("localhost") << true;
    QTest::newRow("63 label") << QString(QString(63, QLatin1Char('a')) + QStringLiteral(".com")) << true;
    QTest::newRow("64 label") << QString(QString(64, QLatin1Char('a')) + QStringLiteral(".com")) << false;
    QTest::newRow("too long") << QString(QStringLiteral("a.").repeated(127) + QStringLiteral("com")) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("leading hyphen") << QStringLiteral("-www.example.com") << false;
    QTest::newRow("trailing hyphen") << QStringLiteral("www-.example.com") << false;
    QTest::newRow("lone hyphen") << QStringLiteral("-.example.com") << false;
    QTest::newRow("double hyphen") << QStringLiteral("w--w.example.com") << false;
    QTest::newRow("underscore") << QStringLiteral("w_w.example.com") << false;
    QTest::newRow("space") << QStringLiteral("www example.com") << false;
    QTest::newRow("bang") << QStringLiteral("www!.example.com") << false;
    QTest::newRow("dollar") << QStringLiteral("$.example.com") << false;
    QTest::newRow("ampersand") << QStringLiteral("a&b.example.com") << false;
    QTest::newRow("question") << QStringLiteral("a?.example.com") << false;
    QTest::newRow("empty label") << QStringLiteral("www..example.com") << false;
    QTest::newRow("wildcard") << QStringLiteral("*.example.com") << false;
    QTest::newRow("non-ascii") << QStringLiteral("例子.example.com") << false;
    QTest::newRow("semicolon") << QStringLiteral("a.com;include") << false;
}

void TestDomainName::webhookDomain()
{
    QFETCH(QString, domain);
    QFETCH(bool, valid);
    const Findings findings = validateWebhookDomain(domain);
    QCOMPARE(findings.isEmpty(), valid);
    for (const Finding& f : findings) {
        QCOMPARE(f.code, QStringLiteral("DOMAIN_INVALID"));
        QCOMPARE(f.severity, Severity::Error);
        QVERIFY(!f.message.isEmpty());
        QVERIFY(!f.hint.isEmpty());
    }
}

void TestDomainName::hostFromInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("host");
    QTest::newRow("domain") << QStringLiteral("www.example.com") << QStringLiteral("www.example.com");
    QTest::newRow("spaces, case, dot") << QStringLiteral("  WWW.Example.com. ") << QStringLiteral("www.example.com");
    QTest::newRow("url") << QStringLiteral("https://www.example.com/im/callback?x=1")
                         << QStringLiteral("www.example.com");
    QTest::newRow("url with port") << QStringLiteral("https://www.example.com:8443/cb")
                                   << QStringLiteral("www.example.com");
}

void TestDomainName::hostFromInput()
{
    QFETCH(QString, input);
    QFETCH(QString, host);
    QCOMPARE(mtls::hostFromInput(input), host);
}

void TestDomainName::wildcard_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("matches");
    QTest::newRow("exact") << QStringLiteral("www.example.com") << QStringLiteral("www.example.com") << true;
    QTest::newRow("case") << QStringLiteral("www.example.com") << QStringLiteral("WWW.EXAMPLE.COM") << true;
    QTest::newRow("trailing dot") << QStringLiteral("www.example.com.") << QStringLiteral("www.example.com") << true;
    QTest::newRow("other") << QStringLiteral("api.example.com") << QStringLiteral("www.example.com") << false;
    QTest::newRow("wildcard one label") << QStringLiteral("www.example.com") << QStringLiteral("*.example.com") << true;
    QTest::newRow("wildcard not bare") << QStringLiteral("example.com") << QStringLiteral("*.example.com") << false;
    QTest::newRow("wildcard not two labels")
        << QStringLiteral("a.b.example.com") << QStringLiteral("*.example.com") << false;
    QTest::newRow("wildcard public suffix") << QStringLiteral("example.com") << QStringLiteral("*.com") << false;
    QTest::newRow("partial wildcard") << QStringLiteral("www.example.com") << QStringLiteral("w*.example.com") << false;
    QTest::newRow("wildcard not left-most")
        << QStringLiteral("www.example.com") << QStringLiteral("www.*.com") << false;
    QTest::newRow("two wildcards") << QStringLiteral("a.b.com") << QStringLiteral("*.*.com") << false;
    QTest::newRow("a-label") << QStringLiteral("xn--fsq.example.com") << QStringLiteral("*.example.com") << false;
    QTest::newRow("suffix trick") << QStringLiteral("www.badexample.com") << QStringLiteral("*.example.com") << false;
}

void TestDomainName::wildcard()
{
    QFETCH(QString, host);
    QFETCH(QString, pattern);
    QFETCH(bool, matches);
    QCOMPARE(hostMatchesPattern(host, pattern), matches);
}

QTEST_GUILESS_MAIN(TestDomainName)
#include "tst_domainname.moc"
