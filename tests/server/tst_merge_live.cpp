// apply --mode merge on a real nginx that already serves a website for the webhook's name: a certbot-style site
// and a BaoTa-style site, HTTP/2 on. Judged by curl and openssl: "/" answers exactly as before, the webhook path
// answers 403 without a client certificate and refuses another CA's, the Chat stand-in's certificate reaches the
// application, TLS 1.3 and HTTP/2 work; a second apply changes nothing and rollback leaves the tree byte for byte
// (content, owner, group, mode). Each refusal is checked to change nothing. One nginx for the whole executable.

#include "MtlsFixture.h"
#include "pki/Certificate.h"
#include "sandbox/WebhookUpstream.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace mtls;

namespace {

bool writeFile(const QString& path, const QByteArray& text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList findingCodes(const QByteArray& json)
{
    QStringList codes;
    for (const QJsonValue& f : QJsonDocument::fromJson(json)[QStringLiteral("findings")].toArray())
        codes << f[QStringLiteral("code")].toString();
    return codes;
}

// A site's server block, with the certificate and key it serves.
QByteArray certbotSite(quint16 port, const QString& dir, const QByteArray& extra = QByteArray())
{
    return QStringLiteral("server {\n    root %1/www;\n    index index.html;\n    server_name localhost;\n\n"
                          "    location / {\n        return 200 \"website on %2\\n\";\n    }\n%3\n"
                          "    listen 127.0.0.1:%2 ssl http2; # managed by Certbot\n"
                          "    ssl_certificate %1/le/fullchain.pem; # managed by Certbot\n"
                          "    ssl_certificate_key %1/le/privkey.pem; # managed by Certbot\n"
                          "    include %1/le/options-ssl-nginx.conf; # managed by Certbot\n\n}\n")
        .arg(dir)
        .arg(port)
        .arg(QString::fromUtf8(extra))
        .toUtf8();
}

} // namespace

class TestMergeLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void refusedWithoutMode();
    void certbotSite();
    void baotaSite();
    void refusals_data();
    void refusals();
    void replaceLocation();
    void killedMergeIsUndone();

private:
    QStringList args(quint16 port, const QStringList& extra = {}) const;
    ProcessResult apply(quint16 port, const QStringList& extra = {}) const;
    ProcessResult rollback() const;
    QStringList digest() const { return treeDigest(m_root); }
    // The body and status of GET PATH (polls a moment: a reload takes effect shortly after it returns).
    QByteArray get(quint16 port, const QString& path, const QString& client = QString()) const;
    bool waitFor(quint16 port, const QString& path, const QString& client, const QByteArray& wanted) const;
    void checkMerged(quint16 port, const QByteArray& rootBefore);

    MtlsFixture m_fixture;
    WebhookUpstream m_upstream;
    QTemporaryDir m_tree;
    QString m_root; // the nginx prefix; conf/ holds the configuration
    QString m_main;
    QTemporaryDir m_state;
    bool m_started = false;
    quint16 m_certbot = freeLoopbackPort();
    quint16 m_baota = 0;
    quint16 m_private = 0; // a site with a certificate of a private CA
    quint16 m_verifies = 0; // a site that already asks for client certificates
    quint16 m_location = 0; // a site with its own location for the webhook path
    quint16 m_none = 0; // nothing listens there
};

void TestMergeLive::initTestCase()
{
#ifdef Q_OS_UNIX
    if (::geteuid() != 0)
        QSKIP("nginx's workers must read the certificates as nobody: run as root");
#endif
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/nginx")))
        QSKIP("nginx is not installed");
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    // The site of a private CA: issued for the name by the Chat stand-in CA, as a Chat-issued certificate is.
    QVERIFY(m_fixture.pki().makeServer(QStringLiteral("chatissued"), {QStringLiteral("localhost")},
                                       QStringLiteral("chatca")));
    QVERIFY(m_upstream.start());
    QSet<quint16> taken {m_certbot};
    for (quint16* port : {&m_baota, &m_private, &m_verifies, &m_location, &m_none}) {
        do
            *port = freeLoopbackPort();
        while (taken.contains(*port));
        taken << *port;
    }

    m_root = m_tree.path() + QStringLiteral("/nginx");
    const QString conf = m_root + QStringLiteral("/conf");
    m_main = conf + QStringLiteral("/nginx.conf");
    for (const char* sub : {"/logs", "/tmp", "/www"})
        QVERIFY(QDir().mkpath(m_root + QLatin1String(sub)));
    QVERIFY(writeFile(m_main,
                      QStringLiteral("user nobody nogroup;\nworker_processes 1;\ndaemon on;\npid %1/logs/nginx.pid;\n"
                                     "error_log %1/logs/error.log;\nevents { worker_connections 64; }\nhttp {\n"
                                     "    access_log %1/logs/access.log;\n    client_body_temp_path %1/tmp/body;\n"
                                     "    proxy_temp_path %1/tmp/proxy;\n    fastcgi_temp_path %1/tmp/fastcgi;\n"
                                     "    uwsgi_temp_path %1/tmp/uwsgi;\n    scgi_temp_path %1/tmp/scgi;\n"
                                     "    include sites-enabled/*;\n    include %2/panel/vhost/nginx/*.conf;\n}\n")
                          .arg(m_root, conf)
                          .toUtf8()));
    // certbot's files.
    QVERIFY(writeFile(conf + QStringLiteral("/le/fullchain.pem"), m_fixture.read(QStringLiteral("fullchain.pem"))));
    QVERIFY(writeFile(conf + QStringLiteral("/le/privkey.pem"), m_fixture.read(QStringLiteral("server.key"))));
    QVERIFY(writeFile(conf + QStringLiteral("/le/options-ssl-nginx.conf"),
                      "ssl_session_cache shared:le_nginx_SSL:10m;\nssl_session_timeout 1440m;\n"
                      "ssl_session_tickets off;\n\nssl_protocols TLSv1.2 TLSv1.3;\nssl_prefer_server_ciphers off;\n"));
    QVERIFY(writeFile(conf + QStringLiteral("/le/chatissued.pem"), m_fixture.read(QStringLiteral("chatissued.crt"))));
    QVERIFY(writeFile(conf + QStringLiteral("/le/chatissued.key"), m_fixture.read(QStringLiteral("chatissued.key"))));
    QVERIFY(writeFile(conf + QStringLiteral("/le/otherca.crt"), m_fixture.read(QStringLiteral("otherca.crt"))));
    // Debian's way: the site in sites-available, a relative link in sites-enabled (the file is edited, the link
    // stays).
    QVERIFY(writeFile(conf + QStringLiteral("/sites-available/localhost"), ::certbotSite(m_certbot, conf)));
    QVERIFY(QDir().mkpath(conf + QStringLiteral("/sites-enabled")));
    QVERIFY(::symlink("../sites-available/localhost",
                      QFile::encodeName(conf + QStringLiteral("/sites-enabled/localhost")).constData())
            == 0);
    // The port's default site is another one: the certbot site is chosen by its name (SNI), and nginx must switch
    // the client verification to it.
    QVERIFY(writeFile(
        conf + QStringLiteral("/sites-enabled/000-default"),
        QStringLiteral("server {\n    listen 127.0.0.1:%1 ssl default_server;\n    server_name _;\n"
                       "    ssl_certificate %2/le/fullchain.pem;\n    ssl_certificate_key %2/le/privkey.pem;\n"
                       "    ssl_protocols TLSv1.2 TLSv1.3;\n    return 200 \"default\\n\";\n}\n")
            .arg(m_certbot)
            .arg(conf)
            .toUtf8()));
    // BaoTa's site: the panel's markers, its certificate folder, PHP include.
    QVERIFY(writeFile(conf + QStringLiteral("/enable-php-74.conf"), "location ~ [^/]\\.php(/|$) { return 404; }\n"));
    QVERIFY(writeFile(
        conf + QStringLiteral("/panel/vhost/nginx/localhost.conf"),
        QStringLiteral("server\n{\n    listen 127.0.0.1:%1 ssl http2;\n    server_name localhost;\n"
                       "    index index.php index.html index.htm default.php default.htm default.html;\n"
                       "    root %2/www;\n\n    #SSL-START SSL related configuration, do NOT delete or modify the "
                       "next line of commented-out 404 redirect\n    #error_page 404/404.html;\n"
                       "    ssl_certificate    %3/le/fullchain.pem;\n    ssl_certificate_key    %3/le/privkey.pem;\n"
                       "    ssl_protocols TLSv1.1 TLSv1.2 TLSv1.3;\n    ssl_prefer_server_ciphers on;\n"
                       "    add_header Strict-Transport-Security \"max-age=31536000\";\n"
                       "    error_page 497  https://$host$request_uri;\n    #SSL-END\n\n"
                       "    include enable-php-74.conf;\n\n    location / { return 200 \"baota site\\n\"; }\n"
                       "    access_log  %2/logs/baota.log;\n}\n")
            .arg(m_baota)
            .arg(m_root, conf)
            .toUtf8()));
    const auto other = [&](quint16 port, const QByteArray& body) {
        return writeFile(
            conf + QStringLiteral("/sites-enabled/other-%1").arg(port),
            QStringLiteral("server {\n    listen 127.0.0.1:%1 ssl;\n    server_name localhost;\n"
                           "    ssl_protocols TLSv1.2 TLSv1.3;\n%2    location / { return 200 \"other\"; }\n}\n")
                .arg(port)
                .arg(QString::fromUtf8(body))
                .toUtf8());
    };
    QVERIFY(other(m_private,
                  QStringLiteral("    ssl_certificate %1/le/chatissued.pem;\n    ssl_certificate_key "
                                 "%1/le/chatissued.key;\n")
                      .arg(conf)
                      .toUtf8()));
    const QByteArray ours = QStringLiteral("    ssl_certificate %1/le/fullchain.pem;\n    ssl_certificate_key "
                                           "%1/le/privkey.pem;\n")
                                .arg(conf)
                                .toUtf8();
    QVERIFY(other(m_verifies,
                  ours
                      + QStringLiteral("    ssl_client_certificate %1/le/otherca.crt;\n    "
                                       "ssl_verify_client on;\n")
                            .arg(conf)
                            .toUtf8()));
    QVERIFY(other(m_location, ours + "    location = /im/callback { return 200 \"mine\\n\"; }\n"));
    // Readable by nginx's workers (nobody).
    const auto file = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    const auto dir = file | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    QFile::setPermissions(m_tree.path(), dir);
    QDirIterator it(m_tree.path(), QDir::AllEntries | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile::setPermissions(path, QFileInfo(path).isDir() ? dir : file);
    }
    const ProcessResult started
        = runProcess(QStringLiteral("/usr/sbin/nginx"),
                     {QStringLiteral("-p"), m_root + QLatin1Char('/'), QStringLiteral("-c"), m_main});
    QVERIFY2(started.exitCode == 0, started.err.constData());
    m_started = true;
    for (quint16 port : {m_certbot, m_baota, m_private, m_verifies, m_location})
        QVERIFY(waitForPortState(port, true));
}

void TestMergeLive::cleanupTestCase()
{
    if (m_started)
        runProcess(QStringLiteral("/usr/sbin/nginx"),
                   {QStringLiteral("-p"), m_root + QLatin1Char('/'), QStringLiteral("-c"), m_main, QStringLiteral("-s"),
                    QStringLiteral("stop")});
}

QStringList TestMergeLive::args(quint16 port, const QStringList& extra) const
{
    return QStringList {QStringLiteral("apply"),
                        QStringLiteral("--server"),
                        QStringLiteral("nginx"),
                        QStringLiteral("--domain"),
                        QStringLiteral("localhost"),
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
                        m_state.path(),
                        QStringLiteral("--main-config"),
                        m_main,
                        QStringLiteral("--prefix"),
                        m_root,
                        QStringLiteral("--binary"),
                        QStringLiteral("/usr/sbin/nginx"),
                        QStringLiteral("--json")}
    + extra;
}

ProcessResult TestMergeLive::apply(quint16 port, const QStringList& extra) const
{
    return runCli(args(port, extra));
}

ProcessResult TestMergeLive::rollback() const
{
    return runCli({QStringLiteral("rollback"), QStringLiteral("--server"), QStringLiteral("nginx"),
                   QStringLiteral("--state-dir"), m_state.path(), QStringLiteral("--main-config"), m_main,
                   QStringLiteral("--prefix"), m_root, QStringLiteral("--binary"), QStringLiteral("/usr/sbin/nginx")});
}

QByteArray TestMergeLive::get(quint16 port, const QString& path, const QString& client) const
{
    return m_fixture.curl(port, path, client).out;
}

bool TestMergeLive::waitFor(quint16 port, const QString& path, const QString& client, const QByteArray& wanted) const
{
    QDeadlineTimer deadline(8000);
    do {
        if (get(port, path, client).endsWith(wanted))
            return true;
        QThread::msleep(100);
    } while (!deadline.hasExpired());
    qWarning() << get(port, path, client);
    return false;
}

// What a client sees of a merged site.
void TestMergeLive::checkMerged(quint16 port, const QByteArray& rootBefore)
{
    QVERIFY(waitFor(port, QStringLiteral("/im/callback"), QString(), "\n403"));
    // "/" exactly as before: status and body, without a client certificate.
    QCOMPARE(get(port, QStringLiteral("/"), QString()), rootBefore);
    // Another CA's client certificate: refused on the webhook path.
    const QByteArray intruder = get(port, QStringLiteral("/im/callback"), QStringLiteral("intruder"));
    QVERIFY2(intruder.endsWith("\n400") || intruder.endsWith("\n403"), intruder.constData());
    // The Chat stand-in's certificate reaches the application, with the verification headers.
    m_upstream.clearRequests();
    QCOMPARE(get(port, QStringLiteral("/im/callback"), QStringLiteral("chat")),
             WebhookUpstream::chatOkBody() + "\n200");
    QVERIFY(m_upstream.waitForRequests(1, 2000));
    QCOMPARE(m_upstream.requests().last().path(), QByteArray("/im/callback"));
    QCOMPARE(m_upstream.requests().last().header("X-Client-Verify"), QByteArray("SUCCESS"));
    // TLS 1.3 and HTTP/2, with the Chat client certificate.
    const ProcessResult h2 = m_fixture.curl(port, QStringLiteral("/im/callback"), QStringLiteral("chat"),
                                            {QStringLiteral("--tlsv1.3"), QStringLiteral("--http2"),
                                             QStringLiteral("-w"), QStringLiteral("\n%{http_code} %{http_version}")});
    QVERIFY2(h2.out.endsWith("\n200 2"), h2.out.constData());
    // The handshake names the Chat client CA.
    const ProcessResult handshake = m_fixture.sClient(port, QString());
    QVERIFY2(handshake.out.contains("Acceptable client certificate CA names")
                 && handshake.out.contains("Test Chat Client CA"),
             handshake.out.constData());
}

// A site answers the name on the port and no mode is given: refused before any change, exit 1.
void TestMergeLive::refusedWithoutMode()
{
    const QStringList before = digest();
    const ProcessResult refused = apply(m_certbot,
                                        {QStringLiteral("--cert"), m_fixture.path(QStringLiteral("server.crt")),
                                         QStringLiteral("--key"), m_fixture.path(QStringLiteral("server.key")),
                                         QStringLiteral("--chain"), m_fixture.path(QStringLiteral("chain.pem"))});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(findingCodes(refused.out).contains(QStringLiteral("MODE_CHOICE_NEEDED")), refused.out.constData());
    QCOMPARE(digest(), before);
    QVERIFY(get(m_certbot, QStringLiteral("/"), QString()).endsWith("\n200"));
}

void TestMergeLive::certbotSite()
{
    const QStringList before = digest();
    const QByteArray rootBefore = get(m_certbot, QStringLiteral("/"), QString());
    QCOMPARE(rootBefore, QStringLiteral("website on %1\n\n200").arg(m_certbot).toUtf8());
    QCOMPARE(get(m_certbot, QStringLiteral("/im/callback"), QString()), rootBefore); // the website's location now

    const ProcessResult applied = apply(m_certbot, {QStringLiteral("--mode"), QStringLiteral("merge")});
    QVERIFY2(applied.exitCode == 0, applied.out + applied.err);
    QCOMPARE(QJsonDocument::fromJson(applied.out)[QStringLiteral("mode")].toString(), QStringLiteral("merge"));
    checkMerged(m_certbot, rootBefore);
    // The port's default site answers other names as before, and asks for no certificate.
    const ProcessResult other
        = runProcess(QStringLiteral("curl"),
                     {QStringLiteral("-sSk"), QStringLiteral("--resolve"),
                      QStringLiteral("other.test:%1:127.0.0.1").arg(m_certbot), QStringLiteral("-w"),
                      QStringLiteral("\n%{http_code}"), QStringLiteral("https://other.test:%1/").arg(m_certbot)});
    QCOMPARE(other.out, QByteArray("default\n\n200"));
    const ProcessResult otherHandshake
        = m_fixture.sClient(m_certbot, QString(), {QStringLiteral("-servername"), QStringLiteral("other.test")});
    QVERIFY2(otherHandshake.out.contains("No client certificate CA names sent"), otherHandshake.out.constData());
    // certbot's lines are all still there.
    const QString conf = QFileInfo(m_main).path();
    QCOMPARE(QJsonDocument::fromJson(applied.out)[QStringLiteral("site_file")].toString(),
             conf + QStringLiteral("/sites-available/localhost"));
    QCOMPARE(QFileInfo(conf + QStringLiteral("/sites-enabled/localhost")).symLinkTarget(),
             conf + QStringLiteral("/sites-available/localhost"));
    const QByteArray site = readFile(conf + QStringLiteral("/sites-available/localhost"));
    QCOMPARE(site.count("# managed by Certbot"), 4);

    // The apply is a saved setup that shares the site: `status` says so and counts the days of the site's own
    // certificate (certbot's file).
    const ProcessResult status = runCli({QStringLiteral("status"), QStringLiteral("--json")});
    QJsonObject saved;
    for (const QJsonValue& setup : QJsonDocument::fromJson(status.out)[QStringLiteral("setups")].toArray())
        if (setup[QStringLiteral("domain")].toString() == QLatin1String("localhost"))
            saved = setup.toObject();
    QCOMPARE(saved.value(QStringLiteral("mode")).toString(), QStringLiteral("merge"));
    QVERIFY(saved.value(QStringLiteral("shares_site")).toBool());
    QCOMPARE(saved.value(QStringLiteral("site_file")).toString(), conf + QStringLiteral("/sites-available/localhost"));
    QVERIFY(saved.value(QStringLiteral("site_line")).toInt() > 0);
    QCOMPARE(saved.value(QStringLiteral("site_certificate_file")).toString(),
             conf + QStringLiteral("/le/fullchain.pem"));
    QCOMPARE(saved.value(QStringLiteral("served_certificate"))[QStringLiteral("sha256")].toString(),
             Certificate::fromPem(m_fixture.read(QStringLiteral("server.crt")))->sha256Fingerprint());
    QVERIFY(saved.value(QStringLiteral("certificate_file")).toString().isEmpty());

    // A second apply changes nothing.
    const QStringList once = digest();
    const ProcessResult again = apply(m_certbot, {QStringLiteral("--mode"), QStringLiteral("merge")});
    QVERIFY2(again.exitCode == 0, again.out + again.err);
    QCOMPARE(digest(), once);
    checkMerged(m_certbot, rootBefore);

    // Rolled back (both applies): the tree as before, byte for byte, and the site answers as before.
    for (int i = 0; i < 2; ++i) {
        const ProcessResult back = rollback();
        QVERIFY2(back.exitCode == 0, back.out + back.err);
    }
    QCOMPARE(digest(), before);
    // Right away: rollback verified that the site no longer asks for a certificate before it said so.
    QCOMPARE(get(m_certbot, QStringLiteral("/im/callback"), QString()), rootBefore);
    QCOMPARE(get(m_certbot, QStringLiteral("/"), QString()), rootBefore);
}

void TestMergeLive::baotaSite()
{
    const QStringList before = digest();
    const QString file = QFileInfo(m_main).path() + QStringLiteral("/panel/vhost/nginx/localhost.conf");
    const QByteArray rootBefore = get(m_baota, QStringLiteral("/"), QString());
    QCOMPARE(rootBefore, QByteArray("baota site\n\n200"));

    const ProcessResult applied = apply(m_baota, {QStringLiteral("--mode"), QStringLiteral("merge")});
    QVERIFY2(applied.exitCode == 0, applied.out + applied.err);
    checkMerged(m_baota, rootBefore);
    // The added lines come after the panel's SSL block, never inside it.
    const QByteArray text = readFile(file);
    QVERIFY(text.indexOf("ssl_verify_client optional;") > text.indexOf("#SSL-END"));
    QCOMPARE(text.count("ssl_verify_client"), 1);

    // remove --domain takes it out the same way: the panel's file byte for byte.
    const ProcessResult removed = runCli(
        {QStringLiteral("remove"), QStringLiteral("--server"), QStringLiteral("nginx"), QStringLiteral("--domain"),
         QStringLiteral("localhost"), QStringLiteral("--state-dir"), m_state.path(), QStringLiteral("--main-config"),
         m_main, QStringLiteral("--prefix"), m_root, QStringLiteral("--binary"), QStringLiteral("/usr/sbin/nginx")});
    QVERIFY2(removed.exitCode == 0, removed.out + removed.err);
    QCOMPARE(digest(), before);
    QCOMPARE(get(m_baota, QStringLiteral("/im/callback"), QString()), rootBefore);
}

// Refused before any change: exit 1, the finding's code, the tree as it was, the site still answering.
void TestMergeLive::refusals_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("code");
    QTest::newRow("certificate of a private CA") << 0 << QStringLiteral("MERGE_SITE_CERTIFICATE");
    QTest::newRow("client verification set otherwise") << 1 << QStringLiteral("MERGE_CLIENT_VERIFICATION");
    QTest::newRow("location for the path") << 2 << QStringLiteral("MERGE_LOCATION_EXISTS");
    QTest::newRow("no site on the port") << 3 << QStringLiteral("MERGE_NO_SITE");
}

void TestMergeLive::refusals()
{
    QFETCH(int, which);
    QFETCH(QString, code);
    const quint16 port = QList<quint16> {m_private, m_verifies, m_location, m_none}.at(which);
    const QStringList before = digest();
    const ProcessResult refused = apply(port, {QStringLiteral("--mode"), QStringLiteral("merge")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(findingCodes(refused.out).contains(code), refused.out.constData());
    QCOMPARE(digest(), before);
    if (port != m_none)
        QVERIFY(waitForPortState(port, true));
}

// With --replace-location the user's location for the path gives way; rollback puts it back.
void TestMergeLive::replaceLocation()
{
    const QStringList before = digest();
    QCOMPARE(get(m_location, QStringLiteral("/im/callback"), QString()), QByteArray("mine\n\n200"));
    const ProcessResult applied
        = apply(m_location, {QStringLiteral("--mode"), QStringLiteral("merge"), QStringLiteral("--replace-location")});
    QVERIFY2(applied.exitCode == 0, applied.out + applied.err);
    QVERIFY(waitFor(m_location, QStringLiteral("/im/callback"), QString(), "\n403"));
    QCOMPARE(get(m_location, QStringLiteral("/im/callback"), QStringLiteral("chat")),
             WebhookUpstream::chatOkBody() + "\n200");
    const ProcessResult back = rollback();
    QVERIFY2(back.exitCode == 0, back.out + back.err);
    QCOMPARE(digest(), before);
    QCOMPARE(get(m_location, QStringLiteral("/im/callback"), QString()), QByteArray("mine\n\n200"));
}

// Killed right after the site's file was edited (before the test and the reload): the next run puts it back.
void TestMergeLive::killedMergeIsUndone()
{
    const QStringList before = digest();
    const QByteArray rootBefore = get(m_certbot, QStringLiteral("/im/callback"), QString());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MTLS_APPLY_EXIT_AFTER_STEP"), QStringLiteral("4")); // journal, folders, CA, site
    QCOMPARE(runCli(args(m_certbot, {QStringLiteral("--mode"), QStringLiteral("merge")}), env).exitCode, 86);
    QVERIFY(digest() != before);
    QVERIFY(readFile(QFileInfo(m_main).path() + QStringLiteral("/sites-available/localhost"))
                .contains("ssl_verify_client optional;"));
    const ProcessResult next = rollback();
    QVERIFY2(next.exitCode == 0, next.out + next.err);
    QCOMPARE(digest(), before);
    QCOMPARE(get(m_certbot, QStringLiteral("/im/callback"), QString()), rootBefore);
}

QTEST_GUILESS_MAIN(TestMergeLive)
#include "tst_merge_live.moc"
