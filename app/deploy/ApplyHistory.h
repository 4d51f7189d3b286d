#pragma once

#include "ApplyJournal.h"

#include <QList>

namespace mtls {

// The apply history of one server installation: the state directory holds one numbered folder per apply
// (steps/0001, steps/0002...), each with its own journal and the backups of what that apply replaced. Rollback
// steps back one apply at a time; a step's folder goes once it was rolled back or removed, so the backup of a
// user's original file lives until the setup that replaced it is undone. Every folder is checked before use (the
// rule OpenSSH applies to ~/.ssh: see fileops::checkTrustedFolder), and made by this process when missing.
class ApplyHistory
{
public:
    explicit ApplyHistory(QString stateDir);
    QString path() const { return m_path; }
    QString stepsDir() const;

    // Makes the state directory if needed and checks it and its parents; moves the journal of an older version
    // (journal.json and backups/ at the top of the state directory) into the first step.
    Status open() const;
    // The step numbers, oldest first. Each step folder (and its backups folder) is checked.
    Result<QList<int>> steps() const;
    ApplyStateDir step(int number) const;
    // A new step after the newest (a folder of its own, mode 0700).
    Result<ApplyStateDir> createStep() const;
    // The newest step, or an empty path when there is none.
    Result<ApplyStateDir> newestStep() const;

private:
    QString m_path;
};

} // namespace mtls
