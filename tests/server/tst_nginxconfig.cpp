// The nginx configuration parser (NginxConfigParser), the choice of the server {} that answers a name (NginxSites)
// and the merge edit (NginxMerge), on real-world files: Debian's default site, certbot's output, a BaoTa site.

#include "server/NginxConfigParser.h"
#include "server/NginxMerge.h"
#include "server/NginxSites.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

using namespace mtls;
using namespace mtls::nginxconf;

namespace {

const QByteArray kDebianDefault
    = "##\n# You should look at the following URL's in order to grasp a solid understanding\n"
      "# of Nginx configuration files in order to fully unleash the power of Nginx.\n##\n"
      "server {\n\tlisten 80 default_server;\n\tlisten [::]:80 default_server;\n\n"
      "\t# SSL configuration\n\t#\n\t# listen 443 ssl default_server;\n"
      "\troot /var/www/html;\n\n\t# Add index.php to the list if you are using PHP\n"
      "\tindex index.html index.htm index.nginx-debian.html;\n\n\tserver_name _;\n\n"
      "\tlocation / {\n\t\t# First attempt to serve request as file, then\n"
      "\t\ttry_files $uri $uri/ =404;\n\t}\n}\n";

const QByteArray kCertbot
    = "server {\n    root /var/www/example;\n    index index.html;\n"
      "    server_name example.com www.example.com;\n\n    location / {\n"
      "        try_files $uri $uri/ =404;\n    }\n\n"
      "    listen [::]:443 ssl ipv6only=on; # managed by Certbot\n"
      "    listen 443 ssl http2; # managed by Certbot\n"
      "    ssl_certificate /etc/letsencrypt/live/example.com/fullchain.pem; # managed by Certbot\n"
      "    ssl_certificate_key /etc/letsencrypt/live/example.com/privkey.pem; # managed by Certbot\n"
      "    include /etc/letsencrypt/options-ssl-nginx.conf; # managed by Certbot\n"
      "    ssl_dhparam /etc/letsencrypt/ssl-dhparams.pem; # managed by Certbot\n\n}\n"
      "server {\n    if ($host = www.example.com) {\n        return 301 https://$host$request_uri;\n"
      "    } # managed by Certbot\n\n    listen 80;\n    listen [::]:80;\n"
      "    server_name example.com www.example.com;\n    return 404; # managed by Certbot\n}\n";

const QByteArray kBaota
    = "server\n{\n    listen 80;\n\tlisten 443 ssl http2;\n    server_name example.com www.example.com;\n"
      "    index index.php index.html index.htm default.php default.htm default.html;\n"
      "    root /www/wwwroot/example.com;\n\n    #SSL-START SSL related configuration\n"
      "    #error_page 404/404.html;\n"
      "    ssl_certificate    /www/server/panel/vhost/cert/example.com/fullchain.pem;\n"
      "    ssl_certificate_key    /www/server/panel/vhost/cert/example.com/privkey.pem;\n"
      "    ssl_protocols TLSv1.1 TLSv1.2 TLSv1.3;\n    ssl_prefer_server_ciphers on;\n"
      "    add_header Strict-Transport-Security \"max-age=31536000\";\n"
      "    error_page 497  https://$host$request_uri;\n    #SSL-END\n\n"
      "    #ERROR-PAGE-START  Error page configuration\n    #error_page 404 /404.html;\n"
      "    #ERROR-PAGE-END\n\n    include enable-php-74.conf;\n\n"
      "    location ~ .*\\.(gif|jpg|jpeg|png|bmp|swf)$\n    {\n        expires      30d;\n"
      "        error_log /dev/null;\n        access_log /dev/null;\n    }\n"
      "    access_log  /www/wwwlogs/example.com.log;\n}";

// The tree as text: name and arguments, blocks in braces, comments as #.
QString render(const QList<Directive>& directives)
{
    QStringList parts;
    for (const Directive& d : directives) {
        if (d.isComment())
            parts << QStringLiteral("#");
        else if (d.block)
            parts << QStringLiteral("%1[%2]{%3}").arg(d.name, d.args.join(QLatin1Char('|')), render(d.children));
        else
            parts << QStringLiteral("%1[%2]").arg(d.name, d.args.join(QLatin1Char('|')));
    }
    return parts.join(QLatin1Char(' '));
}

// Every directive's offsets frame it in the text.
bool offsetsHold(const QByteArray& text, const QList<Directive>& directives)
{
    for (const Directive& d : directives) {
        const QByteArray span = text.mid(d.start, d.end - d.start);
        if (d.isComment()) {
            if (!span.startsWith('#'))
                return false;
            continue;
        }
        if (!span.startsWith(d.name.toUtf8()) || !span.endsWith(d.block ? '}' : ';'))
            return false;
        if (d.block && (text.at(d.blockOpen) != '{' || text.at(d.blockClose) != '}'))
            return false;
        if (!offsetsHold(text, d.children))
            return false;
    }
    return true;
}

Config configOf(const QHash<QString, QByteArray>& files, const QString& main = QStringLiteral("/etc/nginx/nginx.conf"))
{
    const ByteReader read = [files](const QString& path) -> std::optional<QByteArray> {
        if (!files.contains(path))
            return std::nullopt;
        return files.value(path);
    };
    const Glob glob = [files](const QString& pattern) {
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(pattern));
        QStringList matched;
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (re.match(it.key()).hasMatch())
                matched << it.key();
        }
        matched.sort();
        return matched;
    };
    return parseConfig(main, QString(), read, glob);
}

QByteArray mainWith(const QByteArray& http)
{
    return "events { worker_connections 64; }\nhttp {\n" + http + "}\n";
}

const Directive* find(const QList<Directive>& list, const QString& name)
{
    for (const Directive& d : list) {
        if (d.name == name)
            return &d;
    }
    return nullptr;
}

MergeParams params(const QString& path = QStringLiteral("/im/callback"))
{
    MergeParams p;
    p.clientCaPath = QStringLiteral("/etc/nginx/mtls-assistant/example.com/client-ca.pem");
    p.webhookPath = path;
    p.upstream = configsyntax::parseUpstreamUrl(QStringLiteral("http://127.0.0.1:8080")).value();
    p.domain = QStringLiteral("example.com");
    p.accessLogPath = QStringLiteral("/var/log/nginx/mtls-webhook-example.com.log");
    return p;
}

} // namespace

class TestNginxConfig : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void refused_data();
    void refused();
    void hostileInputIsBounded();
    void includesFollowed();
    void listen_data();
    void listen();
    void selection_data();
    void selection();
    void merge_data();
    void merge();
    void mergeRefusals_data();
    void mergeRefusals();
    void replaceLocation();
    void includedFilesCount();
};

void TestNginxConfig::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("tree");
    QTest::newRow("debian default") << kDebianDefault
                                    << u"# # # # server[]{listen[80|default_server] listen[[::]:80|default_server] # "
                                       "# # root[/var/www/html] # index[index.html|index.htm|index.nginx-debian.html] "
                                       "server_name[_] location[/]{# try_files[$uri|$uri/|=404]}}"_qs;
    QTest::newRow("certbot")
        << kCertbot
        << u"server[]{root[/var/www/example] index[index.html] server_name[example.com|www.example."
           "com] location[/]{try_files[$uri|$uri/|=404]} listen[[::]:443|ssl|ipv6only=on] # "
           "listen[443|ssl|http2] # ssl_certificate[/etc/letsencrypt/live/example.com/fullchain."
           "pem] # ssl_certificate_key[/etc/letsencrypt/live/example.com/privkey.pem] # "
           "include[/etc/letsencrypt/options-ssl-nginx.conf] # ssl_dhparam[/etc/letsencrypt/ssl-"
           "dhparams.pem] #} server[]{if[($host|=|www.example.com)]{return[301|https://"
           "$host$request_uri]} # listen[80] listen[[::]:80] server_name[example.com|www.example."
           "com] return[404] #}"_qs;
    QTest::newRow("quotes and escapes") << QByteArray(
        "log_format x '$a \"q\" \\'s\\'' \"t\\\"u\";\nadd_header X \"a;b{c}\";\nset $v a\\ b;\n")
                                        << u"log_format[x|$a \"q\" 's'|t\"u] add_header[X|a;b{c}] set[$v|a\\ b]"_qs;
    QTest::newRow("regex name with braces")
        << QByteArray("server { server_name \"~^(?<n>\\w+)\\.example\\.(com|net){1}$\" ~^www\\d+\\.x\\.org$; }")
        << u"server[]{server_name[~^(?<n>\\w+)\\.example\\.(com|net){1}$|~^www\\d+\\.x\\.org$]}"_qs;
    QTest::newRow("variable in braces") << QByteArray("return 200 ${host}x;") << u"return[200|${host}x]"_qs;
    QTest::newRow("hash inside a word") << QByteArray("a b#c; # d\n") << u"a[b#c] #"_qs;
    QTest::newRow("crlf") << QByteArray("server {\r\n  listen 443 ssl;\r\n}\r\n") << u"server[]{listen[443|ssl]}"_qs;
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestNginxConfig::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, tree);
    const auto parsed = parseText(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    QCOMPARE(render(parsed.value()), tree);
    QVERIFY(offsetsHold(text, parsed.value()));
}

void TestNginxConfig::refused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::newRow("unclosed block") << QByteArray("http {\n server {\n }\n") << 4;
    QTest::newRow("stray brace") << QByteArray("a b;\n}\n") << 2;
    QTest::newRow("unclosed quote") << QByteArray("a \"b;\n") << 1;
    QTest::newRow("no semicolon") << QByteArray("a b") << 1;
    QTest::newRow("brace without name") << QByteArray("\n{ }") << 2;
    QTest::newRow("text after quote") << QByteArray("a \"b\"c;") << 1;
}

void TestNginxConfig::refused()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    const auto parsed = parseText(text);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.startsWith(QStringLiteral("line %1:").arg(line)),
             qPrintable(parsed.error().message));
}

void TestNginxConfig::hostileInputIsBounded()
{
    QElapsedTimer clock;
    clock.start();
    // A million nested blocks: refused at the depth limit, not by the stack.
    QVERIFY(!parseText(QByteArray(1000000, 'a').replace('a', "a{")).ok());
    // Larger than the file limit: refused before it is read as configuration.
    Limits limits;
    limits.maxFileBytes = 1024;
    QVERIFY(!parseText(QByteArray(2048, ';'), limits).ok());
    QVERIFY(!parseText(QByteArray(2048, 'x') + ';', limits).ok());
    // Millions of tiny directives: refused at the count limit, memory stays bounded.
    const auto many = parseText(QByteArray(4 * 1024 * 1024, ';').replace(';', "a;"));
    QVERIFY(!many.ok());
    QVERIFY2(many.error().message.contains(u"200000"_qs), qPrintable(many.error().message));
    // A file that includes itself, and a fan of includes: each file is read once.
    QHash<QString, QByteArray> files;
    files.insert(u"/etc/nginx/nginx.conf"_qs, "include nginx.conf; include f/*.conf;");
    for (int i = 0; i < 20; ++i)
        files.insert(u"/etc/nginx/f/%1.conf"_qs.arg(i, 2, 10, QLatin1Char('0')),
                     "include /etc/nginx/f/*.conf; include /etc/nginx/nginx.conf;");
    const Config config = configOf(files);
    QCOMPARE(config.files.size(), 21);
    int visits = 0;
    walk(config, [&visits](const Visit&) {
        ++visits;
        return true;
    });
    QVERIFY(visits > 0);
    QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
}

void TestNginxConfig::includesFollowed()
{
    QHash<QString, QByteArray> files;
    files.insert(u"/etc/nginx/nginx.conf"_qs,
                 mainWith("include mime.types;\ninclude /etc/nginx/conf.d/*.conf;\ninclude sites-enabled/*;\n"));
    files.insert(u"/etc/nginx/mime.types"_qs, "types { text/html html; }\n");
    files.insert(u"/etc/nginx/sites-enabled/b"_qs, "server { server_name b; }\n");
    files.insert(u"/etc/nginx/sites-enabled/a"_qs, "server { server_name a; include snippets/x.conf; }\n");
    files.insert(u"/etc/nginx/snippets/x.conf"_qs, "listen 8443 ssl;\n");
    const Config config = configOf(files);
    QVERIFY2(config.errors.isEmpty(), qPrintable(config.errors.join(QLatin1Char('\n'))));
    QStringList order;
    for (const File& f : config.files)
        order << f.path;
    QCOMPARE(order,
             QStringList({u"/etc/nginx/nginx.conf"_qs, u"/etc/nginx/mime.types"_qs, u"/etc/nginx/sites-enabled/a"_qs,
                          u"/etc/nginx/snippets/x.conf"_qs, u"/etc/nginx/sites-enabled/b"_qs}));
    const QList<Server> list = servers(config);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).names, QStringList {u"a"_qs});
    QCOMPARE(list.at(0).listens.size(), 1);
    QCOMPARE(list.at(0).listens.first().port, quint16(8443));
    QCOMPARE(list.at(1).listens.first().port, quint16(80)); // none written: *:80
    // A missing file named without a wildcard is reported.
    files.insert(u"/etc/nginx/nginx.conf"_qs, mainWith("include missing.conf;\n"));
    QCOMPARE(configOf(files).errors.size(), 1);
}

void TestNginxConfig::listen_data()
{
    QTest::addColumn<QString>("args");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("isDefault");
    QTest::addColumn<bool>("ssl");
    QTest::addColumn<bool>("http2");
    QTest::newRow("port") << u"443 ssl http2"_qs << u"*"_qs << 443 << false << true << true;
    QTest::newRow("v6 any") << u"[::]:443 ssl"_qs << u"::"_qs << 443 << false << true << false;
    QTest::newRow("v6 loopback") << u"[::1]:8443"_qs << u"::1"_qs << 8443 << false << false << false;
    QTest::newRow("address only") << u"127.0.0.1"_qs << u"127.0.0.1"_qs << 80 << false << false << false;
    QTest::newRow("star") << u"*:443 default_server ssl"_qs << u"*"_qs << 443 << true << true << false;
    QTest::newRow("0.0.0.0") << u"0.0.0.0:443 default"_qs << u"*"_qs << 443 << true << false << false;
    QTest::newRow("localhost") << u"localhost:8080"_qs << u"127.0.0.1"_qs << 8080 << false << false << false;
}

void TestNginxConfig::listen()
{
    QFETCH(QString, args);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(bool, isDefault);
    QFETCH(bool, ssl);
    QFETCH(bool, http2);
    const auto listen = parseListen(args.split(QLatin1Char(' ')));
    QVERIFY(listen);
    QCOMPARE(listen->host, host);
    QCOMPARE(int(listen->port), port);
    QCOMPARE(listen->defaultServer, isDefault);
    QCOMPARE(listen->ssl, ssl);
    QCOMPARE(listen->http2, http2);
    QVERIFY(!parseListen({u"[::1"_qs}));
    QVERIFY(!parseListen({u"99999"_qs}));
}

void TestNginxConfig::selection_data()
{
    QTest::addColumn<QByteArray>("sites");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("server"); // -1: none
    QTest::addColumn<QString>("kind");

    const QByteArray names = "server { listen 443 ssl; server_name ~^www\\d+\\.example\\.com$; }\n" // 0
                             "server { listen 443 ssl; server_name www.*; }\n" // 1
                             "server { listen 443 ssl; server_name *.example.com; }\n" // 2
                             "server { listen 443 ssl; server_name *.b.example.com; }\n" // 3
                             "server { listen 443 ssl; server_name www.example.com; }\n" // 4
                             "server { listen 443 ssl default_server; server_name other.test; }\n" // 5
                             "server { listen 443 ssl; server_name .example.org; }\n"; // 6
    QTest::newRow("exact before wildcards")
        << names << u"WWW.example.com"_qs << u"127.0.0.1"_qs << 443 << 4 << u"exact"_qs;
    QTest::newRow("longest leading wildcard")
        << names << u"a.b.example.com"_qs << u"127.0.0.1"_qs << 443 << 3 << u"leading_wildcard"_qs;
    QTest::newRow("leading before trailing")
        << names << u"www2.example.com"_qs << u"127.0.0.1"_qs << 443 << 2 << u"leading_wildcard"_qs;
    QTest::newRow("trailing before regex")
        << names << u"www.example.net"_qs << u"127.0.0.1"_qs << 443 << 1 << u"trailing_wildcard"_qs;
    QTest::newRow("dot form, bare") << names << u"example.org"_qs << u"127.0.0.1"_qs << 443 << 6
                                    << u"leading_wildcard"_qs;
    QTest::newRow("default_server") << names << u"nothing.test"_qs << u"127.0.0.1"_qs << 443 << 5
                                    << u"default_server"_qs;
    QTest::newRow("nothing on v6") << names << u"www.example.com"_qs << u"::1"_qs << 443 << -1 << QString();
    QTest::newRow("nothing on the port") << names << u"www.example.com"_qs << u"127.0.0.1"_qs << 8443 << -1
                                         << QString();

    const QByteArray regex = "server { listen 443; server_name a.test; }\n"
                             "server { listen 443; server_name ~^api\\.; }\n"
                             "server { listen 443; server_name ~^API\\.example; }\n";
    QTest::newRow("first regex in order, caseless")
        << regex << u"api.example.com"_qs << u"127.0.0.1"_qs << 443 << 1 << u"regex"_qs;
    QTest::newRow("first when no default") << regex << u"b.test"_qs << u"127.0.0.1"_qs << 443 << 0 << u"first"_qs;

    const QByteArray addresses = "server { listen 443 ssl; server_name www.example.com; }\n"
                                 "server { listen 127.0.0.1:443 ssl; server_name other.test; }\n"
                                 "server { listen [::]:443 ssl; listen 443 ssl; server_name www.example.com; }\n";
    // nginx: a server on the exact address takes every connection to it; wildcard ones do not answer there.
    QTest::newRow("explicit address wins")
        << addresses << u"www.example.com"_qs << u"127.0.0.1"_qs << 443 << 1 << u"first"_qs;
    QTest::newRow("other address, wildcard")
        << addresses << u"www.example.com"_qs << u"192.0.2.1"_qs << 443 << 0 << u"exact"_qs;
    QTest::newRow("v6 wildcard") << addresses << u"www.example.com"_qs << u"::1"_qs << 443 << 2 << u"exact"_qs;
}

void TestNginxConfig::selection()
{
    QFETCH(QByteArray, sites);
    QFETCH(QString, name);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(int, server);
    QFETCH(QString, kind);
    QHash<QString, QByteArray> files;
    files.insert(u"/etc/nginx/nginx.conf"_qs, mainWith("include sites/*.conf;\n"));
    files.insert(u"/etc/nginx/sites/a.conf"_qs, sites);
    const QList<Server> list = servers(configOf(files));
    const auto selected = selectServer(list, name, address, quint16(port));
    if (server < 0) {
        QVERIFY(!selected);
        return;
    }
    QVERIFY(selected);
    QCOMPARE(selected->server, server);
    QCOMPARE(matchKindName(selected->kind), kind);
    QCOMPARE(list.at(server).ordinal, server);
}

void TestNginxConfig::merge_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("ordinal");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("location");
    QTest::newRow("certbot") << kCertbot << 0 << u"/im/callback"_qs << u"location = /im/callback"_qs;
    QTest::newRow("baota") << kBaota << 0 << u"/im/callback"_qs << u"location = /im/callback"_qs;
    QTest::newRow("prefix path") << kCertbot << 0 << u"/im/"_qs << u"location ^~ /im/"_qs;
    QTest::newRow("crlf, brace on a code line")
        << QByteArray("server {\r\n\tlisten 443 ssl;\r\n\tserver_name a.test;\r\n\tssl_certificate a.pem;\r\n"
                      "\tlocation / { return 200; } }\r\n")
        << 0 << u"/hook"_qs << u"location = /hook"_qs;
    QTest::newRow("second of two blocks")
        << QByteArray("server { listen 80; }\nhttp2 on;\nserver {\n  listen 443 ssl;\n}\n# end\n") << 1 << u"/h"_qs
        << u"location = /h"_qs;
}

void TestNginxConfig::merge()
{
    QFETCH(QByteArray, text);
    QFETCH(int, ordinal);
    QFETCH(QString, path);
    QFETCH(QString, location);
    const auto edit = mergeWebhook(text, ordinal, {}, params(path), u"site.conf"_qs);
    QVERIFY2(edit.ok(), qPrintable(edit.error().message));
    QVERIFY(edit->changed);
    QCOMPARE(edit->location, location);
    // The webhook log: its format before the server block, its access_log in the location.
    const qsizetype format = edit->text.indexOf("log_format mtls_webhook_example_com escape=json");
    const qsizetype used = edit->text.indexOf("access_log \"/var/log/nginx/mtls-webhook-example.com.log\" "
                                              "mtls_webhook_example_com;");
    QVERIFY2(format >= 0 && used > format, edit->text.constData());
    QVERIFY(!edit->text.contains("Sign"));
    // Every byte of the file stays: the edit only adds lines, each marked.
    QCOMPARE(withoutMergedLines(edit->text), text);
    for (const QByteArray& line : edit->text.split('\n')) {
        if (line.contains("mTLS Assistant") || line.contains("ssl_verify_client"))
            QVERIFY2(line.trimmed().endsWith(kMergeMarker), line.constData());
    }
    // The file's own line ending.
    if (text.contains("\r\n"))
        QVERIFY(!edit->text.contains(QByteArray(kMergeMarker) + "\n"));

    // What nginx reads: the directives inside that server block, the location with an if that only returns 403.
    const auto parsed = parseText(edit->text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    int counter = 0;
    std::function<const Directive*(const QList<Directive>&)> nth
        = [&](const QList<Directive>& list) -> const Directive* {
        for (const Directive& d : list) {
            if (d.block && d.name == QLatin1String("server") && counter++ == ordinal)
                return &d;
        }
        return nullptr;
    };
    const Directive* server = nth(parsed.value());
    QVERIFY(server);
    const Directive* verify = find(server->children, u"ssl_verify_client"_qs);
    QVERIFY(verify);
    QCOMPARE(verify->args, QStringList {u"optional"_qs});
    QCOMPARE(find(server->children, u"ssl_client_certificate"_qs)->args,
             QStringList {u"/etc/nginx/mtls-assistant/example.com/client-ca.pem"_qs});
    QCOMPARE(find(server->children, u"ssl_verify_depth"_qs)->args, QStringList {u"2"_qs});
    const Directive* loc = nullptr;
    for (const Directive& d : server->children) {
        if (d.name == QLatin1String("location")
            && QStringLiteral("location ") + d.args.join(QLatin1Char(' ')) == location)
            loc = &d;
    }
    QVERIFY(loc);
    const Directive* guard = find(loc->children, u"if"_qs);
    QVERIFY(guard);
    QCOMPARE(guard->args, QStringList({u"($ssl_client_verify"_qs, u"!="_qs, u"SUCCESS)"_qs}));
    QCOMPARE(render(guard->children), u"return[403]"_qs);
    QCOMPARE(find(loc->children, u"proxy_pass"_qs)->args, QStringList {u"http://127.0.0.1:8080"_qs});
    bool verifyHeader = false;
    for (const Directive& d : loc->children)
        verifyHeader = verifyHeader || d.args == QStringList({u"X-Client-Verify"_qs, u"$ssl_client_verify"_qs});
    QVERIFY(verifyHeader);
    // BaoTa: outside the panel's SSL markers (the lines in the server block; the log format is before it).
    if (const qsizetype end = edit->text.indexOf("#SSL-END"); end >= 0) {
        QVERIFY(edit->text.indexOf("# Chat webhook:") > end);
        QVERIFY(edit->text.indexOf("#SSL-START") < end);
    }
    // Applied again: nothing changes.
    const auto again = mergeWebhook(edit->text, ordinal, {}, params(path), u"site.conf"_qs);
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    QVERIFY(!again->changed);
    QCOMPARE(again->text, edit->text);
}

void TestNginxConfig::mergeRefusals_data()
{
    QTest::addColumn<QByteArray>("server");
    QTest::addColumn<QByteArray>("http");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("code");
    const QByteArray base = "    listen 443 ssl;\n    ssl_certificate a.pem;\n";
    QTest::newRow("verify on") << base + "    ssl_verify_client on;\n"
                               << QByteArray() << u"/h"_qs << u"MERGE_CLIENT_VERIFICATION"_qs;
    QTest::newRow("optional_no_ca") << base + "    ssl_verify_client optional_no_ca;\n"
                                    << QByteArray() << u"/h"_qs << u"MERGE_CLIENT_VERIFICATION"_qs;
    QTest::newRow("verify off in the server") << base + "    ssl_verify_client off;\n"
                                              << QByteArray() << u"/h"_qs << u"MERGE_CLIENT_VERIFICATION"_qs;
    QTest::newRow("another client CA") << base + "    ssl_client_certificate /etc/ssl/other.pem;\n"
                                       << QByteArray() << u"/h"_qs << u"MERGE_CLIENT_VERIFICATION"_qs;
    QTest::newRow("inherited from http") << base << QByteArray("ssl_verify_client on;") << u"/h"_qs
                                         << u"MERGE_CLIENT_VERIFICATION"_qs;
    QTest::newRow("exact location") << base + "    location = /h { return 200; }\n"
                                    << QByteArray() << u"/h"_qs << u"MERGE_LOCATION_EXISTS"_qs;
    QTest::newRow("prefix location") << base + "    location /h/ { return 200; }\n"
                                     << QByteArray() << u"/h/"_qs << u"MERGE_LOCATION_EXISTS"_qs;
    QTest::newRow("^~ location, no space") << base + "    location ^~/h/ { return 200; }\n"
                                           << QByteArray() << u"/h/"_qs << u"MERGE_LOCATION_EXISTS"_qs;
    QTest::newRow("root path") << base << QByteArray() << u"/"_qs << u"MERGE_PATH_IS_ROOT"_qs;
}

void TestNginxConfig::mergeRefusals()
{
    QFETCH(QByteArray, server);
    QFETCH(QByteArray, http);
    QFETCH(QString, path);
    QFETCH(QString, code);
    const QByteArray text = "server {\n" + server + "    location / { return 200; }\n    location ~ ^/h { }\n}\n";
    QList<Directive> httpLevel;
    if (!http.isEmpty())
        httpLevel = parseText(http).value();
    QList<OutsideDirective> inherited;
    for (const Directive& d : std::as_const(httpLevel))
        inherited << OutsideDirective {&d, QString()};
    const auto edit = mergeWebhook(text, 0, inherited, params(path), u"/etc/nginx/sites-enabled/a"_qs);
    QVERIFY(!edit.ok());
    QCOMPARE(edit.error().findings.size(), 1);
    QCOMPARE(edit.error().findings.first().code, code);
    QCOMPARE(edit.error().findings.first().severity, Severity::Error);
    QVERIFY(!edit.error().findings.first().hint.isEmpty());
    if (code == QLatin1String("MERGE_LOCATION_EXISTS"))
        QVERIFY2(edit.error().message.contains(u"/etc/nginx/sites-enabled/a:4"_qs), qPrintable(edit.error().message));
    // "off" at the http level is nginx's default: no refusal for it.
    const QList<Directive> off = parseText("ssl_verify_client off;").value();
    QVERIFY(mergeWebhook(QByteArray("server {\n    listen 443 ssl;\n}\n"), 0,
                         {OutsideDirective {&off.first(), QString()}}, params(), u"a"_qs)
                .ok());
}

void TestNginxConfig::replaceLocation()
{
    const QByteArray text = "server {\n    listen 443 ssl;\n    location = /im/callback {\n        return 200 old;\n"
                            "    }\n    location / { }\n}\n";
    MergeParams p = params();
    p.replaceLocation = true;
    const auto edit = mergeWebhook(text, 0, {}, p, u"a"_qs);
    QVERIFY2(edit.ok(), qPrintable(edit.error().message));
    QCOMPARE(edit->replacedLocationLine, 3);
    QVERIFY(!edit->text.contains("return 200 old;"));
    QCOMPARE(edit->text.count("location = /im/callback"), 1);
    QCOMPARE(withoutMergedLines(edit->text), QByteArray("server {\n    listen 443 ssl;\n    location / { }\n}\n"));
    const auto again = mergeWebhook(edit->text, 0, {}, p, u"a"_qs);
    QVERIFY(again.ok() && !again->changed);
}

// What a file the server block includes sets counts as the block's own: client verification there refuses (with
// that file's line), and its ssl_verify_depth is kept rather than doubled (nginx would refuse a second one).
void TestNginxConfig::includedFilesCount()
{
    const QByteArray text
        = "server {\n    listen 443 ssl;\n    include snippets/ssl.conf;\n    ssl_verify_depth 3;\n}\n";
    const QList<Directive> snippet = parseText("ssl_protocols TLSv1.2;\nssl_verify_client on;\n").value();
    const auto refused = mergeWebhook(text, 0,
                                      {OutsideDirective {&snippet.at(0), u"/etc/nginx/snippets/ssl.conf"_qs},
                                       OutsideDirective {&snippet.at(1), u"/etc/nginx/snippets/ssl.conf"_qs}},
                                      params(), u"a"_qs);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().findings.first().code, u"MERGE_CLIENT_VERIFICATION"_qs);
    QVERIFY2(refused.error().message.contains(u"/etc/nginx/snippets/ssl.conf:2"_qs),
             qPrintable(refused.error().message));

    const auto edit = mergeWebhook(text, 0, {OutsideDirective {&snippet.at(0), u"/etc/nginx/snippets/ssl.conf"_qs}},
                                   params(), u"a"_qs);
    QVERIFY2(edit.ok(), qPrintable(edit.error().message));
    QCOMPARE(edit->text.count("ssl_verify_depth"), 1);
    QVERIFY(edit->text.contains("ssl_verify_client optional;"));
}

QTEST_GUILESS_MAIN(TestNginxConfig)
#include "tst_nginxconfig.moc"
