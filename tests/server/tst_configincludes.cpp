// The include graph of real-world main configurations, and the site directory chosen from it.

#include "server/ConfigGenerator.h"
#include "server/ConfigIncludes.h"
#include "server/SitePlacement.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace mtls;
using namespace Qt::StringLiterals;

namespace {

using Files = QHash<QString, QString>;

// Files given as path, text, path, text...
Files filesOf(const QStringList& pairs)
{
    Files files;
    for (qsizetype i = 0; i + 1 < pairs.size(); i += 2)
        files.insert(pairs.at(i), pairs.at(i + 1));
    return files;
}

ConfigGraph graphOf(ServerKind kind, const QString& main, const QString& root, const Files& files)
{
    const ConfigFileReader read = [&files](const QString& path) -> std::optional<QString> {
        if (!files.contains(path))
            return std::nullopt;
        return files.value(path);
    };
    const ConfigGlob glob = [&files](const QString& pattern) {
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(pattern));
        QStringList matched;
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (re.match(it.key()).hasMatch())
                matched << it.key();
        }
        matched.sort();
        return matched;
    };
    return readConfigGraph(kind, main, root, read, glob);
}

const QString kDebianNginx = QStringLiteral(
    "user www-data;\nworker_processes auto;\npid /run/nginx.pid;\ninclude /etc/nginx/modules-enabled/*.conf;\n"
    "events {\n\tworker_connections 768;\n}\nhttp {\n\tsendfile on;\n\tinclude /etc/nginx/mime.types;\n"
    "\t# include /etc/nginx/naxsi_core.rules;\n\tinclude /etc/nginx/conf.d/*.conf;\n"
    "\tinclude /etc/nginx/sites-enabled/*;\n}\n#mail {\n#\tserver { listen localhost:110; }\n#}\n");
const QString kRhelNginx = QStringLiteral(
    "user nginx;\ninclude /usr/share/nginx/modules/*.conf;\nevents { worker_connections 1024; }\nhttp {\n"
    "    include /etc/nginx/mime.types;\n    include /etc/nginx/conf.d/*.conf;\n    server {\n"
    "        listen 80;\n        include /etc/nginx/default.d/*.conf;\n    }\n}\n");
const QString kAlpineNginx
    = QStringLiteral("user nginx;\ninclude /etc/nginx/modules/*.conf;\ninclude /etc/nginx/conf.d/*.conf;\n"
                     "events { worker_connections 1024; }\nhttp {\n\tinclude /etc/nginx/mime.types;\n"
                     "\tinclude /etc/nginx/http.d/*.conf;\n}\n");
const QString kNginxOrg = QStringLiteral(
    "user  nginx;\nevents {\n    worker_connections  1024;\n}\nhttp {\n    include       /etc/nginx/mime.types;\n"
    "    log_format  main  '$remote_addr - \"$request\" ';\n    include /etc/nginx/conf.d/*.conf;\n}\n");
const QString kHomebrewNginx = QStringLiteral(
    "worker_processes  1;\nevents {\n    worker_connections  1024;\n}\nhttp {\n    include       mime.types;\n"
    "    server {\n        listen       8080;\n        location / { root html; }\n    }\n    include servers/*;\n}\n");
const QString kWindowsNginx = QStringLiteral(
    "worker_processes  1;\nevents {\n    worker_connections  1024;\n}\nhttp {\n    include       mime.types;\n"
    "    server {\n        listen       80;\n        server_name  localhost;\n    }\n}\n");
const QString kBaotaNginx = QStringLiteral(
    "user  www www;\nworker_processes auto;\nerror_log  /www/wwwlogs/nginx_error.log  crit;\n"
    "pid        /www/server/nginx/logs/nginx.pid;\nstream {\n    log_format tcp_format '$time_local|$remote_addr';\n"
    "    include /www/server/panel/vhost/nginx/tcp/*.conf;\n}\nevents {\n    use epoll;\n}\nhttp {\n"
    "    include       mime.types;\n    #include luawaf.conf;\n    include proxy.conf;\n    server {\n"
    "        listen 888;\n        server_name phpmyadmin;\n        include enable-php.conf;\n    }\n"
    "    include /www/server/panel/vhost/nginx/*.conf;\n}\n");
const QString kDebianApache
    = QStringLiteral("DefaultRuntimeDir ${APACHE_RUN_DIR}\nPidFile ${APACHE_PID_FILE}\n"
                     "IncludeOptional mods-enabled/*.load\nIncludeOptional mods-enabled/*.conf\nInclude ports.conf\n"
                     "<Directory />\n\tOptions FollowSymLinks\n</Directory>\nIncludeOptional conf-enabled/*.conf\n"
                     "IncludeOptional sites-enabled/*.conf\n");
const QString kRhelApache
    = QStringLiteral("ServerRoot \"/etc/httpd\"\nListen 80\nInclude conf.modules.d/*.conf\nUser apache\n"
                     "<Directory />\n    AllowOverride none\n</Directory>\nIncludeOptional conf.d/*.conf\n");
const QString kAlpineApache
    = QStringLiteral("ServerRoot /var/www\nListen 80\nLoadModule mpm_prefork_module modules/mod_mpm_prefork.so\n"
                     "IncludeOptional /etc/apache2/conf.d/*.conf\n");
const QString kHomebrewApache = QStringLiteral(
    "ServerRoot \"/opt/homebrew/opt/httpd\"\nListen 8080\n"
    "# Include /opt/homebrew/etc/httpd/extra/httpd-ssl.conf\n"
    "<IfModule proxy_html_module>\nInclude /opt/homebrew/etc/httpd/extra/proxy-html.conf\n</IfModule>\n");
const QString kWindowsApache = QStringLiteral(
    "Define SRVROOT \"c:/Apache24\"\nServerRoot \"${SRVROOT}\"\nListen 80\n"
    "#Include conf/extra/httpd-vhosts.conf\n<IfModule ssl_module>\n#Include conf/extra/httpd-ssl.conf\n"
    "</IfModule>\n");
const QString kBaotaApache = QStringLiteral(
    "ServerRoot \"/www/server/apache\"\nListen 80\nListen 443\nInclude conf/extra/httpd-mpm.conf\n"
    "Include conf/extra/httpd-default.conf\n<VirtualHost *:80>\n    ServerName SSL.INIT\n"
    "    Include conf/extra/snippet/*.conf\n</VirtualHost>\nIncludeOptional /www/server/panel/vhost/apache/*.conf\n");

} // namespace

class TestConfigIncludes : public QObject
{
    Q_OBJECT

private slots:
    void siteDirectory_data();
    void siteDirectory();
    void nestedAndDump();
    void apacheAddresses();
    void apacheReadFiles();
    void includeLine();
    void apacheListenAndAddresses();
    void placeApache();
    void envvars();
};

void TestConfigIncludes::siteDirectory_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<QString>("root"); // nginx: the main configuration's directory; Apache: ServerRoot given by -d
    QTest::addColumn<QStringList>("files"); // path, text, ...; the first is the main configuration
    QTest::addColumn<QStringList>("dirs"); // directories that exist
    QTest::addColumn<QString>("preferred"); // the layout's usual directory
    QTest::addColumn<QString>("siteDir"); // empty: nothing fits
    QTest::addColumn<QString>("enabledDir");
    const auto N = ServerKind::Nginx;
    const auto A = ServerKind::Apache;
    const QString none;
    QTest::newRow("debian nginx") << N << u"/etc/nginx"_s << QStringList {u"/etc/nginx/nginx.conf"_s, kDebianNginx}
                                  << QStringList {u"/etc/nginx/sites-available"_s} << u"/etc/nginx/sites-enabled"_s
                                  << u"/etc/nginx/sites-available"_s << u"/etc/nginx/sites-enabled"_s;
    QTest::newRow("rhel nginx") << N << u"/etc/nginx"_s << QStringList {u"/etc/nginx/nginx.conf"_s, kRhelNginx}
                                << QStringList() << u"/etc/nginx/conf.d"_s << u"/etc/nginx/conf.d"_s << none;
    QTest::newRow("alpine nginx") << N << u"/etc/nginx"_s << QStringList {u"/etc/nginx/nginx.conf"_s, kAlpineNginx}
                                  << QStringList() << u"/etc/nginx/http.d"_s << u"/etc/nginx/http.d"_s << none;
    QTest::newRow("nginx.org package") << N << u"/etc/nginx"_s << QStringList {u"/etc/nginx/nginx.conf"_s, kNginxOrg}
                                       << QStringList() << u"/etc/nginx/conf.d"_s << u"/etc/nginx/conf.d"_s << none;
    QTest::newRow("homebrew nginx") << N << u"/opt/homebrew/etc/nginx"_s
                                    << QStringList {u"/opt/homebrew/etc/nginx/nginx.conf"_s, kHomebrewNginx}
                                    << QStringList() << u"/opt/homebrew/etc/nginx/servers"_s
                                    << u"/opt/homebrew/etc/nginx/servers"_s << none;
    QTest::newRow("windows nginx zip") << N << u"C:/nginx/conf"_s
                                       << QStringList {u"C:/nginx/conf/nginx.conf"_s, kWindowsNginx} << QStringList()
                                       << u"C:/nginx/conf/mtls-assistant-sites"_s << none << none;
    QTest::newRow("baota nginx") << N << u"/www/server/nginx/conf"_s
                                 << QStringList {u"/www/server/nginx/conf/nginx.conf"_s, kBaotaNginx} << QStringList()
                                 << u"/www/server/nginx/conf/conf.d"_s << u"/www/server/panel/vhost/nginx"_s << none;
    QTest::newRow("arbitrary tree")
        << N << u"/srv/web"_s
        << QStringList {u"/srv/web/main.conf"_s,
                        u"http {\n include hosts/*.vhost;\n include /srv/web/sites/*.conf;\n}\n"_s}
        << QStringList() << u"/srv/web/conf.d"_s << u"/srv/web/sites"_s << none;
    QTest::newRow("debian apache") << A << u"/etc/apache2"_s
                                   << QStringList {u"/etc/apache2/apache2.conf"_s, kDebianApache,
                                                   u"/etc/apache2/ports.conf"_s,
                                                   u"Listen 80\n<IfModule ssl_module>\n\tListen 443\n</IfModule>\n"_s}
                                   << QStringList {u"/etc/apache2/sites-available"_s} << u"/etc/apache2/sites-enabled"_s
                                   << u"/etc/apache2/sites-available"_s << u"/etc/apache2/sites-enabled"_s;
    QTest::newRow("debian apache, by name")
        << A << u"/etc/apache2"_s << QStringList {u"/etc/apache2/apache2.conf"_s, kDebianApache}
        << QStringList {u"/etc/apache2/sites-available"_s} << none << u"/etc/apache2/sites-available"_s
        << u"/etc/apache2/sites-enabled"_s;
    QTest::newRow("rhel apache") << A << u"/etc/httpd"_s << QStringList {u"/etc/httpd/conf/httpd.conf"_s, kRhelApache}
                                 << QStringList() << u"/etc/httpd/conf.d"_s << u"/etc/httpd/conf.d"_s << none;
    QTest::newRow("alpine apache") << A << u"/etc/apache2"_s
                                   << QStringList {u"/etc/apache2/httpd.conf"_s, kAlpineApache} << QStringList()
                                   << u"/etc/apache2/conf.d"_s << u"/etc/apache2/conf.d"_s << none;
    QTest::newRow("homebrew httpd") << A << u"/opt/homebrew/etc/httpd"_s
                                    << QStringList {u"/opt/homebrew/etc/httpd/httpd.conf"_s, kHomebrewApache}
                                    << QStringList() << u"/opt/homebrew/etc/httpd/extra"_s << none << none;
    QTest::newRow("windows apache zip") << A << u"C:/Apache24"_s
                                        << QStringList {u"C:/Apache24/conf/httpd.conf"_s, kWindowsApache}
                                        << QStringList() << u"C:/Apache24/conf/extra"_s << none << none;
    QTest::newRow("baota apache") << A << u"/www/server/apache"_s
                                  << QStringList {u"/www/server/apache/conf/httpd.conf"_s, kBaotaApache}
                                  << QStringList() << u"/www/server/apache/conf.d"_s
                                  << u"/www/server/panel/vhost/apache"_s << none;
    QTest::newRow("apache whole directory")
        << A << u"/srv/apache"_s << QStringList {u"/srv/apache/httpd.conf"_s, u"Include vhosts\n"_s}
        << QStringList {u"/srv/apache/vhosts"_s} << none << u"/srv/apache/vhosts"_s << none;
}

void TestConfigIncludes::siteDirectory()
{
    QFETCH(ServerKind, kind);
    QFETCH(QString, root);
    QFETCH(QStringList, files);
    QFETCH(QStringList, dirs);
    QFETCH(QString, preferred);
    QFETCH(QString, siteDir);
    QFETCH(QString, enabledDir);
    const ConfigGraph graph = graphOf(kind, files.first(), root, filesOf(files));
    QCOMPARE(graph.files.first(), files.first());
    const auto placement = chooseSiteDirectory(graph, QStringLiteral("mtls-assistant-hook.example.com.conf"),
                                               preferred.isEmpty() ? QStringList() : QStringList {preferred},
                                               [&dirs](const QString& dir) { return dirs.contains(dir); });
    QCOMPARE(placement.has_value(), !siteDir.isEmpty());
    if (!placement)
        return;
    QCOMPARE(placement->siteDir, siteDir);
    QCOMPARE(placement->enabledDir, enabledDir);
    QCOMPARE(placement->include.file, files.first());
}

// Includes inside included files keep their block; `nginx -T` output is split per file.
void TestConfigIncludes::nestedAndDump()
{
    const QString dump
        = QStringLiteral("# configuration file /x/nginx.conf:\nevents {}\nhttp {\n include conf.d/*.conf;\n}\n\n"
                         "# configuration file /x/conf.d/a.conf:\ninclude /x/vhosts/*.conf;\n"
                         "server { include /x/snippets/*.conf; }\n");
    const Files files = splitNginxDump(dump);
    QCOMPARE(files.size(), 2);
    QVERIFY(files.value(QStringLiteral("/x/conf.d/a.conf")).startsWith(QStringLiteral("include /x/vhosts")));
    const ConfigGraph graph = graphOf(ServerKind::Nginx, QStringLiteral("/x/nginx.conf"), QStringLiteral("/x"), files);
    QCOMPARE(graph.files, (QStringList {QStringLiteral("/x/nginx.conf"), QStringLiteral("/x/conf.d/a.conf")}));
    QCOMPARE(graph.includes.size(), 3);
    QCOMPARE(graph.includes.at(1).pattern, QStringLiteral("/x/vhosts/*.conf"));
    QCOMPARE(graph.includes.at(1).context, QStringLiteral("http"));
    QCOMPARE(graph.includes.at(1).line, 1);
    QCOMPARE(graph.includes.at(2).context, QStringLiteral("http/server"));
    QCOMPARE(graph.httpFile, QStringLiteral("/x/nginx.conf"));
    // conf.d is read from inside http {}, as is vhosts; conf.d wins by its name.
    const auto placement
        = chooseSiteDirectory(graph, QStringLiteral("mtls-assistant-a.conf"), {}, [](const QString&) { return false; });
    QVERIFY(placement);
    QCOMPARE(placement->siteDir, QStringLiteral("/x/conf.d"));
}

void TestConfigIncludes::apacheAddresses()
{
    const Files files = filesOf(
        {QStringLiteral("/a/httpd.conf"),
         QStringLiteral("Listen 80\n<IfModule ssl_module>\n  Listen 127.0.0.1:8443 https\n</IfModule>\n"
                        "Include sites/*.conf\n"),
         QStringLiteral("/a/sites/one.conf"),
         QStringLiteral("<VirtualHost *:443 192.0.2.1:8443 [::1]:443>\n  ServerName one\n  Listen 9\n</VirtualHost>\n"
                        "<VirtualHost _default_:80>\n</VirtualHost>\n")});
    const ConfigGraph graph = graphOf(ServerKind::Apache, QStringLiteral("/a/httpd.conf"), QStringLiteral("/a"), files);
    QCOMPARE(graph.listens.size(), 2);
    QCOMPARE(graph.listens.at(0).host, QStringLiteral("*"));
    QCOMPARE(graph.listens.at(0).port, quint16(80));
    QCOMPARE(graph.listens.at(1).host, QStringLiteral("127.0.0.1"));
    QCOMPARE(graph.listens.at(1).line, 3);
    QCOMPARE(graph.virtualHosts.size(), 4);
    QCOMPARE(graph.virtualHosts.at(1).host, QStringLiteral("192.0.2.1"));
    QCOMPARE(graph.virtualHosts.at(2).host, QStringLiteral("::1"));
    QCOMPARE(graph.virtualHosts.at(3).host, QStringLiteral("*"));
    QCOMPARE(graph.virtualHosts.at(3).file, QStringLiteral("/a/sites/one.conf"));
}

// What `apache2 -t -D DUMP_INCLUDES` says it read decides: an include inside a false condition is not a site
// directory, and the addresses of files it did not read do not count.
void TestConfigIncludes::apacheReadFiles()
{
    const QString dump = QStringLiteral("Included configuration files:\n  (*) /a/httpd.conf\n"
                                        "    (3) /a/sites/one.conf\nSyntax OK\n");
    QCOMPARE(parseApacheIncludeDump(dump),
             (QStringList {QStringLiteral("/a/httpd.conf"), QStringLiteral("/a/sites/one.conf")}));
    QVERIFY(parseApacheIncludeDump(QStringLiteral("Syntax OK\n")).isEmpty());

    const Files files = filesOf({QStringLiteral("/a/httpd.conf"),
                                 QStringLiteral("<IfModule !ssl_module>\n  Include old/*.conf\n</IfModule>\n"
                                                "Include sites/*.conf\n"),
                                 QStringLiteral("/a/old/x.conf"), QStringLiteral("Listen 8443\n"),
                                 QStringLiteral("/a/sites/one.conf"), QStringLiteral("Listen 443\n")});
    ConfigGraph graph = graphOf(ServerKind::Apache, QStringLiteral("/a/httpd.conf"), QStringLiteral("/a"), files);
    QCOMPARE(graph.includes.size(), 2);
    QCOMPARE(graph.listens.size(), 2);
    const ConfigGlob glob = [&files](const QString& pattern) {
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(pattern));
        QStringList matched;
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (re.match(it.key()).hasMatch())
                matched << it.key();
        }
        return matched;
    };
    keepReadFiles(graph, parseApacheIncludeDump(dump), glob);
    QCOMPARE(graph.includes.size(), 1);
    QCOMPARE(graph.includes.first().pattern, QStringLiteral("/a/sites/*.conf"));
    QCOMPARE(graph.listens.size(), 1);
    QCOMPARE(graph.listens.first().port, quint16(443));
}

void TestConfigIncludes::includeLine()
{
    QCOMPARE(includeLineFor(ServerKind::Nginx, QStringLiteral("/x/mtls-assistant-sites/")).value(),
             QStringLiteral("include \"/x/mtls-assistant-sites/*.conf\";"));
    QCOMPARE(includeLineFor(ServerKind::Apache, QStringLiteral("/x/sites")).value(),
             QStringLiteral("IncludeOptional \"/x/sites/*.conf\""));

    const QString main = QStringLiteral("events {}\nhttp {\n    server { listen 80; }\n}\n");
    const Files files {{QStringLiteral("/x/nginx.conf"), main}};
    const ConfigGraph graph = graphOf(ServerKind::Nginx, QStringLiteral("/x/nginx.conf"), QStringLiteral("/x"), files);
    const auto added = withIncludeLine(graph, main, QStringLiteral("include \"/x/s/*.conf\";"));
    QVERIFY(added);
    QCOMPARE(added.value(),
             QStringLiteral("events {}\nhttp {\n    server { listen 80; }\n"
                            "    # Added by mTLS Assistant: the sites it writes.\n"
                            "    include \"/x/s/*.conf\";\n}\n"));
    const QString oneLine = QStringLiteral("http { server { listen 80; } }");
    const ConfigGraph g2 = graphOf(ServerKind::Nginx, QStringLiteral("/x/nginx.conf"), QStringLiteral("/x"),
                                   {{QStringLiteral("/x/nginx.conf"), oneLine}});
    QVERIFY(
        withIncludeLine(g2, oneLine, QStringLiteral("include x;")).value().endsWith(QStringLiteral("include x;\n}")));

    const ConfigGraph noHttp = graphOf(ServerKind::Nginx, QStringLiteral("/x/nginx.conf"), QStringLiteral("/x"),
                                       {{QStringLiteral("/x/nginx.conf"), QStringLiteral("include http.conf;\n")}});
    QVERIFY(!withIncludeLine(noHttp, QStringLiteral("include http.conf;\n"), QStringLiteral("include x;")));

    const ConfigGraph apache = graphOf(ServerKind::Apache, QStringLiteral("/a/httpd.conf"), QStringLiteral("/a"),
                                       {{QStringLiteral("/a/httpd.conf"), QStringLiteral("Listen 80")}});
    QCOMPARE(withIncludeLine(apache, QStringLiteral("Listen 80"), QStringLiteral("IncludeOptional x")).value(),
             QStringLiteral("Listen 80\n# Added by mTLS Assistant: the sites it writes.\nIncludeOptional x\n"));
}

// The writer: Listen only where nothing listens yet; a site on every address also names the explicit addresses
// the other virtual hosts on its port use.
void TestConfigIncludes::apacheListenAndAddresses()
{
    ServerConfigRequest r;
    r.server = ServerKind::Apache;
    r.domain = QStringLiteral("hook.example.com");
    r.certificatePath = QStringLiteral("/c/fullchain.pem");
    r.keyPath = QStringLiteral("/c/privkey.pem");
    r.clientCaPath = QStringLiteral("/c/ca.pem");
    r.listen = {ListenAddress {QStringLiteral("127.0.0.1"), 8443}};
    QVERIFY(generateServerConfig(r)->text.contains(QStringLiteral("\nListen 127.0.0.1:8443\n")));
    r.apacheKnowsExisting = true;
    r.apacheExistingListen = {ListenAddress {QStringLiteral("*"), 8443}};
    QVERIFY(!generateServerConfig(r)->text.contains(QStringLiteral("\nListen ")));
    r.apacheExistingListen = {ListenAddress {QStringLiteral("127.0.0.2"), 8443}};
    QVERIFY(generateServerConfig(r)->text.contains(QStringLiteral("\nListen 127.0.0.1:8443\n")));
    r.apacheExistingListen.clear();
    r.listen = defaultListen(443);
    QVERIFY(generateServerConfig(r)->text.contains(QStringLiteral("\nListen 443\n")));
    r.apacheExistingListen = {ListenAddress {QStringLiteral("*"), 443}};
    r.apacheExistingVirtualHosts
        = {ListenAddress {QStringLiteral("192.0.2.1"), 443}, ListenAddress {QStringLiteral("*"), 443},
           ListenAddress {QStringLiteral("192.0.2.9"), 80}};
    const QString text = generateServerConfig(r)->text;
    QVERIFY2(text.contains(QStringLiteral("<VirtualHost *:443 192.0.2.1:443>")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("\nListen ")));
}

// apply's view of an Apache tree on the disk: what already listens, and the refusal of an explicit address beside
// virtual hosts on "*" (a warning with force). Our own earlier file does not count.
void TestConfigIncludes::placeApache()
{
    QTemporaryDir root;
    const auto write = [&root](const QString& name, const QByteArray& text) {
        QDir().mkpath(QFileInfo(root.filePath(name)).absolutePath());
        QFile file(root.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
    };
    QVERIFY(write(QStringLiteral("httpd.conf"), "Listen 127.0.0.1:8443\nInclude sites/*.conf\n"));
    QVERIFY(write(QStringLiteral("sites/other.conf"), "<VirtualHost *:8443>\n</VirtualHost>\n"));
    QVERIFY(write(QStringLiteral("sites/mtls-assistant-hook.conf"),
                  "Listen 9443\n<VirtualHost 127.0.0.1:8443>\n"
                  "</VirtualHost>\n"));
    ServerInstallation inst;
    inst.kind = ServerKind::Apache;
    inst.binary = root.filePath(QStringLiteral("no-such-apache2"));
    inst.configRoot = root.path();
    inst.mainConfig = root.filePath(QStringLiteral("httpd.conf"));
    const QString ours = QStringLiteral("mtls-assistant-hook.conf");

    ServerConfigRequest config;
    config.listen = {ListenAddress {QStringLiteral("0.0.0.0"), 8443}};
    Findings findings;
    QVERIFY(placeApacheAddresses(inst, ours, false, config, findings));
    QVERIFY(config.apacheKnowsExisting);
    QCOMPARE(config.apacheExistingListen, (QList<ListenAddress> {ListenAddress {QStringLiteral("127.0.0.1"), 8443}}));
    QCOMPARE(config.apacheExistingVirtualHosts.size(), 1);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().code, QStringLiteral("LISTEN_ADDRESS_LIMITED"));

    config.listen = {ListenAddress {QStringLiteral("127.0.0.1"), 8443}};
    findings.clear();
    const Status refused = placeApacheAddresses(inst, ours, false, config, findings);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(root.filePath(QStringLiteral("sites/other.conf")) + QStringLiteral(":1")),
             qPrintable(refused.error().message));
    QVERIFY(refused.error().message.contains(QStringLiteral("--force")));
    QVERIFY(placeApacheAddresses(inst, ours, true, config, findings));
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().code, QStringLiteral("VHOST_SHADOWS_SITES"));
    QCOMPARE(findings.first().severity, Severity::Warning);

    config.listen = {ListenAddress {QStringLiteral("127.0.0.1"), 9443}};
    findings.clear();
    QVERIFY(placeApacheAddresses(inst, ours, false, config, findings));
    QVERIFY(findings.isEmpty());
}

void TestConfigIncludes::envvars()
{
    QTemporaryDir root;
    QFile file(root.filePath(QStringLiteral("envvars")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("unset HOME\nif [ \"${APACHE_CONFDIR##/etc/apache2-}\" != \"${APACHE_CONFDIR}\" ] ; then\n"
               "\tSUFFIX=\"-${APACHE_CONFDIR##/etc/apache2-}\"\nelse\n\tSUFFIX=\nfi\n"
               "export APACHE_RUN_USER=www-data\nexport APACHE_RUN_DIR=/var/run/apache2$SUFFIX\n"
               "export APACHE_LOG_DIR=\"$APACHE_CONFDIR/logs\"\necho noise\n");
    file.close();
    const auto variables = apacheEnvvars(root.path());
    QCOMPARE(variables.value(QStringLiteral("APACHE_RUN_USER")), QStringLiteral("www-data"));
    QCOMPARE(variables.value(QStringLiteral("APACHE_RUN_DIR")), QStringLiteral("/var/run/apache2"));
    QCOMPARE(variables.value(QStringLiteral("APACHE_LOG_DIR")), root.path() + QStringLiteral("/logs"));
    QVERIFY(apacheEnvvars(root.filePath(QStringLiteral("none"))).isEmpty());
}

QTEST_GUILESS_MAIN(TestConfigIncludes)
#include "tst_configincludes.moc"
