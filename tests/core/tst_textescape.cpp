// Untrusted text shown escaped: control characters cannot move the cursor, clear a screen or forge a line.

#include "core/TextEscape.h"

#include <QTest>

using namespace mtls;

class TestTextEscape : public QObject
{
    Q_OBJECT

private slots:
    void escaped_data();
    void escaped();
    void keepLineBreaks_data();
    void keepLineBreaks();
};

void TestTextEscape::escaped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << QStringLiteral("certs/server.pem") << QStringLiteral("certs/server.pem");
    QTest::newRow("chinese") << QStringLiteral("证书/服务器.pem") << QStringLiteral("证书/服务器.pem");
    QTest::newRow("clear screen") << QStringLiteral("a\x1b[2Jb") << QStringLiteral("a\\x1b[2Jb");
    QTest::newRow("forged line") << QStringLiteral("x.pem\nerror  FAKE  forged")
                                 << QStringLiteral("x.pem\\nerror  FAKE  forged");
    QTest::newRow("cr tab") << QStringLiteral("a\rb\tc") << QStringLiteral("a\\rb\\tc");
    QTest::newRow("nul bel del") << QString::fromLatin1("a\0b\x07"
                                                        "c\x7f",
                                                        6)
                                 << QStringLiteral("a\\x00b\\x07c\\x7f");
    QTest::newRow("c1 csi") << (QStringLiteral("a") + QChar(0x9b) + QStringLiteral("2J")) << QStringLiteral("a\\x9b2J");
    QTest::newRow("c1 nel") << (QStringLiteral("a") + QChar(0x85) + QStringLiteral("b")) << QStringLiteral("a\\x85b");
    QTest::newRow("line separator") << (QStringLiteral("a") + QChar(0x2028) + QStringLiteral("b"))
                                    << QStringLiteral("a\\u2028b");
    QTest::newRow("bidi override") << (QStringLiteral("exe.") + QChar(0x202e) + QStringLiteral("gpj"))
                                   << QStringLiteral("exe.\\u202egpj");
    QTest::newRow("backslash kept") << QStringLiteral("C:\\certs\\a.pem") << QStringLiteral("C:\\certs\\a.pem");
    QTest::newRow("empty") << QString() << QString();
}

void TestTextEscape::escaped()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(escapeControlCharacters(text), shown);
    const QString once = escapeControlCharacters(text);
    for (const QChar c : once)
        QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f && !(c.unicode() >= 0x80 && c.unicode() <= 0x9f),
                 qPrintable(once));
}

void TestTextEscape::keepLineBreaks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("lines") << QStringLiteral("one\ntwo\n") << QStringLiteral("one\ntwo\n");
    QTest::newRow("tabs") << QStringLiteral("\tindented") << QStringLiteral("\tindented");
    QTest::newRow("windows") << QStringLiteral("one\r\ntwo") << QStringLiteral("one\ntwo");
    QTest::newRow("lone cr") << QStringLiteral("one\rtwo") << QStringLiteral("one\\rtwo");
    QTest::newRow("escape") << QStringLiteral("nginx: \x1b]0;title\x07ok\n")
                            << QStringLiteral("nginx: \\x1b]0;title\\x07ok\n");
}

void TestTextEscape::keepLineBreaks()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(escapeControlCharacters(text, LineBreaks::Keep), shown);
}

QTEST_GUILESS_MAIN(TestTextEscape)
#include "tst_textescape.moc"
