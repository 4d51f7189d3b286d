#include "RemoteJob.h"

#include "InstallScript.h"
#include "ShellSession.h"
#include "core/TextEscape.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QHash>
#include <QRegularExpression>

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
job_value() { sed -n "s/^$2=//p" "$1/job" 2>/dev/null | head -n 1; }
# Running: its process is alive and (where /proc tells) is this job's runner, not a process that got its number
# after a restart.
job_alive() {
    p=$(cat "$1/pid" 2>/dev/null) && kill -0 "$p" 2>/dev/null || return 1
    [ ! -r "/proc/$p/cmdline" ] || tr '\000' ' ' <"/proc/$p/cmdline" | grep -qF -- "$1/remote-job.sh"
}
job_state() {
    if [ -f "$1/status" ]; then s=$(cat "$1/status")
    elif job_alive "$1"; then s=running
    elif [ -f "$1/status" ]; then s=$(cat "$1/status")
    else s=gone; fi
    printf 'state=%s\n' "$s"
}
job_history() {
    b=$(job_value "$1" backup_dir)
    n=0
    for s in "$b"/steps/*; do
        s=${s##*/}
        case "$s" in '' | *[!0-9]*) continue ;; esac
        [ "$s" -gt "$n" ] && n=$s
    done
    printf 'last_step=%s\n' "$n"
    if [ "$n" -gt 0 ]; then
        if [ -f "$b/steps/$n/state" ]; then printf 'last_step_state=%s\n' "$(head -n 1 "$b/steps/$n/state")"
        else echo last_step_state=started; fi
    fi
}
log_size() { printf 'log_size=%s\n' "$(wc -c 2>/dev/null <"$1/log" || echo 0)"; }
)SH";

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

    // The job folder: private to root, under a state folder that is root's and no link.
    const QByteArray make = kPrologue + "S=" + quoted(stateDir) + R"SH(
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
mktemp -d "$S/jobs/$(date -u +%Y%m%d-%H%M%S)-$(printf '%06d' $((n + 1))).XXXXXX"
)SH";
    auto made = runAlone(shell, make);
    if (!made)
        return made.error();
    const QString dir = QString::fromUtf8(made->output).trimmed();
    if (made->exitCode != 0 || !plainValue(dir) || !dir.startsWith(stateDir + QStringLiteral("/jobs/")))
        return Error {made->exitCode == 3
                          ? Text::tr("The shell on the server does not run as root, so nothing can be installed.")
                          : Text::tr("Cannot make a private folder for the job under %1 on the server.")
                                .arg(stateDir + QStringLiteral("/jobs")),
                      escapeControlCharacters(QString::fromUtf8(made->output))};

    RemoteJob job;
    job.dir = dir;
    job.id = dir.mid(dir.lastIndexOf(QLatin1Char('/')) + 1);
    job.action = action;
    job.domain = domain;
    job.backupDir = backupDir;
    job.bundle = bundle.isEmpty() ? dir + QStringLiteral("/bundle") : bundle;
    if (!plainValue(job.bundle))
        return Error {Text::tr("The bundle folder %1 on the server has unusual characters.").arg(job.bundle), {}};

    // The files, the runner and the record, in one command (their contents travel inside it, never in a file here).
    QByteArray upload = kPrologue + "mkdir -p -- " + quoted(dir + QStringLiteral("/bundle/certs")) + " || exit 4\n";
    for (const RemoteFile& file : files) {
        if (file.name.startsWith(QLatin1Char('/')) || file.name.contains(QLatin1String("..")) || !plainValue(file.name))
            return Error {Text::tr("The bundle file %1 has an unusual name.").arg(escapeControlCharacters(file.name)),
                          {}};
        upload += uploadCommand(dir + QStringLiteral("/bundle/") + file.name, file.content, file.mode) + " || exit 5\n";
    }
    upload += uploadCommand(dir + QStringLiteral("/remote-job.sh"), runner.readAll(), 0600) + " || exit 5\n";
    const QString record = QStringLiteral("action=%1\ndomain=%2\nbundle=%3\nbackup_dir=%4\n")
                               .arg(remoteJobActionName(action), domain, job.bundle, backupDir);
    upload += uploadCommand(dir + QStringLiteral("/job"), record.toUtf8(), 0600) + " || exit 5\n";
    auto uploaded = runAlone(shell, upload);
    if (!uploaded)
        return uploaded.error();
    if (uploaded->exitCode != 0)
        return Error {Text::tr("Cannot write the files into %1 on the server.").arg(dir),
                      escapeControlCharacters(QString::fromUtf8(uploaded->output))};

    // Detached: a session of its own (no hangup when the connection drops), no terminal, no pipe to this shell.
    // Its pid file is looked for every 10 ms (it is written at once), for 10 s at most.
    const QByteArray d = quoted(dir);
    const QByteArray start = kPrologue + "D=" + d + R"SH(
cd / || exit 6
if command -v setsid >/dev/null 2>&1; then
    setsid nohup sh "$D/remote-job.sh" "$D" </dev/null >/dev/null 2>&1 &
else
    nohup sh "$D/remote-job.sh" "$D" </dev/null >/dev/null 2>&1 &
fi
i=0
while [ ! -s "$D/pid" ] && [ "$i" -lt 1000 ]; do
    if sleep 0.01 2>/dev/null; then i=$((i + 1)); else sleep 1; i=$((i + 100)); fi
done
[ -s "$D/pid" ]
)SH";
    auto started = runAlone(shell, start);
    if (!started)
        return started.error();
    if (started->exitCode != 0)
        return Error {Text::tr("The job did not start on the server (%1).").arg(dir),
                      escapeControlCharacters(QString::fromUtf8(started->output))};
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
    if (!plainValue(stateDir))
        return Error {Text::tr("\"%1\" cannot be used on the server: only letters, digits and - . _ / + @ : , = are "
                               "allowed.")
                          .arg(escapeControlCharacters(stateDir)),
                      {}};
    const QByteArray list = kPrologue + kJobFunctions + "S=" + quoted(stateDir) + R"SH(
for d in "$S"/jobs/*; do
    [ -d "$d" ] && [ ! -L "$d" ] || continue
    # Left by an upload that did not finish (the connection dropped before the job started): removed after a while.
    old=$(find "$d" -maxdepth 0 -mmin +10 2>/dev/null)
    if [ ! -f "$d/job" ]; then
        [ -z "$old" ] || rm -rf -- "$d"
        continue
    fi
    printf 'job=%s\n' "$d"
    grep -E '^(action|domain|bundle|backup_dir)=' "$d/job"
    job_state "$d"
    job_history "$d"
    log_size "$d"
    # The key copy of a job that ended, or never started.
    case "$(job_state "$d")" in
    state=running) ;;
    state=gone) [ -z "$old" ] || rm -f -- "$d/bundle/certs/privkey.pem" ;;
    *) rm -f -- "$d/bundle/certs/privkey.pem" ;;
    esac
    echo end
done
true
)SH";
    auto listed = runAlone(shell, list);
    if (!listed)
        return listed.error();
    QList<QByteArray> blocks {QByteArray()};
    for (const QByteArray& line : listed->output.split('\n')) {
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
