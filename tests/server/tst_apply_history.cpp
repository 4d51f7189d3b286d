// The apply history, as root against a throwaway nginx with files owned by nobody: every apply a step of its own,
// rollback one step at a time, remove in one step; folders and journals others could have planted refused; a
// killed rollback finished by the next run; a full disk and a read-only filesystem said as such. Judged by tree
// digests (content, owner, group, mode) and by what curl is served.

#include "MtlsFixture.h"
#include "ThrowawayInstallation.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace mtls;

namespace {

const char kUserSite[] = "# the user's own notes for this name\n";

QString siteFile(const Throwaway& t)
{
    return t.server->prefix() + QStringLiteral("/conf.d/mtls-assistant-localhost.conf");
}

bool chownNobody(const QString& path)
{
    const passwd* nobody = ::getpwnam("nobody");
    return nobody && ::lchown(QFile::encodeName(path).constData(), nobody->pw_uid, nobody->pw_gid) == 0;
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

int run(const QStringList& command)
{
    return runProcess(command.first(), command.mid(1)).exitCode;
}

// A filesystem mounted for one test, unmounted when it ends.
struct Mount
{
    explicit Mount(const QString& where)
        : path(where)
    {
    }
    ~Mount() { unmount(); }
    void unmount()
    {
        if (mounted)
            run({QStringLiteral("umount"), QStringLiteral("-l"), path});
        mounted = false;
    }
    QString path;
    bool mounted = false;
};

// Whether process `pid` is stopped (by a signal), waiting a few seconds for it.
bool waitUntilStopped(qint64 pid)
{
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray text = stat.readAll();
            const qsizetype end = text.lastIndexOf(')');
            if (end > 0 && text.mid(end + 2, 1) == "T")
                return true;
        }
        QTest::qWait(20);
    }
    return false;
}

} // namespace

class TestApplyHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refusedApplyKeepsTheHistory();
    void threeAppliesThreeRollbacks_data();
    void threeAppliesThreeRollbacks();
    void removeInOneStep();
    void removeKeepsAnotherDomain();
    void olderJournalBecomesTheFirstStep();
    void untrustedFoldersRefused_data();
    void untrustedFoldersRefused();
    void editedJournalRefused();
    void foldersOnTheWayRefused_data();
    void foldersOnTheWayRefused();
    void folderSwappedDuringTheRun();
    void killedRollbackIsFinished();
    void diskFull();
    void diskFullBeforeRollback();
    void readOnlyFilesystem();

private:
    // A started nginx whose site file for localhost is already there: the user's own, owned by nobody, mode 0640.
    bool start(Throwaway& t);
    QStringList applyArgs(const Throwaway& t, const QString& upstream) const;
    QStringList rollbackArgs(const Throwaway& t) const;
    MtlsFixture m_fixture;
    QTemporaryDir m_material;
};

void TestApplyHistory::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("Files owned by nobody, mounts and the server's tree need root (the CI runs the suite as root).");
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    QVERIFY(shareApplyMaterial(m_fixture, m_material.path()));
    QVERIFY(m_fixture.pki().makeServer(QStringLiteral("other"), {QStringLiteral("other.localhost")},
                                       QStringLiteral("int")));
    for (const char* name : {"other.crt", "other.key"})
        QVERIFY(QFile::copy(m_fixture.path(QLatin1String(name)), m_material.filePath(QLatin1String(name))));
}

bool TestApplyHistory::start(Throwaway& t)
{
    if (!t.start())
        return false;
    return writeFile(siteFile(t), kUserSite) && chownNobody(siteFile(t))
        && ::chmod(QFile::encodeName(siteFile(t)).constData(), 0640) == 0;
}

QStringList TestApplyHistory::applyArgs(const Throwaway& t, const QString& upstream) const
{
    return cliApplyArguments(t, m_material.path(), upstream);
}

QStringList TestApplyHistory::rollbackArgs(const Throwaway& t) const
{
    return QStringList {QStringLiteral("rollback")} + t.installationArgs();
}

// The headline: a second apply refused before any change keeps the first apply's backups, and rollback gives back
// the user's own file, owned by nobody as before.
void TestApplyHistory::refusedApplyKeepsTheHistory()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(start(t));
    const QStringList before = treeDigest(t.server->prefix());
    const ProcessResult first = runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:9")));
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const ProcessResult refused = runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:9"))
                                         << QStringLiteral("--tls") << QStringLiteral("chat-guide"));
    QCOMPARE(refused.exitCode, 1); // refused before any change, with the LEGACY_TLS finding
    QVERIFY(QFileInfo::exists(t.stateDir.filePath(QStringLiteral("steps/0001/backups"))));

    const ProcessResult rolledBack = runCli(rollbackArgs(t));
    QVERIFY2(rolledBack.exitCode == 0, rolledBack.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(waitForPortState(t.newPort, false));
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
}

void TestApplyHistory::threeAppliesThreeRollbacks_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::newRow("nginx") << ServerKind::Nginx;
    QTest::newRow("apache") << ServerKind::Apache;
}

void TestApplyHistory::threeAppliesThreeRollbacks()
{
    QFETCH(ServerKind, kind);
    Throwaway t(kind);
    QVERIFY(start(t));
    QList<QStringList> digests {treeDigest(t.server->prefix())};
    const QStringList variants[] = {{}, {QStringLiteral("--tls"), QStringLiteral("modern")}, {}};
    for (int i = 0; i < 3; ++i) {
        const ProcessResult applied
            = runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:%1").arg(9 + i)) + variants[i]);
        QVERIFY2(applied.exitCode == 0, applied.err.constData());
        digests << treeDigest(t.server->prefix());
        QVERIFY(digests.last() != digests.at(i));
    }
    for (int i = 2; i >= 0; --i) {
        const ProcessResult rolledBack = runCli(rollbackArgs(t));
        QVERIFY2(rolledBack.exitCode == 0, rolledBack.err.constData());
        QCOMPARE(treeDigest(t.server->prefix()), digests.at(i));
        if (i > 0) { // the webhook site of that step answers (its upstream does not run: 502, Apache 503)
            const QByteArray out
                = m_fixture.curl(t.newPort, QStringLiteral("/im/callback"), QStringLiteral("chat")).out;
            QVERIFY2(out.endsWith("\n502") || out.endsWith("\n503"), out.constData());
        }
    }
    QFileInfo site(siteFile(t));
    QCOMPARE(site.ownerId(), ::getpwnam("nobody")->pw_uid);
    QVERIFY(waitForPortState(t.newPort, false));
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
    // Nothing left: one line says so.
    const ProcessResult nothing = runCli(rollbackArgs(t));
    QCOMPARE(nothing.exitCode, 2);
    QVERIFY2(nothing.err.contains("nothing to roll back"), nothing.err.constData());
    QCOMPARE(nothing.err.trimmed().count('\n'), 0);
}

void TestApplyHistory::removeInOneStep()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(start(t));
    const QStringList before = treeDigest(t.server->prefix());
    for (const char* tls : {"intermediate", "modern"}) {
        const ProcessResult applied = runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:9"))
                                             << QStringLiteral("--tls") << QLatin1String(tls));
        QVERIFY2(applied.exitCode == 0, applied.err.constData());
    }
    const ProcessResult removed = runCli(QStringList {QStringLiteral("remove"), QStringLiteral("--domain"),
                                                      QStringLiteral("localhost"), QStringLiteral("--json")}
                                         + t.installationArgs());
    QVERIFY2(removed.exitCode == 0, (removed.out + removed.err).constData());
    const QJsonObject o = QJsonDocument::fromJson(removed.out).object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    QStringList kinds;
    for (const QJsonValue& step : o.value(QStringLiteral("steps")).toArray())
        kinds << step[QStringLiteral("step")].toString();
    QVERIFY2(kinds.contains(QStringLiteral("reloaded")) && kinds.contains(QStringLiteral("verified")),
             qPrintable(kinds.join(QLatin1Char(' '))));
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(waitForPortState(t.newPort, false));
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
    QCOMPARE(runCli(rollbackArgs(t)).exitCode, 2); // the history is empty
}

// Removing one domain keeps the setup of a domain applied after it, which keeps what it relies on (the shared
// certificate folder); rolling that one back then gives the original tree.
void TestApplyHistory::removeKeepsAnotherDomain()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(start(t));
    const QStringList before = treeDigest(t.server->prefix());
    QCOMPARE(runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:9"))).exitCode, 0);
    const quint16 otherPort = freeLoopbackPort();
    QStringList other = applyArgs(t, QStringLiteral("http://127.0.0.1:9"));
    const auto set = [&other](const char* option, const QString& value) {
        other[other.indexOf(QLatin1String(option)) + 1] = value;
    };
    set("--domain", QStringLiteral("other.localhost"));
    set("--cert", m_material.filePath(QStringLiteral("other.crt")));
    set("--key", m_material.filePath(QStringLiteral("other.key")));
    set("--listen", QStringLiteral("127.0.0.1:%1").arg(otherPort));
    const ProcessResult second = runCli(other);
    QVERIFY2(second.exitCode == 0, second.err.constData());

    const ProcessResult removed
        = runCli(QStringList {QStringLiteral("remove"), QStringLiteral("--domain"), QStringLiteral("localhost")}
                 + t.installationArgs());
    QVERIFY2(removed.exitCode == 0, (removed.out + removed.err).constData());
    const QString certDir = t.server->prefix() + QStringLiteral("/mtls-assistant");
    QVERIFY(!QFileInfo::exists(certDir + QStringLiteral("/localhost")));
    QVERIFY(QFileInfo::exists(certDir + QStringLiteral("/other.localhost/privkey.pem")));
    QFile site(siteFile(t));
    QVERIFY(site.open(QIODevice::ReadOnly));
    QCOMPARE(site.readAll(), QByteArray(kUserSite));
    QVERIFY(waitForPortState(t.newPort, false));
    QVERIFY(waitForPortState(otherPort, true));

    const ProcessResult rolledBack = runCli(rollbackArgs(t));
    QVERIFY2(rolledBack.exitCode == 0, rolledBack.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(waitForPortState(otherPort, false));
    QCOMPARE(runCli(rollbackArgs(t)).exitCode, 2);
}

// A state folder written by an older version (journal.json and backups/ at its top) becomes the first step.
void TestApplyHistory::olderJournalBecomesTheFirstStep()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(start(t));
    const QStringList before = treeDigest(t.server->prefix());
    QCOMPARE(runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:9"))).exitCode, 0);
    const QString step = t.stateDir.filePath(QStringLiteral("steps/0001"));
    QFile file(step + QStringLiteral("/journal.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray journal = file.readAll();
    file.close();
    journal.replace(step.toUtf8() + "/backups/", t.stateDir.filePath(QStringLiteral("backups/")).toUtf8());
    QVERIFY(QDir().rename(step + QStringLiteral("/backups"), t.stateDir.filePath(QStringLiteral("backups"))));
    QVERIFY(writeFile(t.stateDir.filePath(QStringLiteral("journal.json")), journal));
    QVERIFY(QDir(t.stateDir.filePath(QStringLiteral("steps"))).removeRecursively());

    const ProcessResult rolledBack = runCli(rollbackArgs(t));
    QVERIFY2(rolledBack.exitCode == 0, rolledBack.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(!QFileInfo::exists(t.stateDir.filePath(QStringLiteral("journal.json"))));
}

void TestApplyHistory::untrustedFoldersRefused_data()
{
    QTest::addColumn<QString>("plant");
    QTest::newRow("state dir owned by nobody") << QStringLiteral("state-owner");
    QTest::newRow("backups folder a link") << QStringLiteral("backups-link");
    QTest::newRow("certificate folder a link") << QStringLiteral("cert-link");
    QTest::newRow("certificate folder group-writable") << QStringLiteral("cert-group");
    QTest::newRow("certificate folder a link before rollback") << QStringLiteral("cert-link-rollback");
}

// Folders another user could have made: refused, naming the path; nothing outside the tree written, deleted or
// chmod-ed.
void TestApplyHistory::untrustedFoldersRefused()
{
    QFETCH(QString, plant);
    Throwaway t(ServerKind::Nginx);
    QVERIFY(start(t));
    QTemporaryDir victim;
    QVERIFY(writeFile(victim.filePath(QStringLiteral("precious")), "mine\n"));
    QVERIFY(chownNobody(victim.path()) && chownNobody(victim.filePath(QStringLiteral("precious"))));
    const QStringList victimBefore = treeDigest(victim.path());
    const QString certDir = t.server->prefix() + QStringLiteral("/mtls-assistant");
    QString named;
    QStringList command = applyArgs(t, QStringLiteral("http://127.0.0.1:9"));
    if (plant == QLatin1String("state-owner")) {
        named = t.stateDir.path();
        QVERIFY(chownNobody(named));
    } else if (plant == QLatin1String("backups-link")) {
        QCOMPARE(runCli(command).exitCode, 0);
        named = t.stateDir.filePath(QStringLiteral("steps/0001/backups"));
        QVERIFY(QDir(named).removeRecursively());
        QVERIFY(QFile::link(victim.path(), named));
        command = rollbackArgs(t);
    } else if (plant == QLatin1String("cert-link")) {
        named = certDir + QStringLiteral("/localhost");
        QVERIFY(QDir().mkdir(certDir));
        QVERIFY(QFile::link(victim.path(), named));
    } else if (plant == QLatin1String("cert-link-rollback")) {
        QCOMPARE(runCli(command).exitCode, 0);
        named = certDir + QStringLiteral("/localhost");
        QVERIFY(QDir(named).removeRecursively());
        QVERIFY(QFile::link(victim.path(), named));
        command = rollbackArgs(t);
    } else {
        named = certDir;
        QVERIFY(QDir().mkdir(certDir) && chownNobody(certDir) && ::chmod(QFile::encodeName(certDir), 0775) == 0);
    }
    const QStringList before = treeDigest(t.server->prefix());
    const ProcessResult refused = runCli(command);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("Refused: " + named.toUtf8()), refused.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QCOMPARE(treeDigest(victim.path()), victimBefore);
}

// A journal edited to name a path outside the server's configuration is refused before anything is done with it.
void TestApplyHistory::editedJournalRefused()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(start(t));
    QCOMPARE(runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:9"))).exitCode, 0);
    const QString journalPath = t.stateDir.filePath(QStringLiteral("steps/0001/journal.json"));
    QFile file(journalPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject journal = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonArray entries = journal.value(QStringLiteral("entries")).toArray();
    QJsonObject entry = entries.first().toObject();
    entry.insert(QStringLiteral("target"), QStringLiteral("/etc/shadow"));
    entries.replace(0, entry);
    journal.insert(QStringLiteral("entries"), entries);
    QVERIFY(writeFile(journalPath, QJsonDocument(journal).toJson()));
    struct stat shadowBefore;
    QCOMPARE(::stat("/etc/shadow", &shadowBefore), 0);
    const QStringList before = treeDigest(t.server->prefix());

    const ProcessResult refused = runCli(rollbackArgs(t));
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("/etc/shadow, which is not part of this server's configuration"),
             refused.err.constData());
    struct stat shadowAfter;
    QCOMPARE(::stat("/etc/shadow", &shadowAfter), 0);
    QCOMPARE(shadowAfter.st_ino, shadowBefore.st_ino);
    QCOMPARE(shadowAfter.st_mtim.tv_nsec, shadowBefore.st_mtim.tv_nsec);
    QCOMPARE(treeDigest(t.server->prefix()), before);
}

void TestApplyHistory::foldersOnTheWayRefused_data()
{
    QTest::addColumn<QString>("plant");
    QTest::newRow("site folder a link") << QStringLiteral("site-link");
    QTest::newRow("site folder owned by nobody") << QStringLiteral("site-owner");
    QTest::newRow("folder above the certificates a link") << QStringLiteral("cert-parent-link");
    QTest::newRow("site folder a link before rollback") << QStringLiteral("site-link-rollback");
}

// Every folder on the way to a target, not only the last: a link planted by another user, or a folder that user
// owns, is refused before any change, naming it; nothing outside the tree is written, deleted or chmod-ed.
void TestApplyHistory::foldersOnTheWayRefused()
{
    QFETCH(QString, plant);
    Throwaway t(ServerKind::Nginx);
    QVERIFY(start(t));
    QTemporaryDir victim;
    const QString confDir = t.server->prefix() + QStringLiteral("/conf.d");
    const QString certParent = t.server->prefix() + QStringLiteral("/mtls-assistant");
    QString named;
    QStringList command = applyArgs(t, QStringLiteral("http://127.0.0.1:9"));
    if (plant.startsWith(QLatin1String("site-link"))) {
        if (plant == QLatin1String("site-link-rollback"))
            QCOMPARE(runCli(command).exitCode, 0);
        // The server reads the same files through the link; a write through it would land in the victim's folder.
        QVERIFY(QDir().rename(confDir, victim.filePath(QStringLiteral("conf.d"))));
        QVERIFY(QFile::link(victim.filePath(QStringLiteral("conf.d")), confDir) && chownNobody(confDir));
        named = confDir;
        if (plant == QLatin1String("site-link-rollback"))
            command = rollbackArgs(t);
    } else if (plant == QLatin1String("site-owner")) {
        QVERIFY(chownNobody(confDir));
        named = confDir;
    } else {
        QVERIFY(QDir().mkpath(victim.filePath(QStringLiteral("certs/localhost"))));
        QVERIFY(QFile::link(victim.filePath(QStringLiteral("certs")), certParent) && chownNobody(certParent));
        named = certParent;
    }
    const QStringList victimBefore = treeDigest(victim.path());
    const QStringList before = treeDigest(t.server->prefix());
    const ProcessResult refused = runCli(command);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("Refused: " + named.toUtf8()), refused.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QCOMPARE(treeDigest(victim.path()), victimBefore);
}

// A folder of the plan swapped for another user's link while apply runs (between its checks and its writes): no
// write goes through the link, and the run fails naming it.
void TestApplyHistory::folderSwappedDuringTheRun()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(start(t));
    QTemporaryDir victim;
    const QStringList victimBefore = treeDigest(victim.path());
    const QString certDir = t.server->prefix() + QStringLiteral("/mtls-assistant/localhost");
    QProcess apply;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MTLS_APPLY_STOP_AFTER_STEP"), QStringLiteral("2")); // the folders are made
    apply.setProcessEnvironment(env);
    apply.start(cliPath(), applyArgs(t, QStringLiteral("http://127.0.0.1:9")));
    QVERIFY(apply.waitForStarted(10000));
    const bool stopped = waitUntilStopped(apply.processId());
    if (stopped) {
        QVERIFY(QFileInfo(certDir).isDir());
        QVERIFY(QDir().rename(certDir, certDir + QStringLiteral(".moved")));
        QVERIFY(QFile::link(victim.path(), certDir) && chownNobody(certDir));
    }
    ::kill(pid_t(apply.processId()), SIGCONT);
    QVERIFY(apply.waitForFinished(60000));
    QVERIFY(stopped);
    const QByteArray err = apply.readAllStandardError();
    QCOMPARE(apply.exitCode(), 2);
    QVERIFY2(err.contains("Refused: " + certDir.toUtf8() + " is a symbolic link"), err.constData());
    QCOMPARE(treeDigest(victim.path()), victimBefore);
    QVERIFY(QFileInfo(certDir).isSymLink());
    QVERIFY(!waitForPortState(t.newPort, true, 300));
}

// Killed after the files are back and before the reload: the server still serves the removed site; the next run
// reloads and verifies. A killed apply's temporary file is removed by the next run.
void TestApplyHistory::killedRollbackIsFinished()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(start(t));
    const QStringList before = treeDigest(t.server->prefix());
    QCOMPARE(runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:9"))).exitCode, 0);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MTLS_APPLY_EXIT_AFTER_STEP"), QStringLiteral("2"));
    QCOMPARE(runCli(rollbackArgs(t), env).exitCode, 86);
    QCOMPARE(treeDigest(t.server->prefix()), before); // the files are back...
    QVERIFY(m_fixture.curl(t.newPort, QStringLiteral("/im/callback"), QStringLiteral("chat")).out.endsWith("\n502"));
    const ProcessResult next = runCli(rollbackArgs(t)); // ...and the server reads them once this is done
    QVERIFY2(next.exitCode == 0, next.err.constData());
    QVERIFY2(next.out.contains("interrupted rollback"), next.out.constData());
    QVERIFY(waitForPortState(t.newPort, false));
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
    QCOMPARE(treeDigest(t.server->prefix()), before);

    env.insert(QStringLiteral("MTLS_APPLY_EXIT_AFTER_STEP"), QStringLiteral("4"));
    QCOMPARE(runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:9")), env).exitCode, 86);
    QVERIFY(writeFile(
        t.server->prefix() + QStringLiteral("/conf.d/.mtls-assistant-localhost.conf.mtls-00000000deadbeef"), "half\n"));
    QCOMPARE(runCli(rollbackArgs(t)).exitCode, 0);
    QCOMPARE(treeDigest(t.server->prefix()), before);
}

// The state directory on a small filesystem that fills up: the second apply says "Disk full" and changes nothing;
// the first apply's step is intact and rolls back.
void TestApplyHistory::diskFull()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(start(t));
    Mount mount(t.stateDir.path());
    QCOMPARE(run({QStringLiteral("mount"), QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                  QStringLiteral("size=1m,mode=0700"), QStringLiteral("mtls-test"), mount.path}),
             0);
    mount.mounted = true;
    const QStringList before = treeDigest(t.server->prefix());
    QCOMPARE(runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:9"))).exitCode, 0);
    const QStringList afterFirst = treeDigest(t.server->prefix());
    const QString filler = t.stateDir.filePath(QStringLiteral("filler"));
    runProcess(QStringLiteral("dd"),
               {QStringLiteral("if=/dev/zero"), QStringLiteral("of=") + filler, QStringLiteral("bs=1k"),
                QStringLiteral("count=2048")});

    const ProcessResult full = runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:10")));
    QCOMPARE(full.exitCode, 2);
    QVERIFY2(full.err.contains("Disk full"), full.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), afterFirst);
    QVERIFY(QFile::remove(filler));
    const ProcessResult rolledBack = runCli(rollbackArgs(t));
    QVERIFY2(rolledBack.exitCode == 0, rolledBack.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
}

// The server's site folder on a small filesystem that fills up after an apply: rollback and remove say "Disk full"
// before any change (the tree and what is served stay as they are), and roll back once there is room again.
void TestApplyHistory::diskFullBeforeRollback()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(start(t));
    const QString confDir = t.server->prefix() + QStringLiteral("/conf.d");
    QTemporaryDir saved;
    QCOMPARE(run({QStringLiteral("cp"), QStringLiteral("-a"), confDir + QStringLiteral("/."), saved.path()}), 0);
    Mount mount(confDir);
    QCOMPARE(run({QStringLiteral("mount"), QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                  QStringLiteral("size=1m,mode=0755"), QStringLiteral("mtls-test"), mount.path}),
             0);
    mount.mounted = true;
    QCOMPARE(run({QStringLiteral("cp"), QStringLiteral("-a"), saved.path() + QStringLiteral("/."), confDir}), 0);
    const QStringList before = treeDigest(t.server->prefix());
    QCOMPARE(runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:9"))).exitCode, 0);
    runProcess(QStringLiteral("dd"),
               {QStringLiteral("if=/dev/zero"), QStringLiteral("of=") + confDir + QStringLiteral("/filler"),
                QStringLiteral("bs=1k"), QStringLiteral("count=2048")});
    const QStringList full = treeDigest(t.server->prefix());

    const QStringList remove {QStringLiteral("remove"), QStringLiteral("--domain"), QStringLiteral("localhost")};
    for (const QStringList& command : {rollbackArgs(t), remove + t.installationArgs()}) {
        const ProcessResult refused = runCli(command);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("Disk full"), refused.err.constData());
        QCOMPARE(treeDigest(t.server->prefix()), full);
        QVERIFY(
            m_fixture.curl(t.newPort, QStringLiteral("/im/callback"), QStringLiteral("chat")).out.endsWith("\n502"));
    }
    QVERIFY(QFile::remove(confDir + QStringLiteral("/filler")));
    const ProcessResult rolledBack = runCli(rollbackArgs(t));
    QVERIFY2(rolledBack.exitCode == 0, rolledBack.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(waitForPortState(t.newPort, false));
}

// The server's folder mounted read-only: said as such, with no advice to get administrator rights.
void TestApplyHistory::readOnlyFilesystem()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(start(t));
    const QStringList before = treeDigest(t.server->prefix());
    Mount mount(t.server->prefix() + QStringLiteral("/conf.d"));
    QCOMPARE(run({QStringLiteral("mount"), QStringLiteral("--bind"), mount.path, mount.path}), 0);
    mount.mounted = true;
    QCOMPARE(run({QStringLiteral("mount"), QStringLiteral("-o"), QStringLiteral("remount,bind,ro"), mount.path}), 0);
    const ProcessResult refused
        = runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:9")) << QStringLiteral("--json"));
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("read-only"), refused.err.constData());
    QVERIFY2(!refused.err.contains("--elevate") && !refused.err.contains("needs administrator"),
             refused.err.constData());
    QCOMPARE(QJsonDocument::fromJson(refused.out).object().value(QStringLiteral("needs_elevation")).toBool(), false);
    mount.unmount(); // the read-only mount itself shows in the permissions seen
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
}

QTEST_GUILESS_MAIN(TestApplyHistory)
#include "tst_apply_history.moc"
