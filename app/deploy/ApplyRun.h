#pragma once

// What apply, rollback, remove and recovery share (internal to app/server).

#include "ApplyHistory.h"
#include "ApplyProgress.h"
#include "ApplyVerification.h"
#include "InstallationLock.h"

#include <functional>
#include <memory>

namespace mtls::applyrun {

// The steps of an apply or a rollback: each is told to the caller's progress callback as it happens, and the
// counted ones are marked for the test hooks that end the process between two steps (MTLS_APPLY_EXIT_AFTER_STEP) or
// stop it there until it is continued (MTLS_APPLY_STOP_AFTER_STEP, Unix: SIGSTOP, then SIGCONT from the test).
class Steps
{
public:
    explicit Steps(ApplyProgressCallback progress = {});
    // Tells the caller, without counting the step for the test hook.
    void report(ApplyProgress::Kind kind, const QString& path, const QString& text);
    void failed(const QString& path, const QString& why);
    bool failedReported() const { return m_failedReported; }
    // Marks a counted step (the hook may end the process right here).
    void done(const char* what);
    void done(const char* what, ApplyProgress::Kind kind, const QString& path, const QString& text);

private:
    ApplyProgressCallback m_progress;
    int m_exitAfter = 0;
    int m_stopAfter = 0;
    int m_count = 0;
    bool m_failedReported = false;
};

QString nativePath(const QString& path);
QString stateDirFor(const ServerInstallation& installation, const QString& given);

// One run at a time per server installation (whoever runs it), and a trusted history to keep the journals in.
struct Session
{
    std::shared_ptr<InstallationLock> lock;
    ApplyHistory history {QString()};
};
Result<Session> openSession(const ServerInstallation& installation, const QString& stateDir);

// A step's journal, loaded and checked: every path it names belongs to the installation.
Result<ApplyJournal> loadStep(const ServerInstallation& installation, const ApplyStateDir& step);

// Puts back every entry (last first), removes the directories apply created (when empty) and what killed writes
// left. Collects what failed. With `steps`, each file put back is reported (only those in `changed`, when given).
Status undo(const ApplyJournal& journal, Steps* steps = nullptr, const QStringList* changed = nullptr);

QJsonObject verificationRecord(const VerificationTarget& target, const ServedNames& before);
ApplyVerifier verifierFromJournal(const ServerInstallation& installation, const ApplyJournal& journal);
bool siteExistedBefore(const ApplyJournal& journal);

// Reloads the server after its previous files were put back, and checks from outside that it serves as it did
// (`verify`); `check` says which comparison that is, for the words of the steps.
enum class PreviousCheck { AfterFailedApply, AfterRollback };
Status reloadPrevious(const ServerInstallation& installation, const std::function<Status()>& verify, Steps& steps,
                      PreviousCheck check);

// Finishes what a killed run left in the history (see recoverInterruptedApply). Needs the session's lock.
Result<QString> recover(const ServerInstallation& installation, const ApplyHistory& history);

} // namespace mtls::applyrun
