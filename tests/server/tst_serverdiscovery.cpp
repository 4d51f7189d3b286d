#include "TestProcess.h"
#include "server/ServerControl.h"
#include "server/ServerDiscovery.h"
#include "server/SiteConflicts.h"
#include "server/ThrowawayServer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mtls;

namespace {

bool touch(const QString& path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly);
}

} // namespace

class TestServerDiscovery : public QObject
{
    Q_OBJECT

private slots:
    void version_data();
    void version();
    void builtInConfigPath_data();
    void builtInConfigPath();
    void layouts_data();
    void layouts();
    void thisMachine_data();
    void thisMachine();
    void nginxDump();
    void apacheVirtualHosts();
    void liveConflicts_data();
    void liveConflicts();
    void explainError();
};

void TestServerDiscovery::version_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nginx") << ServerKind::Nginx << QStringLiteral("nginx version: nginx/1.22.1\n")
                           << QStringLiteral("1.22.1");
    QTest::newRow("nginx windows") << ServerKind::Nginx << QStringLiteral("nginx version: nginx/1.27.0")
                                   << QStringLiteral("1.27.0");
    QTest::newRow("apache debian") << ServerKind::Apache
                                   << QStringLiteral("Server version: Apache/2.4.57 (Debian)\nServer built: x")
                                   << QStringLiteral("2.4.57");
    QTest::newRow("apache rhel") << ServerKind::Apache
                                 << QStringLiteral("Server version: Apache/2.4.37 (Red Hat Enterprise Linux)")
                                 << QStringLiteral("2.4.37");
    QTest::newRow("nothing") << ServerKind::Apache << QStringLiteral("command not found") << QString();
}

void TestServerDiscovery::version()
{
    QFETCH(ServerKind, kind);
    QFETCH(QString, output);
    QFETCH(QString, expected);
    QCOMPARE(parseServerVersion(kind, output).toString(), expected);
}

void TestServerDiscovery::builtInConfigPath_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nginx debian") << ServerKind::Nginx
                                  << QStringLiteral("configure arguments: --with-cc-opt='-g' --prefix=/usr/share/nginx "
                                                    "--conf-path=/etc/nginx/nginx.conf --http-log-path=/var/log/x")
                                  << QStringLiteral("/etc/nginx/nginx.conf");
    QTest::newRow("nginx homebrew") << ServerKind::Nginx
                                    << QStringLiteral("--prefix=/opt/homebrew/Cellar/nginx/1.25.3 "
                                                      "--conf-path=/opt/homebrew/etc/nginx/nginx.conf")
                                    << QStringLiteral("/opt/homebrew/etc/nginx/nginx.conf");
    QTest::newRow("apache debian") << ServerKind::Apache
                                   << QStringLiteral(
                                          " -D HTTPD_ROOT=\"/etc/apache2\"\n -D SERVER_CONFIG_FILE=\"apache2.conf\"\n")
                                   << QStringLiteral("/etc/apache2/apache2.conf");
    QTest::newRow("apache rhel") << ServerKind::Apache
                                 << QStringLiteral(
                                        " -D HTTPD_ROOT=\"/etc/httpd\"\n -D SERVER_CONFIG_FILE=\"conf/httpd.conf\"\n")
                                 << QStringLiteral("/etc/httpd/conf/httpd.conf");
    QTest::newRow("apache absolute")
        << ServerKind::Apache
        << QStringLiteral(" -D HTTPD_ROOT=\"/usr\"\n -D SERVER_CONFIG_FILE=\"/etc/apache2/httpd.conf\"\n")
        << QStringLiteral("/etc/apache2/httpd.conf");
    QTest::newRow("nginx prefix only (BaoTa)")
        << ServerKind::Nginx
        << QStringLiteral("configure arguments: --user=www --prefix=/www/server/nginx --with-http_ssl_module")
        << QStringLiteral("/www/server/nginx/conf/nginx.conf");
    QTest::newRow("nginx relative conf-path")
        << ServerKind::Nginx << QStringLiteral("--prefix=/opt/n --conf-path=etc/main.conf")
        << QStringLiteral("/opt/n/etc/main.conf");
    QTest::newRow("nginx windows") << ServerKind::Nginx
                                   << QStringLiteral("configure arguments: --conf-path=conf/nginx.conf")
                                   << QStringLiteral("conf/nginx.conf");
    QTest::newRow("none") << ServerKind::Nginx << QStringLiteral("nginx version: nginx/1.22.1") << QString();
}

void TestServerDiscovery::builtInConfigPath()
{
    QFETCH(ServerKind, kind);
    QFETCH(QString, output);
    QFETCH(QString, expected);
    QCOMPARE(parseBuiltInConfigPath(kind, output), expected);
}

void TestServerDiscovery::layouts_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<QStringList>("files"); // a trailing "/" makes a directory
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QString>("mainConfig");
    QTest::addColumn<QString>("siteDir");
    QTest::addColumn<QString>("enabledDir");
    QTest::addColumn<bool>("needsInclude");
    QTest::newRow("nginx debian") << ServerKind::Nginx
                                  << QStringList {QStringLiteral("nginx.conf"), QStringLiteral("sites-available/"),
                                                  QStringLiteral("sites-enabled/"), QStringLiteral("conf.d/")}
                                  << QStringLiteral("debian") << QStringLiteral("nginx.conf")
                                  << QStringLiteral("sites-available") << QStringLiteral("sites-enabled") << false;
    QTest::newRow("nginx rhel-like (custom outside /etc)")
        << ServerKind::Nginx << QStringList {QStringLiteral("nginx.conf"), QStringLiteral("conf.d/")}
        << QStringLiteral("custom") << QStringLiteral("nginx.conf") << QStringLiteral("conf.d") << QString() << false;
    QTest::newRow("nginx alpine") << ServerKind::Nginx
                                  << QStringList {QStringLiteral("nginx.conf"), QStringLiteral("http.d/")}
                                  << QStringLiteral("alpine") << QStringLiteral("nginx.conf")
                                  << QStringLiteral("http.d") << QString() << false;
    QTest::newRow("nginx homebrew") << ServerKind::Nginx
                                    << QStringList {QStringLiteral("nginx.conf"), QStringLiteral("servers/")}
                                    << QStringLiteral("homebrew") << QStringLiteral("nginx.conf")
                                    << QStringLiteral("servers") << QString() << false;
    QTest::newRow("nginx windows") << ServerKind::Nginx
                                   << QStringList {QStringLiteral("conf/nginx.conf"), QStringLiteral("nginx.exe")}
                                   << QStringLiteral("windows") << QStringLiteral("conf/nginx.conf")
                                   << QStringLiteral("conf/mtls-assistant-sites") << QString() << true;
    QTest::newRow("apache debian") << ServerKind::Apache
                                   << QStringList {QStringLiteral("apache2.conf"), QStringLiteral("sites-available/"),
                                                   QStringLiteral("sites-enabled/"), QStringLiteral("mods-enabled/")}
                                   << QStringLiteral("debian") << QStringLiteral("apache2.conf")
                                   << QStringLiteral("sites-available") << QStringLiteral("sites-enabled") << false;
    QTest::newRow("apache rhel") << ServerKind::Apache
                                 << QStringList {QStringLiteral("conf/httpd.conf"), QStringLiteral("conf.d/")}
                                 << QStringLiteral("redhat") << QStringLiteral("conf/httpd.conf")
                                 << QStringLiteral("conf.d") << QString() << false;
    QTest::newRow("apache homebrew") << ServerKind::Apache
                                     << QStringList {QStringLiteral("httpd.conf"), QStringLiteral("extra/")}
                                     << QStringLiteral("homebrew") << QStringLiteral("httpd.conf")
                                     << QStringLiteral("extra") << QString() << true;
    QTest::newRow("apache windows") << ServerKind::Apache
                                    << QStringList {QStringLiteral("conf/httpd.conf"), QStringLiteral("bin/")}
                                    << QStringLiteral("windows") << QStringLiteral("conf/httpd.conf")
                                    << QStringLiteral("conf/extra") << QString() << true;
    QTest::newRow("apache custom") << ServerKind::Apache
                                   << QStringList {QStringLiteral("httpd.conf"), QStringLiteral("conf.d/")}
                                   << QStringLiteral("custom") << QStringLiteral("httpd.conf")
                                   << QStringLiteral("conf.d") << QString() << false;
}

void TestServerDiscovery::layouts()
{
    QFETCH(ServerKind, kind);
    QFETCH(QStringList, files);
    QFETCH(QString, layout);
    QFETCH(QString, mainConfig);
    QFETCH(QString, siteDir);
    QFETCH(QString, enabledDir);
    QFETCH(bool, needsInclude);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    for (const QString& file : files) {
        if (file.endsWith(QLatin1Char('/')))
            QVERIFY(QDir().mkpath(root.filePath(file)));
        else
            QVERIFY(touch(root.filePath(file)));
    }
    const ServerInstallation s = layoutOfRoot(kind, root.path());
    QCOMPARE(serverLayoutName(s.layout), layout);
    QCOMPARE(s.mainConfig, root.filePath(mainConfig));
    QCOMPARE(s.siteDir, root.filePath(siteDir));
    QCOMPARE(s.enabledDir, enabledDir.isEmpty() ? QString() : root.filePath(enabledDir));
    QCOMPARE(s.needsIncludeLine, needsInclude);
    QCOMPARE(s.certDir, root.filePath(QStringLiteral("mtls-assistant")));
}

void TestServerDiscovery::thisMachine_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<QString>("root");
    QTest::newRow("nginx") << ServerKind::Nginx << QStringLiteral("/etc/nginx");
    QTest::newRow("apache") << ServerKind::Apache << QStringLiteral("/etc/apache2");
}

// The Debian packages installed here: found without any option.
void TestServerDiscovery::thisMachine()
{
    QFETCH(ServerKind, kind);
    QFETCH(QString, root);
    const auto found = discoverServer(kind);
    QVERIFY2(found, qPrintable(found.error().fullText()));
    QCOMPARE(found->configRoot, root);
    QCOMPARE(found->layout, ServerLayout::Debian);
    QVERIFY(!found->version.isNull());
    QVERIFY(found->binary.endsWith(kind == ServerKind::Nginx ? QStringLiteral("/nginx") : QStringLiteral("/apache2")));
    QCOMPARE(found->siteDir, root + QStringLiteral("/sites-available"));

    DiscoveryOptions missing;
    missing.configRoot = QStringLiteral("/nonexistent/server-root");
    const auto refused = discoverServer(kind, missing);
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(QStringLiteral("--server-root")));
}

void TestServerDiscovery::nginxDump()
{
    const QString dump = QStringLiteral(
        "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n"
        "# configuration file /etc/nginx/nginx.conf:\n"
        "http {\n    upstream app { server 127.0.0.1:8080; }\n    include /etc/nginx/sites-enabled/*;\n}\n"
        "\n# configuration file /etc/nginx/sites-enabled/default:\n"
        "server {\n    listen 80 default_server;\n    listen [::]:80;\n    server_name _;\n}\n"
        "# a comment with server { inside\n"
        "server {\n    listen 443 ssl; # comment\n    server_name Hook.Example.com www.example.com;\n"
        "    location / { return 200 \"x;}\"; }\n}\n"
        "\n# configuration file /etc/nginx/conf.d/other.conf:\n"
        "server {\n    listen 127.0.0.1:8443 ssl;\n    server_name hook.example.com;\n}\n"
        "server { server_name noport.example.com; }\n");
    const QList<VirtualSite> sites = parseNginxDump(dump);
    QCOMPARE(sites.size(), 4);
    QCOMPARE(sites.at(0).file, QStringLiteral("/etc/nginx/sites-enabled/default"));
    QCOMPARE(sites.at(0).ports, QList<quint16> {80});
    QCOMPARE(sites.at(1).names, (QStringList {QStringLiteral("hook.example.com"), QStringLiteral("www.example.com")}));
    QCOMPARE(sites.at(1).ports, QList<quint16> {443});
    QCOMPARE(sites.at(1).line, 7);
    QCOMPARE(sites.at(2).ports, QList<quint16> {8443});
    QCOMPARE(sites.at(3).ports, QList<quint16> {80});

    Findings findings = siteConflictFindings(sites, QStringLiteral("hook.example.com"), {443}, QString());
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().code, QStringLiteral("SERVER_NAME_CONFLICT"));
    QVERIFY(findings.first().message.contains(QStringLiteral("/etc/nginx/sites-enabled/default:7")));
    QVERIFY(siteConflictFindings(sites, QStringLiteral("hook.example.com"), {443},
                                 QStringLiteral("/etc/nginx/sites-enabled/default"))
                .isEmpty());
    QVERIFY(siteConflictFindings(sites, QStringLiteral("other.example.com"), {443, 8443}, QString()).isEmpty());
    QCOMPARE(siteConflictFindings(sites, QStringLiteral("hook.example.com"), {443, 8443}, QString()).size(), 2);
}

void TestServerDiscovery::apacheVirtualHosts()
{
    const QString output
        = QStringLiteral("VirtualHost configuration:\n"
                         "*:443                  is a NameVirtualHost\n"
                         "         default server localhost (/etc/apache2/sites-enabled/default-ssl.conf:2)\n"
                         "         port 443 namevhost localhost (/etc/apache2/sites-enabled/default-ssl.conf:2)\n"
                         "         port 443 namevhost hook.example.com (/etc/apache2/sites-enabled/hook.conf:1)\n"
                         "                 alias www.example.com\n"
                         "*:80                   Other.Example.com (/etc/apache2/sites-enabled/000-default.conf:1)\n"
                         "ServerRoot: \"/etc/apache2\"\n");
    const QList<VirtualSite> sites = parseApacheVirtualHosts(output);
    QCOMPARE(sites.size(), 3);
    QCOMPARE(sites.at(1).names, (QStringList {QStringLiteral("hook.example.com"), QStringLiteral("www.example.com")}));
    QCOMPARE(sites.at(1).line, 1);
    QCOMPARE(sites.at(2).names, QStringList {QStringLiteral("other.example.com")});
    QCOMPARE(sites.at(2).ports, QList<quint16> {80});
    QCOMPARE(siteConflictFindings(sites, QStringLiteral("www.example.com"), {443}, QString()).size(), 1);
    QVERIFY(siteConflictFindings(sites, QStringLiteral("other.example.com"), {443}, QString()).isEmpty());
}

void TestServerDiscovery::liveConflicts_data()
{
    thisMachine_data();
}

// The real `nginx -T` / `apache2 -S` of a throwaway installation with a site for the same name and port.
void TestServerDiscovery::liveConflicts()
{
    QFETCH(ServerKind, kind);
    const quint16 port = freeLoopbackPort();
    const bool nginx = kind == ServerKind::Nginx;
    ThrowawayServerOptions options;
    options.kind = kind;
    options.port = port;
    options.siteConfig = nginx
        ? QStringLiteral("server {\n    listen 127.0.0.1:%1;\n    server_name hook.example.com;\n}\n").arg(port)
        : QStringLiteral("<VirtualHost 127.0.0.1:%1>\n    ServerName hook.example.com\n</VirtualHost>\n").arg(port);
    ThrowawayServer server(options);
    QVERIFY(server.prepare());
    const QString ours = server.prefix() + QStringLiteral("/conf.d/ours.conf");
    QFile file(ours);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(nginx ? QStringLiteral("server {\n    listen 127.0.0.1:%1;\n    server_name hook.example.com;\n}\n")
                           .arg(port)
                           .toUtf8()
                     : QStringLiteral("<VirtualHost 127.0.0.1:%1>\n    ServerName hook.example.com\n</VirtualHost>\n")
                           .arg(port)
                           .toUtf8());
    file.close();

    DiscoveryOptions discovery;
    discovery.binary = server.binary();
    discovery.configRoot = server.prefix();
    discovery.mainConfig = server.mainConfigPath();
    if (nginx)
        discovery.prefix = server.prefix();
    const auto installation = discoverServer(kind, discovery);
    QVERIFY2(installation, qPrintable(installation.error().fullText()));
    QCOMPARE(installation->layout, ServerLayout::Custom);
    QCOMPARE(installation->siteDir, server.prefix() + QStringLiteral("/conf.d"));
    QVERIFY(ServerControl(installation.value()).test());

    const auto conflicts = findSiteConflicts(installation.value(), QStringLiteral("hook.example.com"), {port}, ours);
    QVERIFY2(conflicts, qPrintable(conflicts.error().fullText()));
    QCOMPARE(conflicts->size(), 1);
    QCOMPARE(conflicts->first().subject, server.siteConfigPath());
    const auto otherPort
        = findSiteConflicts(installation.value(), QStringLiteral("hook.example.com"), {quint16(port + 1)}, ours);
    QVERIFY(otherPort && otherPort->isEmpty());
}

void TestServerDiscovery::explainError()
{
    const QString text = QStringLiteral("server {\n    listen 443 ssl;\n    bogus on;\n}\n");
    const QString nginx
        = ServerControl::explainError(QStringLiteral("nginx: [emerg] unknown directive \"bogus\" in /x/ours.conf:3"),
                                      QStringLiteral("/x/ours.conf"), text);
    QVERIFY2(nginx.endsWith(QStringLiteral("Line 3 of ours.conf: bogus on;")), qPrintable(nginx));
    const QString apache = ServerControl::explainError(
        QStringLiteral("AH00526: Syntax error on line 2 of /x/ours.conf:\nInvalid command 'listen'"),
        QStringLiteral("/x/ours.conf"), text);
    QVERIFY2(apache.endsWith(QStringLiteral("Line 2 of ours.conf: listen 443 ssl;")), qPrintable(apache));
    QCOMPARE(ServerControl::explainError(QStringLiteral("in /other.conf:1"), QStringLiteral("/x/ours.conf"), text),
             QStringLiteral("in /other.conf:1"));
}

QTEST_GUILESS_MAIN(TestServerDiscovery)
#include "tst_serverdiscovery.moc"
