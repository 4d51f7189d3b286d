// `generate --server apache` proves its configuration on a throwaway Apache that reads an encrypted key's
// decrypted copy. Interrupted at varied moments (SIGINT, SIGTERM, SIGHUP, SIGKILL), nothing of the run may stay:
// no Apache of the run, no key copy in TMPDIR (after SIGKILL: gone at the next run). While it runs, the server's
// environment holds no passphrase variable.

#include "MtlsFixture.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <unistd.h>

namespace {

constexpr auto kPassVariable = "MTLS_TEST_KEY_PASSPHRASE";
constexpr auto kPass = "interrupted-pass-42";

// The processes whose command line names `marker` (the run's TMPDIR, which holds the throwaway prefix).
QList<qint64> processesNaming(const QString& marker)
{
    QList<qint64> found;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        if (!number || pid == QCoreApplication::applicationPid())
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = cmdline.readAll();
        if (text.contains(marker.toLocal8Bit()) && !text.startsWith(cliPath().toLocal8Bit()))
            found << pid;
    }
    return found;
}

// "pid ppid state cmdline" of each process, for messages.
QString describe(const QList<qint64>& pids)
{
    QStringList lines;
    for (const qint64 pid : pids) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (stat.open(QIODevice::ReadOnly) && cmdline.open(QIODevice::ReadOnly))
            lines << QString::fromLocal8Bit(stat.readAll().left(60) + ' ' + cmdline.readAll().replace('\0', ' '));
    }
    return lines.join(QLatin1Char('\n'));
}

QStringList filesUnder(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

} // namespace

class TestSecretsInterrupted : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void serverEnvironmentHasNoPassphrase();
    void interrupted_data();
    void interrupted();

private:
    QStringList arguments() const;
    QProcessEnvironment environment(const QString& tmp) const;
    MtlsFixture m_fixture;
};

void TestSecretsInterrupted::initTestCase()
{
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    QVERIFY(m_fixture.pki().encryptKeyPkcs8(QStringLiteral("server"), QLatin1String(kPass),
                                            m_fixture.path(QStringLiteral("server-encrypted.key"))));
}

QStringList TestSecretsInterrupted::arguments() const
{
    return {QStringLiteral("generate"),
            QStringLiteral("--server"),
            QStringLiteral("apache"),
            QStringLiteral("--domain"),
            QStringLiteral("localhost"),
            QStringLiteral("--cert"),
            m_fixture.path(QStringLiteral("server.crt")),
            QStringLiteral("--key"),
            m_fixture.path(QStringLiteral("server-encrypted.key")),
            QStringLiteral("--passphrase-env"),
            QLatin1String(kPassVariable),
            QStringLiteral("--chain"),
            m_fixture.path(QStringLiteral("chain.pem")),
            QStringLiteral("--client-ca"),
            m_fixture.path(QStringLiteral("chatca.crt")),
            QStringLiteral("--roots"),
            m_fixture.path(QStringLiteral("root.crt"))};
}

QProcessEnvironment TestSecretsInterrupted::environment(const QString& tmp) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QLatin1String(kPassVariable), QLatin1String(kPass));
    env.insert(QStringLiteral("TMPDIR"), tmp);
    return env;
}

void TestSecretsInterrupted::serverEnvironmentHasNoPassphrase()
{
    QTemporaryDir tmp;
    QProcess cli;
    cli.setProcessEnvironment(environment(tmp.path()));
    cli.start(cliPath(), arguments());
    QVERIFY(cli.waitForStarted());
    QByteArray serverEnvironment;
    QElapsedTimer timer;
    timer.start();
    while (serverEnvironment.isEmpty() && cli.state() != QProcess::NotRunning && timer.elapsed() < 30000) {
        for (const qint64 pid : processesNaming(tmp.path())) {
            QFile environ(QStringLiteral("/proc/%1/environ").arg(pid));
            if (environ.open(QIODevice::ReadOnly))
                serverEnvironment = environ.readAll();
            if (!serverEnvironment.isEmpty())
                break;
        }
        cli.waitForFinished(2);
    }
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QVERIFY2(!serverEnvironment.isEmpty(), "no throwaway server of the run was seen");
    QVERIFY(serverEnvironment.contains("TMPDIR="));
    QVERIFY2(!serverEnvironment.contains(kPassVariable), serverEnvironment.constData());
    QVERIFY(!serverEnvironment.contains(kPass));
    QVERIFY2(filesUnder(tmp.path()).isEmpty(), qPrintable(filesUnder(tmp.path()).join(QLatin1Char(' '))));
}

void TestSecretsInterrupted::interrupted_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<int>("delayMs"); // after the first process of the run appeared; -1: 30 ms after the start
    for (const auto& [name, signal] : {std::pair {"SIGINT", SIGINT}, std::pair {"SIGTERM", SIGTERM},
                                       std::pair {"SIGHUP", SIGHUP}, std::pair {"SIGKILL", SIGKILL}}) {
        for (const int delay : {-1, 0, 15, 60, 150})
            QTest::addRow("%s after %d ms", name, delay) << signal << delay;
    }
}

void TestSecretsInterrupted::interrupted()
{
    QFETCH(int, signal);
    QFETCH(int, delayMs);
    QTemporaryDir tmp;
    QProcess cli;
    cli.setProcessEnvironment(environment(tmp.path()));
    cli.start(cliPath(), arguments());
    QVERIFY(cli.waitForStarted());
    QElapsedTimer timer;
    timer.start();
    if (delayMs < 0) {
        QThread::msleep(30);
    } else {
        while (processesNaming(tmp.path()).isEmpty() && cli.state() != QProcess::NotRunning && timer.elapsed() < 30000)
            cli.waitForFinished(1);
        QThread::msleep(delayMs);
    }
    const bool wasRunning = cli.state() != QProcess::NotRunning;
    ::kill(pid_t(cli.processId()), signal);
    QVERIFY(cli.waitForFinished(10000));
    if (wasRunning && cli.exitStatus() == QProcess::CrashExit)
        qInfo("interrupted after %lld ms", timer.elapsed());

    // No server of the run is left (a bound child may need a moment to receive its parent-death signal).
    QTRY_VERIFY2_WITH_TIMEOUT(processesNaming(tmp.path()).isEmpty(), qPrintable(describe(processesNaming(tmp.path()))),
                              5000);
    if (signal != SIGKILL) {
        QVERIFY2(filesUnder(tmp.path()).isEmpty(), qPrintable(filesUnder(tmp.path()).join(QLatin1Char(' '))));
        return;
    }
    // SIGKILL cannot be caught: what it left (key copies included) goes at the next run.
    const ProcessResult next = runProcess(cliPath(), arguments(), environment(tmp.path()), 60000);
    QVERIFY2(next.exitCode == 0, next.err.constData());
    QVERIFY2(filesUnder(tmp.path()).isEmpty(), qPrintable(filesUnder(tmp.path()).join(QLatin1Char(' '))));
    QVERIFY(processesNaming(tmp.path()).isEmpty());
}

QTEST_GUILESS_MAIN(TestSecretsInterrupted)
#include "tst_secretsinterrupted.moc"
