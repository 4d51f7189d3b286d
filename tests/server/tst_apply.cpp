// apply and rollback against throwaway nginx and Apache installations: success, and every fault leaves the
// tree byte-for-byte as it was with the old configuration still served.

#include "MtlsFixture.h"
#include "deploy/ApplyService.h"
#include "sandbox/WebhookUpstream.h"
#include "server/ThrowawayServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace mtls;

namespace {

QString oldSite(ServerKind kind, quint16 port)
{
    if (kind == ServerKind::Nginx)
        return QStringLiteral("server {\n    listen 127.0.0.1:%1;\n    location / { return 200 \"old-site\\n\"; }\n}\n")
            .arg(port);
    return QStringLiteral("<VirtualHost 127.0.0.1:%1>\n    DocumentRoot htdocs\n    <Directory htdocs>\n"
                          "        Require all granted\n    </Directory>\n</VirtualHost>\n")
        .arg(port);
}

QByteArray plainGet(quint16 port)
{
    return runProcess(QStringLiteral("curl"),
                      {QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("10"),
                       QStringLiteral("http://127.0.0.1:%1/").arg(port)})
        .out;
}

// One throwaway installation serving an "old" site, and the request to apply a new one next to it.
struct Installation
{
    explicit Installation(ServerKind serverKind, bool debianLayout = false)
        : kind(serverKind)
        , debian(debianLayout)
    {
    }
    ServerKind kind;
    bool debian = false; // sites-available + sites-enabled, as Debian and Ubuntu lay them out
    quint16 oldPort = freeLoopbackPort();
    quint16 newPort = 0;
    std::unique_ptr<ThrowawayServer> server;
    QTemporaryDir stateDir;
    ServerInstallation installation;

    Status start()
    {
        ThrowawayServerOptions options;
        options.kind = kind;
        options.port = oldPort;
        options.siteConfig = oldSite(kind, oldPort);
        server = std::make_unique<ThrowawayServer>(options);
        if (auto prepared = server->prepare(); !prepared)
            return prepared;
        QFile index(server->prefix() + QStringLiteral("/htdocs/index.html"));
        index.open(QIODevice::WriteOnly);
        index.write("old-site\n");
        index.close();
        QFile::setPermissions(index.fileName(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        if (debian) {
            QDir().mkpath(server->prefix() + QStringLiteral("/sites-available"));
            if (kind == ServerKind::Apache) // how a Debian Apache root is recognised
                QFile(server->prefix() + QStringLiteral("/apache2.conf")).open(QIODevice::WriteOnly);
        }
        if (auto started = server->start(); !started)
            return started;
        do {
            newPort = freeLoopbackPort();
        } while (newPort == oldPort);
        DiscoveryOptions discovery;
        discovery.binary = server->binary();
        discovery.configRoot = server->prefix();
        discovery.mainConfig = server->mainConfigPath();
        if (kind == ServerKind::Nginx)
            discovery.prefix = server->prefix();
        auto found = discoverServer(kind, discovery);
        if (!found)
            return found.error();
        installation = found.value();
        return {};
    }

    ApplyRequest request(const MtlsFixture& fixture, const QString& upstream) const
    {
        ApplyRequest r;
        r.installation = installation;
        r.config.domain = QStringLiteral("localhost");
        r.config.listen = parseListen(QStringLiteral("127.0.0.1:%1").arg(newPort));
        r.config.upstreamUrl = upstream;
        r.config.webhookPath = QStringLiteral("/im/callback");
        r.material.fullChainPem = fixture.read(QStringLiteral("fullchain.pem"));
        r.material.chainPem = fixture.read(QStringLiteral("chain.pem"));
        r.material.keyPem = fixture.read(QStringLiteral("server.key"));
        r.material.clientCaPem = fixture.read(QStringLiteral("chatca.crt"));
        r.stateDir = stateDir.path();
        return r;
    }
};

} // namespace

class TestApply : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void applyThenRollback_data();
    void applyThenRollback();
    void faultsLeaveTheTreeAsItWas_data();
    void faultsLeaveTheTreeAsItWas();
    void reloadFailsWhenServerIsDown();
    void refusesWhenTheCurrentConfigurationIsBroken();
    void rollbackWithNothingApplied();
    void existingFilesAreBackedUpAndRestored();

private:
    MtlsFixture m_fixture;
};

void TestApply::initTestCase()
{
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    QVERIFY(m_fixture.pki().makeServer(QStringLiteral("other"), {QStringLiteral("localhost")}, QStringLiteral("int")));
}

void TestApply::applyThenRollback_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<bool>("debian");
    QTest::newRow("nginx conf.d") << ServerKind::Nginx << false;
    QTest::newRow("apache conf.d") << ServerKind::Apache << false;
    QTest::newRow("nginx debian") << ServerKind::Nginx << true;
    QTest::newRow("apache debian") << ServerKind::Apache << true;
}

void TestApply::applyThenRollback()
{
    QFETCH(ServerKind, kind);
    QFETCH(bool, debian);
    Installation inst(kind, debian);
    const Status started = inst.start();
    QVERIFY2(started, qPrintable(started.error().fullText()));
    QCOMPARE(inst.installation.layout, debian ? ServerLayout::Debian : ServerLayout::Custom);
    const QStringList before = treeDigest(inst.server->prefix());
    WebhookUpstream upstream;
    QVERIFY(upstream.start());

    const auto applied = applyConfiguration(inst.request(m_fixture, upstream.url()));
    QVERIFY2(applied, qPrintable(applied.error().fullText()));
    const QString siteDir = debian ? QStringLiteral("/sites-available/") : QStringLiteral("/conf.d/");
    QCOMPARE(applied->siteFile, inst.server->prefix() + siteDir + QStringLiteral("mtls-assistant-localhost.conf"));
    if (debian) {
        const QFileInfo link(inst.server->prefix() + QStringLiteral("/sites-enabled/mtls-assistant-localhost.conf"));
        QVERIFY(link.isSymLink());
        QCOMPARE(link.symLinkTarget(), applied->siteFile);
    }
    const QString certDir = inst.server->prefix() + QStringLiteral("/mtls-assistant/localhost");
    const QFile::Permissions keyMode = QFileInfo(certDir + QStringLiteral("/privkey.pem")).permissions();
    QVERIFY(keyMode.testFlag(QFile::ReadOwner));
    QVERIFY(!(keyMode & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)));
    QVERIFY(QFileInfo::exists(certDir + QStringLiteral("/fullchain.pem")));
    QVERIFY(QFileInfo::exists(certDir + QStringLiteral("/client-ca.pem")));
    QVERIFY(applied->changed.contains(applied->siteFile));

    // The reloaded server enforces the client certificate on the new port and still serves the old site.
    QVERIFY(waitForPortState(inst.newPort, true));
    const ProcessResult chat = m_fixture.curl(inst.newPort, QStringLiteral("/im/callback"), QStringLiteral("chat"));
    QCOMPARE(chat.out, WebhookUpstream::chatOkBody() + "\n200");
    const ProcessResult none = m_fixture.curl(inst.newPort, QStringLiteral("/im/callback"), QString());
    QVERIFY(kind == ServerKind::Nginx ? none.out.endsWith("\n400") : (none.exitCode == 35 || none.exitCode == 56));
    QCOMPARE(plainGet(inst.oldPort), QByteArray("old-site\n"));

    const Status rolledBack = rollbackLastApply(inst.installation, inst.stateDir.path());
    QVERIFY2(rolledBack, qPrintable(rolledBack.error().fullText()));
    QCOMPARE(treeDigest(inst.server->prefix()), before);
    QVERIFY(waitForPortState(inst.newPort, false));
    QCOMPARE(plainGet(inst.oldPort), QByteArray("old-site\n"));

    const Status again = rollbackLastApply(inst.installation, inst.stateDir.path());
    QVERIFY(!again);
    QVERIFY(again.error().message.contains(QStringLiteral("nothing to roll back")));
}

void TestApply::faultsLeaveTheTreeAsItWas_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("message");
    for (ServerKind kind : {ServerKind::Nginx, ServerKind::Apache}) {
        const QByteArray k = serverKindName(kind).toLatin1();
        QTest::newRow(k + " server test fails")
            << kind << QStringLiteral("mismatched-key")
            << (kind == ServerKind::Nginx ? QStringLiteral("refused") : QStringLiteral("cannot start"));
        QTest::newRow(k + " reload fails") << kind << QStringLiteral("reload") << QStringLiteral("did not reload");
        QTest::newRow(k + " write fails on the 3rd file")
            << kind << QStringLiteral("write-3") << QStringLiteral("Cannot write");
        QTest::newRow(k + " write fails on the site file")
            << kind << QStringLiteral("write-5") << QStringLiteral("Cannot write");
    }
}

void TestApply::faultsLeaveTheTreeAsItWas()
{
    QFETCH(ServerKind, kind);
    QFETCH(QString, fault);
    QFETCH(QString, message);
    Installation inst(kind);
    const Status started = inst.start();
    QVERIFY2(started, qPrintable(started.error().fullText()));
    const QStringList before = treeDigest(inst.server->prefix());

    ApplyRequest request = inst.request(m_fixture, QStringLiteral("http://127.0.0.1:9"));
    if (fault == QLatin1String("mismatched-key"))
        request.material.keyPem = m_fixture.read(QStringLiteral("other.key"));
    if (fault == QLatin1String("reload"))
        qputenv("MTLS_TEST_FAIL_RELOAD", "1");
    if (fault.startsWith(QLatin1String("write-")))
        qputenv("MTLS_APPLY_FAIL_WRITE_AT", fault.mid(6).toLatin1());
    const auto applied = applyConfiguration(request);
    qunsetenv("MTLS_TEST_FAIL_RELOAD");
    qunsetenv("MTLS_APPLY_FAIL_WRITE_AT");

    QVERIFY(!applied);
    QVERIFY2(applied.error().message.contains(message), qPrintable(applied.error().fullText()));
    QVERIFY2(applied.error().message.contains(QStringLiteral("put back")), qPrintable(applied.error().message));
    if (fault == QLatin1String("mismatched-key")) // the server's own words
        QVERIFY2(applied.error().detail.contains(QStringLiteral("key")), qPrintable(applied.error().detail));
    QCOMPARE(treeDigest(inst.server->prefix()), before);
    QCOMPARE(plainGet(inst.oldPort), QByteArray("old-site\n"));
    QVERIFY(!waitForPortState(inst.newPort, true, 300));
    // Nothing is left to roll back.
    QVERIFY(!rollbackLastApply(inst.installation, inst.stateDir.path()));
}

void TestApply::reloadFailsWhenServerIsDown()
{
    Installation inst(ServerKind::Nginx);
    QVERIFY(inst.start());
    inst.server->stop();
    const QStringList before = treeDigest(inst.server->prefix());
    const auto applied = applyConfiguration(inst.request(m_fixture, QStringLiteral("http://127.0.0.1:9")));
    QVERIFY(!applied);
    QVERIFY2(applied.error().message.contains(QStringLiteral("reload")), qPrintable(applied.error().fullText()));
    QCOMPARE(treeDigest(inst.server->prefix()), before);
}

// A file of the user's broke the configuration after the server started: apply changes nothing.
void TestApply::refusesWhenTheCurrentConfigurationIsBroken()
{
    Installation inst(ServerKind::Nginx);
    QVERIFY(inst.start());
    QFile broken(inst.server->prefix() + QStringLiteral("/conf.d/00-user.conf"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("server { listen 127.0.0.1:1; this is not nginx }\n");
    broken.close();
    const QStringList before = treeDigest(inst.server->prefix());
    const auto applied = applyConfiguration(inst.request(m_fixture, QStringLiteral("http://127.0.0.1:9")));
    QVERIFY(!applied);
    QVERIFY2(applied.error().message.contains(QStringLiteral("does not pass its own test")),
             qPrintable(applied.error().message));
    QVERIFY2(applied.error().detail.contains(QStringLiteral("00-user.conf")), qPrintable(applied.error().detail));
    QCOMPARE(treeDigest(inst.server->prefix()), before);
    QCOMPARE(plainGet(inst.oldPort), QByteArray("old-site\n"));
}

void TestApply::rollbackWithNothingApplied()
{
    Installation inst(ServerKind::Nginx);
    QVERIFY(inst.start());
    const Status rolledBack = rollbackLastApply(inst.installation, inst.stateDir.path());
    QVERIFY(!rolledBack);
    QVERIFY(rolledBack.error().message.contains(QStringLiteral("nothing to roll back")));
}

// A second apply replaces the files of the first; its rollback restores exactly the first.
void TestApply::existingFilesAreBackedUpAndRestored()
{
    Installation inst(ServerKind::Nginx);
    QVERIFY(inst.start());
    const auto first = applyConfiguration(inst.request(m_fixture, QStringLiteral("http://127.0.0.1:9")));
    QVERIFY2(first, qPrintable(first.error().fullText()));
    const QStringList afterFirst = treeDigest(inst.server->prefix());

    ApplyRequest second = inst.request(m_fixture, QStringLiteral("http://127.0.0.1:10/other"));
    second.config.profile = TlsProfile::Modern;
    const auto applied = applyConfiguration(second);
    QVERIFY2(applied, qPrintable(applied.error().fullText()));
    QVERIFY(treeDigest(inst.server->prefix()) != afterFirst);
    QVERIFY(rollbackLastApply(inst.installation, inst.stateDir.path()));
    QCOMPARE(treeDigest(inst.server->prefix()), afterFirst);
}

QTEST_GUILESS_MAIN(TestApply)
#include "tst_apply.moc"
