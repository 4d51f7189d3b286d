// The exported install.sh as root against throwaway installations, by a hostile local user and under faults:
// judged by tree digests, owners, and what curl and openssl see, never by the script's messages alone.

#include "ExportTarget.h"
#include "MtlsFixture.h"
#include "pki/Certificate.h"
#include "sandbox/WebhookUpstream.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <csignal>
#include <pwd.h>
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
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

bool run(const QString& program, const QStringList& args)
{
    return runProcess(program, args).exitCode == 0;
}

uint nobodyUid()
{
    const passwd* user = ::getpwnam("nobody");
    return user ? user->pw_uid : 65534;
}

// Owner, group and mode of a file, for comparisons.
QString ownership(const QString& path)
{
    const QFileInfo info(path);
    return QStringLiteral("%1:%2 %3").arg(info.ownerId()).arg(info.groupId()).arg(int(info.permissions()), 0, 16);
}

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

// Whether a Chat client gets `expected` (body, newline, status) from the webhook within a few seconds.
bool servedWithin(const MtlsFixture& fixture, quint16 port, const QByteArray& expected)
{
    QDeadlineTimer deadline(5000);
    while (fixture.curl(port, QStringLiteral("/im/callback"), QStringLiteral("chat")).out != expected) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(100);
    }
    return true;
}

// A filesystem mounted for one test, unmounted when it ends.
struct Mount
{
    explicit Mount(const QString& where)
        : path(where)
    {
    }
    ~Mount()
    {
        if (mounted)
            run(QStringLiteral("umount"), {QStringLiteral("-l"), path});
    }
    QString path;
    bool mounted = false;
};

// Fills the filesystem holding `dir` (a small one) with a file `dir`/filler.
void fill(const QString& dir)
{
    runProcess(QStringLiteral("dd"),
               {QStringLiteral("if=/dev/zero"), QStringLiteral("of=") + dir + QStringLiteral("/filler"),
                QStringLiteral("bs=1k"), QStringLiteral("count=2048")});
}

} // namespace

class TestInstallScript : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hostileEnvironmentIsIgnored();
    void refusedWhenNotRoot();
    void linksAndForeignFolders_data();
    void linksAndForeignFolders();
    void historyRollbackAndRemove();
    void manifestNamingOutsideIsRefused();
    void nameTakenIsRefused();
    void serverDyingAtReloadIsAFailure();
    void killedRunsLeaveBeforeOrAfter();
    void killedRollbacksAreCompleted();
    void diskFullBeforeWriting();
    void rollbackChecksWhatIsServed();

private:
    QString makeBundle(const ExportTarget& t, const QString& name,
                       const QString& upstream = QStringLiteral("http://127.0.0.1:9"));
    MtlsFixture m_fixture;
};

void TestInstallScript::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("install.sh runs as root only");
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
}

QString TestInstallScript::makeBundle(const ExportTarget& t, const QString& name, const QString& upstream)
{
    const QString bundle = t.work.filePath(name);
    const ProcessResult exported
        = runCli(t.exportArgs(m_fixture, QStringLiteral("custom"), upstream, bundle) << QStringLiteral("--no-test"));
    if (exported.exitCode != 0) {
        qWarning("%s", exported.err.constData());
        return {};
    }
    return bundle;
}

void TestInstallScript::hostileEnvironmentIsIgnored()
{
    ExportTarget t(ServerKind::Nginx);
    QVERIFY(t.start());
    WebhookUpstream upstream;
    QVERIFY(upstream.start());
    const QStringList before = treeDigest(t.server->prefix());
    const QString bundle = makeBundle(t, QStringLiteral("bundle"), upstream.url());
    QVERIFY(!bundle.isEmpty());
    const QString site = QStringLiteral("mtls-assistant-localhost.conf");

    // CDPATH leads "cd bundle" to an attacker's copy with another site file (and its matching checksum).
    const QString attack = t.work.filePath(QStringLiteral("attack"));
    QVERIFY(QDir().mkpath(attack));
    QVERIFY(run(QStringLiteral("cp"), {QStringLiteral("-a"), bundle, attack + QStringLiteral("/bundle")}));
    const QByteArray original = readFile(bundle + QLatin1Char('/') + site);
    const QByteArray planted = original + "# planted by another user\n";
    QVERIFY(writeFile(attack + QStringLiteral("/bundle/") + site, planted));
    QByteArray data = readFile(attack + QStringLiteral("/bundle/install.data"));
    data.replace(QCryptographicHash::hash(original, QCryptographicHash::Sha256).toHex(),
                 QCryptographicHash::hash(planted, QCryptographicHash::Sha256).toHex());
    QVERIFY(writeFile(attack + QStringLiteral("/bundle/install.data"), data));
    // A fake nginx early in PATH.
    const QString fakeBin = t.work.filePath(QStringLiteral("bin"));
    const QString marker = t.work.filePath(QStringLiteral("fake-nginx-ran"));
    QVERIFY(QDir().mkpath(fakeBin));
    QVERIFY(writeFile(fakeBin + QStringLiteral("/nginx"), "#!/bin/sh\ntouch '" + marker.toUtf8() + "'\nexit 0\n"));
    QVERIFY(QFile::setPermissions(fakeBin + QStringLiteral("/nginx"),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                                      | QFile::ExeOther));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CDPATH"), attack);
    env.insert(QStringLiteral("PATH"), fakeBin + QLatin1Char(':') + env.value(QStringLiteral("PATH")));

    const ProcessResult installed = t.install(QStringLiteral("bundle"), {}, env, t.work.path());
    QVERIFY2(installed.exitCode == 0, (installed.out + installed.err).constData());
    QCOMPARE(readFile(t.server->prefix() + QStringLiteral("/conf.d/") + site), original);
    QVERIFY(!QFileInfo::exists(marker));
    QCOMPARE(m_fixture.curl(t.newPort, QStringLiteral("/im/callback"), QStringLiteral("chat")).out,
             WebhookUpstream::chatOkBody() + "\n200");

    const ProcessResult rolledBack
        = t.install(QStringLiteral("bundle"), {QStringLiteral("--rollback")}, env, t.work.path());
    QVERIFY2(rolledBack.exitCode == 0, (rolledBack.out + rolledBack.err).constData());
    QVERIFY(!QFileInfo::exists(marker));
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(waitForPortState(t.newPort, false));
}

void TestInstallScript::refusedWhenNotRoot()
{
    ExportTarget t(ServerKind::Nginx);
    QVERIFY(t.start());
    const QString bundle = makeBundle(t, QStringLiteral("bundle"));
    QVERIFY(!bundle.isEmpty());
    // A copy that nobody can read (the test key only).
    const QString shared = t.work.filePath(QStringLiteral("shared"));
    QVERIFY(run(QStringLiteral("cp"), {QStringLiteral("-r"), bundle, shared}));
    QVERIFY(run(QStringLiteral("chmod"), {QStringLiteral("-R"), QStringLiteral("go+rX"), shared, t.work.path()}));
    const QStringList before = treeDigest(t.server->prefix());
    const ProcessResult r = runProcess(QStringLiteral("runuser"),
                                       {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                                        QStringLiteral("sh"), shared + QStringLiteral("/install.sh")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("run it as root"), r.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(!QFileInfo::exists(t.backupDir()));
}

void TestInstallScript::linksAndForeignFolders_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<bool>("refused");
    QTest::addColumn<QString>("message");
    QTest::newRow("symlinked certificate folder")
        << QStringLiteral("cert-dir-link") << true << QStringLiteral("mtls-assistant/localhost is a symbolic link");
    QTest::newRow("planted privkey.pem link")
        << QStringLiteral("key-link") << true << QStringLiteral("privkey.pem is a symbolic link");
    QTest::newRow("certificate folder owned by nobody")
        << QStringLiteral("nobody-dir") << true << QStringLiteral("mtls-assistant is not owned by root");
    QTest::newRow("certificate folder writable by others")
        << QStringLiteral("open-dir") << true << QStringLiteral("mtls-assistant is writable by other users");
    QTest::newRow("backup folder is a link")
        << QStringLiteral("backup-link") << true << QStringLiteral("backups is a symbolic link");
    QTest::newRow("old temporary name planted as a link (ignored)")
        << QStringLiteral("old-temp-link") << false << QString();
}

void TestInstallScript::linksAndForeignFolders()
{
    QFETCH(QString, setup);
    QFETCH(bool, refused);
    QFETCH(QString, message);
    ExportTarget t(ServerKind::Nginx);
    QVERIFY(t.start());
    const QString bundle = makeBundle(t, QStringLiteral("bundle"));
    QVERIFY(!bundle.isEmpty());
    const QString outside = t.work.filePath(QStringLiteral("outside"));
    QVERIFY(QDir().mkpath(outside));
    const QString certParent = t.server->prefix() + QStringLiteral("/mtls-assistant");
    const QString certDir = certParent + QStringLiteral("/localhost");
    if (setup == QLatin1String("cert-dir-link")) {
        QVERIFY(QDir().mkpath(certParent));
        QVERIFY(QFile::link(outside, certDir));
    } else if (setup == QLatin1String("key-link") || setup == QLatin1String("old-temp-link")) {
        QVERIFY(QDir().mkpath(certDir));
        QVERIFY(QFile::link(outside + QStringLiteral("/stolen.pem"),
                            certDir
                                + (setup == QLatin1String("key-link") ? QStringLiteral("/privkey.pem")
                                                                      : QStringLiteral("/privkey.pem.mtls-new"))));
    } else if (setup == QLatin1String("nobody-dir")) {
        QVERIFY(QDir().mkpath(certParent));
        QVERIFY(run(QStringLiteral("chown"), {QStringLiteral("nobody"), certParent}));
    } else if (setup == QLatin1String("open-dir")) {
        QVERIFY(QDir().mkpath(certParent));
        QVERIFY(run(QStringLiteral("chmod"), {QStringLiteral("777"), certParent}));
    } else if (setup == QLatin1String("backup-link")) {
        QVERIFY(QFile::link(outside, t.backupDir()));
    }
    const QStringList before = treeDigest(t.server->prefix());

    const ProcessResult result = t.install(bundle);
    QVERIFY(entries(outside).isEmpty()); // nothing written outside the tree
    if (refused) {
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
        QCOMPARE(treeDigest(t.server->prefix()), before);
        QVERIFY(!waitForPortState(t.newPort, true, 300));
        return;
    }
    QVERIFY2(result.exitCode == 0, (result.out + result.err).constData());
    QVERIFY(QFileInfo(certDir + QStringLiteral("/privkey.pem.mtls-new")).isSymLink());
    const QFileInfo key(certDir + QStringLiteral("/privkey.pem"));
    QVERIFY(key.isFile() && !key.isSymLink());
    QCOMPARE(key.ownerId(), 0u);
    QCOMPARE(key.permissions()
                 & (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::WriteGroup
                    | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther),
             QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(m_fixture.sClient(t.newPort, QStringLiteral("chat")).exitCode, 0);
}

void TestInstallScript::historyRollbackAndRemove()
{
    ExportTarget t(ServerKind::Nginx);
    QVERIFY(t.start());
    WebhookUpstream upstream;
    QVERIFY(upstream.start());
    // The user's own file where the bundle's site file goes: owned by nobody, mode 0640.
    const QString userFile = t.server->prefix() + QStringLiteral("/conf.d/mtls-assistant-localhost.conf");
    QVERIFY(writeFile(userFile, "# the user's own file, kept by hand\n"));
    QVERIFY(run(QStringLiteral("chown"), {QStringLiteral("nobody:"), userFile}));
    QVERIFY(run(QStringLiteral("chmod"), {QStringLiteral("640"), userFile}));
    const QStringList before = treeDigest(t.server->prefix());
    const QString owner = ownership(userFile);
    QCOMPARE(QFileInfo(userFile).ownerId(), nobodyUid());
    const QString first = makeBundle(t, QStringLiteral("first"), upstream.url());
    const QString second = makeBundle(t, QStringLiteral("second")); // another upstream: another site file
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    QCOMPARE(t.install(first).exitCode, 0);
    const QStringList afterFirst = treeDigest(t.server->prefix());
    QVERIFY(afterFirst != before);
    QCOMPARE(t.install(second).exitCode, 0);
    QVERIFY(treeDigest(t.server->prefix()) != afterFirst);

    ProcessResult r = t.install(second, {QStringLiteral("--rollback")});
    QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    QCOMPARE(treeDigest(t.server->prefix()), afterFirst);
    // nginx takes the reload signal a moment after `nginx -s reload` returns.
    QVERIFY(servedWithin(m_fixture, t.newPort, WebhookUpstream::chatOkBody() + "\n200"));
    r = t.install(second, {QStringLiteral("--rollback")});
    QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QCOMPARE(ownership(userFile), owner);
    QVERIFY(waitForPortState(t.newPort, false));
    r = t.install(second, {QStringLiteral("--rollback")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("nothing to roll back"), r.err.constData());

    // --remove: every run undone in one step.
    QCOMPARE(t.install(first).exitCode, 0);
    QCOMPARE(t.install(second).exitCode, 0);
    QCOMPARE(t.install(first).exitCode, 0);
    r = t.install(first, {QStringLiteral("--remove")});
    QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QCOMPARE(ownership(userFile), owner);
    QCOMPARE(readFile(userFile), QByteArray("# the user's own file, kept by hand\n"));
    QVERIFY(waitForPortState(t.newPort, false));
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
}

void TestInstallScript::manifestNamingOutsideIsRefused()
{
    ExportTarget t(ServerKind::Nginx);
    QVERIFY(t.start());
    const QString bundle = makeBundle(t, QStringLiteral("bundle"));
    QVERIFY(!bundle.isEmpty());
    QCOMPARE(t.install(bundle).exitCode, 0);
    const QStringList installed = treeDigest(t.server->prefix());
    const QString victim = t.work.filePath(QStringLiteral("victim.txt"));
    QVERIFY(writeFile(victim, "victim\n"));
    const QString manifest = t.backupDir() + QStringLiteral("/steps/1/manifest");
    QByteArray text = readFile(manifest);
    QVERIFY(text.startsWith("dir ") || text.startsWith("new ") || text.startsWith("file "));
    QVERIFY(writeFile(manifest, text + "new " + victim.toUtf8() + "\n"));

    for (const char* action : {"--rollback", "--remove"}) {
        const ProcessResult r = t.install(bundle, {QLatin1String(action)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("names a path this bundle does not own"), r.err.constData());
        QCOMPARE(readFile(victim), QByteArray("victim\n"));
        QCOMPARE(treeDigest(t.server->prefix()), installed);
    }
    QCOMPARE(m_fixture.sClient(t.newPort, QStringLiteral("chat")).exitCode, 0);
}

// The user's own site already answers the name on the port: nginx passes its test, keeps one of the two and only
// warns. install.sh puts every file back and says why; the user's site keeps answering.
void TestInstallScript::nameTakenIsRefused()
{
    ExportTarget t(ServerKind::Nginx);
    QVERIFY(t.start());
    const QString theirs = t.server->prefix() + QStringLiteral("/conf.d/50-their-site.conf");
    QVERIFY(writeFile(
        theirs,
        QStringLiteral("server {\n    listen 127.0.0.1:%1 ssl;\n    server_name localhost;\n"
                       "    ssl_certificate %2;\n    ssl_certificate_key %3;\n"
                       "    return 200 \"their site\\n\";\n}\n")
            .arg(t.newPort)
            .arg(m_fixture.path(QStringLiteral("fullchain.pem")), m_fixture.path(QStringLiteral("server.key")))
            .toUtf8()));
    QVERIFY(t.server->reload());
    QVERIFY(waitForPortState(t.newPort, true));
    const QByteArray theirAnswer = m_fixture.curl(t.newPort, QStringLiteral("/"), QString()).out;
    QCOMPARE(theirAnswer, QByteArray("their site\n\n200"));
    const QStringList before = treeDigest(t.server->prefix());
    const QString bundle = makeBundle(t, QStringLiteral("taken"));
    QVERIFY(!bundle.isEmpty());
    const ProcessResult r = t.install(bundle);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("another site already answers localhost on the same port"), r.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QCOMPARE(m_fixture.curl(t.newPort, QStringLiteral("/"), QString()).out, theirAnswer);
}

void TestInstallScript::serverDyingAtReloadIsAFailure()
{
    // Another TLS site of the user's whose certificate file was damaged after Apache started: the configuration
    // test passes, and the graceful restart stops Apache.
    ExportTarget t(ServerKind::Apache);
    const QString cert = startWithOtherTlsSite(t, m_fixture, t.work.path());
    QVERIFY(!cert.isEmpty());
    const QString bundle = makeBundle(t, QStringLiteral("bundle"));
    QVERIFY(!bundle.isEmpty());
    QVERIFY(damageCertificate(cert));
    const QStringList before = treeDigest(t.server->prefix());

    const ProcessResult r = t.install(bundle);
    QVERIFY(r.exitCode != 0);
    QVERIFY2(!r.out.contains("Installed"), r.out.constData());
    QVERIFY2(r.err.contains("does not serve the new configuration"), r.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
}

void TestInstallScript::killedRunsLeaveBeforeOrAfter()
{
    ExportTarget t(ServerKind::Nginx);
    QVERIFY(t.start());
    WebhookUpstream upstream;
    QVERIFY(upstream.start());
    const QString bundle = makeBundle(t, QStringLiteral("bundle"), upstream.url());
    QVERIFY(!bundle.isEmpty());
    const QStringList before = treeDigest(t.server->prefix());
    ProcessResult r = t.install(bundle);
    QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    const qint64 duration = r.elapsedMs;
    const QStringList after = treeDigest(t.server->prefix());
    QCOMPARE(t.install(bundle, {QStringLiteral("--remove")}).exitCode, 0);
    QCOMPARE(treeDigest(t.server->prefix()), before);

    // SIGKILL as soon as a step is announced (so it lands inside that step), then at spread delays.
    const QList<QByteArray> markers {"Installing the files", "Testing the new configuration", "Reloading the server",
                                     "Checking what the server serves"};
    const int kills = 20;
    for (int i = 0; i < kills; ++i) {
        QString when;
        if (i < markers.size()) {
            when = QStringLiteral("kill %1 at \"%2\"").arg(i).arg(QString::fromUtf8(markers[i]));
            runSignalledAt(QStringLiteral("sh"), {bundle + QStringLiteral("/install.sh")}, markers[i], SIGKILL);
        } else {
            const double delay = double(duration) * (i - markers.size() + 0.5) / (kills - markers.size()) / 1000.0;
            when = QStringLiteral("kill %1 after %2 s").arg(i).arg(delay, 0, 'f', 3);
            runProcess(QStringLiteral("timeout"),
                       {QStringLiteral("-s"), QStringLiteral("KILL"), QString::number(delay, 'f', 3),
                        QStringLiteral("sh"), bundle + QStringLiteral("/install.sh")});
        }
        if (i % 2 == 0) { // the next run installs again
            r = t.install(bundle);
            QVERIFY2(r.exitCode == 0, qPrintable(when + QLatin1Char(' ') + QString::fromUtf8(r.out + r.err)));
            QVERIFY2(treeDigest(t.server->prefix()) == after, qPrintable(when));
            QVERIFY2(servedWithin(m_fixture, t.newPort, WebhookUpstream::chatOkBody() + "\n200"), qPrintable(when));
            r = t.install(bundle, {QStringLiteral("--remove")});
            QVERIFY2(r.exitCode == 0, qPrintable(when + QLatin1Char(' ') + QString::fromUtf8(r.out + r.err)));
        } else { // the next run rolls back
            r = t.install(bundle, {QStringLiteral("--rollback")});
            QVERIFY2(r.exitCode == 0 || r.err.contains("nothing to roll back"),
                     qPrintable(when + QLatin1Char(' ') + QString::fromUtf8(r.out + r.err)));
        }
        QVERIFY2(treeDigest(t.server->prefix()) == before, qPrintable(when));
        QVERIFY2(waitForPortState(t.newPort, false), qPrintable(when));
        QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
    }
}

void TestInstallScript::killedRollbacksAreCompleted()
{
    ExportTarget t(ServerKind::Nginx);
    QVERIFY(t.start());
    const QString bundle = makeBundle(t, QStringLiteral("bundle"));
    QVERIFY(!bundle.isEmpty());
    const QStringList before = treeDigest(t.server->prefix());
    QCOMPARE(t.install(bundle).exitCode, 0);
    ProcessResult r = t.install(bundle, {QStringLiteral("--rollback")});
    QCOMPARE(r.exitCode, 0);
    const qint64 duration = r.elapsedMs;

    // The first kill lands after the files are back and before the reload; the others at spread delays. The
    // next --rollback must finish the job, reload included.
    const int kills = 10;
    for (int i = 0; i < kills; ++i) {
        QCOMPARE(t.install(bundle).exitCode, 0);
        QString when;
        if (i == 0) {
            when = QStringLiteral("rollback killed before its reload");
            runSignalledAt(QStringLiteral("sh"), {bundle + QStringLiteral("/install.sh"), QStringLiteral("--rollback")},
                           "Reloading the server", SIGKILL);
        } else {
            const double delay = double(duration) * i / kills / 1000.0;
            when = QStringLiteral("rollback killed after %1 s").arg(delay, 0, 'f', 3);
            runProcess(QStringLiteral("timeout"),
                       {QStringLiteral("-s"), QStringLiteral("KILL"), QString::number(delay, 'f', 3),
                        QStringLiteral("sh"), bundle + QStringLiteral("/install.sh"), QStringLiteral("--rollback")});
        }
        if (i == 0) { // the files are back, the server still serves the removed site
            QVERIFY2(treeDigest(t.server->prefix()) == before, qPrintable(when));
            QVERIFY2(waitForPortState(t.newPort, true, 300), qPrintable(when));
        }
        r = t.install(bundle, {QStringLiteral("--rollback")});
        QVERIFY2(r.exitCode == 0 || (i > 0 && r.err.contains("nothing to roll back")),
                 qPrintable(when + QLatin1Char(' ') + QString::fromUtf8(r.out + r.err)));
        QVERIFY2(treeDigest(t.server->prefix()) == before, qPrintable(when));
        QVERIFY2(waitForPortState(t.newPort, false), qPrintable(when));
        QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
    }
}

// The backup folder on a small filesystem that is full: install.sh says "disk full" before any change (the tree and
// what is served stay as they were), for an install and for a rollback.
void TestInstallScript::diskFullBeforeWriting()
{
    ExportTarget t(ServerKind::Nginx);
    QVERIFY(t.start());
    const QString bundle = makeBundle(t, QStringLiteral("bundle"));
    QVERIFY(!bundle.isEmpty());
    QVERIFY(QDir().mkpath(t.backupDir()));
    Mount mount(t.backupDir());
    QVERIFY(run(QStringLiteral("mount"),
                {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                 QStringLiteral("size=1m,mode=0700"), QStringLiteral("mtls-test"), mount.path}));
    mount.mounted = true;
    const QStringList before = treeDigest(t.server->prefix());
    fill(t.backupDir());
    ProcessResult r = t.install(bundle);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("disk full"), r.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(!waitForPortState(t.newPort, true, 300));

    QVERIFY(QFile::remove(t.backupDir() + QStringLiteral("/filler")));
    r = t.install(bundle);
    QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    const QStringList installed = treeDigest(t.server->prefix());
    fill(t.backupDir());
    r = t.install(bundle, {QStringLiteral("--rollback")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("disk full"), r.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), installed);
    QCOMPARE(m_fixture.sClient(t.newPort, QStringLiteral("chat")).exitCode, 0);

    QVERIFY(QFile::remove(t.backupDir() + QStringLiteral("/filler")));
    r = t.install(bundle, {QStringLiteral("--rollback")});
    QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(waitForPortState(t.newPort, false));
}

// --rollback checks from outside what the server serves afterwards: when the bundle's certificate is still served
// where nothing was before the run (here a copy of the webhook's site the user keeps by hand, with copies of the
// certificate files), it fails instead of reporting success.
void TestInstallScript::rollbackChecksWhatIsServed()
{
    ExportTarget t(ServerKind::Nginx);
    QVERIFY(t.start());
    const QString bundle = makeBundle(t, QStringLiteral("bundle"));
    QVERIFY(!bundle.isEmpty());
    const QString ours = Certificate::fromPem(m_fixture.read(QStringLiteral("server.crt")))->sha256Hex();
    // A plain rollback passes its check: nothing answers TLS there any more, as before the run.
    ProcessResult r = t.install(bundle);
    QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    QCOMPARE(servedLeaf(m_fixture.sClient(t.newPort, QString())), ours);
    r = t.install(bundle, {QStringLiteral("--rollback")});
    QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    QVERIFY(waitForPortState(t.newPort, false));

    r = t.install(bundle);
    QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    const QString cert = t.work.filePath(QStringLiteral("copy.crt"));
    const QString key = t.work.filePath(QStringLiteral("copy.key"));
    QVERIFY(QFile::copy(m_fixture.path(QStringLiteral("fullchain.pem")), cert));
    QVERIFY(QFile::copy(m_fixture.path(QStringLiteral("server.key")), key));
    QVERIFY(writeFile(t.server->prefix() + QStringLiteral("/conf.d/zz-copy.conf"),
                      QStringLiteral("server {\n    listen 127.0.0.1:%1 ssl;\n    server_name localhost;\n"
                                     "    ssl_certificate %2;\n    ssl_certificate_key %3;\n"
                                     "    return 200 \"copy\\n\";\n}\n")
                          .arg(t.newPort)
                          .arg(cert, key)
                          .toUtf8()));
    r = t.install(bundle, {QStringLiteral("--rollback")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("still serves the bundle's certificate"), r.err.constData());
    QVERIFY2(!r.out.contains("is undone"), r.out.constData());
    // What the script saw is what a client sees: the copy presents the bundle's certificate.
    QCOMPARE(servedLeaf(m_fixture.sClient(t.newPort, QString())), ours);
}

QTEST_GUILESS_MAIN(TestInstallScript)
#include "tst_install_script.moc"
