// mtls-assistant-cli apply on server trees that are not a packaged layout, each started as a real nginx or Apache
// from its own main configuration: BaoTa-like trees (sites read from /www/server/panel/vhost/...), a tree whose
// main configuration reads no site directory, a binary that names no configuration, a container-managed tree, an
// Apache that already listens on the webhook's port, and an explicit address beside virtual hosts on "*".
// Judged by curl and by digests of the trees.

#include "MtlsFixture.h"
#include "sandbox/WebhookUpstream.h"
#include "server/ServerKind.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThread>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace mtls;

namespace {

bool asRoot()
{
#ifdef Q_OS_UNIX
    return ::geteuid() == 0;
#else
    return false;
#endif
}

bool writeFile(const QString& path, const QString& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every directory on the way readable by the server's workers (they run as nobody when the test runs as root).
void openTree(const QString& root)
{
    const auto open = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
        | QFile::ReadOther | QFile::ExeOther;
    QFile::setPermissions(root, open);
    QDirIterator it(root, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        QFile::setPermissions(it.next(), open);
}

// A server started from its own main configuration, stopped at the end.
struct TreeServer
{
    ServerKind kind = ServerKind::Nginx;
    QString binary;
    QString root; // nginx: the prefix; Apache: ServerRoot
    QString mainConfig;
    quint16 port = 0; // a port it listens on from the start

    QStringList select() const
    {
        if (kind == ServerKind::Nginx)
            return {QStringLiteral("-p"), root + QLatin1Char('/'),
                    QStringLiteral("-e"), root + QStringLiteral("/logs/error.log"),
                    QStringLiteral("-c"), mainConfig};
        return {QStringLiteral("-d"), root, QStringLiteral("-f"), mainConfig};
    }
    ProcessResult control(const QStringList& args) const { return runProcess(binary, select() + args); }
    bool start()
    {
        const ProcessResult started = control(
            kind == ServerKind::Nginx ? QStringList() : QStringList {QStringLiteral("-k"), QStringLiteral("start")});
        if (started.exitCode != 0)
            qWarning() << started.out << started.err;
        return started.exitCode == 0 && waitForPortState(port, true);
    }
    ~TreeServer()
    {
        if (!mainConfig.isEmpty())
            control(kind == ServerKind::Nginx ? QStringList {QStringLiteral("-s"), QStringLiteral("stop")}
                                              : QStringList {QStringLiteral("-k"), QStringLiteral("stop")});
        waitForPortState(port, false, 5000);
    }
};

QString nginxMain(const QString& prefix, quint16 oldPort, const QString& includes)
{
    return QStringLiteral(
               "%1worker_processes 1;\ndaemon on;\npid %2/logs/nginx.pid;\nerror_log %2/logs/error.log;\n"
               "events { worker_connections 64; }\nhttp {\n    access_log %2/logs/access.log;\n"
               "    client_body_temp_path %2/tmp/body;\n    proxy_temp_path %2/tmp/proxy;\n"
               "    fastcgi_temp_path %2/tmp/fastcgi;\n    uwsgi_temp_path %2/tmp/uwsgi;\n"
               "    scgi_temp_path %2/tmp/scgi;\n"
               "    server {\n        listen 127.0.0.1:%3;\n        location / { return 200 \"old-site\\n\"; }\n"
               "    }\n%4}\n")
        .arg(asRoot() ? QStringLiteral("user nobody nogroup;\n") : QString(), prefix)
        .arg(oldPort)
        .arg(includes);
}

QString apacheMain(const QString& root, const QString& listens, const QString& includes)
{
    QString text = QStringLiteral("ServerRoot \"%1\"\nServerName localhost\n").arg(root);
    if (asRoot())
        text += QStringLiteral("User nobody\nGroup nogroup\n");
    text += QStringLiteral("DefaultRuntimeDir run\nPidFile run/httpd.pid\nErrorLog logs/error_log\nLogLevel info\n");
    for (const char* module : {"mpm_event", "authz_core", "ssl", "socache_shmcb", "headers", "proxy", "proxy_http"})
        text += QStringLiteral("LoadModule %1_module /usr/lib/apache2/modules/mod_%1.so\n").arg(QLatin1String(module));
    text += QStringLiteral("SSLSessionCache \"shmcb:%1/run/ssl_scache(512000)\"\n").arg(root);
    return text + listens + includes;
}

} // namespace

class TestLayoutsLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void baotaNginx();
    void unknownLayoutRefusedThenAddInclude_data();
    void unknownLayoutRefusedThenAddInclude();
    void binaryWithoutConfPath();
    void containerManaged();
    void baotaApacheExistingListen();
    void explicitAddressBesideWildcardHosts();
    void wildcardBesideExplicitHosts();
    void secondDebianApache();

private:
    QStringList applyArgs(ServerKind kind, quint16 port, const QString& stateDir,
                          const QStringList& installation) const;
    bool answersWebhook(quint16 port) const; // polls: a graceful restart takes a moment
    MtlsFixture m_fixture;
    WebhookUpstream m_upstream;
};

void TestLayoutsLive::initTestCase()
{
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    QVERIFY(m_upstream.start());
}

QStringList TestLayoutsLive::applyArgs(ServerKind kind, quint16 port, const QString& stateDir,
                                       const QStringList& installation) const
{
    return QStringList {QStringLiteral("apply"),
                        QStringLiteral("--server"),
                        serverKindName(kind),
                        QStringLiteral("--domain"),
                        QStringLiteral("localhost"),
                        QStringLiteral("--cert"),
                        m_fixture.path(QStringLiteral("server.crt")),
                        QStringLiteral("--key"),
                        m_fixture.path(QStringLiteral("server.key")),
                        QStringLiteral("--chain"),
                        m_fixture.path(QStringLiteral("chain.pem")),
                        QStringLiteral("--client-ca"),
                        m_fixture.path(QStringLiteral("chatca.crt")),
                        QStringLiteral("--roots"),
                        m_fixture.path(QStringLiteral("root.crt")),
                        QStringLiteral("--listen"),
                        QStringLiteral("127.0.0.1:%1").arg(port),
                        QStringLiteral("--upstream"),
                        m_upstream.url(),
                        QStringLiteral("--path"),
                        QStringLiteral("/im/callback"),
                        QStringLiteral("--state-dir"),
                        stateDir}
    + installation;
}

bool TestLayoutsLive::answersWebhook(quint16 port) const
{
    QDeadlineTimer deadline(8000);
    do {
        if (m_fixture.curl(port, QStringLiteral("/im/callback"), QStringLiteral("chat")).out
            == WebhookUpstream::chatOkBody() + "\n200")
            return true;
        QThread::msleep(100);
    } while (!deadline.hasExpired());
    return false;
}

// nginx reads its sites from /www/server/panel/vhost/nginx/*.conf (inside http {}); a stream {} style include of
// another directory is not a site directory. The site goes there, answers, and rollback restores both trees.
void TestLayoutsLive::baotaNginx()
{
    QTemporaryDir tree;
    const QString www = tree.path() + QStringLiteral("/www/server");
    const QString prefix = www + QStringLiteral("/nginx");
    const QString vhost = www + QStringLiteral("/panel/vhost/nginx");
    TreeServer server {ServerKind::Nginx, QStringLiteral("/usr/sbin/nginx"), prefix,
                       prefix + QStringLiteral("/conf/nginx.conf"), freeLoopbackPort()};
    QVERIFY(writeFile(server.mainConfig,
                      nginxMain(prefix, server.port, QStringLiteral("    include %1/*.conf;\n").arg(vhost))));
    QVERIFY(writeFile(vhost + QStringLiteral("/tcp/keep.txt"), QString()));
    QVERIFY(QDir().mkpath(prefix + QStringLiteral("/logs")) && QDir().mkpath(prefix + QStringLiteral("/tmp")));
    openTree(tree.path());
    QVERIFY(server.start());
    const QStringList before
        = treeDigest(www + QStringLiteral("/panel")) + treeDigest(prefix + QStringLiteral("/conf"));
    QTemporaryDir state;
    const quint16 port = freeLoopbackPort();
    const QStringList installation {QStringLiteral("--main-config"), server.mainConfig,
                                    QStringLiteral("--prefix"),      prefix,
                                    QStringLiteral("--binary"),      server.binary};

    const ProcessResult applied
        = runCli(applyArgs(ServerKind::Nginx, port, state.path(), installation) << QStringLiteral("--json"));
    QVERIFY2(applied.exitCode == 0, applied.out + applied.err);
    QCOMPARE(QJsonDocument::fromJson(applied.out)[QStringLiteral("site_file")].toString(),
             vhost + QStringLiteral("/mtls-assistant-localhost.conf"));
    QVERIFY(waitForPortState(port, true));
    QVERIFY(answersWebhook(port));
    QCOMPARE(m_fixture.curl(port, QStringLiteral("/im/callback"), QString()).out.right(3), QByteArray("400"));

    const ProcessResult rolledBack
        = runCli(QStringList {QStringLiteral("rollback"), QStringLiteral("--server"), QStringLiteral("nginx"),
                              QStringLiteral("--state-dir"), state.path()}
                 + installation);
    QVERIFY2(rolledBack.exitCode == 0, rolledBack.out + rolledBack.err);
    QVERIFY(waitForPortState(port, false));
    QCOMPARE(treeDigest(www + QStringLiteral("/panel")) + treeDigest(prefix + QStringLiteral("/conf")), before);
}

// The main configuration reads no directory for sites: refused before any change with the exact include line;
// with --add-include the line is added, the site answers, and rollback restores the main file byte for byte.
void TestLayoutsLive::unknownLayoutRefusedThenAddInclude_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::newRow("nginx") << ServerKind::Nginx;
    QTest::newRow("apache") << ServerKind::Apache;
}

void TestLayoutsLive::unknownLayoutRefusedThenAddInclude()
{
    QFETCH(ServerKind, kind);
    const bool nginx = kind == ServerKind::Nginx;
    QTemporaryDir tree;
    const QString root = tree.path() + QStringLiteral("/web");
    TreeServer server {kind, nginx ? QStringLiteral("/usr/sbin/nginx") : QStringLiteral("/usr/sbin/apache2"), root,
                       root + QStringLiteral("/main.conf"), freeLoopbackPort()};
    QVERIFY(writeFile(server.mainConfig,
                      nginx ? nginxMain(root, server.port, QString())
                            : apacheMain(root, QStringLiteral("Listen 127.0.0.1:%1\n").arg(server.port), QString())));
    for (const char* sub : {"/logs", "/tmp", "/run"})
        QVERIFY(QDir().mkpath(root + QLatin1String(sub)));
    openTree(tree.path());
    QVERIFY(server.start());
    const QStringList before = treeDigest(root);
    const QByteArray mainBefore = readFile(server.mainConfig);
    QTemporaryDir state;
    const quint16 port = freeLoopbackPort();
    QStringList installation {QStringLiteral("--main-config"), server.mainConfig, QStringLiteral("--binary"),
                              server.binary};
    if (nginx)
        installation << QStringLiteral("--prefix") << root;

    const ProcessResult refused = runCli(applyArgs(kind, port, state.path(), installation));
    QCOMPARE(refused.exitCode, 2);
    const QByteArray pattern = "\"" + root.toUtf8() + "/mtls-assistant-sites/*.conf\"";
    const QByteArray line = nginx ? "include " + pattern + ';' : "IncludeOptional " + pattern;
    QVERIFY2(refused.err.contains(line), refused.err.constData());
    QVERIFY2(refused.err.contains("--add-include"), refused.err.constData());
    QCOMPARE(treeDigest(root), before);

    const ProcessResult applied
        = runCli(applyArgs(kind, port, state.path(), installation) << QStringLiteral("--add-include"));
    QVERIFY2(applied.exitCode == 0, applied.out + applied.err);
    QVERIFY(readFile(server.mainConfig).contains(line));
    QVERIFY(waitForPortState(port, true));
    QVERIFY(answersWebhook(port));

    const ProcessResult rolledBack
        = runCli(QStringList {QStringLiteral("rollback"), QStringLiteral("--server"), serverKindName(kind),
                              QStringLiteral("--state-dir"), state.path()}
                 + installation);
    QVERIFY2(rolledBack.exitCode == 0, rolledBack.out + rolledBack.err);
    QVERIFY(waitForPortState(port, false));
    QCOMPARE(readFile(server.mainConfig), mainBefore);
    QCOMPARE(treeDigest(root), before);
    QCOMPARE(server.control({QStringLiteral("-t")}).exitCode, 0);
}

// A binary whose -V names no configuration file: refused, naming the options; /etc/nginx is not touched.
void TestLayoutsLive::binaryWithoutConfPath()
{
    QTemporaryDir dir;
    const QString wrapper = dir.filePath(QStringLiteral("nginx"));
    QVERIFY(writeFile(wrapper,
                      QStringLiteral("#!/bin/sh\ncase \"$1\" in\n-V) echo 'nginx version: nginx/1.22.1' >&2\n"
                                     "    echo 'configure arguments: --with-http_ssl_module' >&2; exit 0;;\n"
                                     "esac\nexec /usr/sbin/nginx \"$@\"\n")));
    QFile::setPermissions(wrapper, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QStringList before = treeDigest(QStringLiteral("/etc/nginx"));
    QTemporaryDir state;
    const ProcessResult refused
        = runCli(applyArgs(ServerKind::Nginx, freeLoopbackPort(), state.path(), {QStringLiteral("--binary"), wrapper}));
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("--main-config") && refused.err.contains("--server-root"), refused.err.constData());
    QCOMPARE(treeDigest(QStringLiteral("/etc/nginx")), before);
}

// A tree run by a container (a compose file beside it, as 1Panel's OpenResty): refused with the reason.
void TestLayoutsLive::containerManaged()
{
    QTemporaryDir tree;
    const QString app = tree.path() + QStringLiteral("/apps/openresty/openresty");
    QVERIFY(writeFile(app + QStringLiteral("/docker-compose.yml"), QStringLiteral("services: {}\n")));
    QVERIFY(writeFile(app + QStringLiteral("/conf/nginx.conf"),
                      QStringLiteral("events {}\nhttp {\n include conf.d/*.conf;\n}\n")));
    const QStringList before = treeDigest(tree.path());
    QTemporaryDir state;
    const ProcessResult refused
        = runCli(applyArgs(ServerKind::Nginx, freeLoopbackPort(), state.path(),
                           {QStringLiteral("--main-config"), app + QStringLiteral("/conf/nginx.conf")}));
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("container"), refused.err.constData());
    QCOMPARE(treeDigest(tree.path()), before);
}

// BaoTa-like Apache: httpd.conf already listens on the webhook's port (as BaoTa's listens on 443) and reads the
// sites from /www/server/panel/vhost/apache. Apply adds no second Listen (Apache would refuse to start) and the
// webhook answers.
void TestLayoutsLive::baotaApacheExistingListen()
{
    QTemporaryDir tree;
    const QString www = tree.path() + QStringLiteral("/www/server");
    const QString root = www + QStringLiteral("/apache");
    const QString vhost = www + QStringLiteral("/panel/vhost/apache");
    const quint16 port = freeLoopbackPort();
    TreeServer server {ServerKind::Apache, QStringLiteral("/usr/sbin/apache2"), root,
                       root + QStringLiteral("/conf/httpd.conf"), freeLoopbackPort()};
    QVERIFY(writeFile(
        server.mainConfig,
        apacheMain(root, QStringLiteral("Listen 127.0.0.1:%1\nListen 127.0.0.1:%2\n").arg(server.port).arg(port),
                   QStringLiteral("IncludeOptional %1/*.conf\n").arg(vhost))));
    QVERIFY(writeFile(
        vhost + QStringLiteral("/0.default.conf"),
        QStringLiteral("<VirtualHost 127.0.0.1:%1>\n    ServerName default\n</VirtualHost>\n").arg(server.port)));
    for (const char* sub : {"/logs", "/run"})
        QVERIFY(QDir().mkpath(root + QLatin1String(sub)));
    openTree(tree.path());
    QVERIFY(server.start());
    const QStringList before = treeDigest(www + QStringLiteral("/panel")) + treeDigest(root + QStringLiteral("/conf"));
    QTemporaryDir state;
    const QStringList installation {QStringLiteral("--main-config"), server.mainConfig, QStringLiteral("--binary"),
                                    server.binary};

    const ProcessResult applied
        = runCli(applyArgs(ServerKind::Apache, port, state.path(), installation) << QStringLiteral("--json"));
    QVERIFY2(applied.exitCode == 0, applied.out + applied.err);
    const QString site = vhost + QStringLiteral("/mtls-assistant-localhost.conf");
    QCOMPARE(QJsonDocument::fromJson(applied.out)[QStringLiteral("site_file")].toString(), site);
    QVERIFY(!readFile(site).contains("\nListen "));
    QVERIFY(answersWebhook(port));
    QVERIFY(m_fixture.curl(port, QStringLiteral("/im/callback"), QString()).exitCode != 0); // no certificate

    const ProcessResult rolledBack
        = runCli(QStringList {QStringLiteral("rollback"), QStringLiteral("--server"), QStringLiteral("apache"),
                              QStringLiteral("--state-dir"), state.path()}
                 + installation);
    QVERIFY2(rolledBack.exitCode == 0, rolledBack.out + rolledBack.err);
    QCOMPARE(treeDigest(www + QStringLiteral("/panel")) + treeDigest(root + QStringLiteral("/conf")), before);
}

// Another HTTPS site on *:PORT; ours on 127.0.0.1:PORT would take every connection to 127.0.0.1 away from it:
// refused before any change; with --force applied with a warning.
void TestLayoutsLive::explicitAddressBesideWildcardHosts()
{
    QTemporaryDir tree;
    const QString root = tree.path() + QStringLiteral("/httpd");
    const quint16 port = freeLoopbackPort();
    TreeServer server {ServerKind::Apache, QStringLiteral("/usr/sbin/apache2"), root,
                       root + QStringLiteral("/httpd.conf"), port};
    QVERIFY(writeFile(server.mainConfig,
                      apacheMain(root, QStringLiteral("Listen 127.0.0.1:%1\n").arg(port),
                                 QStringLiteral("IncludeOptional sites/*.conf\n"))));
    QVERIFY(writeFile(
        root + QStringLiteral("/sites/other.conf"),
        QStringLiteral("<VirtualHost *:%1>\n    ServerName other.example\n    SSLEngine on\n"
                       "    SSLCertificateFile %2\n    SSLCertificateKeyFile %3\n</VirtualHost>\n")
            .arg(port)
            .arg(m_fixture.path(QStringLiteral("fullchain.pem")), m_fixture.path(QStringLiteral("server.key")))));
    for (const char* sub : {"/logs", "/run"})
        QVERIFY(QDir().mkpath(root + QLatin1String(sub)));
    openTree(tree.path());
    QVERIFY(server.start());
    const QStringList before = treeDigest(root, {QStringLiteral("logs"), QStringLiteral("run")});
    QTemporaryDir state;
    const QStringList installation {QStringLiteral("--main-config"), server.mainConfig, QStringLiteral("--binary"),
                                    server.binary};

    const ProcessResult refused = runCli(applyArgs(ServerKind::Apache, port, state.path(), installation));
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("--force") && refused.err.contains("other.conf"), refused.err.constData());
    QCOMPARE(treeDigest(root, {QStringLiteral("logs"), QStringLiteral("run")}), before);
    // The other site still answers on the address (no client certificate asked).
    QCOMPARE(m_fixture.curl(port, QStringLiteral("/"), QString()).exitCode, 0);

    const ProcessResult forced = runCli(applyArgs(ServerKind::Apache, port, state.path(), installation)
                                        << QStringLiteral("--force") << QStringLiteral("--json"));
    QVERIFY2(forced.exitCode == 0, forced.out + forced.err);
    QStringList codes;
    for (const QJsonValue& finding : QJsonDocument::fromJson(forced.out)[QStringLiteral("findings")].toArray()) {
        if (finding[QStringLiteral("severity")].toString() == QLatin1String("warning"))
            codes << finding[QStringLiteral("code")].toString();
    }
    QVERIFY2(codes.contains(QStringLiteral("VHOST_SHADOWS_SITES")), qPrintable(codes.join(QLatin1Char(' '))));
    QVERIFY(answersWebhook(port));
}

// Another HTTPS site on 127.0.0.1:PORT, Apache listening on every address: a site of ours on *:PORT alone would
// never be chosen for connections to 127.0.0.1 (Apache matches the explicit address first). It also names
// 127.0.0.1:PORT, so the webhook answers there while the other site keeps its name.
void TestLayoutsLive::wildcardBesideExplicitHosts()
{
    QTemporaryDir tree;
    const QString root = tree.path() + QStringLiteral("/httpd");
    const quint16 port = freeLoopbackPort();
    TreeServer server {ServerKind::Apache, QStringLiteral("/usr/sbin/apache2"), root,
                       root + QStringLiteral("/httpd.conf"), port};
    QVERIFY(writeFile(
        server.mainConfig,
        apacheMain(root, QStringLiteral("Listen %1\n").arg(port), QStringLiteral("IncludeOptional sites/*.conf\n"))));
    QVERIFY(writeFile(
        root + QStringLiteral("/sites/other.conf"),
        QStringLiteral("<VirtualHost 127.0.0.1:%1>\n    ServerName other.example\n    SSLEngine on\n"
                       "    SSLCertificateFile %2\n    SSLCertificateKeyFile %3\n</VirtualHost>\n")
            .arg(port)
            .arg(m_fixture.path(QStringLiteral("fullchain.pem")), m_fixture.path(QStringLiteral("server.key")))));
    for (const char* sub : {"/logs", "/run"})
        QVERIFY(QDir().mkpath(root + QLatin1String(sub)));
    openTree(tree.path());
    QVERIFY(server.start());
    QTemporaryDir state;
    QStringList args
        = applyArgs(ServerKind::Apache, port, state.path(),
                    {QStringLiteral("--main-config"), server.mainConfig, QStringLiteral("--binary"), server.binary});
    args[args.indexOf(QStringLiteral("--listen")) + 1] = QString::number(port); // every address
    const ProcessResult applied = runCli(args << QStringLiteral("--json"));
    QVERIFY2(applied.exitCode == 0, applied.out + applied.err);
    const QString site = QJsonDocument::fromJson(applied.out)[QStringLiteral("site_file")].toString();
    QVERIFY2(readFile(site).contains(QStringLiteral("<VirtualHost *:%1 127.0.0.1:%1>").arg(port).toUtf8()),
             readFile(site).constData());
    QVERIFY(answersWebhook(port));
}

// A second Apache with Debian's layout outside /etc/apache2 (its configuration needs the variables of its own
// envvars, which only apache2ctl reads for /etc/apache2): apply tests, reloads and serves through it.
void TestLayoutsLive::secondDebianApache()
{
    if (!QFileInfo::exists(QStringLiteral("/etc/apache2/apache2.conf")))
        QSKIP("Debian's Apache configuration is not installed");
    QTemporaryDir tree;
    const QString root = tree.path() + QStringLiteral("/apache2");
    QCOMPARE(runProcess(QStringLiteral("cp"), {QStringLiteral("-a"), QStringLiteral("/etc/apache2"), root}).exitCode,
             0);
    for (const QString& name : QDir(root + QStringLiteral("/sites-enabled")).entryList(QDir::Files | QDir::System))
        QFile::remove(root + QStringLiteral("/sites-enabled/") + name);
    const quint16 oldPort = freeLoopbackPort();
    QVERIFY(writeFile(root + QStringLiteral("/ports.conf"), QStringLiteral("Listen 127.0.0.1:%1\n").arg(oldPort)));
    QString envvars;
    for (const char* name : {"run", "lock", "log"}) {
        QVERIFY(QDir().mkpath(tree.path() + QLatin1Char('/') + QLatin1String(name)));
        envvars += QStringLiteral("export APACHE_%1_DIR=%2/%3\n")
                       .arg(QString::fromLatin1(name).toUpper(), tree.path(), QLatin1String(name));
    }
    envvars += QStringLiteral("export APACHE_PID_FILE=%1/run/apache2.pid\nexport APACHE_RUN_USER=www-data\n"
                              "export APACHE_RUN_GROUP=www-data\n")
                   .arg(tree.path());
    QVERIFY(writeFile(root + QStringLiteral("/envvars"), envvars));
    openTree(tree.path());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& line : envvars.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString assignment = line.mid(7); // after "export "
        environment.insert(assignment.section(QLatin1Char('='), 0, 0), assignment.section(QLatin1Char('='), 1));
    }
    const QStringList select {QStringLiteral("-d"), root, QStringLiteral("-f"), root + QStringLiteral("/apache2.conf")};
    const ProcessResult started
        = runProcess(QStringLiteral("/usr/sbin/apache2"),
                     select + QStringList {QStringLiteral("-k"), QStringLiteral("start")}, environment);
    QVERIFY2(started.exitCode == 0, started.err.constData());
    QVERIFY(waitForPortState(oldPort, true));
    QTemporaryDir state;
    const quint16 port = freeLoopbackPort();
    const QStringList installation {QStringLiteral("--server-root"), root, QStringLiteral("--binary"),
                                    QStringLiteral("/usr/sbin/apache2")};
    const ProcessResult applied
        = runCli(applyArgs(ServerKind::Apache, port, state.path(), installation) << QStringLiteral("--json"));
    const bool ok = applied.exitCode == 0 && answersWebhook(port);
    runProcess(QStringLiteral("/usr/sbin/apache2"), select + QStringList {QStringLiteral("-k"), QStringLiteral("stop")},
               environment);
    waitForPortState(oldPort, false, 5000);
    QVERIFY2(ok, applied.out + applied.err);
    QCOMPARE(QJsonDocument::fromJson(applied.out)[QStringLiteral("site_file")].toString(),
             root + QStringLiteral("/sites-available/mtls-assistant-localhost.conf"));
}

QTEST_GUILESS_MAIN(TestLayoutsLive)
#include "tst_layouts_live.moc"
