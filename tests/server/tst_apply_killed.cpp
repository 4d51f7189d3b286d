// apply and rollback killed at many moments, as root against throwaway servers whose tree holds the user's own file
// (owned by nobody): one nginx (30 kills of each) and one Apache (fewer, its cases take longer), each shared by its
// cases. Kills land at each of the test hook's points, as soon as a step is announced (SIGKILL), and after random
// delays (seeded; the seed is printed and MTLS_KILL_SEED=N replays it). After each kill the next command (one that
// only recovers, rollback, or apply) must leave the tree (content, owner, group, mode of every file, no temporary
// file) exactly as before the apply or as after it, and the served site must match that state, judged by openssl
// s_client and curl.

#include "ExportTarget.h"
#include "MtlsFixture.h"
#include "ThrowawayInstallation.h"
#include "pki/Certificate.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <csignal>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace mtls;

namespace {

const char kUserSite[] = "# the user's own notes for this name\n";

enum class State { Before, After, Neither };

const char* stateName(State s)
{
    return s == State::Before ? "before" : s == State::After ? "after" : "neither";
}

// What runs after a kill: a command that only finishes what the killed run left (remove for a domain that was never
// applied), rollback, or apply again.
enum class Next { RecoverOnly, Rollback, Apply };

const char* nextName(Next n)
{
    return n == Next::RecoverOnly ? "recover only" : n == Next::Rollback ? "rollback" : "apply";
}

// How a run is interrupted.
struct Kill
{
    enum class How { ExitAfterStep, AtMarker, AfterDelay } how = How::AfterDelay;
    int step = 0;
    QByteArray marker;
    int delayMs = 0;

    QString describe() const
    {
        switch (how) {
        case How::ExitAfterStep:
            return QStringLiteral("ended after step %1").arg(step);
        case How::AtMarker:
            return QStringLiteral("SIGKILL at \"%1\"").arg(QString::fromUtf8(marker));
        case How::AfterDelay:
            break;
        }
        return QStringLiteral("SIGKILL after %1 ms").arg(delayMs);
    }
};

// Runs the CLI with `args` and interrupts it as `kill` says.
void runKilled(const QStringList& args, const Kill& kill)
{
    switch (kill.how) {
    case Kill::How::ExitAfterStep: {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MTLS_APPLY_EXIT_AFTER_STEP"), QString::number(kill.step));
        runCli(args, env);
        return;
    }
    case Kill::How::AtMarker:
        runSignalledAt(cliPath(), args, kill.marker, SIGKILL);
        return;
    case Kill::How::AfterDelay:
        break;
    }
    QProcess process;
    process.start(cliPath(), args);
    if (!process.waitForStarted(10000))
        return;
    if (!process.waitForFinished(kill.delayMs)) {
        process.kill(); // SIGKILL
        process.waitForFinished(10000);
    }
}

// Temporary names the runs use beside their targets and in the state folder.
QStringList temporaryFiles(const QString& root)
{
    QStringList found;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (it.fileName().contains(QLatin1String(".mtls-")))
            found << path;
    }
    return found;
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestApplyKilled : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedApply_data();
    void killedApply();
    void killedRollback_data();
    void killedRollback();

private:
    // One throwaway installation per server kind, shared by its cases, and its tree before and after an apply.
    struct Site
    {
        std::unique_ptr<Throwaway> t;
        QStringList before;
        QStringList after;
        qint64 applyMs = 0;
        qint64 rollbackMs = 0;
    };
    QString startSite(ServerKind kind); // empty, or why the site could not be prepared
    void useSite(ServerKind kind) { m_s = &m_sites[kind == ServerKind::Nginx ? 0 : 1]; }
    QStringList applyArgs() const
    {
        return cliApplyArguments(*m_s->t, m_material.path(), QStringLiteral("http://127.0.0.1:9"));
    }
    QStringList rollbackArgs() const { return QStringList {QStringLiteral("rollback")} + m_s->t->installationArgs(); }
    QStringList removeArgs(const QString& domain) const
    {
        return QStringList {QStringLiteral("remove"), QStringLiteral("--domain"), domain} + m_s->t->installationArgs();
    }
    QStringList nextArgs(Next next) const;
    State treeState() const;
    // What a client sees: After when the webhook's port presents our certificate, refuses a caller without a client
    // certificate and lets Chat's through; Before when nothing answers there and the old site still does.
    State servedState() const;
    bool servedWithin(State expected) const;
    // Runs the command after a kill and checks the outcome; `where` describes the case for the messages.
    void runNextAndCheck(Next next, const QString& where);
    QList<Kill> kills(const QList<int>& steps, const QList<QByteArray>& markers, int total, qint64 durationMs);

    MtlsFixture m_fixture;
    QTemporaryDir m_material;
    Site m_sites[2];
    Site* m_s = nullptr;
    QString m_leafSha256;
    quint32 m_seed = 0;
    QRandomGenerator m_random;
};

void TestApplyKilled::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("The user's file owned by nobody and the server's tree need root (the CI runs the suite as root).");
    bool given = false;
    m_seed = quint32(qEnvironmentVariableIntValue("MTLS_KILL_SEED", &given));
    if (!given)
        m_seed = QRandomGenerator::system()->generate();
    m_random.seed(m_seed);
    qInfo("Random kill delays with seed %u (replay: MTLS_KILL_SEED=%u)", m_seed, m_seed);

    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    QVERIFY(shareApplyMaterial(m_fixture, m_material.path()));
    auto leaf = Certificate::fromPem(m_fixture.read(QStringLiteral("server.crt")));
    QVERIFY(leaf);
    m_leafSha256 = leaf->sha256Hex();

    for (ServerKind kind : {ServerKind::Nginx, ServerKind::Apache}) {
        const QString failed = startSite(kind);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }
}

QString TestApplyKilled::startSite(ServerKind kind)
{
    useSite(kind);
    m_s->t = std::make_unique<Throwaway>(kind);
    if (auto started = m_s->t->start(); !started)
        return started.error().fullText();
    // The user's own file where the site file goes: owned by nobody, mode 0640; apply backs it up and every undo must
    // give it back with its owner.
    const QString site = m_s->t->server->prefix() + QStringLiteral("/conf.d/mtls-assistant-localhost.conf");
    const passwd* nobody = ::getpwnam("nobody");
    if (!nobody || !writeFile(site, kUserSite)
        || ::chown(QFile::encodeName(site).constData(), nobody->pw_uid, nobody->pw_gid) != 0
        || ::chmod(QFile::encodeName(site).constData(), 0640) != 0)
        return QStringLiteral("cannot write the user's file ") + site;

    m_s->before = treeDigest(m_s->t->server->prefix());
    if (servedState() != State::Before)
        return QStringLiteral("the old site does not answer");
    ProcessResult r = runCli(applyArgs());
    if (r.exitCode != 0)
        return QStringLiteral("apply: ") + QString::fromUtf8(r.out + r.err);
    m_s->applyMs = r.elapsedMs;
    m_s->after = treeDigest(m_s->t->server->prefix());
    if (m_s->after == m_s->before || !servedWithin(State::After))
        return QStringLiteral("apply: not served as after");
    r = runCli(rollbackArgs());
    if (r.exitCode != 0)
        return QStringLiteral("rollback: ") + QString::fromUtf8(r.out + r.err);
    if (treeDigest(m_s->t->server->prefix()) != m_s->before || !servedWithin(State::Before))
        return QStringLiteral("rollback: not as before");
    m_s->rollbackMs = r.elapsedMs;
    qInfo("%s: one apply takes %lld ms, one rollback %lld ms", qPrintable(serverKindName(kind)), m_s->applyMs,
          m_s->rollbackMs);
    return {};
}

QStringList TestApplyKilled::nextArgs(Next next) const
{
    switch (next) {
    case Next::RecoverOnly:
        return removeArgs(QStringLiteral("never-applied.example"));
    case Next::Rollback:
        return rollbackArgs();
    case Next::Apply:
        break;
    }
    return applyArgs();
}

State TestApplyKilled::treeState() const
{
    const QStringList now = treeDigest(m_s->t->server->prefix());
    return now == m_s->before ? State::Before : now == m_s->after ? State::After : State::Neither;
}

State TestApplyKilled::servedState() const
{
    const ProcessResult handshake = m_fixture.sClient(m_s->t->newPort, QString());
    const QByteArray out = handshake.out;
    const qsizetype begin = out.indexOf("-----BEGIN CERTIFICATE-----");
    const qsizetype end = out.indexOf("-----END CERTIFICATE-----", begin);
    if (begin < 0 || end < 0) {
        // Nothing presented there: the state before, if the old site still answers as it did.
        return plainGet(m_s->t->oldPort) == "old-site\n" ? State::Before : State::Neither;
    }
    auto served = Certificate::fromPem(out.mid(begin, end - begin + 25));
    if (!served || served->sha256Hex() != m_leafSha256)
        return State::Neither;
    const QByteArray anonymous = m_fixture.curl(m_s->t->newPort, QStringLiteral("/im/callback"), QString()).out;
    const QByteArray chat = m_fixture.curl(m_s->t->newPort, QStringLiteral("/im/callback"), QStringLiteral("chat")).out;
    // nginx answers 400 to a caller without a certificate, Apache ends the handshake (no HTTP status: 000); Chat's
    // reaches the upstream (not running here: nginx 502, Apache 503).
    const bool refused = anonymous.endsWith("\n400") || anonymous.endsWith("\n000");
    const bool through = chat.endsWith("\n502") || chat.endsWith("\n503");
    return refused && through ? State::After : State::Neither;
}

bool TestApplyKilled::servedWithin(State expected) const
{
    // nginx takes a reload signal a moment after `nginx -s reload` returns.
    QDeadlineTimer deadline(5000);
    while (servedState() != expected) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(100);
    }
    return true;
}

void TestApplyKilled::runNextAndCheck(Next next, const QString& where)
{
    const QString context
        = where + QStringLiteral(", then %1 (seed %2)").arg(QLatin1String(nextName(next))).arg(m_seed);
    const ProcessResult r = runCli(nextArgs(next));
    State expected = State::Neither;
    switch (next) {
    case Next::RecoverOnly:
        // Nothing to remove for that domain; whatever the killed run left is finished first.
        QVERIFY2(r.exitCode == 2 && r.err.contains("nothing to remove"),
                 qPrintable(context + QLatin1Char('\n') + QString::fromUtf8(r.out + r.err)));
        expected = treeState();
        break;
    case Next::Rollback:
        QVERIFY2(r.exitCode == 0 || (r.exitCode == 2 && r.err.contains("nothing to roll back")),
                 qPrintable(context + QLatin1Char('\n') + QString::fromUtf8(r.out + r.err)));
        expected = State::Before;
        break;
    case Next::Apply:
        QVERIFY2(r.exitCode == 0, qPrintable(context + QLatin1Char('\n') + QString::fromUtf8(r.out + r.err)));
        expected = State::After;
        break;
    }
    const QStringList digest = treeDigest(m_s->t->server->prefix());
    QVERIFY2(expected != State::Neither && treeState() == expected,
             qPrintable(context + QStringLiteral(": the tree is neither as before nor as after:\n")
                        + digest.join(QLatin1Char('\n'))));
    QVERIFY2(temporaryFiles(m_s->t->server->prefix()).isEmpty() && temporaryFiles(m_s->t->stateDir.path()).isEmpty(),
             qPrintable(context + QStringLiteral(": temporary files left: ")
                        + (temporaryFiles(m_s->t->server->prefix()) + temporaryFiles(m_s->t->stateDir.path()))
                              .join(QLatin1Char(' '))));
    QVERIFY2(servedWithin(expected),
             qPrintable(context
                        + QStringLiteral(": the tree is as %1 but the server serves %2")
                              .arg(QLatin1String(stateName(expected)), QLatin1String(stateName(servedState())))));
}

QList<Kill> TestApplyKilled::kills(const QList<int>& steps, const QList<QByteArray>& markers, int total,
                                   qint64 durationMs)
{
    QList<Kill> list;
    for (int step : steps)
        list << Kill {Kill::How::ExitAfterStep, step, {}, 0};
    for (const QByteArray& marker : markers)
        list << Kill {Kill::How::AtMarker, 0, marker, 0};
    // The rest at random moments of a whole run (and a little past its usual end).
    while (list.size() < total)
        list << Kill {Kill::How::AfterDelay, 0, {}, int(m_random.bounded(quint32(durationMs * 11 / 10 + 1)))};
    return list;
}

void TestApplyKilled::killedApply_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<QList<int>>("steps");
    QTest::addColumn<QList<QByteArray>>("markers");
    QTest::addColumn<int>("total");
    // Custom layout: 1 journal, 2 directories, 3-7 the five files, 8 written, 9 tested, 10 reloaded.
    QTest::newRow("nginx") << ServerKind::Nginx << QList<int> {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
                           << QList<QByteArray> {"Backed up:", "Directory created:", "Written:",
                                                 "Tested:",    "Reloaded:",          "Verified:"}
                           << 30;
    QTest::newRow("apache") << ServerKind::Apache << QList<int> {1, 6, 8, 10}
                            << QList<QByteArray> {"Written:", "Reloaded:"} << 8;
}

void TestApplyKilled::killedApply()
{
    QFETCH(ServerKind, kind);
    QFETCH(QList<int>, steps);
    QFETCH(QList<QByteArray>, markers);
    QFETCH(int, total);
    useSite(kind);
    QVERIFY(m_s->t);
    const QList<Kill> list = kills(steps, markers, total, m_s->applyMs);
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Next next = Next(i % 3);
        const QString where = QStringLiteral("apply %1 %2").arg(i).arg(list[i].describe());
        QVERIFY2(treeState() == State::Before, qPrintable(where));
        runKilled(applyArgs(), list[i]);
        runNextAndCheck(next, where);
        if (QTest::currentTestFailed())
            return;
        if (treeState() == State::After) {
            // Back to the start for the next case: everything for the domain goes in one step, however many applies
            // the history holds now.
            const ProcessResult r = runCli(removeArgs(QStringLiteral("localhost")));
            QVERIFY2(r.exitCode == 0, qPrintable(where + QLatin1Char(' ') + QString::fromUtf8(r.err)));
            QVERIFY2(treeState() == State::Before, qPrintable(where));
            QVERIFY2(servedWithin(State::Before), qPrintable(where));
        }
    }
    qInfo("%lld killed applies in %lld ms", qlonglong(list.size()), qlonglong(timer.elapsed()));
}

void TestApplyKilled::killedRollback_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<QList<QByteArray>>("markers");
    QTest::addColumn<int>("total");
    QTest::newRow("nginx") << ServerKind::Nginx << QList<QByteArray> {"Rolling back:", "Put back:", "Rolled back:",
                                                                      "Tested:",       "Reloaded:", "Verified:"}
                           << 30;
    QTest::newRow("apache") << ServerKind::Apache << QList<QByteArray> {"Put back:", "Reloaded:"} << 6;
}

void TestApplyKilled::killedRollback()
{
    QFETCH(ServerKind, kind);
    QFETCH(QList<QByteArray>, markers);
    QFETCH(int, total);
    useSite(kind);
    QVERIFY(m_s->t);
    // 1: the step marked as being rolled back, 2: every file back, before the test and the reload.
    const QList<Kill> list = kills({1, 2}, markers, total, m_s->rollbackMs);
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Next next = Next(i % 3);
        const QString where = QStringLiteral("rollback %1 %2").arg(i).arg(list[i].describe());
        const ProcessResult applied = runCli(applyArgs());
        QVERIFY2(applied.exitCode == 0, qPrintable(where + QLatin1Char(' ') + QString::fromUtf8(applied.err)));
        QVERIFY2(treeState() == State::After, qPrintable(where));
        runKilled(rollbackArgs(), list[i]);
        runNextAndCheck(next, where);
        if (QTest::currentTestFailed())
            return;
        if (treeState() == State::After) {
            const ProcessResult r = runCli(removeArgs(QStringLiteral("localhost")));
            QVERIFY2(r.exitCode == 0, qPrintable(where + QLatin1Char(' ') + QString::fromUtf8(r.err)));
            QVERIFY2(treeState() == State::Before, qPrintable(where));
            QVERIFY2(servedWithin(State::Before), qPrintable(where));
        }
        QVERIFY2(runCli(rollbackArgs()).err.contains("nothing to roll back"), qPrintable(where));
    }
    qInfo("%lld killed rollbacks in %lld ms", qlonglong(list.size()), qlonglong(timer.elapsed()));
}

QTEST_GUILESS_MAIN(TestApplyKilled)
#include "tst_apply_killed.moc"
