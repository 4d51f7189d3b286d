#include "TestPki.h"
#include "pki/CheckService.h"
#include "pki/MaterialLoader.h"

#include <QFile>
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

private:
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
    const QString noRoots = QStringLiteral("No root certificate could be read from \"%1\".").arg(fifo);
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

QTEST_GUILESS_MAIN(TestHostileMaterial)
#include "tst_hostilematerial.moc"
