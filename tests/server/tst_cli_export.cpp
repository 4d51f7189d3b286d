// mtls-assistant-cli export, and the bundle's install.sh run against throwaway installations.

#include "ExportTarget.h"
#include "MtlsFixture.h"
#include "sandbox/WebhookUpstream.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <quazip/JlCompress.h>

#include <csignal>

using namespace mtls;

using Target = ExportTarget;

namespace {

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

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
    MtlsFixture m_fixture;
};

void TestCliExport::initTestCase()
{
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
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
    const ProcessResult exported
        = runCli(t.exportArgs(m_fixture, layout, upstream.url(), bundle) << QStringLiteral("--json"));
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
    QCOMPARE(runCli(t.exportArgs(m_fixture, QStringLiteral("custom"), QStringLiteral("http://127.0.0.1:9"), bundle))
                 .exitCode,
             0);
    QStringList before = treeDigest(t.server->prefix());

    const QString pidFile = t.server->prefix() + QStringLiteral("/logs/nginx.pid");
    const QByteArray pid = readFile(pidFile);
    if (fault == QLatin1String("reload")) // nginx -s reload signals a process that is gone
        QVERIFY(writeFile(pidFile, "999999\n"));
    if (fault == QLatin1String("broken")) {
        QVERIFY(writeFile(t.server->prefix() + QStringLiteral("/conf.d/50-broken.conf"), "not a directive\n"));
        before = treeDigest(t.server->prefix());
    }
    if (fault == QLatin1String("key")) { // another key in the bundle (Apache's configtest would not notice)
        const QString key = bundle + QStringLiteral("/certs/privkey.pem");
        QVERIFY(QFile::remove(key));
        QVERIFY(QFile::copy(m_fixture.path(QStringLiteral("intruder.key")), key));
    }
    // Interrupted: SIGTERM once the script says it installs the files.
    const ProcessResult result = fault == QLatin1String("interrupt")
        ? runSignalledAt(QStringLiteral("sh"), {bundle + QStringLiteral("/install.sh")}, "Installing the files",
                         SIGTERM)
        : t.install(bundle);
    if (fault == QLatin1String("reload"))
        QVERIFY(writeFile(pidFile, pid));
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
    QStringList args = t.exportArgs(m_fixture, QStringLiteral("debian"), QStringLiteral("http://127.0.0.1:9"), zip);
    for (const char* option : {"--binary", "--main-config"}) // the target's usual apache2ctl
        args.remove(args.indexOf(QLatin1String(option)), 2);
    const ProcessResult exported = runCli(args);
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QVERIFY(!(QFileInfo(zip).permissions() & (QFile::ReadGroup | QFile::ReadOther)));
    QStringList entries = JlCompress::getFileList(zip);
    entries.sort();
    QVERIFY2(entries.contains(QStringLiteral("install.sh")), qPrintable(entries.join(QLatin1Char(','))));
    QVERIFY(entries.contains(QStringLiteral("certs/privkey.pem")));
    QVERIFY(entries.contains(QStringLiteral("mtls-assistant-localhost.conf")));
    QVERIFY(entries.contains(QStringLiteral("README.md")));
    QVERIFY(entries.contains(QStringLiteral("install.data")));
    const QStringList extracted = JlCompress::extractDir(zip, t.work.filePath(QStringLiteral("unzipped")));
    QVERIFY(!extracted.isEmpty());
    const QString script = t.work.filePath(QStringLiteral("unzipped/install.sh"));
    QCOMPARE(readFile(script), readFile(QStringLiteral(MTLS_INSTALL_SH))); // the script of the repository
    const QByteArray text = readFile(t.work.filePath(QStringLiteral("unzipped/install.data")));
    QVERIFY(text.contains("binary=/usr/sbin/apache2ctl\n"));
    QVERIFY(
        readFile(t.work.filePath(QStringLiteral("unzipped/README.md"))).contains("/usr/sbin/apache2ctl configtest"));
    QVERIFY(text.contains("/mods-enabled/ssl.load"));
    QVERIFY(text.contains("/mods-enabled/ssl.conf"));
    // mod_setenvif fills the webhook log's query fields: enabled as a2enmod does, .load and .conf.
    QVERIFY(text.contains("/mods-enabled/setenvif.load"));
    QVERIFY(text.contains("/mods-enabled/setenvif.conf"));
    QVERIFY(text.contains("/sites-enabled/mtls-assistant-localhost.conf"));
    QCOMPARE(runProcess(QStringLiteral("sh"), {QStringLiteral("-n"), script}).exitCode, 0);
}

void TestCliExport::refusesExistingFolder()
{
    Target t(ServerKind::Nginx);
    QVERIFY(t.start());
    const QString out = t.work.filePath(QStringLiteral("full"));
    QVERIFY(QDir().mkpath(out + QStringLiteral("/x")));
    const ProcessResult result
        = runCli(t.exportArgs(m_fixture, QStringLiteral("custom"), QStringLiteral("http://127.0.0.1:9"), out));
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains("not empty"));

    QStringList hostile = t.exportArgs(m_fixture, QStringLiteral("custom"), QStringLiteral("http://127.0.0.1:9/;x"),
                                       t.work.filePath(QStringLiteral("new")));
    QCOMPARE(runCli(hostile).exitCode, 2);
    QVERIFY(!QFileInfo::exists(t.work.filePath(QStringLiteral("new"))));
    hostile = t.exportArgs(m_fixture, QStringLiteral("custom"), QStringLiteral("http://127.0.0.1:9"),
                           t.work.filePath(QStringLiteral("new")));
    hostile[hostile.indexOf(QStringLiteral("--server-root")) + 1] = QStringLiteral("/etc/ngi nx");
    QCOMPARE(runCli(hostile).exitCode, 2);
    QVERIFY(!QFileInfo::exists(t.work.filePath(QStringLiteral("new"))));
}

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
