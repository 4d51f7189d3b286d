// Apache configuration files as the server reads them (ApacheConfigParser) and the virtual host Apache picks for a
// name on a port (ApacheVirtualHosts), on files as users have them: Debian's default-ssl.conf, certbot's
// -le-ssl.conf with its included options file, a BaoTa panel site.

#include "server/ApacheConfigParser.h"
#include "server/ApacheVirtualHosts.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QTest>

using namespace mtls;
using namespace mtls::apacheconf;

namespace {

const QByteArray kDebianDefaultSsl = "<IfModule mod_ssl.c>\n"
                                     "\t<VirtualHost _default_:443>\n"
                                     "\t\tServerAdmin webmaster@localhost\n"
                                     "\n"
                                     "\t\tDocumentRoot /var/www/html\n"
                                     "\t\tErrorLog ${APACHE_LOG_DIR}/error.log\n"
                                     "\t\tCustomLog ${APACHE_LOG_DIR}/access.log combined\n"
                                     "\t\tSSLEngine on\n"
                                     "\t\tSSLCertificateFile\t/etc/ssl/certs/ssl-cert-snakeoil.pem\n"
                                     "\t\tSSLCertificateKeyFile /etc/ssl/private/ssl-cert-snakeoil.key\n"
                                     "\t\t#SSLVerifyClient require\n"
                                     "\t\t#SSLVerifyDepth  10\n"
                                     "\t\t<FilesMatch \"\\.(cgi|shtml|phtml|php)$\">\n"
                                     "\t\t\t\tSSLOptions +StdEnvVars\n"
                                     "\t\t</FilesMatch>\n"
                                     "\t\t<Directory /usr/lib/cgi-bin>\n"
                                     "\t\t\t\tSSLOptions +StdEnvVars\n"
                                     "\t\t</Directory>\n"
                                     "\t</VirtualHost>\n"
                                     "</IfModule>\n"
                                     "\n"
                                     "# vim: syntax=apache ts=4 sw=4 sts=4 sr noet\n";

const QByteArray kCertbotSite = "<IfModule mod_ssl.c>\n"
                                "<VirtualHost *:443>\n"
                                "    ServerName www.example.com\n"
                                "    ServerAlias example.com\n"
                                "    DocumentRoot /var/www/example\n"
                                "\n"
                                "Include /etc/letsencrypt/options-ssl-apache.conf\n"
                                "SSLCertificateFile /etc/letsencrypt/live/www.example.com/fullchain.pem\n"
                                "SSLCertificateKeyFile /etc/letsencrypt/live/www.example.com/privkey.pem\n"
                                "</VirtualHost>\n"
                                "</IfModule>\n";

const QByteArray kCertbotOptions
    = "# This file contains important security parameters. If you modify this file\n"
      "# manually, Certbot will be unable to automatically provide future security\n"
      "# updates.\n"
      "\n"
      "SSLEngine on\n"
      "\n"
      "# Intermediate configuration, tweak to your needs\n"
      "SSLProtocol             all -SSLv2 -SSLv3 -TLSv1 -TLSv1.1\n"
      "SSLCipherSuite          ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256\n"
      "SSLHonorCipherOrder     off\n"
      "SSLSessionTickets       off\n"
      "\n"
      "SSLOptions +StrictRequire\n"
      "\n"
      "# Add vhost name to log entries:\n"
      "LogFormat \"%h %l %u %t \\\"%r\\\" %>s %b \\\"%{Referer}i\\\" \\\"%{User-agent}i\\\"\" vhost_combined\n"
      "LogFormat \"%v %h %l %u %t \\\"%r\\\" %>s %b\" vhost_common\n";

// A BaoTa site, with a comment in GBK (not UTF-8) as old panels wrote them.
const QByteArray kBaoTaSite
    = "<VirtualHost *:80>\r\n"
      "    ServerAdmin webmaster@example.com\r\n"
      "    DocumentRoot \"/www/wwwroot/www.example.com\"\r\n"
      "    ServerName 1a2b3c4d.www.example.com\r\n"
      "    ServerAlias www.example.com\r\n"
      "    #HTTP_TO_HTTPS_START\r\n"
      "    <IfModule mod_rewrite.c>\r\n"
      "        RewriteEngine on\r\n"
      "        RewriteCond %{SERVER_PORT} !^443$\r\n"
      "        RewriteRule (.*) https://%{SERVER_NAME}$1 [L,R=301]\r\n"
      "    </IfModule>\r\n"
      "    #HTTP_TO_HTTPS_END\r\n"
      "     <Files ~ (\\.user.ini|\\.htaccess|\\.git|\\.svn|\\.project|LICENSE|README.md)$>\r\n"
      "       Order allow,deny\r\n"
      "       Deny from all\r\n"
      "    </Files>\r\n"
      "</VirtualHost>\r\n"
      "<VirtualHost *:443>\r\n"
      "    ServerAdmin webmaster@example.com\r\n"
      "    DocumentRoot \"/www/wwwroot/www.example.com/\"\r\n"
      "    ServerName SSL.www.example.com\r\n"
      "    ServerAlias www.example.com\r\n"
      "    # \xc9\xcf\xb4\xab\xb5\xc4\xd6\xa4\xca\xe9\r\n"
      "    #SSL\r\n"
      "    SSLEngine On\r\n"
      "    SSLCertificateFile /www/server/panel/vhost/cert/www.example.com/fullchain.pem\r\n"
      "    SSLCertificateKeyFile /www/server/panel/vhost/cert/www.example.com/privkey.pem\r\n"
      "    SSLCipherSuite EECDH+CHACHA20:EECDH+AES128:RSA+AES128:EECDH+AES256:RSA+AES256:!MD5\r\n"
      "    SSLProtocol All -SSLv2 -SSLv3 -TLSv1\r\n"
      "    SSLHonorCipherOrder On\r\n"
      "    <FilesMatch \\.php$>\r\n"
      "            SetHandler \"proxy:unix:/tmp/php-cgi-74.sock|fcgi://localhost\"\r\n"
      "    </FilesMatch>\r\n"
      "</VirtualHost>\r\n";

// What `apache2ctl -S` printed for a configuration with three addresses (Apache 2.4.57).
const QString kVirtualHostDump
    = QStringLiteral("AH00558: apache2: Could not reliably determine the server's fully qualified domain name\n"
                     "VirtualHost configuration:\n"
                     "[::1]:8445             six.example (/tmp/ref/a.conf:19)\n"
                     "127.0.0.1:8444         is a NameVirtualHost\n"
                     "         default server www.example.com (/tmp/ref/a.conf:16)\n"
                     "         port 8444 namevhost www.example.com (/tmp/ref/a.conf:16)\n"
                     "         port 8444 namevhost six.example (/tmp/ref/a.conf:19)\n"
                     "*:8443                 is a NameVirtualHost\n"
                     "         default server first.example (/tmp/ref/a.conf:9)\n"
                     "         port 8443 namevhost first.example (/tmp/ref/a.conf:9)\n"
                     "         port 8443 namevhost www.example.com (/tmp/ref/a.conf:12)\n"
                     "                 alias example.com\n"
                     "                 wild alias *.example.org\n"
                     "*:80                   localhost (/etc/apache2/sites-enabled/000-default.conf:1)\n"
                     "ServerRoot: \"/tmp/ref\"\n"
                     "Main DocumentRoot: \"/var/www/html\"\n"
                     "Define: DUMP_VHOSTS\n");

QStringList names(const QList<Directive>& directives)
{
    QStringList result;
    for (const Directive& d : directives)
        result << d.name;
    return result;
}

QStringList names(const QList<Placed>& directives)
{
    QStringList result;
    for (const Placed& p : directives)
        result << p.directive.name;
    return result;
}

} // namespace

class TestApacheConfig : public QObject
{
    Q_OBJECT

private slots:
    void virtualHostOfRealFiles_data();
    void virtualHostOfRealFiles();
    void offsetsCoverWholeLines();
    void debianFilesParse();
    void continuationLines();
    void includesInsideTheHost();
    void refusals_data();
    void refusals();
    void virtualHostDump();
    void chooseVirtualHost_data();
    void chooseVirtualHost();
    void nameMatching_data();
    void nameMatching();
};

void TestApacheConfig::virtualHostOfRealFiles_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QStringList>("addresses");
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QStringList>("sections");
    QTest::newRow("Debian default-ssl.conf") << kDebianDefaultSsl << 2 << QStringList {QStringLiteral("_default_:443")}
                                             << QStringLiteral("/etc/ssl/certs/ssl-cert-snakeoil.pem")
                                             << QStringList {QStringLiteral("FilesMatch"), QStringLiteral("Directory")};
    QTest::newRow("certbot -le-ssl.conf")
        << kCertbotSite << 2 << QStringList {QStringLiteral("*:443")}
        << QStringLiteral("/etc/letsencrypt/live/www.example.com/fullchain.pem") << QStringList();
    QTest::newRow("BaoTa site, CRLF, GBK comment")
        << kBaoTaSite << 18 << QStringList {QStringLiteral("*:443")}
        << QStringLiteral("/www/server/panel/vhost/cert/www.example.com/fullchain.pem")
        << QStringList {QStringLiteral("FilesMatch")};
}

void TestApacheConfig::virtualHostOfRealFiles()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QStringList, addresses);
    QFETCH(QString, certificate);
    QFETCH(QStringList, sections);
    const auto file = parse(QStringLiteral("/etc/apache2/sites-enabled/site.conf"), text);
    QVERIFY2(file, qPrintable(file.error().message));
    QVERIFY(!virtualHostAt(*file, line + 1));
    const Directive* host = virtualHostAt(*file, line);
    QVERIFY(host);
    QCOMPARE(host->args, addresses);
    QVERIFY(text.mid(host->closeStart, host->closeEnd - host->closeStart).trimmed() == "</VirtualHost>");
    QList<Directive> nested;
    for (const Directive& d : host->children) {
        if (d.section)
            nested << d;
    }
    QCOMPARE(names(nested), sections);
    const auto none = [](const QString& path) -> Result<File> { return Error {path}; };
    const auto directives = effectiveDirectives(*file, *host, QStringLiteral("/etc/apache2"), none,
                                                [](const QString&) { return QStringList(); });
    if (text == kCertbotSite) {
        QVERIFY(!directives); // it includes a file the loader does not have
        return;
    }
    QVERIFY2(directives, qPrintable(directives.error().message));
    QCOMPARE(lastValue(*directives, QLatin1StringView("SSLCertificateFile")), certificate);
    QCOMPARE(lastValue(*directives, QLatin1StringView("SSLVerifyClient")), QString()); // a comment does not count
}

void TestApacheConfig::offsetsCoverWholeLines()
{
    const auto file = parse(QStringLiteral("site.conf"), kBaoTaSite);
    QVERIFY(file);
    const Directive* host = virtualHostAt(*file, 18);
    QVERIFY(host);
    // Every directive spans whole lines: from the start of its line to just after its line end.
    for (const Directive& d : host->children) {
        QVERIFY(d.start == 0 || kBaoTaSite.at(d.start - 1) == '\n');
        QVERIFY(kBaoTaSite.at(d.end - 1) == '\n');
        QCOMPARE(kBaoTaSite.mid(d.start, d.indent.size()), d.indent);
    }
    const Directive& engine = host->children.at(4);
    QCOMPARE(engine.name, QStringLiteral("SSLEngine"));
    QCOMPARE(engine.line, 25);
    QCOMPARE(kBaoTaSite.mid(engine.start, engine.end - engine.start), QByteArray("    SSLEngine On\r\n"));
    QCOMPARE(engine.indent, QByteArray("    "));
    QCOMPARE(host->closeLine, 34);
    QCOMPARE(host->end, kBaoTaSite.size());
    // Quoted arguments lose their quotes; a quote escaped inside keeps its quote.
    const auto options = parse(QStringLiteral("options-ssl-apache.conf"), kCertbotOptions);
    QVERIFY(options);
    const Directive& logFormat = options->directives.at(options->directives.size() - 2);
    QCOMPARE(logFormat.args,
             QStringList({QStringLiteral("%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-agent}i\""),
                          QStringLiteral("vhost_combined")}));
}

// Every file of the installed Debian package parses (the suite installs apache2).
void TestApacheConfig::debianFilesParse()
{
    QStringList files {QStringLiteral("/etc/apache2/apache2.conf"), QStringLiteral("/etc/apache2/ports.conf")};
    for (const QString& dir :
         {QStringLiteral("sites-available"), QStringLiteral("conf-available"), QStringLiteral("mods-available")}) {
        const QDir folder(QStringLiteral("/etc/apache2/") + dir);
        for (const QString& name : folder.entryList({QStringLiteral("*.conf")}, QDir::Files))
            files << folder.filePath(name);
    }
    if (!QFile::exists(files.first()))
        QSKIP("Apache is not installed here.");
    QVERIFY(files.size() > 20);
    for (const QString& path : std::as_const(files)) {
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        const auto file = parse(path, f.readAll());
        QVERIFY2(file, qPrintable(file.error().message));
    }
}

void TestApacheConfig::continuationLines()
{
    const QByteArray text = "<VirtualHost *:443>\n"
                            "    ServerAlias a.example.com \\\n"
                            "        b.example.com\n"
                            "    SSLEngine on\n"
                            "</VirtualHost>";
    const auto file = parse(QStringLiteral("site.conf"), text);
    QVERIFY(file);
    const Directive* host = virtualHostAt(*file, 1);
    QVERIFY(host);
    const Directive& alias = host->children.at(0);
    QCOMPARE(alias.args, QStringList({QStringLiteral("a.example.com"), QStringLiteral("b.example.com")}));
    QCOMPARE(alias.line, 2);
    QCOMPARE(host->children.at(1).line, 4);
    QCOMPARE(host->closeLine, 5);
    QCOMPARE(host->closeEnd, text.size()); // no line end after the last line
}

void TestApacheConfig::includesInsideTheHost()
{
    const QHash<QString, QByteArray> files {
        {QStringLiteral("/etc/letsencrypt/options-ssl-apache.conf"), kCertbotOptions},
        {QStringLiteral("/etc/apache2/conf-extra/a.conf"), "SSLVerifyClient optional\n"},
        {QStringLiteral("/etc/apache2/conf-extra/b.conf"), "SSLVerifyDepth 3\n"},
    };
    const FileLoader load = [&files](const QString& path) -> Result<File> {
        if (!files.contains(path))
            return Error {QStringLiteral("No such file.")};
        return parse(path, files.value(path));
    };
    const ConfigGlob glob = [](const QString& pattern) -> QStringList {
        if (pattern == QLatin1String("/etc/apache2/conf-extra/*.conf"))
            return {QStringLiteral("/etc/apache2/conf-extra/a.conf"), QStringLiteral("/etc/apache2/conf-extra/b.conf")};
        return {};
    };
    QByteArray text = kCertbotSite;
    text.replace("</VirtualHost>",
                 "IncludeOptional conf-extra/*.conf\nIncludeOptional /nowhere/x.conf\n"
                 "<Location /im>\nSSLVerifyClient require\n</Location>\n</VirtualHost>");
    const auto file = parse(QStringLiteral("/etc/apache2/sites-enabled/site-le-ssl.conf"), text);
    QVERIFY(file);
    const auto directives
        = effectiveDirectives(*file, *virtualHostAt(*file, 2), QStringLiteral("/etc/apache2"), load, glob);
    QVERIFY2(directives, qPrintable(directives.error().message));
    QCOMPARE(lastValue(*directives, QLatin1StringView("SSLEngine")), QStringLiteral("on"));
    QCOMPARE(lastValue(*directives, QLatin1StringView("sslprotocol")),
             QStringLiteral("all -SSLv2 -SSLv3 -TLSv1 -TLSv1.1"));
    // The client verification of the host comes from the included file; the one inside <Location> is not the host's.
    QCOMPARE(lastValue(*directives, QLatin1StringView("SSLVerifyClient")), QStringLiteral("optional"));
    QCOMPARE(lastValue(*directives, QLatin1StringView("SSLVerifyDepth")), QStringLiteral("3"));
    QCOMPARE(directives->last().directive.name, QStringLiteral("Location"));
    QCOMPARE(directives->last().file, QStringLiteral("/etc/apache2/sites-enabled/site-le-ssl.conf"));
    for (const Placed& p : *directives) {
        if (p.directive.is(QLatin1StringView("SSLEngine")))
            QCOMPARE(p.file, QStringLiteral("/etc/letsencrypt/options-ssl-apache.conf"));
    }
    QVERIFY(!names(*directives).contains(QStringLiteral("IncludeOptional")));

    // Include (not optional) of a file that is not there: an Error naming the line.
    text.replace("IncludeOptional /nowhere/x.conf", "Include /nowhere/x.conf");
    const auto strict = parse(QStringLiteral("/etc/apache2/sites-enabled/site-le-ssl.conf"), text);
    QVERIFY(strict);
    const auto missing
        = effectiveDirectives(*strict, *virtualHostAt(*strict, 2), QStringLiteral("/etc/apache2"), load, glob);
    QVERIFY(!missing);
    QVERIFY2(missing.error().message.contains(QLatin1String("site-le-ssl.conf:11")),
             qPrintable(missing.error().message));

    // A file that includes itself stops at the nesting limit instead of running on.
    const QHash<QString, QByteArray> loop {
        {QStringLiteral("/etc/apache2/loop.conf"), "Include /etc/apache2/loop.conf\n"}};
    const FileLoader loadLoop = [&loop](const QString& path) -> Result<File> { return parse(path, loop.value(path)); };
    const auto looping = parse(QStringLiteral("/etc/apache2/site.conf"),
                               "<VirtualHost *:443>\nInclude /etc/apache2/loop.conf\n</VirtualHost>\n");
    QVERIFY(looping);
    const auto stopped
        = effectiveDirectives(*looping, *virtualHostAt(*looping, 1), QStringLiteral("/etc/apache2"), loadLoop, glob);
    QVERIFY(!stopped);
    QVERIFY2(stopped.error().message.contains(QLatin1String("nested more than")), qPrintable(stopped.error().message));
}

void TestApacheConfig::refusals_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("not closed") << QByteArray("<VirtualHost *:443>\nSSLEngine on\n")
                                << QStringLiteral("site.conf:1: <VirtualHost> is never closed.");
    QTest::newRow("wrong closing line")
        << QByteArray("<VirtualHost *:443>\n<Location /im>\n</VirtualHost>\n")
        << QStringLiteral("site.conf:3: </VirtualHost> closes no open section (<Location> from line 2 is still open).");
    QTest::newRow("closing without opening") << QByteArray("SSLEngine on\n</IfModule>\n")
                                             << QStringLiteral("site.conf:2: </IfModule> closes no open section.");
    QTest::newRow("section line without >") << QByteArray("<VirtualHost *:443\n</VirtualHost>\n")
                                            << QStringLiteral("site.conf:1: a section line without its closing \">\".");
    QTest::newRow("too deep") << QByteArray("<IfModule a>\n").repeated(40)
                              << QStringLiteral("site.conf:33: sections nested more than 32 deep.");
    QTest::newRow("line too long") << QByteArray("ServerAlias a \\\n").repeated(10000)
                                   << QStringLiteral("site.conf:1: a line longer than 64 KB.");
    QTest::newRow("too large") << QByteArray(5 * 1024 * 1024, '#')
                               << QStringLiteral("site.conf is larger than 4 MB: not an Apache configuration file "
                                                 "this program reads.");
}

void TestApacheConfig::refusals()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const auto file = parse(QStringLiteral("site.conf"), text);
    QVERIFY(!file);
    QCOMPARE(file.error().message, message);
}

void TestApacheConfig::virtualHostDump()
{
    const QList<ApacheVirtualHost> hosts = parseApacheVirtualHostDump(kVirtualHostDump);
    QCOMPARE(hosts.size(), 6);
    QCOMPARE(hosts.at(0).address, QStringLiteral("::1"));
    QCOMPARE(hosts.at(0).port, quint16(8445));
    QVERIFY(hosts.at(0).isDefault);
    QCOMPARE(hosts.at(1).address, QStringLiteral("127.0.0.1"));
    QVERIFY(hosts.at(1).isDefault);
    QVERIFY(!hosts.at(2).isDefault);
    QCOMPARE(hosts.at(2).serverName, QStringLiteral("six.example"));
    QCOMPARE(hosts.at(2).line, 19);
    const ApacheVirtualHost& www = hosts.at(4);
    QCOMPARE(www.address, QStringLiteral("*"));
    QCOMPARE(www.port, quint16(8443));
    QCOMPARE(www.aliases, QStringList({QStringLiteral("example.com"), QStringLiteral("*.example.org")}));
    QCOMPARE(www.file, QStringLiteral("/tmp/ref/a.conf"));
    QCOMPARE(www.line, 12);
    QCOMPARE(hosts.at(5).file, QStringLiteral("/etc/apache2/sites-enabled/000-default.conf"));
    QVERIFY(parseApacheVirtualHostDump(QStringLiteral("Syntax error on line 3")).isEmpty());
}

void TestApacheConfig::chooseVirtualHost_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<quint16>("port");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("line"); // 0: none
    QTest::newRow("server name") << QStringLiteral("www.example.com") << quint16(8443) << QStringLiteral("*") << 12;
    QTest::newRow("name in capitals") << QStringLiteral("WWW.Example.COM") << quint16(8443) << QStringLiteral("*")
                                      << 12;
    QTest::newRow("alias") << QStringLiteral("example.com") << quint16(8443) << QStringLiteral("*") << 12;
    QTest::newRow("wildcard alias") << QStringLiteral("im.example.org") << quint16(8443) << QStringLiteral("*") << 12;
    QTest::newRow("unknown name: the default")
        << QStringLiteral("other.example") << quint16(8443) << QStringLiteral("*") << 9;
    QTest::newRow("explicit address first")
        << QStringLiteral("six.example") << quint16(8444) << QStringLiteral("127.0.0.1") << 19;
    QTest::newRow("explicit address, unknown name")
        << QStringLiteral("nobody.example") << quint16(8444) << QStringLiteral("127.0.0.1") << 16;
    QTest::newRow("no host on the port") << QStringLiteral("www.example.com") << quint16(443) << QStringLiteral("*")
                                         << 0;
}

void TestApacheConfig::chooseVirtualHost()
{
    QFETCH(QString, name);
    QFETCH(quint16, port);
    QFETCH(QString, address);
    QFETCH(int, line);
    const auto host = chooseApacheVirtualHost(parseApacheVirtualHostDump(kVirtualHostDump), name, port, address);
    QCOMPARE(host ? host->line : 0, line);
}

void TestApacheConfig::nameMatching_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("matches");
    QTest::newRow("exact") << QStringLiteral("www.example.com") << QStringLiteral("www.example.com") << true;
    QTest::newRow("case") << QStringLiteral("WWW.example.com") << QStringLiteral("www.EXAMPLE.com") << true;
    QTest::newRow("star") << QStringLiteral("*.example.com") << QStringLiteral("im.example.com") << true;
    QTest::newRow("star spans dots") << QStringLiteral("*.example.com") << QStringLiteral("a.b.example.com") << true;
    QTest::newRow("star needs the suffix") << QStringLiteral("*.example.com") << QStringLiteral("example.com") << false;
    QTest::newRow("question mark") << QStringLiteral("im?.example.com") << QStringLiteral("im2.example.com") << true;
    QTest::newRow("dot is literal") << QStringLiteral("www.example.com") << QStringLiteral("wwwxexample.com") << false;
    QTest::newRow("prefix only") << QStringLiteral("www.example.com") << QStringLiteral("www.example.com.evil")
                                 << false;
}

void TestApacheConfig::nameMatching()
{
    QFETCH(QString, pattern);
    QFETCH(QString, name);
    QFETCH(bool, matches);
    QCOMPARE(apacheNameMatches(pattern, name), matches);
}

QTEST_GUILESS_MAIN(TestApacheConfig)
#include "tst_apacheconfig.moc"
