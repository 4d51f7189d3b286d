#include "pki/PemReader.h"

#include <QTest>

using namespace mtls;

class TestPemReader : public QObject
{
    Q_OBJECT
private slots:
    void blocks_data();
    void blocks();
    void encryptedHeaderKept();
    void truncatedBlockLeftOut();
    void blocksWithoutLineEnds();
    void scannerStopsWhenAsked();
};

static const QByteArray kBody = "MIIBszCCAVmgAwIBAgIUJ\nQ0FBQUFB\n";

void TestPemReader::blocks_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QByteArray>>("labels");

    const QByteArray cert = "-----BEGIN CERTIFICATE-----\n" + kBody + "-----END CERTIFICATE-----\n";
    const QByteArray key = "-----BEGIN PRIVATE KEY-----\n" + kBody + "-----END PRIVATE KEY-----\n";
    QTest::newRow("one") << cert << QList<QByteArray> {"CERTIFICATE"};
    QTest::newRow("two") << cert + key << QList<QByteArray> {"CERTIFICATE", "PRIVATE KEY"};
    QTest::newRow("crlf") << QByteArray(cert + key).replace("\n", "\r\n")
                          << QList<QByteArray> {"CERTIFICATE", "PRIVATE KEY"};
    QTest::newRow("cr only") << QByteArray(cert).replace("\n", "\r") << QList<QByteArray> {"CERTIFICATE"};
    QTest::newRow("bom") << "\xEF\xBB\xBF" + cert << QList<QByteArray> {"CERTIFICATE"};
    QTest::newRow("text around") << "Bag Attributes\n  friendlyName: x\nsubject=CN = a\n" + cert + "\ntrailing words\n"
            + key << QList<QByteArray> {"CERTIFICATE", "PRIVATE KEY"};
    QTest::newRow("indented") << QByteArray("    " + cert).replace("\n", "\n    ") << QList<QByteArray> {"CERTIFICATE"};
    QTest::newRow("none") << QByteArray("just words") << QList<QByteArray> {};
}

void TestPemReader::blocks()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QByteArray>, labels);
    const QList<PemBlock> blocks = readPemBlocks(input);
    QList<QByteArray> got;
    for (const PemBlock& b : blocks) {
        got << b.label;
        QVERIFY(b.text.startsWith("-----BEGIN " + b.label + "-----\n"));
        QVERIFY(b.text.endsWith("-----END " + b.label + "-----\n"));
        QVERIFY(!b.text.contains('\r'));
        QVERIFY(b.text.contains("Q0FBQUFB\n"));
    }
    QCOMPARE(got, labels);
}

void TestPemReader::encryptedHeaderKept()
{
    const QByteArray text
        = "-----BEGIN RSA PRIVATE KEY-----\r\nProc-Type: 4,ENCRYPTED\r\nDEK-Info: AES-256-CBC,00AA\r\n\r\n" + kBody
        + "-----END RSA PRIVATE KEY-----\r\n";
    const QList<PemBlock> blocks = readPemBlocks(text);
    QCOMPARE(blocks.size(), 1);
    QVERIFY(blocks.first().encryptedHeader);
    QVERIFY(blocks.first().text.contains("DEK-Info: AES-256-CBC,00AA\n\n"));
}

void TestPemReader::truncatedBlockLeftOut()
{
    const QByteArray text = "-----BEGIN CERTIFICATE-----\n" + kBody
        + "-----END CERTIFICATE-----\n"
          "-----BEGIN CERTIFICATE-----\n"
        + kBody;
    QCOMPARE(readPemBlocks(text).size(), 1);
}

// "-----BEGIN X----------END X-----" repeated without line ends (once a quadratic scan): every block found.
void TestPemReader::blocksWithoutLineEnds()
{
    QByteArray text;
    for (int i = 0; i < 4096; ++i)
        text += "-----BEGIN X----------END X-----";
    text += "-----BEGIN Y-----QUJD-----END Y-----";
    const QList<PemBlock> blocks = readPemBlocks(text);
    QCOMPARE(blocks.size(), 4097);
    QCOMPARE(blocks.first().text, QByteArray("-----BEGIN X-----\n-----END X-----\n"));
    QCOMPARE(blocks.last().label, QByteArray("Y"));
    QCOMPARE(blocks.last().text, QByteArray("-----BEGIN Y-----\nQUJD\n-----END Y-----\n"));
    // A BEGIN line whose label never closes on its line is not a block.
    QCOMPARE(readPemBlocks("-----BEGIN " + QByteArray(200, 'A') + "-----\n-----END " + QByteArray(200, 'A') + "-----")
                 .size(),
             0);
}

void TestPemReader::scannerStopsWhenAsked()
{
    const QByteArray cert = "-----BEGIN CERTIFICATE-----\n" + kBody + "-----END CERTIFICATE-----\n";
    PemScanner scanner(cert + cert + cert);
    PemBlock block;
    QVERIFY(scanner.next(&block));
    QCOMPARE(block.label, QByteArray("CERTIFICATE"));
    QVERIFY(scanner.next(&block));
    QVERIFY(scanner.next(&block));
    QVERIFY(!scanner.next(&block));
    QVERIFY(!scanner.next(&block));
}

QTEST_GUILESS_MAIN(TestPemReader)
#include "tst_pemreader.moc"
