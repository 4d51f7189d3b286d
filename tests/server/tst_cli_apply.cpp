// mtls-assistant-cli apply and rollback, run as processes against throwaway installations: success, the
// process killed between any two steps, a target the user cannot write, the server's own test failing.

#include "MtlsFixture.h"
#include "ThrowawayInstallation.h"
#include "sandbox/WebhookUpstream.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace mtls;

class TestCliApply : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void applyAndRollback_data();
    void applyAndRollback();
    void killedBetweenSteps_data();
    void killedBetweenSteps();
    void applyAgainAfterKill();
    void targetNotWritable();
    void serverTestFails();

private:
    QStringList applyArgs(const Throwaway& t, const QString& upstream) const;
    MtlsFixture m_fixture;
    QTemporaryDir m_material; // world-readable copies, for the run as another user
};

void TestCliApply::initTestCase()
{
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    QVERIFY(shareApplyMaterial(m_fixture, m_material.path()));
}

QStringList TestCliApply::applyArgs(const Throwaway& t, const QString& upstream) const
{
    return cliApplyArguments(t, m_material.path(), upstream);
}

void TestCliApply::applyAndRollback_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::newRow("nginx") << ServerKind::Nginx;
    QTest::newRow("apache") << ServerKind::Apache;
}

void TestCliApply::applyAndRollback()
{
    QFETCH(ServerKind, kind);
    Throwaway t(kind);
    const Status started = t.start();
    QVERIFY2(started, qPrintable(started.error().fullText()));
    const QStringList before = treeDigest(t.server->prefix());
    WebhookUpstream upstream;
    QVERIFY(upstream.start());

    const ProcessResult applied = runCli(applyArgs(t, upstream.url()) << QStringLiteral("--json"));
    QVERIFY2(applied.exitCode == 0, applied.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(applied.out).object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("site_file")).toString(),
             t.server->prefix() + QStringLiteral("/conf.d/mtls-assistant-localhost.conf"));
    // Every step, in order, under "steps": each change written, then the test and the reload.
    const QJsonArray steps = o.value(QStringLiteral("steps")).toArray();
    QStringList written;
    for (const QJsonValue& step : steps) {
        if (step[QStringLiteral("step")].toString() == QLatin1String("written"))
            written << step[QStringLiteral("path")].toString();
    }
    QCOMPARE(written, o.value(QStringLiteral("changed")).toVariant().toStringList());
    // Then the test, the reload, and what was verified from outside.
    QStringList tail;
    for (qsizetype i = steps.size() - 4; i < steps.size(); ++i)
        tail << steps.at(i)[QStringLiteral("step")].toString();
    QCOMPARE(tail,
             (QStringList {QStringLiteral("tested"), QStringLiteral("reloaded"), QStringLiteral("verified"),
                           QStringLiteral("verified")}));
    QVERIFY(waitForPortState(t.newPort, true));
    QCOMPARE(m_fixture.curl(t.newPort, QStringLiteral("/im/callback"), QStringLiteral("chat")).out,
             WebhookUpstream::chatOkBody() + "\n200");

    const ProcessResult rolledBack = runCli(QStringList {QStringLiteral("rollback")} + t.installationArgs());
    QVERIFY2(rolledBack.exitCode == 0, rolledBack.err.constData());
    // The text output tells each step as it happens.
    QVERIFY2(rolledBack.out.contains("Removed: " + written.last().toUtf8() + '\n'), rolledBack.out.constData());
    QVERIFY2(rolledBack.out.contains("Rolled back: every file is as it was before.\n"), rolledBack.out.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(waitForPortState(t.newPort, false));
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
    QCOMPARE(runCli(QStringList {QStringLiteral("rollback")} + t.installationArgs()).exitCode, 2);
}

void TestCliApply::killedBetweenSteps_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::addColumn<int>("step");
    // nginx (custom layout): 1 journal, 2 directories, 3-7 the five files, 8 written, 9 tested, 10 reloaded.
    for (int step : {1, 2, 3, 5, 7, 8, 9, 10})
        QTest::addRow("nginx after step %d", step) << ServerKind::Nginx << step;
    for (int step : {4, 8, 10})
        QTest::addRow("apache after step %d", step) << ServerKind::Apache << step;
}

// The process ends between two steps; the next run (rollback) finishes the job: the tree is as before and the
// server serves the old configuration.
void TestCliApply::killedBetweenSteps()
{
    QFETCH(ServerKind, kind);
    QFETCH(int, step);
    Throwaway t(kind);
    QVERIFY(t.start());
    const QStringList before = treeDigest(t.server->prefix());

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MTLS_APPLY_EXIT_AFTER_STEP"), QString::number(step));
    const ProcessResult killed = runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:9")), env);
    QCOMPARE(killed.exitCode, 86);
    if (step >= 3 && step <= 9)
        QVERIFY(treeDigest(t.server->prefix()) != before); // it really stopped half-way

    const ProcessResult next = runCli(QStringList {QStringLiteral("rollback")} + t.installationArgs());
    QVERIFY2(next.exitCode == 0, next.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(waitForPortState(t.newPort, false));
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
}

void TestCliApply::applyAgainAfterKill()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(t.start());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MTLS_APPLY_EXIT_AFTER_STEP"), QStringLiteral("5"));
    QCOMPARE(runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:9")), env).exitCode, 86);
    const ProcessResult again = runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:9")));
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QVERIFY2(again.out.contains("interrupted"), again.out.constData());
    QVERIFY(waitForPortState(t.newPort, true));
}

void TestCliApply::targetNotWritable()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(t.start());
    const QStringList before = treeDigest(t.server->prefix());
    ProcessResult result;
#ifdef Q_OS_UNIX
    if (::geteuid() == 0) {
        // Root writes anywhere: run the command as an unprivileged user against the root-owned tree.
        result
            = runProcess(QStringLiteral("runuser"),
                         QStringList {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), cliPath()}
                                 + applyArgs(t, QStringLiteral("http://127.0.0.1:9"))
                             << QStringLiteral("--json"));
    } else
#endif
    {
        const auto readOnly = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther;
        QFile::setPermissions(t.server->prefix(), readOnly);
        QFile::setPermissions(t.server->prefix() + QStringLiteral("/conf.d"), readOnly);
        result = runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:9")) << QStringLiteral("--json"));
        const auto open = readOnly | QFile::WriteOwner;
        QFile::setPermissions(t.server->prefix() + QStringLiteral("/conf.d"), open);
        QFile::setPermissions(t.server->prefix(), open);
    }
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("rights"), result.err.constData());
    QVERIFY2(QJsonDocument::fromJson(result.out).object().value(QStringLiteral("needs_elevation")).toBool(),
             (result.out + result.err).constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
}

// A file of the user's declares the same TLS session cache with another size: nginx -t refuses the combination.
void TestCliApply::serverTestFails()
{
    Throwaway t(ServerKind::Nginx);
    const quint16 otherPort = freeLoopbackPort();
    QVERIFY(t.start(
        QStringLiteral("server {\n    listen 127.0.0.1:%1;\n    ssl_session_cache shared:mtls_assistant:20m;\n}\n")
            .arg(otherPort)));
    const QStringList before = treeDigest(t.server->prefix());
    const ProcessResult result = runCli(applyArgs(t, QStringLiteral("http://127.0.0.1:9")));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("refused the new configuration"), result.err.constData());
    QVERIFY2(result.err.contains("mtls_assistant"), result.err.constData()); // nginx's own words
    QVERIFY2(result.err.contains("Line "), result.err.constData()); // mapped to our file
    // The steps so far, the failed one and the rollback, as they happened.
    const qsizetype wrote = result.out.indexOf("Written: ");
    const qsizetype failed = result.out.indexOf("Failed: ");
    const qsizetype rolling = result.out.indexOf("Rolling back: ");
    const qsizetype rolled = result.out.indexOf("Rolled back: ");
    QVERIFY2(wrote >= 0 && wrote < failed && failed < rolling && rolling < rolled, result.out.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n"));
}

QTEST_GUILESS_MAIN(TestCliApply)
#include "tst_cli_apply.moc"
