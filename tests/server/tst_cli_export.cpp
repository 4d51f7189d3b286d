// mtls-assistant-cli export, and the bundle's install.sh run against throwaway installations.

#include "MtlsFixture.h"
#include "ThrowawayInstallation.h"
#include "sandbox/WebhookUpstream.h"
#include "server/InstallScript.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <quazip/JlCompress.h>

using namespace mtls;

namespace {

// A throwaway installation, and a work folder for the bundle and the backups of its install.sh.
struct Target : Throwaway
{
    using Throwaway::Throwaway;
    QTemporaryDir work;

    QString command(const QString& action) const
    {
        QStringList words {shellQuote(server->binary())};
        for (const QString& a : server->selectArguments())
            words << shellQuote(a);
        if (action == QLatin1String("test"))
            words << QStringLiteral("-t");
        else if (kind == ServerKind::Nginx)
            words << QStringLiteral("-s reload");
        else
            words << QStringLiteral("-k graceful");
        return words.join(QLatin1Char(' '));
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MTLS_TEST_CMD"), command(QStringLiteral("test")));
        env.insert(QStringLiteral("MTLS_RELOAD_CMD"), command(QStringLiteral("reload")));
        env.insert(QStringLiteral("MTLS_BACKUP_DIR"), work.filePath(QStringLiteral("backups")));
        return env;
    }

    ProcessResult install(const QString& bundle, const QStringList& args = {},
                          const QProcessEnvironment& env = QProcessEnvironment()) const
    {
        return runProcess(QStringLiteral("sh"), QStringList {bundle + QStringLiteral("/install.sh")} + args,
                          env.isEmpty() ? environment() : env);
    }
};

} // namespace

class TestCliExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void bundleInstallsAndRollsBack_data();
    void bundleInstallsAndRollsBack();
    void installFaultsLeaveTheTreeAsItWas_data();
    void installFaultsLeaveTheTreeAsItWas();
    void zipBundle();
    void refusesExistingFolder();

private:
    QStringList exportArgs(const Target& t, const QString& layout, const QString& upstream, const QString& out) const;
    MtlsFixture m_fixture;
};

void TestCliExport::initTestCase()
{
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
}

QStringList TestCliExport::exportArgs(const Target& t, const QString& layout, const QString& upstream,
                                      const QString& out) const
{
    return {QStringLiteral("export"),
            QStringLiteral("--server"),
            serverKindName(t.kind),
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
            QStringLiteral("127.0.0.1:%1").arg(t.newPort),
            QStringLiteral("--upstream"),
            upstream,
            QStringLiteral("--path"),
            QStringLiteral("/im/callback"),
            QStringLiteral("--server-root"),
            t.server->prefix(),
            QStringLiteral("--layout"),
            layout,
            QStringLiteral("--out"),
            out};
}

void TestCliExport::bundleInstallsAndRollsBack_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<QString>("layout");
    QTest::newRow("nginx conf.d") << ServerKind::Nginx << QStringLiteral("custom");
    QTest::newRow("nginx debian (sites-enabled link)") << ServerKind::Nginx << QStringLiteral("debian");
    QTest::newRow("apache conf.d") << ServerKind::Apache << QStringLiteral("custom");
}

void TestCliExport::bundleInstallsAndRollsBack()
{
    QFETCH(ServerKind, kind);
    QFETCH(QString, layout);
    Target t(kind);
    const Status started = t.start();
    QVERIFY2(started, qPrintable(started.error().fullText()));
    const QStringList before = treeDigest(t.server->prefix());
    WebhookUpstream upstream;
    QVERIFY(upstream.start());

    const QString bundle = t.work.filePath(QStringLiteral("bundle"));
    const ProcessResult exported = runCli(exportArgs(t, layout, upstream.url(), bundle) << QStringLiteral("--json"));
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QCOMPARE(QJsonDocument::fromJson(exported.out).object().value(QStringLiteral("out")).toString(), bundle);
    QCOMPARE(QJsonDocument::fromJson(exported.out).object().value(QStringLiteral("tested")).toString(),
             QStringLiteral("passed"));
    for (const char* name : {"install.sh", "README.md", "mtls-assistant-localhost.conf", "certs/fullchain.pem",
                             "certs/chain.pem", "certs/privkey.pem", "certs/client-ca.pem"})
        QVERIFY2(QFileInfo::exists(bundle + QLatin1Char('/') + QLatin1String(name)), name);
    QVERIFY(!(QFileInfo(bundle + QStringLiteral("/certs/privkey.pem")).permissions()
              & (QFile::ReadGroup | QFile::ReadOther)));
    QCOMPARE(QFileInfo(bundle).permissions() & (QFile::ReadOther | QFile::ExeOther), QFile::Permissions());

    const ProcessResult installed = t.install(bundle);
    QVERIFY2(installed.exitCode == 0, (installed.out + installed.err).constData());
    QVERIFY(waitForPortState(t.newPort, true));
    QCOMPARE(m_fixture.curl(t.newPort, QStringLiteral("/im/callback"), QStringLiteral("chat")).out,
             WebhookUpstream::chatOkBody() + "\n200");
    const ProcessResult none = m_fixture.curl(t.newPort, QStringLiteral("/im/callback"), QString());
    QVERIFY(kind == ServerKind::Nginx ? none.out.endsWith("\n400") : (none.exitCode == 35 || none.exitCode == 56));
    const QFileInfo key(t.server->prefix() + QStringLiteral("/mtls-assistant/localhost/privkey.pem"));
    QVERIFY(key.exists());
    QVERIFY(!(key.permissions() & (QFile::ReadGroup | QFile::ReadOther)));
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));

    const ProcessResult rolledBack = t.install(bundle, {QStringLiteral("--rollback")});
    QVERIFY2(rolledBack.exitCode == 0, (rolledBack.out + rolledBack.err).constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(waitForPortState(t.newPort, false));
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
    QCOMPARE(t.install(bundle, {QStringLiteral("--rollback")}).exitCode, 1);
}

void TestCliExport::installFaultsLeaveTheTreeAsItWas_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("message");
    QTest::newRow("server test fails after install") << QStringLiteral("test") << QStringLiteral("refused");
    QTest::newRow("reload fails") << QStringLiteral("reload") << QStringLiteral("did not reload");
    QTest::newRow("interrupted") << QStringLiteral("interrupt") << QStringLiteral("interrupted");
    QTest::newRow("current configuration broken") << QStringLiteral("broken") << QStringLiteral("fix it first");
    QTest::newRow("key of the bundle replaced") << QStringLiteral("key") << QStringLiteral("does not belong");
}

void TestCliExport::installFaultsLeaveTheTreeAsItWas()
{
    QFETCH(QString, fault);
    QFETCH(QString, message);
    Target t(ServerKind::Nginx);
    // A file of the user's declares the TLS session cache with another size: nginx -t fails once ours is in.
    const QByteArray userFile = fault == QLatin1String("test")
        ? QStringLiteral("server {\n    listen 127.0.0.1:%1;\n    ssl_session_cache shared:mtls_assistant:20m;\n}\n")
              .arg(freeLoopbackPort())
              .toUtf8()
        : QByteArray();
    QVERIFY(t.start(QString::fromUtf8(userFile)));
    const QString bundle = t.work.filePath(QStringLiteral("bundle"));
    QCOMPARE(runCli(exportArgs(t, QStringLiteral("custom"), QStringLiteral("http://127.0.0.1:9"), bundle)).exitCode, 0);
    const QStringList before = treeDigest(t.server->prefix());

    QProcessEnvironment env = t.environment();
    if (fault == QLatin1String("reload"))
        env.insert(QStringLiteral("MTLS_RELOAD_CMD"), QStringLiteral("false"));
    if (fault == QLatin1String("interrupt")) // the reload step signals the script itself
        env.insert(QStringLiteral("MTLS_RELOAD_CMD"), QStringLiteral("kill -TERM $PPID; sleep 1"));
    if (fault == QLatin1String("broken"))
        env.insert(QStringLiteral("MTLS_TEST_CMD"), QStringLiteral("false"));
    if (fault == QLatin1String("key")) { // another key in the bundle (Apache's configtest would not notice)
        const QString key = bundle + QStringLiteral("/certs/privkey.pem");
        QVERIFY(QFile::remove(key));
        QVERIFY(QFile::copy(m_fixture.path(QStringLiteral("intruder.key")), key));
    }
    const ProcessResult result = t.install(bundle, {}, env);
    QVERIFY(result.exitCode != 0);
    QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
    QVERIFY(!waitForPortState(t.newPort, true, 300));
}

void TestCliExport::zipBundle()
{
    Target t(ServerKind::Apache);
    QVERIFY(t.start());
    const QString zip = t.work.filePath(QStringLiteral("bundle.zip"));
    const ProcessResult exported
        = runCli(exportArgs(t, QStringLiteral("debian"), QStringLiteral("http://127.0.0.1:9"), zip));
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QVERIFY(!(QFileInfo(zip).permissions() & (QFile::ReadGroup | QFile::ReadOther)));
    QStringList entries = JlCompress::getFileList(zip);
    entries.sort();
    QVERIFY2(entries.contains(QStringLiteral("install.sh")), qPrintable(entries.join(QLatin1Char(','))));
    QVERIFY(entries.contains(QStringLiteral("certs/privkey.pem")));
    QVERIFY(entries.contains(QStringLiteral("mtls-assistant-localhost.conf")));
    QVERIFY(entries.contains(QStringLiteral("README.md")));
    const QStringList extracted = JlCompress::extractDir(zip, t.work.filePath(QStringLiteral("unzipped")));
    QVERIFY(!extracted.isEmpty());
    QFile script(t.work.filePath(QStringLiteral("unzipped/install.sh")));
    QVERIFY(script.open(QIODevice::ReadOnly));
    const QByteArray text = script.readAll();
    QVERIFY(text.contains("apache2ctl configtest"));
    QVERIFY(text.contains("/mods-enabled/ssl.load"));
    QVERIFY(text.contains("/mods-enabled/ssl.conf"));
    QVERIFY(text.contains("/sites-enabled/mtls-assistant-localhost.conf"));
    QCOMPARE(runProcess(QStringLiteral("sh"), {QStringLiteral("-n"), script.fileName()}).exitCode, 0);
}

void TestCliExport::refusesExistingFolder()
{
    Target t(ServerKind::Nginx);
    QVERIFY(t.start());
    const QString out = t.work.filePath(QStringLiteral("full"));
    QVERIFY(QDir().mkpath(out + QStringLiteral("/x")));
    const ProcessResult result
        = runCli(exportArgs(t, QStringLiteral("custom"), QStringLiteral("http://127.0.0.1:9"), out));
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains("not empty"));

    QStringList hostile = exportArgs(t, QStringLiteral("custom"), QStringLiteral("http://127.0.0.1:9/;x"),
                                     t.work.filePath(QStringLiteral("new")));
    QCOMPARE(runCli(hostile).exitCode, 2);
    QVERIFY(!QFileInfo::exists(t.work.filePath(QStringLiteral("new"))));
    hostile = exportArgs(t, QStringLiteral("custom"), QStringLiteral("http://127.0.0.1:9"),
                         t.work.filePath(QStringLiteral("new")));
    hostile[hostile.indexOf(QStringLiteral("--server-root")) + 1] = QStringLiteral("/etc/ngi nx");
    QCOMPARE(runCli(hostile).exitCode, 2);
    QVERIFY(!QFileInfo::exists(t.work.filePath(QStringLiteral("new"))));
}

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
