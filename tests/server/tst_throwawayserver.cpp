#include "TestProcess.h"
#include "server/ThrowawayServer.h"

#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace mtls;

namespace {

QString plainSite(ServerKind kind, quint16 port)
{
    if (kind == ServerKind::Nginx)
        return QStringLiteral(
                   "server {\n    listen 127.0.0.1:%1;\n    location / { return 200 \"throwaway-%1\\n\"; }\n}\n")
            .arg(port);
    return QStringLiteral("<VirtualHost 127.0.0.1:%1>\n    DocumentRoot htdocs\n    <Directory htdocs>\n"
                          "        Require all granted\n    </Directory>\n</VirtualHost>\n")
        .arg(port);
}

ProcessResult curl(const QString& url)
{
    return runProcess(QStringLiteral("curl"),
                      {QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("10"), url});
}

bool portAccepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    return socket.waitForConnected(500);
}

} // namespace

class TestThrowawayServer : public QObject
{
    Q_OBJECT

private slots:
    void servesAndStops_data();
    void servesAndStops();
    void testReportsServerOutput_data();
    void testReportsServerOutput();
    void reloadTakesNewSite_data();
    void reloadTakesNewSite();
    void missingBinaryNamesPackage();
    void givenPrefixIsKept();
};

void TestThrowawayServer::servesAndStops_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::newRow("nginx") << ServerKind::Nginx;
    QTest::newRow("apache") << ServerKind::Apache;
}

void TestThrowawayServer::servesAndStops()
{
    QFETCH(ServerKind, kind);
    const quint16 port = freeLoopbackPort();
    ThrowawayServerOptions options;
    options.kind = kind;
    options.port = port;
    options.siteConfig = plainSite(kind, port);
    {
        ThrowawayServer server(options);
        QVERIFY2(server.prepare(), "prepare");
        QVERIFY(QFile::exists(server.mainConfigPath()));
        QFile index(server.prefix() + QStringLiteral("/htdocs/index.html"));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write(QByteArrayLiteral("throwaway-apache\n"));
        index.close();
        QFile::setPermissions(index.fileName(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);

        const Status started = server.start();
        QVERIFY2(started, qPrintable(started.error().fullText()));
        QVERIFY(server.isRunning());
        QCOMPARE(server.baseUrl(), QStringLiteral("https://127.0.0.1:%1").arg(port));
        const ProcessResult answer = curl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
        QCOMPARE(answer.exitCode, 0);
        QVERIFY2(answer.out.startsWith("throwaway-"), answer.out.constData());
        server.stop();
        QVERIFY(!server.isRunning());
        QVERIFY(!portAccepts(port));
        // start again after stop, then let the destructor stop it
        const Status again = server.start();
        QVERIFY2(again, qPrintable(again.error().fullText()));
        QVERIFY(portAccepts(port));
    }
    QVERIFY(!portAccepts(port));
}

void TestThrowawayServer::testReportsServerOutput_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<QString>("site");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nginx unknown directive")
        << ServerKind::Nginx << QStringLiteral("server {\n    listen 127.0.0.1:1;\n    no_such_directive on;\n}\n")
        << QStringLiteral("unknown directive \"no_such_directive\"");
    QTest::newRow("apache unknown directive")
        << ServerKind::Apache << QStringLiteral("<VirtualHost 127.0.0.1:1>\n    NoSuchDirective on\n</VirtualHost>\n")
        << QStringLiteral("NoSuchDirective");
}

void TestThrowawayServer::testReportsServerOutput()
{
    QFETCH(ServerKind, kind);
    QFETCH(QString, site);
    QFETCH(QString, expected);
    ThrowawayServerOptions options;
    options.kind = kind;
    options.port = freeLoopbackPort();
    options.siteConfig = site;
    ThrowawayServer server(options);
    const Status tested = server.test();
    QVERIFY(!tested);
    QVERIFY2(tested.error().detail.contains(expected), qPrintable(tested.error().detail));
    QVERIFY2(tested.error().detail.contains(QStringLiteral("site.conf")), qPrintable(tested.error().detail));
    const Status started = server.start();
    QVERIFY(!started);
    QVERIFY(!server.isRunning());
}

void TestThrowawayServer::reloadTakesNewSite_data()
{
    servesAndStops_data();
}

void TestThrowawayServer::reloadTakesNewSite()
{
    QFETCH(ServerKind, kind);
    const bool nginx = kind == ServerKind::Nginx;
    const quint16 port = freeLoopbackPort();
    ThrowawayServerOptions options;
    options.kind = kind;
    options.port = port;
    options.siteConfig = plainSite(kind, port);
    ThrowawayServer server(options);
    QVERIFY(server.prepare());
    QVERIFY(QDir().mkpath(server.prefix() + QStringLiteral("/second")));
    for (const auto& [file, text] : {std::pair {QStringLiteral("/htdocs/index.html"), QByteArray("throwaway-apache\n")},
                                     std::pair {QStringLiteral("/second/index.html"), QByteArray("second\n")}}) {
        QFile index(server.prefix() + file);
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write(text);
        index.close();
        QFile::setPermissions(index.fileName(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    }
    QFile::setPermissions(server.prefix() + QStringLiteral("/second"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
    const Status started = server.start();
    QVERIFY2(started, qPrintable(started.error().fullText()));
    const QString url = QStringLiteral("http://127.0.0.1:%1/").arg(port);
    QVERIFY(curl(url).out.startsWith("throwaway-"));

    // A broken site is refused and the old one keeps serving.
    QVERIFY(
        server.setSiteConfig(nginx ? QStringLiteral("server { listen 127.0.0.1:%1; broken }\n").arg(port)
                                   : QStringLiteral("<VirtualHost 127.0.0.1:%1>\nBroken\n</VirtualHost>\n").arg(port)));
    const Status broken = server.reload();
    QVERIFY(!broken);
    QVERIFY(!broken.error().detail.isEmpty());
    QVERIFY(curl(url).out.startsWith("throwaway-"));

    const QString second = nginx
        ? QStringLiteral("server {\n    listen 127.0.0.1:%1;\n    location / { return 200 \"second\\n\"; }\n}\n")
              .arg(port)
        : QStringLiteral("<VirtualHost 127.0.0.1:%1>\n    DocumentRoot second\n    <Directory second>\n"
                         "        Require all granted\n    </Directory>\n</VirtualHost>\n")
              .arg(port);
    QVERIFY(server.setSiteConfig(second));
    const Status reloaded = server.reload();
    QVERIFY2(reloaded, qPrintable(reloaded.error().fullText()));
    QCOMPARE(curl(url).out, QByteArray("second\n"));
}

void TestThrowawayServer::missingBinaryNamesPackage()
{
    ThrowawayServerOptions options;
    options.kind = ServerKind::Apache;
    options.binary = QStringLiteral("/nonexistent/apache2");
    options.port = freeLoopbackPort();
    ThrowawayServer server(options);
    const Status tested = server.test();
    QVERIFY(!tested);
    QVERIFY2(tested.error().message.contains(QStringLiteral("/nonexistent/apache2")),
             qPrintable(tested.error().message));
    QVERIFY2(tested.error().message.contains(QStringLiteral("apt-get install apache2")),
             qPrintable(tested.error().message));
    QVERIFY(!server.start());
}

void TestThrowawayServer::givenPrefixIsKept()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString prefix = dir.path() + QStringLiteral("/with space/inst");
    {
        ThrowawayServerOptions options;
        options.kind = ServerKind::Apache;
        options.port = freeLoopbackPort();
        options.prefix = prefix;
        options.siteConfig = plainSite(ServerKind::Apache, options.port);
        ThrowawayServer server(options);
        const Status tested = server.test();
        QVERIFY2(tested, qPrintable(tested.error().fullText()));
        QCOMPARE(server.prefix(), prefix);
    }
    QVERIFY(QFile::exists(prefix + QStringLiteral("/httpd.conf")));
}

QTEST_GUILESS_MAIN(TestThrowawayServer)
#include "tst_throwawayserver.moc"
