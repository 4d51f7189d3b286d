// No child inherits a secret: the passphrase variable is taken once and removed; children get an environment
// without it. The signal cleanup removes registered folders (without following links) and ends process groups.

#include "core/ChildProcess.h"
#include "core/PrivateTempDir.h"
#include "core/SignalCleanup.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace mtls;

class TestChildProcess : public QObject
{
    Q_OBJECT

private slots:
    void secretTakenOnce();
    void childHasNoSecret();
    void boundChildInOwnGroup();
    void cleanupRemovesFolderNotLinkTarget();
    void cleanupKillsGroup();
    void sweepStaleRemovesDeadRunsOnly();
};

void TestChildProcess::secretTakenOnce()
{
    qputenv("MTLS_TEST_SECRET_A", "s3cret");
    QCOMPARE(takeSecretVariable("MTLS_TEST_SECRET_A"), std::optional<QByteArray>("s3cret"));
    QVERIFY(!qEnvironmentVariableIsSet("MTLS_TEST_SECRET_A"));
    QCOMPARE(takeSecretVariable("MTLS_TEST_SECRET_A"), std::nullopt);
    QVERIFY(isSecretVariable(QStringLiteral("MTLS_TEST_SECRET_A")));
    QCOMPARE(takeSecretVariable("MTLS_TEST_UNSET_VARIABLE"), std::nullopt);
}

void TestChildProcess::childHasNoSecret()
{
    qputenv("MTLS_TEST_SECRET_B", "s3cret");
    QVERIFY(takeSecretVariable("MTLS_TEST_SECRET_B"));
    qputenv("MTLS_TEST_SECRET_B", "set-again-later"); // by a library, say: still no child sees it
    qputenv("MTLS_TEST_PLAIN", "visible");
    for (const auto lifetime : {ChildLifetime::Independent, ChildLifetime::BoundToParent}) {
        QProcess process;
        prepareChild(process, lifetime);
        process.start(QStringLiteral("/usr/bin/env"), QStringList());
        QVERIFY(process.waitForFinished(10000));
        const QByteArray out = process.readAllStandardOutput();
        QVERIFY2(!out.contains("MTLS_TEST_SECRET_B"), out.constData());
        QVERIFY(out.contains("MTLS_TEST_PLAIN=visible"));
    }
    QProcess withOwn; // an environment of the caller's own keeps its variables, minus the secrets
    QProcessEnvironment own;
    own.insert(QStringLiteral("MTLS_TEST_SECRET_B"), QStringLiteral("x"));
    own.insert(QStringLiteral("ONLY_THIS"), QStringLiteral("1"));
    withOwn.setProcessEnvironment(own);
    prepareChild(withOwn);
    QCOMPARE(withOwn.processEnvironment().keys(), QStringList {QStringLiteral("ONLY_THIS")});
    qunsetenv("MTLS_TEST_SECRET_B");
}

void TestChildProcess::boundChildInOwnGroup()
{
    QProcess process;
    prepareChild(process, ChildLifetime::BoundToParent);
    process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("cat /proc/$$/stat")});
    QVERIFY(process.waitForStarted());
    const qint64 pid = process.processId();
    QVERIFY(process.waitForFinished(10000));
    // Fields after the command name: state ppid pgrp session ...
    const QByteArray stat = process.readAllStandardOutput();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    QCOMPARE(fields.at(2).toLongLong(), pid); // its own process group
    QCOMPARE(fields.at(1).toLongLong(), qint64(::getpid()));
}

void TestChildProcess::cleanupRemovesFolderNotLinkTarget()
{
    QTemporaryDir outside;
    QFile victim(outside.filePath(QStringLiteral("keep.txt")));
    QVERIFY(victim.open(QIODevice::WriteOnly));
    victim.close();
    QTemporaryDir base;
    const QString folder = base.filePath(QStringLiteral("private"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/a/b")));
    for (const QString& name : {QStringLiteral("/key.pem"), QStringLiteral("/a/b/deep.pem")}) {
        QFile file(folder + name);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QVERIFY(QFile::link(outside.path(), folder + QStringLiteral("/link")));
    {
        const CleanupRegistration registration = CleanupRegistration::folder(folder);
        QVERIFY(registration.isActive());
        runSignalCleanup();
    }
    QVERIFY(!QFileInfo::exists(folder));
    QVERIFY(QFileInfo::exists(victim.fileName())); // the link went, not what it pointed to
    // Released: a later cleanup leaves a new folder of the same name alone.
    QVERIFY(QDir().mkpath(folder));
    runSignalCleanup();
    QVERIFY(QFileInfo::exists(folder));
}

void TestChildProcess::cleanupKillsGroup()
{
    QProcess process;
    prepareChild(process, ChildLifetime::BoundToParent);
    process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("sleep 60 & sleep 60; wait")});
    QVERIFY(process.waitForStarted());
    const auto group = pid_t(process.processId());
    QTest::qWait(200);
    QCOMPARE(::kill(-group, 0), 0);
    const CleanupRegistration registration = CleanupRegistration::processGroup(group);
    runSignalCleanup();
    QVERIFY(process.waitForFinished(5000));
    QTRY_VERIFY(::kill(-group, 0) != 0); // the background sleep too
}

void TestChildProcess::sweepStaleRemovesDeadRunsOnly()
{
    QTemporaryDir tmp;
    qputenv("TMPDIR", tmp.path().toLocal8Bit());
    // A pid that runs no process: a short-lived child's, after it was reaped.
    QProcess gone;
    gone.start(QStringLiteral("/bin/true"), QStringList());
    QVERIFY(gone.waitForStarted());
    const qint64 deadPid = gone.processId();
    QVERIFY(gone.waitForFinished());
    const QString dead = tmp.filePath(QStringLiteral("mtls-sweeptest-%1-AbC123").arg(deadPid));
    const QString alive = tmp.filePath(QStringLiteral("mtls-sweeptest-%1-AbC123").arg(::getppid()));
    const QString other = tmp.filePath(QStringLiteral("mtls-sweeptest-notapid"));
    for (const QString& dir : {dead, alive, other})
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/sub")));
    if (::kill(pid_t(deadPid), 0) == 0)
        QSKIP("the pid was taken again");
    // A server that outlived the dead run (its command line names the dead run's folder) goes with the folder.
    QProcess straggler;
    straggler.start(
        QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"), QStringLiteral("sleep 60"), QStringLiteral("sh"), dead + QStringLiteral("/conf")});
    QVERIFY(straggler.waitForStarted());
    QCOMPARE(PrivateTempDir::sweepStale(QStringLiteral("mtls-sweeptest")), 1);
    QVERIFY(straggler.waitForFinished(5000));
    QCOMPARE(straggler.exitStatus(), QProcess::CrashExit);
    QVERIFY(!QFileInfo::exists(dead));
    QVERIFY(QFileInfo::exists(alive));
    QVERIFY(QFileInfo::exists(other));
    {
        PrivateTempDir mine(QStringLiteral("mtls-sweeptest"));
        QVERIFY(mine.isValid());
        QVERIFY(mine.path().startsWith(tmp.path()));
        QCOMPARE(PrivateTempDir::sweepStale(QStringLiteral("mtls-sweeptest")), 0); // ours: alive
        QVERIFY(QFileInfo::exists(mine.path()));
    }
    qunsetenv("TMPDIR");
}

QTEST_GUILESS_MAIN(TestChildProcess)
#include "tst_childprocess.moc"
