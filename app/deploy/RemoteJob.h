#pragma once

// One action of a bundle's install.sh run on a server as a detached job (remote-job.sh): it goes on when the
// connection drops, and a later connection finds it again. Everything goes through an open root ShellSession.
//
// On the server, under the state folder (default /var/lib/mtls-assistant, root's alone):
//   jobs/<id>/job      what runs: action, domain, bundle folder, install.sh's backup folder
//   jobs/<id>/bundle/  the uploaded bundle of an install (its private key deleted when the job ends)
//   jobs/<id>/log      what install.sh printed
//   jobs/<id>/pid      the job's process; jobs/<id>/status its exit status, present once it ended
// Job ids (<UTC time>-<number>.<random>) sort in the order the jobs started. install.sh keeps its own history (numbered
// steps with backups) in the bundle's backup folder, as when it is run by hand.

#include "core/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>

namespace mtls {

class ShellSession;

// The state folder on a server when none is given.
QString defaultRemoteStateDir();

enum class RemoteJobAction { Install, Rollback, Remove };
QString remoteJobActionName(RemoteJobAction action); // "install", "rollback", "remove"

struct RemoteJob
{
    enum class State {
        Running, // the job runs (or was just started)
        Succeeded, // install.sh ended with 0: its own checks passed
        Failed, // install.sh ended with another status: it put back what it had changed
        Interrupted, // the job ended without a status (killed, or the server restarted)
    };
    QString id;
    QString dir; // absolute, on the server
    RemoteJobAction action = RemoteJobAction::Install;
    QString domain;
    QString bundle; // the folder of the install.sh the job runs
    QString backupDir; // install.sh's backup folder (its history: steps/N)
    State state = State::Running;
    int exitCode = -1; // install.sh's, when it ended
    int lastStep = 0; // the newest step of install.sh's history after the job (0: none)
    QString lastStepState; // its state: "done" when finished; anything else is undone by install.sh's next run
    qint64 logSize = 0;

    // Which configuration the server runs, as far as the job's outcome and install.sh's history tell:
    // "after" (the change is in place and install.sh verified it), "before" (nothing of it remains: the install
    // failed and was put back, or the rollback/remove succeeded), "running", "unfinished" (an interrupted or
    // incomplete step that install.sh's next run puts back; run rollback to do it now), "unknown".
    QString serverState() const;
    QJsonObject toJson() const;
};
QString remoteJobStateName(RemoteJob::State state); // "running", "succeeded", "failed", "interrupted"

// A file of a bundle to upload: the name relative to the bundle, its content and mode.
struct RemoteFile
{
    QString name;
    QByteArray content;
    int mode = 0600;
};

// Makes a job folder (0700, under `stateDir`/jobs, root-owned), uploads `files` into its bundle/ (an install) or
// uses `bundle` (a rollback or remove with the bundle of an earlier install), writes the job record and starts
// remote-job.sh detached. Returns once the job runs.
Result<RemoteJob> startRemoteJob(ShellSession& shell, const QString& stateDir, RemoteJobAction action,
                                 const QString& domain, const QString& backupDir, const QList<RemoteFile>& files,
                                 const QString& bundle = QString());

// Follows a job: each new complete line of its log (from byte `fromOffset`) goes to `onLine` as it is written,
// until the job ends (its state and install.sh's history filled in) or `limit` passes (returned still Running).
// An Error when the connection fails: the job goes on on the server.
using RemoteLogHandler = std::function<void(const QString& line)>;
Result<RemoteJob> followRemoteJob(ShellSession& shell, RemoteJob job, const RemoteLogHandler& onLine,
                                  std::chrono::milliseconds limit, qint64 fromOffset = 0);

// The jobs on the server, oldest first, each with its state and install.sh's history. Deletes the key copies that
// jobs ended without a status left behind.
Result<QList<RemoteJob>> listRemoteJobs(ShellSession& shell, const QString& stateDir);

// The same, and in the same round trip (one command of the shell) `then`, run after the list in a subshell of its
// own, bounded by `thenTimeout` more and `thenMaxOutput` bytes: its output and exit status in `thenRun`.
struct ShellRun;
Result<QList<RemoteJob>> listRemoteJobs(ShellSession& shell, const QString& stateDir, const QByteArray& then,
                                        ShellRun* thenRun,
                                        std::chrono::milliseconds thenTimeout = std::chrono::seconds(60),
                                        qsizetype thenMaxOutput = 32 * 1024 * 1024);

} // namespace mtls
