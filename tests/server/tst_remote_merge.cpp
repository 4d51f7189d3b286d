// apply --mode merge over a real OpenSSH server on loopback: the server (this machine, reached through sshd as a user
// with NOPASSWD sudo) runs a real nginx whose website already answers the webhook's name with its own certificate.
// The plan is made from the server's own files, read through the SSH session; install.sh edits the site there.
// Judged by curl, openssl s_client, stat and tree digests, never by the assistant's messages: the site keeps serving
// its certificate and its pages, the webhook path refuses strangers and lets Chat's certificate through, and
// rollback leaves the tree byte for byte (owner and mode included). A refusal changes nothing and starts no job.

#include "SshServer.h"
#include "ThrowawayInstallation.h"
#include "pki/Certificate.h"
#include "sandbox/WebhookUpstream.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace mtls;

namespace {

QJsonObject jsonOf(const ProcessResult& result)
{
    return QJsonDocument::fromJson(result.out).object();
}

const QString kPath = QStringLiteral("/im/callback");

} // namespace

class TestRemoteMerge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void mergeOverSshThenRollback();
    void untrustedSiteCertificateChangesNothing();
    void dedicatedOnTheNameIsRefused();
    void apacheMergeOverSshThenRemove();

private:
    // apply over SSH for localhost on `port` of `t` (default: the nginx site's), with `extra` arguments (--mode,
    // --roots, ...).
    ProcessResult apply(const QStringList& extra, const Throwaway* t = nullptr, quint16 port = 0) const;
    QStringList ssh() const;
    QByteArray get(const QString& path, const QString& client = QString()) const
    {
        return m_fixture.curl(m_sitePort, path, client).out;
    }
    int jobCount() const
    {
        return QDir(m_state.filePath(QStringLiteral("jobs"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size();
    }

    MtlsFixture m_fixture;
    WebhookUpstream m_upstream;
    std::unique_ptr<SshServer> m_sshd;
    std::unique_ptr<Throwaway> m_nginx;
    QTemporaryDir m_state; // the assistant's folder on "the server"
    QTemporaryDir m_client; // the known-hosts file on "the desktop"
    QTemporaryDir m_site; // the website's certificate and key (root's)
    quint16 m_sitePort = freeLoopbackPort();
    QString m_siteFile; // conf.d/00-user.conf: the website, owned by 1234:1234, mode 0640
};

void TestRemoteMerge::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("the remote side runs as root");
    if (const QString why = SshServer::unavailableReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    QVERIFY(m_upstream.start());
    m_sshd = std::make_unique<SshServer>();
    QVERIFY2(m_sshd->start(), qPrintable(m_sshd->error()));
    // The website: its own certificate (the fixture's, from the test root), every page answered by the site.
    QVERIFY(QFile::copy(m_fixture.path(QStringLiteral("fullchain.pem")), m_site.filePath(QStringLiteral("site.pem"))));
    QVERIFY(QFile::copy(m_fixture.path(QStringLiteral("server.key")), m_site.filePath(QStringLiteral("site.key"))));
    const QString site
        = QStringLiteral("server {\n    listen 127.0.0.1:%1 ssl;\n    server_name localhost;\n"
                         "    ssl_certificate %2;\n    ssl_certificate_key %3;\n"
                         "    location / { return 200 \"user-site\\n\"; }\n}\n")
              .arg(m_sitePort)
              .arg(m_site.filePath(QStringLiteral("site.pem")), m_site.filePath(QStringLiteral("site.key")));
    m_nginx = std::make_unique<Throwaway>(ServerKind::Nginx);
    QVERIFY(m_nginx->start(site));
    m_siteFile = m_nginx->server->prefix() + QStringLiteral("/conf.d/00-user.conf");
    // A comment in GBK, as hosting panels write them: the file is not UTF-8, and must be edited byte for byte.
    QFile file(m_siteFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = "# \xc4\xe3\xba\xc3, the site's own comment\n" + file.readAll();
    file.close();
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size());
    file.close();
    QVERIFY(m_nginx->server->reload().ok());
    QVERIFY(::chown(QFile::encodeName(m_siteFile).constData(), 1234, 1234) == 0);
    QVERIFY(::chmod(QFile::encodeName(m_siteFile).constData(), 0640) == 0);
    QVERIFY(waitForPortState(m_sitePort, true));
    QCOMPARE(get(QStringLiteral("/")), QByteArray("user-site\n\n200"));
}

QStringList TestRemoteMerge::ssh() const
{
    const SshServer::User user = SshServer::User::SudoNoPassword;
    return {QStringLiteral("--ssh"),
            QStringLiteral("%1@127.0.0.1:%2").arg(m_sshd->userName(user)).arg(m_sshd->port()),
            QStringLiteral("--identity"),
            m_sshd->clientKey(user),
            QStringLiteral("--known-hosts"),
            m_client.filePath(QStringLiteral("known_hosts")),
            QStringLiteral("--accept-host-key"),
            m_sshd->hostKeyFingerprint(),
            QStringLiteral("--state-dir"),
            m_state.path(),
            QStringLiteral("--json")};
}

ProcessResult TestRemoteMerge::apply(const QStringList& extra, const Throwaway* t, quint16 port) const
{
    if (!t) {
        t = m_nginx.get();
        port = m_sitePort;
    }
    QStringList args {QStringLiteral("apply"),
                      QStringLiteral("--domain"),
                      QStringLiteral("localhost"),
                      QStringLiteral("--client-ca"),
                      m_fixture.path(QStringLiteral("chatca.crt")),
                      QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:%1").arg(port),
                      QStringLiteral("--upstream"),
                      m_upstream.url(),
                      QStringLiteral("--path"),
                      kPath};
    QStringList installation = t->installationArgs();
    installation.remove(installation.indexOf(QStringLiteral("--state-dir")), 2);
    return runCli(args + installation + extra + ssh(), QProcessEnvironment::systemEnvironment(), 120000);
}

void TestRemoteMerge::mergeOverSshThenRollback()
{
    const QStringList before = treeDigest(m_nginx->server->prefix());
    const QByteArray rootBefore = get(QStringLiteral("/"));
    const QByteArray pathBefore = get(kPath);
    const QString siteLeaf = Certificate::fromPem(m_fixture.read(QStringLiteral("server.crt")))->sha256Hex();

    const ProcessResult applied = apply({QStringLiteral("--mode"), QStringLiteral("merge"), QStringLiteral("--roots"),
                                         m_fixture.path(QStringLiteral("root.crt"))});
    QVERIFY2(applied.exitCode == 0, (applied.out + applied.err).constData());
    const QJsonObject result = jsonOf(applied);
    QCOMPARE(result.value(QLatin1String("server_state")).toString(), QStringLiteral("after"));
    QCOMPARE(result.value(QLatin1String("mode")).toString(), QStringLiteral("merge"));
    QCOMPARE(result.value(QLatin1String("site_file")).toString(), m_siteFile);

    // The site serves its own certificate and its pages as before; the webhook path refuses a stranger (403) and
    // passes Chat's certificate on to the application.
    QCOMPARE(servedLeaf(m_fixture.sClient(m_sitePort, QString())), siteLeaf);
    QCOMPARE(get(QStringLiteral("/")), rootBefore);
    QVERIFY2(get(kPath).endsWith("\n403"), get(kPath).constData());
    QCOMPARE(get(kPath, QStringLiteral("chat")), WebhookUpstream::chatOkBody() + "\n200");
    QVERIFY(get(kPath, QStringLiteral("intruder")).endsWith("\n403")
            || get(kPath, QStringLiteral("intruder")).endsWith("\n400"));
    // The user's file was edited in place: still theirs, with its mode; no key of ours on the server.
    QCOMPARE(ownerMode(m_siteFile), QStringLiteral("1234:1234 640"));
    QVERIFY(QFile(m_siteFile).open(QIODevice::ReadOnly));
    QVERIFY(!QFileInfo::exists(m_nginx->server->prefix() + QStringLiteral("/mtls-assistant/localhost/privkey.pem")));

    const ProcessResult rolledBack
        = runCli(QStringList {QStringLiteral("rollback")} + ssh(), QProcessEnvironment::systemEnvironment(), 120000);
    QVERIFY2(rolledBack.exitCode == 0, (rolledBack.out + rolledBack.err).constData());
    QCOMPARE(jsonOf(rolledBack).value(QLatin1String("server_state")).toString(), QStringLiteral("before"));
    QCOMPARE(treeDigest(m_nginx->server->prefix()), before);
    QCOMPARE(get(kPath), pathBefore);
    QCOMPARE(get(QStringLiteral("/")), rootBefore);
}

void TestRemoteMerge::untrustedSiteCertificateChangesNothing()
{
    // The site's certificate does not reach the roots given (the system's, here): refused from the server's own
    // files before anything is uploaded.
    const QStringList before = treeDigest(m_nginx->server->prefix());
    const int jobs = jobCount();
    const ProcessResult applied = apply({QStringLiteral("--mode"), QStringLiteral("merge")});
    QCOMPARE(applied.exitCode, 1);
    const QJsonObject result = jsonOf(applied);
    QVERIFY2(QJsonDocument(result).toJson().contains("MERGE_SITE_CERTIFICATE"), applied.out.constData());
    QCOMPARE(treeDigest(m_nginx->server->prefix()), before);
    QCOMPARE(jobCount(), jobs);
    QCOMPARE(get(kPath), QByteArray("user-site\n\n200"));
}

void TestRemoteMerge::dedicatedOnTheNameIsRefused()
{
    // Without --mode merge, a site of its own for a name the website answers is refused, and the message names the
    // way that works.
    const QStringList before = treeDigest(m_nginx->server->prefix());
    const ProcessResult applied = apply({QStringLiteral("--cert"), m_fixture.path(QStringLiteral("server.crt")),
                                         QStringLiteral("--key"), m_fixture.path(QStringLiteral("server.key")),
                                         QStringLiteral("--chain"), m_fixture.path(QStringLiteral("chain.pem")),
                                         QStringLiteral("--roots"), m_fixture.path(QStringLiteral("root.crt"))});
    QCOMPARE(applied.exitCode, 1);
    const QByteArray json = QJsonDocument(jsonOf(applied)).toJson();
    QVERIFY2(json.contains("SERVER_NAME_CONFLICT") && json.contains("--mode merge"), applied.out.constData());
    QCOMPARE(treeDigest(m_nginx->server->prefix()), before);
}

void TestRemoteMerge::apacheMergeOverSshThenRemove()
{
    // Apache's website for the name, read over SSH from `apachectl -S` and the site's file: merged, then removed.
    const quint16 port = freeLoopbackPort();
    Throwaway t(ServerKind::Apache);
    QVERIFY(
        t.start(QStringLiteral("Listen 127.0.0.1:%1\n<VirtualHost 127.0.0.1:%1>\n    ServerName localhost\n"
                               "    SSLEngine on\n    SSLCertificateFile %2\n    SSLCertificateKeyFile %3\n"
                               "    DocumentRoot htdocs\n    <Directory htdocs>\n        Require all granted\n"
                               "    </Directory>\n</VirtualHost>\n")
                    .arg(port)
                    .arg(m_site.filePath(QStringLiteral("site.pem")), m_site.filePath(QStringLiteral("site.key")))));
    QVERIFY(waitForPortState(port, true));
    const QStringList before = treeDigest(t.server->prefix());
    const QByteArray rootBefore = m_fixture.curl(port, QStringLiteral("/"), QString()).out;
    QCOMPARE(rootBefore, QByteArray("old-site\n\n200"));

    const ProcessResult applied = apply({QStringLiteral("--mode"), QStringLiteral("merge"), QStringLiteral("--roots"),
                                         m_fixture.path(QStringLiteral("root.crt"))},
                                        &t, port);
    QVERIFY2(applied.exitCode == 0, (applied.out + applied.err).constData());
    QCOMPARE(jsonOf(applied).value(QLatin1String("server_state")).toString(), QStringLiteral("after"));
    QCOMPARE(servedLeaf(m_fixture.sClient(port, QString())),
             Certificate::fromPem(m_fixture.read(QStringLiteral("server.crt")))->sha256Hex());
    QCOMPARE(m_fixture.curl(port, QStringLiteral("/"), QString()).out, rootBefore);
    QVERIFY(m_fixture.curl(port, kPath, QString()).out.endsWith("\n403"));
    QCOMPARE(m_fixture.curl(port, kPath, QStringLiteral("chat")).out, WebhookUpstream::chatOkBody() + "\n200");

    const ProcessResult removed = runCli(
        QStringList {QStringLiteral("remove"), QStringLiteral("--domain"), QStringLiteral("localhost")} + ssh(),
        QProcessEnvironment::systemEnvironment(), 120000);
    QVERIFY2(removed.exitCode == 0, (removed.out + removed.err).constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QCOMPARE(m_fixture.curl(port, kPath, QString()).out.right(4), QByteArray("\n404"));
}

QTEST_GUILESS_MAIN(TestRemoteMerge)
#include "tst_remote_merge.moc"
