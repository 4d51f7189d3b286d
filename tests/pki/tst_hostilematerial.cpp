#include "HostileMaterial.h"
#include "TestPki.h"
#include "TestZip.h"
#include "pki/CheckService.h"
#include "pki/MaterialLoader.h"
#include "pki/ServerMaterialSelector.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace mtls;

// Hostile certificate material is refused (or read) in bounded time and memory, each class with the finding that
// names its limit; legitimate material is unaffected. Times are not asserted here (machines are noisy): a class
// that hangs again fails on the test timeout, and tests/bench prints the figures.
class TestHostileMaterial : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void notRegularFiles_data();
    void notRegularFiles();
    void notRegularFilesInCheck();
    void nestedZipsShareOneInflationBudget();
    void nestedZipsShareOneItemBudget();
    void roundsAtAnyDepth_data();
    void roundsAtAnyDepth();
    void scryptParameters_data();
    void scryptParameters();
    void keyDerivationBudgetAcrossItems();
    void keyDerivationBudgetAcrossZipEntries();
    void pemFloodStopsAtItemLimit();
    void manyCertificatesAndKeys();
    void legitimatePkcs12Iterations_data();
    void legitimatePkcs12Iterations();

private:
    QString write(const QString& name, const QByteArray& data);
    static const Finding* find(const Material& m, const QString& code);

    QTemporaryDir m_dir;
    std::unique_ptr<TestPki> m_pki;
};

void TestHostileMaterial::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pki = std::make_unique<TestPki>(m_dir.path());
    QVERIFY2(m_pki->makeCa(QStringLiteral("root"), QStringLiteral("Test Root CA")), qPrintable(m_pki->lastError()));
    QVERIFY2(m_pki->makeServer(QStringLiteral("server"), {QStringLiteral("www.example.com")}, QStringLiteral("root")),
             qPrintable(m_pki->lastError()));
}

QString TestHostileMaterial::write(const QString& name, const QByteArray& data)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return QString();
    return path;
}

const Finding* TestHostileMaterial::find(const Material& m, const QString& code)
{
    for (const Finding& f : m.findings) {
        if (f.code == code)
            return &f;
    }
    return nullptr;
}

void TestHostileMaterial::notRegularFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("kind");
    const QString fifo = m_dir.filePath(QStringLiteral("cert.fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const QString socketPath = m_dir.filePath(QStringLiteral("cert.sock"));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(socketPath);
    QVERIFY(static_cast<size_t>(native.size()) < sizeof address.sun_path);
    std::memcpy(address.sun_path, native.constData(), static_cast<size_t>(native.size()));
    QVERIFY(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
    ::close(fd); // the socket file stays
    QTest::newRow("fifo") << fifo << "named pipe (FIFO)";
    QTest::newRow("socket") << socketPath << "socket";
    QTest::newRow("character device") << "/dev/zero"
                                      << "device";
}

void TestHostileMaterial::notRegularFiles()
{
    QFETCH(QString, path);
    QFETCH(QString, kind);
    const Material m = MaterialLoader().loadFile(path);
    QVERIFY(!m.hasCertificateOrKey());
    const Finding* f = find(m, QStringLiteral("FILE_UNREADABLE"));
    QVERIFY2(f, qPrintable(m.findings.value(0).code));
    QCOMPARE(f->message, QStringLiteral("\"%1\" is a %2, not a regular file: it was not read.").arg(path, kind));
    QVERIFY(!f->hint.isEmpty());
}

// --cert, --client-ca and --roots each given a FIFO: each refused, nothing waits for a writer.
void TestHostileMaterial::notRegularFilesInCheck()
{
    const QString fifo = m_dir.filePath(QStringLiteral("check.fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const QString refused
        = QStringLiteral("\"%1\" is a named pipe (FIFO), not a regular file: it was not read.").arg(fifo);
    const QString noRoots = QStringLiteral("No root certificate could be read from \"%1\".\n").arg(fifo) + refused;
    const struct
    {
        QString CheckInput::*field;
        QString message;
    } cases[]
        = {{&CheckInput::certPath, refused}, {&CheckInput::clientCaPath, refused}, {&CheckInput::rootsPath, noRoots}};
    for (const auto& c : cases) {
        CheckInput input;
        input.domain = QStringLiteral("www.example.com");
        input.certPath = m_pki->path(QStringLiteral("server.crt"));
        input.keyPath = m_pki->path(QStringLiteral("server.key"));
        input.clientCaPath = m_pki->path(QStringLiteral("root.crt"));
        input.rootsPath = m_pki->path(QStringLiteral("root.crt"));
        input.*c.field = fifo;
        const CheckReport report = runCheck(input);
        const bool refusedThere = std::any_of(report.findings.cbegin(), report.findings.cend(), [&](const Finding& f) {
            return f.code == QLatin1String("FILE_UNREADABLE") && f.message == c.message;
        });
        QVERIFY2(refusedThere, qPrintable(c.message));
        QVERIFY(!report.ok());
    }
}

void TestHostileMaterial::nestedZipsShareOneInflationBudget()
{
    // Each inner zip unpacks to 60 MiB, under the 64 MiB limit of one archive; eight of them are far over it.
    const QString bomb = m_dir.filePath(QStringLiteral("zip-of-zips.zip"));
    QVERIFY(hostile::writeNestedZipBomb(bomb, 8, 4, 15 << 20));
    const Material m = MaterialLoader().loadFile(bomb);
    QVERIFY(!m.hasCertificateOrKey());
    const Finding* f = find(m, QStringLiteral("ARCHIVE_REFUSED"));
    QVERIFY2(f, qPrintable(m.findings.value(0).message));
    QCOMPARE(
        f->message,
        QStringLiteral("The zip archive, with the archives inside it, unpacks to more than 64 MB in all: refused."));

    // One such inner zip alone is within the limits: not refused, just nothing usable in it.
    const QString one = m_dir.filePath(QStringLiteral("one-inner.zip"));
    QVERIFY(hostile::writeNestedZipBomb(one, 1, 4, 15 << 20));
    const Material single = MaterialLoader().loadFile(one);
    QVERIFY(!hasCode(single.findings, QStringLiteral("ARCHIVE_REFUSED")));
    QVERIFY(hasCode(single.findings, QStringLiteral("FORMAT_UNRECOGNIZED")));
}

void TestHostileMaterial::nestedZipsShareOneItemBudget()
{
    // Three inner zips of 20 entries each, every archive under its own 512 entries. Each entry counts once as an
    // archive entry and once for what is read from it: a.zip takes 3 + 20 + 20 items, b.zip's entries pass the
    // limit of 50 (the product's is 20,000; small figures keep the test quick). An inner zip alone takes 40.
    QList<TestZipEntry> inner;
    for (int i = 0; i < 20; ++i)
        inner.append({QStringLiteral("f%1.txt").arg(i), "x"});
    const QString innerPath = m_dir.filePath(QStringLiteral("inner-items.zip"));
    QVERIFY(writeTestZip(innerPath, inner));
    QFile innerFile(innerPath);
    QVERIFY(innerFile.open(QIODevice::ReadOnly));
    const QByteArray innerZip = innerFile.readAll();
    const QString outer = m_dir.filePath(QStringLiteral("outer-items.zip"));
    QVERIFY(writeTestZip(outer,
                         {{QStringLiteral("a.zip"), innerZip},
                          {QStringLiteral("b.zip"), innerZip},
                          {QStringLiteral("c.zip"), innerZip}}));
    LoadOptions options;
    options.work.maxItems = 50;
    const Material m = MaterialLoader(options).loadFile(outer);
    const Finding* f = find(m, QStringLiteral("ARCHIVE_REFUSED"));
    QVERIFY2(f, qPrintable(m.findings.value(0).message));
    QCOMPARE(f->message,
             QStringLiteral("The zip archive, with what it holds, has more than 50 files and blocks: refused."));
    QCOMPARE(f->subject, QStringLiteral("outer-items.zip:b.zip"));

    // Each inner zip alone is within that limit.
    QVERIFY(!hasCode(MaterialLoader(options).loadFile(innerPath).findings, QStringLiteral("ARCHIVE_REFUSED")));
}

void TestHostileMaterial::roundsAtAnyDepth_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("inZip");
    const quint64 hostileRounds = 2'147'483'647;
    QTest::newRow("pkcs12 key bag, top level") << hostile::pkcs12WithRounds(hostileRounds, 0) << false;
    QTest::newRow("pkcs12 key bag in a safeContents bag") << hostile::pkcs12WithRounds(hostileRounds, 1) << false;
    QTest::newRow("pkcs12 key bag three safeContents deep") << hostile::pkcs12WithRounds(hostileRounds, 3) << false;
    QTest::newRow("pkcs12 nested, inside a zip") << hostile::pkcs12WithRounds(hostileRounds, 1) << true;
    QTest::newRow("pkcs12 nested, inside an encrypted safe")
        << hostile::pkcs12WithKeyBagInEncryptedSafe(hostile::pbkdf2Pkcs8(hostileRounds), 1, "s3cret") << false;
    QTest::newRow("pkcs12 scrypt p = 16000 key bag, nested")
        << hostile::pkcs12WithKeyBag(hostile::scryptPkcs8(16384, 8, 16000), 2) << false;
    QTest::newRow("pkcs12 MAC") << hostile::pkcs12WithMacIterations(hostileRounds) << false;
    QTest::newRow("pkcs8 der") << hostile::pbkdf2Pkcs8(hostileRounds) << false;
    QTest::newRow("pkcs8 pem") << hostile::encryptedKeyPem(hostile::pbkdf2Pkcs8(hostileRounds)) << false;
    QTest::newRow("pkcs8 pem, inside a zip") << hostile::encryptedKeyPem(hostile::pbkdf2Pkcs8(hostileRounds)) << true;
}

void TestHostileMaterial::roundsAtAnyDepth()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, inZip);
    QString path = write(QStringLiteral("rounds.bin"), data);
    QString origin = QStringLiteral("rounds.bin");
    if (inZip) {
        path = m_dir.filePath(QStringLiteral("rounds.zip"));
        QVERIFY(writeTestZip(path, {{QStringLiteral("Nginx/server.pfx"), data}}));
        origin = QStringLiteral("rounds.zip:Nginx/server.pfx");
    }
    LoadOptions options;
    options.passphrase = "s3cret";
    const Material m = MaterialLoader(options).loadFile(path);
    QVERIFY(m.keys.isEmpty());
    const Finding* f = find(m, QStringLiteral("FORMAT_UNRECOGNIZED"));
    QVERIFY2(f, qPrintable(m.findings.value(0).code));
    QCOMPARE(f->message,
             QStringLiteral("\"%1\" asks for an unreasonable number of encryption rounds and was not opened (such a "
                            "file could keep the program busy for hours).")
                 .arg(origin));
}

void TestHostileMaterial::scryptParameters_data()
{
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint64>("r");
    QTest::addColumn<quint64>("p");
    QTest::newRow("p = 200") << quint64(16384) << quint64(8) << quint64(200);
    QTest::newRow("p = 16000") << quint64(16384) << quint64(8) << quint64(16000);
    QTest::newRow("N = 2^21") << (quint64(1) << 21) << quint64(1) << quint64(1);
    QTest::newRow("r = 64") << quint64(1024) << quint64(64) << quint64(1);
    QTest::newRow("N·r over 32 MB of memory") << quint64(1 << 20) << quint64(8) << quint64(1);
    QTest::newRow("N·r·p over the item cap") << quint64(1 << 17) << quint64(2) << quint64(16);
}

void TestHostileMaterial::scryptParameters()
{
    QFETCH(quint64, n);
    QFETCH(quint64, r);
    QFETCH(quint64, p);
    const QString path = write(QStringLiteral("scrypt.p8"), hostile::encryptedKeyPem(hostile::scryptPkcs8(n, r, p)));
    LoadOptions options;
    options.passphrase = "s3cret";
    const Material m = MaterialLoader(options).loadFile(path);
    QVERIFY(m.keys.isEmpty());
    const Finding* f = find(m, QStringLiteral("FORMAT_UNRECOGNIZED"));
    QVERIFY2(f, qPrintable(m.findings.value(0).code));
    QVERIFY2(f->message.contains(QLatin1String("unreasonable number of encryption rounds")), qPrintable(f->message));
}

void TestHostileMaterial::keyDerivationBudgetAcrossItems()
{
    // 30 keys at 600,000 rounds each: every one under the per-item cap, together 18,000,000.
    const QString path = write(QStringLiteral("thirty.pem"), hostile::manyEncryptedKeys(30, 600'000));
    LoadOptions options;
    options.passphrase = "s3cret";
    const Material m = MaterialLoader(options).loadFile(path);
    QVERIFY(m.keys.isEmpty());
    const Finding* f = find(m, QStringLiteral("WORK_LIMIT"));
    QVERIFY2(f, qPrintable(m.findings.value(0).code));
    QCOMPARE(f->severity, Severity::Error);
    QCOMPARE(f->message,
             QStringLiteral("\"thirty.pem\" asks for more than 1900000 encryption rounds in all (every encrypted key, "
                            "bag and integrity check counted): reading stopped there (such a file could keep the "
                            "program busy for hours)."));
    // Three keys were tried (and did not open: random bytes), then the read stopped at the fourth.
    QCOMPARE(m.findings.size(), 4);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m.findings.at(i).code, QStringLiteral("PASSPHRASE_WRONG"));
    QCOMPARE(m.findings.last().code, QStringLiteral("WORK_LIMIT"));

    // One key under the per-item cap but over the whole budget: refused before any work.
    const QString heavy = write(QStringLiteral("heavy.pem"), hostile::manyEncryptedKeys(1, 2'000'000));
    const Material h = MaterialLoader(options).loadFile(heavy);
    QCOMPARE(h.findings.size(), 1);
    QCOMPARE(h.findings.first().code, QStringLiteral("WORK_LIMIT"));
}

void TestHostileMaterial::keyDerivationBudgetAcrossZipEntries()
{
    // The same budget across the entries of a package (small figures keep the test quick).
    QList<TestZipEntry> entries;
    for (int i = 0; i < 10; ++i)
        entries.append({QStringLiteral("key%1.pem").arg(i), hostile::manyEncryptedKeys(1, 600)});
    const QString path = m_dir.filePath(QStringLiteral("keys.zip"));
    QVERIFY(writeTestZip(path, entries));
    LoadOptions options;
    options.passphrase = "s3cret";
    options.work.maxKeyDerivationWork = 2000;
    const Material m = MaterialLoader(options).loadFile(path);
    const Finding* f = find(m, QStringLiteral("WORK_LIMIT"));
    QVERIFY2(f, qPrintable(m.findings.value(0).code));
    QCOMPARE(f->subject, QStringLiteral("keys.zip:key3.pem")); // 3 x 600 spent, the fourth is over 2000
    QVERIFY(f->message.contains(QLatin1String("more than 2000 encryption rounds in all")));
}

void TestHostileMaterial::pemFloodStopsAtItemLimit()
{
    const QString path = write(QStringLiteral("flood.pem"), hostile::pemFlood(1 << 20)); // 32,768 blocks
    const Material m = MaterialLoader().loadFile(path);
    QVERIFY(!m.hasCertificateOrKey());
    const Finding* f = find(m, QStringLiteral("FILE_TOO_LARGE"));
    QVERIFY2(f, qPrintable(m.findings.value(0).code));
    QCOMPARE(f->message,
             QStringLiteral("\"flood.pem\" holds more than 20000 certificates, keys, archive entries and other blocks: "
                            "reading stopped there."));
    // One word about the unknown kind of block, not one per block.
    int leftAside = 0;
    for (const Finding& finding : m.findings)
        leftAside += finding.message.contains(QLatin1String("which was left aside"));
    QCOMPARE(leftAside, 1);

    // The same inside a package: the items of the archive and of its entries share the limit.
    const QString zip = m_dir.filePath(QStringLiteral("flood.zip"));
    QVERIFY(writeTestZip(zip, {{QStringLiteral("certs/flood.pem"), hostile::pemFlood(1 << 20)}}));
    const Material zipped = MaterialLoader().loadFile(zip);
    QVERIFY(!zipped.hasCertificateOrKey());
    const Finding* inZip = find(zipped, QStringLiteral("FILE_TOO_LARGE"));
    QVERIFY2(inZip, qPrintable(zipped.findings.value(0).code));
    QCOMPARE(inZip->subject, QStringLiteral("flood.zip:certs/flood.pem"));
}

void TestHostileMaterial::manyCertificatesAndKeys()
{
    // Read, not refused: 2,000 certificates and 2,000 keys that fit none of them.
    const QString unrelated = write(QStringLiteral("unrelated.pem"), hostile::certificatesAndKeys(2000, 2000));
    const Material m = MaterialLoader().loadFile(unrelated);
    QCOMPARE(m.certificates.size(), 2000);
    QCOMPARE(m.keys.size(), 2000);
    const ServerSelection s = selectServerMaterial(m, QStringLiteral("www.example.com"));
    QVERIFY(s.material.key.isNull());
    QVERIFY(hasCode(s.findings, QStringLiteral("KEY_MISMATCH")));

    // The one key that fits is found among the others, and its certificate chosen.
    const QString matching = write(QStringLiteral("matching.pem"), hostile::certificatesAndKeys(300, 300, true));
    const Material withKey = MaterialLoader().loadFile(matching);
    const ServerSelection found = selectServerMaterial(withKey, QStringLiteral("www.example.com"));
    QVERIFY(!found.material.key.isNull());
    QCOMPARE(found.material.leaf, withKey.certificates.constLast().certificate);
    QVERIFY(found.material.key.matches(found.material.leaf));
    QVERIFY(!hasCode(found.findings, QStringLiteral("KEY_MISMATCH")));
}

void TestHostileMaterial::legitimatePkcs12Iterations_data()
{
    QTest::addColumn<int>("iterations");
    QTest::newRow("2,048") << 2048;
    QTest::newRow("600,000 (Windows)") << 600000;
}

// MAC, key bag and certificate safe all at the iteration count: still read.
void TestHostileMaterial::legitimatePkcs12Iterations()
{
    QFETCH(int, iterations);
    const QString name = QStringLiteral("iter%1.pfx").arg(iterations);
    QVERIFY(m_pki->openssl({QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-in"),
                            QStringLiteral("server.crt"), QStringLiteral("-inkey"), QStringLiteral("server.key"),
                            QStringLiteral("-certfile"), QStringLiteral("root.crt"), QStringLiteral("-iter"),
                            QString::number(iterations), QStringLiteral("-passout"), QStringLiteral("pass:s3cret"),
                            QStringLiteral("-out"), name}));
    QProcess openssl; // -info writes to standard error
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("pkcs12"), QStringLiteral("-in"), m_pki->path(name), QStringLiteral("-info"),
                   QStringLiteral("-noout"), QStringLiteral("-passin"), QStringLiteral("pass:s3cret")});
    QVERIFY(openssl.waitForFinished(60000));
    const QByteArray info = openssl.readAll();
    const QByteArray count = "Iteration " + QByteArray::number(iterations);
    QVERIFY2(info.contains("MAC: sha256, " + count), info.constData());
    QVERIFY2(info.count(count) == 3, info.constData()); // MAC, certificate safe, key bag
    LoadOptions options;
    options.passphrase = "s3cret";
    const Material m = MaterialLoader(options).loadFile(m_pki->path(name));
    QVERIFY2(!hasError(m.findings), qPrintable(m.findings.value(0).message));
    QCOMPARE(m.certificates.size(), 2);
    QCOMPARE(m.keys.size(), 1);
    QVERIFY(m.keys.first().key.matches(m.certificates.first().certificate)); // the key's certificate first
}

QTEST_GUILESS_MAIN(TestHostileMaterial)
#include "tst_hostilematerial.moc"
