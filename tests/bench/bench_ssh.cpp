// Benchmark (label bench, not part of the default run): `apply --ssh` against the same change made by hand, over a
// real sshd on loopback (tests/deploy/SshServer) to a throwaway nginx on "the server" (this machine). Goal: at most
// 1.5 times the by-hand sequence, verification included. One run, interleaved for ROUNDS rounds:
//  - by hand: the files `export` writes for that server (certificate chain, key, Chat CA, site configuration) sent
//    with one `scp` to the user's home, one `ssh USER@HOST 'sudo install … && sudo nginx -t … && sudo nginx -s
//    reload …'`, then `curl` with the Chat stand-in's client certificate until the webhook answers 200; undone
//    (files removed, reload) outside the timing;
//  - the assistant: one whole `mtls-assistant-cli apply --ssh … --json` process (its verification on the server and
//    its test handshake from here included); `rollback --ssh` outside the timing.
// Both as the user with NOPASSWD sudo, with the same identity, known-hosts file and port. Prints the medians, the
// ratio assistant / by hand and a verdict; no assertion on the figures. Needs root (throwaway users, sudoers rule).
//   bench_ssh [ROUNDS]        (BENCH_SSH_PHASES=1: then one more apply, each line of its output timed)

#include "SshServer.h"
#include "ThrowawayInstallation.h"
#include "sandbox/WebhookUpstream.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

using namespace mtls;

namespace {

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

QString shellWord(const QString& value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString cli()
{
    const QString given = qEnvironmentVariable("MTLS_CLI");
    return given.isEmpty() ? QStringLiteral(MTLS_CLI_PATH) : given;
}

// Every apply --ssh is a saved setup: the benchmark's go to a data folder of its own, never the user's.
ProcessResult runCliHere(const QStringList& arguments, int timeoutMs = 120000)
{
    static const QTemporaryDir data;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
    return runProcess(cli(), arguments, environment, timeoutMs);
}

// What the by-hand sequence installs: the bundle `export` writes for the throwaway server, read from its
// install.data (the files with their places and modes, the server program and its arguments).
struct HandPlan
{
    QString bundle;
    QStringList sources; // absolute, on this machine
    QStringList targets; // on the server
    QStringList modes;
    QString binary;
    QStringList arguments; // -p PREFIX/ -e … -c …
};

bool readPlan(const QString& bundle, HandPlan* plan)
{
    QFile data(bundle + QStringLiteral("/install.data"));
    if (!data.open(QIODevice::ReadOnly))
        return false;
    plan->bundle = bundle;
    for (const QString& line : QString::fromUtf8(data.readAll()).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("binary=")))
            plan->binary = line.mid(7);
        else if (line.startsWith(QLatin1String("arg=")))
            plan->arguments << line.mid(4);
        else if (line.startsWith(QLatin1String("file="))) {
            const QStringList fields = line.mid(5).split(QLatin1Char(' '));
            if (fields.size() < 3)
                return false;
            plan->sources << bundle + QLatin1Char('/') + fields.at(0);
            plan->targets << fields.at(1);
            plan->modes << fields.at(2);
        }
    }
    return !plan->binary.isEmpty() && !plan->sources.isEmpty();
}

struct Bench
{
    MtlsFixture fixture;
    WebhookUpstream upstream;
    std::unique_ptr<Throwaway> nginx;
    SshServer sshd;
    QTemporaryDir client; // known_hosts of both ways, the exported bundle
    QTemporaryDir state; // the assistant's folder on "the server"
    HandPlan plan;
    QString user;

    QStringList sshOptions(const QString& portOption) const
    {
        return {QStringLiteral("-i"),
                sshd.clientKey(SshServer::User::SudoNoPassword),
                QStringLiteral("-o"),
                QStringLiteral("UserKnownHostsFile=") + client.filePath(QStringLiteral("known_hosts_by_hand")),
                QStringLiteral("-o"),
                QStringLiteral("StrictHostKeyChecking=yes"),
                QStringLiteral("-o"),
                QStringLiteral("BatchMode=yes"),
                portOption,
                QString::number(sshd.port())};
    }
    QString host() const { return user + QStringLiteral("@127.0.0.1"); }

    QStringList assistantSsh() const
    {
        return {QStringLiteral("--ssh"),
                QStringLiteral("%1:%2").arg(host()).arg(sshd.port()),
                QStringLiteral("--identity"),
                sshd.clientKey(SshServer::User::SudoNoPassword),
                QStringLiteral("--known-hosts"),
                client.filePath(QStringLiteral("known_hosts")),
                QStringLiteral("--accept-host-key"),
                sshd.hostKeyFingerprint(),
                QStringLiteral("--state-dir"),
                state.path(),
                QStringLiteral("--json")};
    }

    bool prepare();
    bool byHand(double* ms);
    bool undoByHand();
    bool assistant(double* ms);
    bool rollback();
    bool webhookAnswers(int timeoutMs);
};

bool fail(const QString& what, const ProcessResult& result = {})
{
    std::fprintf(stderr, "%s\n%s%s\n", qPrintable(what), result.out.constData(), result.err.constData());
    return false;
}

bool Bench::prepare()
{
    if (!fixture.make())
        return fail(fixture.error());
    if (!upstream.start())
        return fail(QStringLiteral("the webhook upstream did not start"));
    nginx = std::make_unique<Throwaway>(ServerKind::Nginx);
    if (auto started = nginx->start(); !started)
        return fail(started.error().fullText());
    if (!sshd.start())
        return fail(sshd.error());
    user = sshd.userName(SshServer::User::SudoNoPassword);

    // The by-hand known-hosts file: the host key as ssh-keyscan shows it (checked once, as a user would).
    const ProcessResult scanned = runProcess(QStringLiteral("ssh-keyscan"),
                                             {QStringLiteral("-p"), QString::number(sshd.port()), QStringLiteral("-t"),
                                              QStringLiteral("ed25519"), QStringLiteral("127.0.0.1")});
    QFile known(client.filePath(QStringLiteral("known_hosts_by_hand")));
    if (scanned.exitCode != 0 || scanned.out.isEmpty() || !known.open(QIODevice::WriteOnly)
        || known.write(scanned.out) != scanned.out.size())
        return fail(QStringLiteral("ssh-keyscan"), scanned);
    known.close();

    // The same site the assistant installs: what `export` writes for this server, with the apply's arguments.
    QStringList exportArgs = cliApplyArguments(*nginx, fixture.dir(), upstream.url());
    exportArgs[0] = QStringLiteral("export");
    exportArgs.remove(exportArgs.indexOf(QStringLiteral("--state-dir")), 2);
    exportArgs << QStringLiteral("--layout") << QStringLiteral("custom") << QStringLiteral("--out")
               << client.filePath(QStringLiteral("bundle")) << QStringLiteral("--json");
    const ProcessResult exported = runCliHere(exportArgs);
    if (exported.exitCode != 0)
        return fail(QStringLiteral("export failed"), exported);
    if (!readPlan(client.filePath(QStringLiteral("bundle")), &plan))
        return fail(QStringLiteral("the exported install.data could not be read"));
    // The by-hand upload folder, in the user's home.
    const ProcessResult made
        = runProcess(QStringLiteral("ssh"),
                     sshOptions(QStringLiteral("-p")) + QStringList {host(), QStringLiteral("mkdir -p by-hand")});
    if (made.exitCode != 0)
        return fail(QStringLiteral("ssh mkdir failed"), made);

    // One apply and rollback first (the assistant accepts the host key into its known-hosts file), unmeasured.
    double ignored = 0;
    return assistant(&ignored) && rollback();
}

bool Bench::webhookAnswers(int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        const ProcessResult answer
            = fixture.curl(nginx->newPort, QStringLiteral("/im/callback"), QStringLiteral("chat"));
        if (answer.out.endsWith("\n200"))
            return true;
        QThread::msleep(5);
    }
    return false;
}

bool Bench::byHand(double* ms)
{
    const QString sudo = QStringLiteral("sudo -n ");
    QStringList server {shellWord(plan.binary)};
    for (const QString& argument : plan.arguments)
        server << shellWord(argument);
    QStringList commands;
    for (qsizetype i = 0; i < plan.sources.size(); ++i)
        commands << sudo
                + QStringLiteral("install -D -m %1 by-hand/%2 %3")
                      .arg(plan.modes.at(i), shellWord(QFileInfo(plan.sources.at(i)).fileName()),
                           shellWord(plan.targets.at(i)));
    commands << sudo + server.join(QLatin1Char(' ')) + QStringLiteral(" -t -q")
             << sudo + server.join(QLatin1Char(' ')) + QStringLiteral(" -s reload");

    QElapsedTimer clock;
    clock.start();
    const ProcessResult copied
        = runProcess(QStringLiteral("scp"),
                     QStringList {QStringLiteral("-q"), QStringLiteral("-O")} + sshOptions(QStringLiteral("-P"))
                         + plan.sources + QStringList {host() + QStringLiteral(":by-hand/")});
    if (copied.exitCode != 0)
        return fail(QStringLiteral("scp failed"), copied);
    const ProcessResult changed
        = runProcess(QStringLiteral("ssh"),
                     sshOptions(QStringLiteral("-p")) + QStringList {host(), commands.join(QStringLiteral(" && "))});
    if (changed.exitCode != 0)
        return fail(QStringLiteral("ssh failed"), changed);
    if (!webhookAnswers(20000))
        return fail(QStringLiteral("the webhook did not answer 200 after the by-hand change"));
    *ms = clock.nsecsElapsed() / 1e6;
    return true;
}

bool Bench::undoByHand()
{
    QStringList server {shellWord(plan.binary)};
    for (const QString& argument : plan.arguments)
        server << shellWord(argument);
    QStringList targets;
    for (const QString& target : plan.targets)
        targets << shellWord(target);
    const QString command = QStringLiteral("sudo -n rm -f %1 && sudo -n %2 -s reload")
                                .arg(targets.join(QLatin1Char(' ')), server.join(QLatin1Char(' ')));
    const ProcessResult undone
        = runProcess(QStringLiteral("ssh"), sshOptions(QStringLiteral("-p")) + QStringList {host(), command});
    if (undone.exitCode != 0)
        return fail(QStringLiteral("undoing the by-hand change failed"), undone);
    return waitForPortState(nginx->newPort, false);
}

bool Bench::assistant(double* ms)
{
    QStringList apply = cliApplyArguments(*nginx, fixture.dir(), upstream.url());
    apply.remove(apply.indexOf(QStringLiteral("--state-dir")), 2);
    apply += assistantSsh();
    QElapsedTimer clock;
    clock.start();
    const ProcessResult applied = runCliHere(apply);
    *ms = clock.nsecsElapsed() / 1e6;
    if (applied.exitCode != 0)
        return fail(QStringLiteral("apply --ssh failed"), applied);
    if (QJsonDocument::fromJson(applied.out).object().value(QLatin1String("server_state")).toString()
        != QLatin1String("after"))
        return fail(QStringLiteral("apply --ssh did not leave the server after the change"), applied);
    // Judged from outside too: the webhook answers the Chat client.
    if (!webhookAnswers(5000))
        return fail(QStringLiteral("the webhook does not answer 200 after apply --ssh"));
    return true;
}

bool Bench::rollback()
{
    const ProcessResult back = runCliHere(QStringList {QStringLiteral("rollback")} + assistantSsh());
    if (back.exitCode != 0)
        return fail(QStringLiteral("rollback --ssh failed"), back);
    return waitForPortState(nginx->newPort, false);
}

// Where the time of one apply goes: the CLI's own output (its steps, printed as they happen) with the time each
// line arrived, from the start of the process to its end.
bool printPhases(Bench& bench)
{
    QStringList apply = cliApplyArguments(*bench.nginx, bench.fixture.dir(), bench.upstream.url());
    apply.remove(apply.indexOf(QStringLiteral("--state-dir")), 2);
    apply += bench.assistantSsh();
    apply.removeAll(QStringLiteral("--json"));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer clock;
    clock.start();
    process.start(cli(), apply);
    QByteArray pending;
    std::printf("one apply --ssh, each line of its output with the time it arrived:\n");
    while (process.state() != QProcess::NotRunning || process.bytesAvailable() > 0) {
        process.waitForReadyRead(50);
        pending += process.readAll();
        qsizetype end = 0;
        while ((end = pending.indexOf('\n')) >= 0) {
            std::printf("  %6lld ms  %s\n", static_cast<long long>(clock.elapsed()), pending.left(end).constData());
            pending.remove(0, end + 1);
        }
        if (clock.elapsed() > 120000)
            return false;
    }
    std::printf("  %6lld ms  (exit %d)\n", static_cast<long long>(clock.elapsed()), process.exitCode());
    if (process.exitCode() != 0 || !bench.rollback())
        return false;

    // What the connection costs, piece by piece (medians of 5): the programs the assistant runs before its shell
    // answers (ssh -G, ssh-keygen -F, then one login; ssh-keyscan only for a host the known-hosts file does not hold,
    // measured for comparison).
    const QString port = QString::number(bench.sshd.port());
    const QList<std::pair<const char*, std::pair<QString, QStringList>>> pieces {
        {"the CLI's start (--version)", {cli(), {QStringLiteral("--version")}}},
        {"ssh -G", {QStringLiteral("ssh"), {QStringLiteral("-G"), QStringLiteral("-p"), port, bench.host()}}},
        {"ssh-keygen -F",
         {QStringLiteral("ssh-keygen"),
          {QStringLiteral("-F"), QStringLiteral("[127.0.0.1]:") + port, QStringLiteral("-f"),
           bench.client.filePath(QStringLiteral("known_hosts"))}}},
        {"ssh-keyscan", {QStringLiteral("ssh-keyscan"), {QStringLiteral("-p"), port, QStringLiteral("127.0.0.1")}}},
        {"ssh USER@HOST true (one login)",
         {QStringLiteral("ssh"), bench.sshOptions(QStringLiteral("-p")) << bench.host() << QStringLiteral("true")}},
    };
    std::printf("pieces of the connection, medians of 5:\n");
    for (const auto& [name, command] : pieces) {
        QList<double> times;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer piece;
            piece.start();
            runProcess(command.first, command.second);
            times << piece.nsecsElapsed() / 1e6;
        }
        std::printf("  %-34s %6.0f ms\n", name, median(times));
    }
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (::geteuid() != 0) {
        std::printf("bench_ssh skipped: it makes throwaway users and a sudoers rule for its sshd: run it as root\n");
        return 0;
    }
    if (const QString reason = SshServer::unavailableReason(); !reason.isEmpty()) {
        std::printf("bench_ssh skipped: %s\n", qPrintable(reason));
        return 0;
    }
    const int rounds = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 5;
    Bench bench;
    if (!bench.prepare())
        return 2;
    std::printf("apply over SSH to loopback (nginx, NOPASSWD sudo) against the by-hand sequence, %d rounds, "
                "interleaved\n",
                rounds);
    QList<double> hand;
    QList<double> assistant;
    for (int round = 0; round < rounds; ++round) {
        double byHandMs = 0;
        double assistantMs = 0;
        if (!bench.byHand(&byHandMs) || !bench.undoByHand())
            return 2;
        if (!bench.assistant(&assistantMs) || !bench.rollback())
            return 2;
        hand << byHandMs;
        assistant << assistantMs;
        std::printf("round %d: by hand %.0f ms, apply --ssh %.0f ms\n", round + 1, byHandMs, assistantMs);
        std::fflush(stdout);
    }
    if (qEnvironmentVariableIsSet("BENCH_SSH_PHASES") && !printPhases(bench))
        return 2;
    const double byHandMedian = median(hand);
    const double assistantMedian = median(assistant);
    const double ratio = assistantMedian / std::max(1.0, byHandMedian);
    std::printf("medians: by hand (scp, ssh nginx -t && reload, curl until 200) %.0f ms; apply --ssh %.0f ms\n",
                byHandMedian, assistantMedian);
    std::printf("ratio apply --ssh / by hand: %.2f; goal at most 1.5: %s\n", ratio, ratio <= 1.5 ? "met" : "NOT met");
    return 0;
}
