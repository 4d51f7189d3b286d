// install.sh in merge mode, as root against a real throwaway nginx whose site already answers the name with its own
// certificate: the bundle is made here (installScript(), installData() with merge on, the client CA and the site file
// edited by the engine's own nginx merge). Judged by curl and openssl s_client, tree digests, SHA-256 and stat, never
// by the script's messages alone. One nginx for the whole executable; each case leaves it as it found it.

#include "MtlsFixture.h"
#include "deploy/InstallScript.h"
#include "pki/Certificate.h"
#include "sandbox/WebhookUpstream.h"
#include "server/NginxMerge.h"
#include "server/ThrowawayServer.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace mtls;

namespace {

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QString sha256(const QByteArray& content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

const QString kPath = QStringLiteral("/im/callback");

} // namespace

class TestInstallMerge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void mergeApplyAndRollback();
    void changedSiteFileIsRefused();
    void failedVerificationIsRolledBack();
    void oddDataIsRefused_data();
    void oddDataIsRefused();

private:
    // A bundle in work/NAME for the merge edit of the site file as it is now; `siteLeaf` empty: the site's own.
    QString makeBundle(const QString& name, const QString& siteLeaf = QString());
    ProcessResult install(const QString& bundle, const QStringList& args = {}) const;
    QStringList digest() const { return treeDigest(m_server->prefix()); }
    QByteArray get(const QString& path, const QString& client = QString()) const
    {
        return m_fixture.curl(m_port, path, client).out;
    }
    bool waitFor(const QString& path, const QString& client, const QByteArray& wanted) const;
    QString certDir() const { return m_server->prefix() + QStringLiteral("/mtls-assistant/localhost"); }

    MtlsFixture m_fixture;
    WebhookUpstream m_upstream;
    std::unique_ptr<ThrowawayServer> m_server;
    QTemporaryDir m_work; // the bundles and install.sh's backups
    quint16 m_port = freeLoopbackPort();
    QString m_site; // the user's site file: conf.d/localhost.conf, owned by 1234:1234, mode 0640
    QString m_siteLeaf;
};

void TestInstallMerge::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("install.sh runs as root only");
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/nginx")))
        QSKIP("nginx is not installed");
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    QVERIFY(m_upstream.start());
    m_siteLeaf = Certificate::fromPem(m_fixture.read(QStringLiteral("server.crt")))->sha256Hex().toLower();

    ThrowawayServerOptions options;
    options.kind = ServerKind::Nginx;
    options.port = m_port;
    options.binary = QStringLiteral("/usr/sbin/nginx");
    m_server = std::make_unique<ThrowawayServer>(options);
    QVERIFY(m_server->prepare());
    const QString prefix = m_server->prefix();
    QVERIFY(writeFile(prefix + QStringLiteral("/le/fullchain.pem"), m_fixture.read(QStringLiteral("fullchain.pem"))));
    QVERIFY(writeFile(prefix + QStringLiteral("/le/privkey.pem"), m_fixture.read(QStringLiteral("server.key"))));
    // The user's website with its own certificate, in a root-owned folder, owned by another user with a mode of its
    // own (the master reads it as root).
    m_site = prefix + QStringLiteral("/conf.d/localhost.conf");
    QVERIFY(writeFile(m_site,
                      QStringLiteral("server {\n    listen 127.0.0.1:%1 ssl;\n    server_name localhost;\n"
                                     "    ssl_certificate %2/le/fullchain.pem;\n"
                                     "    ssl_certificate_key %2/le/privkey.pem;\n\n"
                                     "    location / {\n        return 200 \"website\\n\";\n    }\n}\n")
                          .arg(m_port)
                          .arg(prefix)
                          .toUtf8()));
    QVERIFY(::chown(QFile::encodeName(m_site).constData(), 1234, 1234) == 0);
    QVERIFY(::chmod(QFile::encodeName(m_site).constData(), 0640) == 0);
    const Status started = m_server->start();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
}

QString TestInstallMerge::makeBundle(const QString& name, const QString& siteLeaf)
{
    const QString bundle = m_work.filePath(name);
    const QString prefix = m_server->prefix();
    const QByteArray before = readFile(m_site);
    nginxconf::MergeParams merge;
    merge.clientCaPath = certDir() + QStringLiteral("/client-ca.pem");
    merge.webhookPath = kPath;
    merge.upstream = configsyntax::parseUpstreamUrl(m_upstream.url()).value();
    merge.domain = QStringLiteral("localhost");
    const auto edit = nginxconf::mergeWebhook(before, 0, {}, merge, m_site);
    if (!edit || !edit->changed) {
        qWarning("the merge edit failed");
        return {};
    }
    const QByteArray clientCa = m_fixture.read(QStringLiteral("chatca.crt"));
    if (!writeFile(bundle + QStringLiteral("/certs/client-ca.pem"), clientCa)
        || !writeFile(bundle + QStringLiteral("/localhost.conf"), edit->text)
        || !writeFile(bundle + QStringLiteral("/install.sh"), installScript()))
        return {};

    InstallScriptParams p;
    p.kind = ServerKind::Nginx;
    p.domain = QStringLiteral("localhost");
    p.configRoot = prefix;
    p.certDir = certDir();
    p.files << InstallScriptParams::File {QStringLiteral("certs/client-ca.pem"), merge.clientCaPath,
                                          QStringLiteral("644"), sha256(clientCa)}
            << InstallScriptParams::File {QStringLiteral("localhost.conf"), m_site, QStringLiteral("keep"),
                                          sha256(edit->text)};
    p.clientCaSource = QStringLiteral("certs/client-ca.pem");
    p.siteSource = QStringLiteral("localhost.conf");
    p.binary = m_server->binary();
    p.arguments = m_server->selectArguments();
    p.connectHost = QStringLiteral("127.0.0.1");
    p.connectPort = m_port;
    p.backupDir = m_work.filePath(QStringLiteral("backups"));
    p.merge = true;
    p.siteLeafSha256 = siteLeaf.isEmpty() ? m_siteLeaf : siteLeaf;
    p.webhookPath = kPath;
    p.expected = {{m_site, sha256(before)}};
    QString error;
    const QString data = installData(p, &error);
    if (data.isEmpty()) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return writeFile(bundle + QStringLiteral("/install.data"), data.toUtf8()) ? bundle : QString();
}

ProcessResult TestInstallMerge::install(const QString& bundle, const QStringList& args) const
{
    return runProcess(QStringLiteral("sh"), QStringList {bundle + QStringLiteral("/install.sh")} + args,
                      QProcessEnvironment::systemEnvironment(), 60000);
}

bool TestInstallMerge::waitFor(const QString& path, const QString& client, const QByteArray& wanted) const
{
    QDeadlineTimer deadline(5000);
    while (get(path, client) != wanted) {
        if (deadline.hasExpired()) {
            qWarning() << get(path, client);
            return false;
        }
        QTest::qWait(100);
    }
    return true;
}

void TestInstallMerge::mergeApplyAndRollback()
{
    const QStringList before = digest();
    const QByteArray siteBefore = readFile(m_site);
    const QString ownedBefore = ownerMode(m_site);
    QCOMPARE(ownedBefore, QStringLiteral("1234:1234 640"));
    const QByteArray rootBefore = get(QStringLiteral("/"));
    QCOMPARE(rootBefore, QByteArray("website\n\n200"));
    QCOMPARE(get(kPath), rootBefore); // the website's location now

    const QString bundle = makeBundle(QStringLiteral("merge"));
    QVERIFY(!bundle.isEmpty());
    const ProcessResult installed = install(bundle);
    QVERIFY2(installed.exitCode == 0, (installed.out + installed.err).constData());

    // The site still serves its own certificate and "/" as before; the webhook path asks for Chat's certificate.
    QCOMPARE(servedLeaf(m_fixture.sClient(m_port, QString())).toLower(), m_siteLeaf);
    QCOMPARE(get(QStringLiteral("/")), rootBefore);
    QVERIFY(get(kPath).endsWith("\n403"));
    m_upstream.clearRequests();
    QCOMPARE(get(kPath, QStringLiteral("chat")), WebhookUpstream::chatOkBody() + "\n200");
    QVERIFY(m_upstream.waitForRequests(1, 2000));
    // The edited file: the bundle's text, with the owner, group and mode it had.
    QCOMPARE(readFile(m_site), readFile(bundle + QStringLiteral("/localhost.conf")));
    QCOMPARE(ownerMode(m_site), ownedBefore);
    QCOMPARE(ownerMode(certDir() + QStringLiteral("/client-ca.pem")), QStringLiteral("0:0 644"));
    // What the step recorded before the change, for the rollback's check.
    const QString step = m_work.filePath(QStringLiteral("backups/steps/1/"));
    QCOMPARE(readFile(step + QStringLiteral("root-before")), QByteArray("200\n"));
    QCOMPARE(readFile(step + QStringLiteral("path-before")), QByteArray("200\n"));

    const ProcessResult back = install(bundle, {QStringLiteral("--rollback")});
    QVERIFY2(back.exitCode == 0, (back.out + back.err).constData());
    QCOMPARE(sha256(readFile(m_site)), sha256(siteBefore));
    QCOMPARE(ownerMode(m_site), ownedBefore);
    QCOMPARE(digest(), before);
    // Right away: the rollback checked the webhook path before it said so.
    QCOMPARE(get(kPath), rootBefore);
}

// The site file changed after the bundle was made: refused before any change.
void TestInstallMerge::changedSiteFileIsRefused()
{
    const QByteArray siteBefore = readFile(m_site);
    const QString bundle = makeBundle(QStringLiteral("changed"));
    QVERIFY(!bundle.isEmpty());
    QVERIFY(writeFile(m_site, siteBefore + "# changed by the user\n"));
    const QStringList before = digest();
    const ProcessResult refused = install(bundle);
    const QStringList after = digest();
    QVERIFY(writeFile(m_site, siteBefore)); // as it was for the next cases
    QVERIFY2(refused.exitCode != 0, refused.out.constData());
    QVERIFY2(refused.err.contains("changed since the change was planned"), refused.err.constData());
    QCOMPARE(after, before);
    QVERIFY(!QFileInfo::exists(certDir()));
    QCOMPARE(get(kPath), QByteArray("website\n\n200"));
}

// The site would serve another certificate than planned: the run fails and everything is put back.
void TestInstallMerge::failedVerificationIsRolledBack()
{
    const QStringList before = digest();
    const QString other = Certificate::fromPem(m_fixture.read(QStringLiteral("chatca.crt")))->sha256Hex().toLower();
    const QString bundle = makeBundle(QStringLiteral("other-leaf"), other);
    QVERIFY(!bundle.isEmpty());
    const ProcessResult failed = install(bundle);
    QVERIFY2(failed.exitCode != 0, failed.out.constData());
    QVERIFY2(failed.err.contains(other.toUtf8()), failed.err.constData());
    QCOMPARE(digest(), before);
    QCOMPARE(ownerMode(m_site), QStringLiteral("1234:1234 640"));
    QCOMPARE(servedLeaf(m_fixture.sClient(m_port, QString())).toLower(), m_siteLeaf);
    QVERIFY(waitFor(kPath, QString(), "website\n\n200"));
    QCOMPARE(get(QStringLiteral("/")), QByteArray("website\n\n200"));
}

// install.data with an odd merge value: refused before anything is looked at on the server.
void TestInstallMerge::oddDataIsRefused_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::newRow("another mode") << QByteArray("mode=merge") << QByteArray("mode=dedicated");
    QTest::newRow("path with a space") << QByteArray("webhook_path=/im/callback")
                                       << QByteArray("webhook_path=/im/call back");
    QTest::newRow("path with a quote") << QByteArray("webhook_path=/im/callback")
                                       << QByteArray("webhook_path=/im/call\"back");
    QTest::newRow("relative path") << QByteArray("webhook_path=/im/callback") << QByteArray("webhook_path=im/callback");
    QTest::newRow("leaf too long, capitals") << QByteArray("site_leaf=") << QByteArray("site_leaf=AB");
    QTest::newRow("keep without merge") << QByteArray("mode=merge\n") << QByteArray("cert=localhost.conf\nkey=x\n");
    QTest::newRow("expect of another file") << QByteArray("expect=/") << QByteArray("expect=/etc/passwd ");
}

void TestInstallMerge::oddDataIsRefused()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    const QString bundle = makeBundle(QStringLiteral("odd"));
    QVERIFY(!bundle.isEmpty());
    QByteArray data = readFile(bundle + QStringLiteral("/install.data"));
    QVERIFY(data.contains(from));
    QVERIFY(writeFile(bundle + QStringLiteral("/install.data"), data.replace(from, to)));
    const QStringList before = digest();
    const ProcessResult refused = install(bundle);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("install.data: line refused"), refused.err.constData());
    QCOMPARE(digest(), before);
}

QTEST_GUILESS_MAIN(TestInstallMerge)
#include "tst_install_merge.moc"
