#include "RemoteJob.h"

#include "InstallScript.h"
#include "ShellSession.h"
#include "core/TextEscape.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::RemoteJob)
};

using namespace std::chrono_literals;

constexpr auto kCommandTimeout = 30s;
constexpr qsizetype kLogChunk = 64 * 1024;

// Every command starts the same way: a known PATH and locale, files private to root.
const QByteArray kPrologue = "umask 077; PATH=/usr/sbin:/usr/bin:/sbin:/bin; export PATH; LC_ALL=C; export LC_ALL\n";

// Shell functions shared by the commands that read a job: its state ("running", "gone" or install.sh's exit
// status) and install.sh's history in the job's backup folder (as install.sh numbers and marks its steps).
const QByteArray kJobFunctions = R"SH(
# The shell's builtins where they do (a job list reads every job: no program started per job but wc).
# v: the first value of key $2 in the record of job $1.
job_value() {
    v=
    while IFS= read -r l || [ -n "$l" ]; do
        case "$l" in "$2="*) v=${l#"$2="}; return 0 ;; esac
    done 2>/dev/null <"$1/job"
}
# Running: its process is alive and (where /proc tells) is this job's runner, not a process that got its number
# after a restart.
job_alive() {
    p=$(cat "$1/pid" 2>/dev/null) && kill -0 "$p" 2>/dev/null || return 1
    [ ! -r "/proc/$p/cmdline" ] || tr '\000' ' ' <"/proc/$p/cmdline" | grep -qF -- "$1/remote-job.sh"
}
job_status() { s=; IFS= read -r s 2>/dev/null <"$1/status" || :; }
job_state() {
    if [ -f "$1/status" ]; then job_status "$1"
    elif job_alive "$1"; then s=running
    elif [ -f "$1/status" ]; then job_status "$1"
    else s=gone; fi
    printf 'state=%s\n' "$s"
}
job_history() {
    job_value "$1" backup_dir
    b=$v
    n=0
    for s in "$b"/steps/*; do
        s=${s##*/}
        case "$s" in '' | *[!0-9]*) continue ;; esac
        [ "$s" -gt "$n" ] && n=$s
    done
    printf 'last_step=%s\n' "$n"
    if [ "$n" -gt 0 ]; then
        if [ -f "$b/steps/$n/state" ]; then
            t=; IFS= read -r t 2>/dev/null <"$b/steps/$n/state" || :
            printf 'last_step_state=%s\n' "$t"
        else echo last_step_state=started; fi
    fi
}
log_size() { printf 'log_size=%s\n' "$(wc -c 2>/dev/null <"$1/log" || echo 0)"; }
)SH";

// A line no server output holds by chance: it separates the answers of several commands in one round trip.
QByteArray randomMarker()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return QByteArrayLiteral("__mtls_part_") + bytes.toHex();
}

// Values written into a job record: the characters install.sh accepts in paths and words.
bool plainValue(const QString& value)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._/+@:,=-]+$"));
    return re.match(value).hasMatch() && !value.contains(QLatin1String(".."));
}

QByteArray quoted(const QString& value)
{
    return shellQuote(value).toUtf8();
}

// Runs `command` in a subshell of the session (its exit, cd and variables stay there), bounded in time.
Result<ShellRun> runAlone(ShellSession& shell, const QByteArray& command)
{
    return shell.run("(\n" + command + "\n)", kCommandTimeout);
}

// "key=value" lines into a map (the first value of each key wins).
QHash<QString, QString> keyValues(const QByteArray& text)
{
    QHash<QString, QString> values;
    for (const QByteArray& line : text.split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const QString key = QString::fromUtf8(line.left(eq));
        if (!values.contains(key))
            values.insert(key, QString::fromUtf8(line.mid(eq + 1)));
    }
    return values;
}

std::optional<RemoteJobAction> actionFromName(const QString& name)
{
    for (RemoteJobAction action : {RemoteJobAction::Install, RemoteJobAction::Rollback, RemoteJobAction::Remove}) {
        if (remoteJobActionName(action) == name)
            return action;
    }
    return std::nullopt;
}

// Fills the state, the history and the log size from the lines job_state, job_history and log_size print.
void applyState(RemoteJob& job, const QHash<QString, QString>& values)
{
    const QString state = values.value(QStringLiteral("state"));
    bool numeric = false;
    const int code = state.toInt(&numeric);
    if (numeric) {
        job.exitCode = code;
        job.state = code == 0 ? RemoteJob::State::Succeeded : RemoteJob::State::Failed;
    } else if (state == QLatin1String("running")) {
        job.state = RemoteJob::State::Running;
    } else {
        job.state = RemoteJob::State::Interrupted;
    }
    if (values.contains(QStringLiteral("last_step")))
        job.lastStep = values.value(QStringLiteral("last_step")).toInt();
    job.lastStepState = values.value(QStringLiteral("last_step_state"));
    if (values.contains(QStringLiteral("log_size")))
        job.logSize = values.value(QStringLiteral("log_size")).toLongLong();
}

Error connectionLost(const RemoteJob& job, const Error& cause)
{
    Error error {Text::tr("The connection to the server was lost while the change ran there. It goes on there on its "
                          "own and ends either fully done or fully put back: connect again and run status to see "
                          "which (job %1).")
                     .arg(job.id),
                 cause.fullText()};
    error.findings << errorFinding(
        QStringLiteral("REMOTE_CONNECTION_LOST"), error.message,
        Text::tr("Run the same status command over SSH again once the server can be reached: it waits for the job "
                 "and reports the outcome; rollback puts the previous configuration back."));
    return error;
}

} // namespace

QString defaultRemoteStateDir()
{
    return QStringLiteral("/var/lib/mtls-assistant");
}

QString remoteJobActionName(RemoteJobAction action)
{
    switch (action) {
    case RemoteJobAction::Install:
        return QStringLiteral("install");
    case RemoteJobAction::Rollback:
        return QStringLiteral("rollback");
    case RemoteJobAction::Remove:
        return QStringLiteral("remove");
    }
    return QString();
}

QString remoteJobStateName(RemoteJob::State state)
{
    switch (state) {
    case RemoteJob::State::Running:
        return QStringLiteral("running");
    case RemoteJob::State::Succeeded:
        return QStringLiteral("succeeded");
    case RemoteJob::State::Failed:
        return QStringLiteral("failed");
    case RemoteJob::State::Interrupted:
        return QStringLiteral("interrupted");
    }
    return QString();
}

QString RemoteJob::serverState() const
{
    if (state == State::Running)
        return QStringLiteral("running");
    // A step of install.sh's history that did not finish: its next run (or a rollback) puts it back first.
    if (lastStep > 0 && lastStepState != QLatin1String("done"))
        return QStringLiteral("unfinished");
    if (state == State::Interrupted)
        return QStringLiteral("unknown");
    if (action == RemoteJobAction::Install)
        return state == State::Succeeded ? QStringLiteral("after") : QStringLiteral("before");
    return state == State::Succeeded ? QStringLiteral("before") : QStringLiteral("unknown");
}

QJsonObject RemoteJob::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("dir"), dir},
            {QStringLiteral("action"), remoteJobActionName(action)},
            {QStringLiteral("domain"), domain},
            {QStringLiteral("backup_dir"), backupDir},
            {QStringLiteral("state"), remoteJobStateName(state)},
            {QStringLiteral("exit_code"), exitCode},
            {QStringLiteral("last_step"), lastStep},
            {QStringLiteral("last_step_state"), lastStepState},
            {QStringLiteral("server_state"), serverState()}};
}

Result<RemoteJob> startRemoteJob(ShellSession& shell, const QString& stateDir, RemoteJobAction action,
                                 const QString& domain, const QString& backupDir, const QList<RemoteFile>& files,
                                 const QString& bundle)
{
    for (const QString& value : {stateDir, backupDir, domain}) {
        if (!plainValue(value))
            return Error {
                Text::tr("\"%1\" cannot be used on the server: only letters, digits and - . _ / + @ : , = are allowed.")
                    .arg(escapeControlCharacters(value)),
                {}};
    }
    QFile runner(QStringLiteral(":/deploy/remote-job.sh"));
    if (!runner.open(QIODevice::ReadOnly))
        return Error {Text::tr("remote-job.sh is missing from this program (a build error)."), {}};

    const bool install = bundle.isEmpty();
    if (!install && !plainValue(bundle))
        return Error {Text::tr("The bundle folder %1 on the server has unusual characters.").arg(bundle), {}};
    for (const RemoteFile& file : files) {
        if (file.name.startsWith(QLatin1Char('/')) || file.name.contains(QLatin1String("..")) || !plainValue(file.name))
            return Error {Text::tr("The bundle file %1 has an unusual name.").arg(escapeControlCharacters(file.name)),
                          {}};
    }

    // One command, one round trip: the job folder, the files, the record, the start. The folder is private to root,
    // under a state folder that is root's and no link; its name is printed first, on a line of its own.
    QByteArray command = kPrologue + "S=" + quoted(stateDir) + R"SH(
[ "$(id -u)" = 0 ] || { echo "not root"; exit 3; }
[ -d "$S" ] || mkdir -p -m 700 -- "$S" || exit 4
[ -d "$S/jobs" ] || mkdir -m 700 -- "$S/jobs" || exit 4
for d in "$S" "$S/jobs"; do
    [ ! -L "$d" ] || { echo "a symbolic link: $d"; exit 4; }
    case "$(stat -c '%u %a' -- "$d")" in
    "0 "*[2367] | "0 "*[2367]?) echo "writable by other users: $d"; exit 4 ;;
    "0 "*) ;;
    *) echo "not owned by root: $d"; exit 4 ;;
    esac
done
# The id sorts in the order the jobs started: the time, then a number one above every other job's.
n=0
for j in "$S"/jobs/*; do
    q=${j##*/}
    q=${q#*-*-}
    q=${q%%.*}
    case "$q" in '' | *[!0-9]*) continue ;; esac
    q=${q#"${q%%[!0]*}"}
    [ "${q:-0}" -gt "$n" ] && n=${q:-0}
done
D=$(mktemp -d "$S/jobs/$(date -u +%Y%m%d-%H%M%S)-$(printf '%06d' $((n + 1))).XXXXXX") || exit 4
case "$D" in
"$S"/jobs/*/* | *..* | *[!A-Za-z0-9._/+@:,=-]*) echo "an unusual folder: $D"; exit 4 ;;
"$S"/jobs/?*) ;;
*) echo "an unusual folder: $D"; exit 4 ;;
esac
printf '%s\n' "$D"
cd -- "$D" || exit 4
)SH";
    // The files, the runner and the record (their contents travel inside the command, never in a file here), with
    // paths relative to the job folder.
    QStringList folders {QStringLiteral("bundle/certs")};
    for (const RemoteFile& file : files) {
        const QString folder = QFileInfo(QStringLiteral("bundle/") + file.name).path();
        if (!folders.contains(folder))
            folders << folder;
    }
    for (const QString& folder : std::as_const(folders))
        command += "mkdir -p -- " + quoted(folder) + " || exit 5\n";
    for (const RemoteFile& file : files)
        command += uploadCommand(QStringLiteral("bundle/") + file.name, file.content, file.mode) + " || exit 5\n";
    command += uploadCommand(QStringLiteral("remote-job.sh"), runner.readAll(), 0600) + " || exit 5\n";
    // The record, last (a folder without one is an upload that did not finish): plain values, checked above; the
    // bundle of an install is the folder's own, known on the server only. printf is the shell's builtin.
    command += "printf 'action=%s\\ndomain=%s\\nbundle=%s\\nbackup_dir=%s\\n' " + quoted(remoteJobActionName(action))
        + ' ' + quoted(domain) + ' ' + (install ? QByteArray("\"$D/bundle\"") : quoted(bundle)) + ' '
        + quoted(backupDir) + " >job.new && chmod 600 job.new && mv -f job.new job || exit 5\n";
    // Detached: a session of its own (no hangup when the connection drops), no terminal, no pipe to this shell.
    // Its pid file is looked for every 10 ms (it is written at once), for 10 s at most.
    command += R"SH(cd / || exit 6
if command -v setsid >/dev/null 2>&1; then
    setsid nohup sh "$D/remote-job.sh" "$D" </dev/null >/dev/null 2>&1 &
else
    nohup sh "$D/remote-job.sh" "$D" </dev/null >/dev/null 2>&1 &
fi
i=0
while [ ! -s "$D/pid" ] && [ "$i" -lt 1000 ]; do
    if sleep 0.01 2>/dev/null; then i=$((i + 1)); else sleep 1; i=$((i + 100)); fi
done
[ -s "$D/pid" ] || exit 7
)SH";
    // Bounded as the three commands it replaces were (making the folder, the upload, the start).
    auto started = shell.run("(\n" + command + "\n)", 3 * kCommandTimeout);
    if (!started)
        return started.error();
    const QByteArray output = started->output;
    const qsizetype newline = output.indexOf('\n');
    const QString dir = QString::fromUtf8(output.left(newline)).trimmed();
    const QString detail = escapeControlCharacters(QString::fromUtf8(output));
    const int code = started->exitCode;
    if (code == 3 || code == 4 || code == -1 || newline < 0 || !plainValue(dir)
        || !dir.startsWith(stateDir + QStringLiteral("/jobs/")))
        return Error {code == 3 ? Text::tr("The shell on the server does not run as root, so nothing can be installed.")
                                : Text::tr("Cannot make a private folder for the job under %1 on the server.")
                                      .arg(stateDir + QStringLiteral("/jobs")),
                      detail};
    if (code == 5)
        return Error {Text::tr("Cannot write the files into %1 on the server.").arg(dir), detail};
    if (code != 0)
        return Error {Text::tr("The job did not start on the server (%1).").arg(dir), detail};

    RemoteJob job;
    job.dir = dir;
    job.id = dir.mid(dir.lastIndexOf(QLatin1Char('/')) + 1);
    job.action = action;
    job.domain = domain;
    job.backupDir = backupDir;
    job.bundle = install ? dir + QStringLiteral("/bundle") : bundle;
    job.state = RemoteJob::State::Running;
    return job;
}

Result<RemoteJob> followRemoteJob(ShellSession& shell, RemoteJob job, const RemoteLogHandler& onLine,
                                  std::chrono::milliseconds limit, qint64 fromOffset)
{
    QDeadlineTimer deadline(limit);
    qint64 offset = fromOffset;
    QByteArray partial;
    const auto emitLines = [&](bool all) {
        qsizetype newline;
        while ((newline = partial.indexOf('\n')) >= 0) {
            if (onLine)
                onLine(QString::fromUtf8(partial.left(newline)));
            partial.remove(0, newline + 1);
        }
        if (all && !partial.isEmpty()) {
            if (onLine)
                onLine(QString::fromUtf8(partial));
            partial.clear();
        }
    };
    const QByteArray d = quoted(job.dir);
    while (true) {
        // Waits up to a second on the server for more log or the end (looking every 20 ms: the end of a job is
        // what an apply waits for), then answers: the state first (read before the log, so that a finished job's
        // log is complete), then the log from `offset`.
        const QByteArray poll = kPrologue + kJobFunctions + "D=" + d + "; O=" + QByteArray::number(offset) + R"SH(
n=0
while [ ! -f "$D/status" ] && [ "$(wc -c 2>/dev/null <"$D/log" || echo 0)" -le "$O" ] && [ "$n" -lt 50 ]; do
    if sleep 0.02 2>/dev/null; then n=$((n + 1)); else sleep 1; n=$((n + 50)); fi
done
job_state "$D"
case "$s" in running) ;; *) job_history "$D" ;; esac
echo --log--
tail -c +$((O + 1)) "$D/log" 2>/dev/null | head -c )SH"
            + QByteArray::number(kLogChunk) + "\n";
        auto polled = runAlone(shell, poll);
        if (!polled)
            return connectionLost(job, polled.error());
        const qsizetype mark = polled->output.indexOf("--log--\n");
        if (mark < 0)
            return connectionLost(job, Error {QString::fromUtf8(polled->output.left(200)), {}});
        applyState(job, keyValues(polled->output.left(mark)));
        const QByteArray chunk = polled->output.mid(mark + 8);
        offset += chunk.size();
        partial += chunk;
        const bool ended = job.state != RemoteJob::State::Running;
        if (ended && chunk.size() < kLogChunk) {
            emitLines(true);
            job.logSize = offset;
            return job;
        }
        emitLines(false);
        if (!ended && deadline.hasExpired())
            return job;
    }
}

Result<QList<RemoteJob>> listRemoteJobs(ShellSession& shell, const QString& stateDir)
{
    return listRemoteJobs(shell, stateDir, QByteArray(), nullptr);
}

Result<QList<RemoteJob>> listRemoteJobs(ShellSession& shell, const QString& stateDir, const QByteArray& then,
                                        ShellRun* thenRun, std::chrono::milliseconds thenTimeout,
                                        qsizetype thenMaxOutput)
{
    if (!plainValue(stateDir))
        return Error {Text::tr("\"%1\" cannot be used on the server: only letters, digits and - . _ / + @ : , = are "
                               "allowed.")
                          .arg(escapeControlCharacters(stateDir)),
                      {}};
    const QByteArray list = kPrologue + kJobFunctions + "S=" + quoted(stateDir) + R"SH(
for d in "$S"/jobs/*; do
    [ -d "$d" ] && [ ! -L "$d" ] || continue
    # Left by an upload that did not finish (the connection dropped before the job started): removed after a while.
    if [ ! -f "$d/job" ]; then
        [ -z "$(find "$d" -maxdepth 0 -mmin +10 2>/dev/null)" ] || rm -rf -- "$d"
        continue
    fi
    printf 'job=%s\n' "$d"
    while IFS= read -r l || [ -n "$l" ]; do
        case "$l" in action=* | domain=* | bundle=* | backup_dir=*) printf '%s\n' "$l" ;; esac
    done <"$d/job"
    job_state "$d"
    st=$s
    job_history "$d"
    log_size "$d"
    # The key copy of a job that ended, or never started.
    k=$d/bundle/certs/privkey.pem
    if [ -e "$k" ] || [ -L "$k" ]; then
        case "$st" in
        running) ;;
        gone) [ -z "$(find "$d" -maxdepth 0 -mmin +10 2>/dev/null)" ] || rm -f -- "$k" ;;
        *) rm -f -- "$k" ;;
        esac
    fi
    echo end
done
true
)SH";
    // With `then`: in the same round trip, after the list and a random marker, in a subshell of its own; its exit
    // status on a last line after a second marker (looked for from the end: its output is the server's).
    const QByteArray marker = randomMarker();
    QByteArray command = "(\n" + list + "\n)";
    std::chrono::milliseconds timeout = kCommandTimeout;
    if (thenRun) {
        command
            += "\nprintf '\\n%s\\n' '" + marker + "'\n(\n" + then + "\n)\nprintf '\\n%s %d\\n' '" + marker + "' \"$?\"";
        timeout += thenTimeout;
    }
    auto listed = shell.run(command, timeout, {}, thenRun ? thenMaxOutput + 8 * 1024 * 1024 : 64 * 1024 * 1024);
    if (!listed)
        return listed.error();
    QByteArray jobList = listed->output;
    if (thenRun) {
        const QByteArray first = "\n" + marker + "\n";
        const QByteArray last = "\n" + marker + ' ';
        const qsizetype start = jobList.indexOf(first);
        const qsizetype end = jobList.lastIndexOf(last);
        if (start < 0 || end < start + first.size() - 1)
            return Error {Text::tr("The server's answer could not be read."),
                          escapeControlCharacters(QString::fromUtf8(jobList.right(2000)))};
        bool numeric = false;
        thenRun->exitCode = jobList.mid(end + last.size()).trimmed().toInt(&numeric);
        if (!numeric)
            thenRun->exitCode = -1;
        thenRun->output = jobList.mid(start + first.size(), std::max<qsizetype>(0, end - start - first.size()));
        jobList.truncate(start);
    }
    QList<QByteArray> blocks {QByteArray()};
    for (const QByteArray& line : jobList.split('\n')) {
        if (line == "end")
            blocks << QByteArray();
        else
            blocks.last() += line + '\n';
    }
    QList<RemoteJob> jobs;
    for (const QByteArray& block : std::as_const(blocks)) {
        if (!block.startsWith("job="))
            continue;
        const auto values = keyValues(block);
        RemoteJob job;
        job.dir = values.value(QStringLiteral("job"));
        job.id = job.dir.mid(job.dir.lastIndexOf(QLatin1Char('/')) + 1);
        const auto action = actionFromName(values.value(QStringLiteral("action")));
        if (!action || job.dir.isEmpty())
            continue;
        job.action = *action;
        job.domain = values.value(QStringLiteral("domain"));
        job.bundle = values.value(QStringLiteral("bundle"));
        job.backupDir = values.value(QStringLiteral("backup_dir"));
        applyState(job, values);
        jobs << job;
    }
    return jobs;
}

} // namespace mtls
