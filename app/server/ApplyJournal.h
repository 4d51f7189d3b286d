#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QFileDevice>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mtls {

// One change apply makes: write a file, or make a symbolic link.
struct ApplyChange
{
    enum class Type { File, Symlink };
    Type type = Type::File;
    QString target; // absolute path
    QByteArray content; // Type::File
    QFileDevice::Permissions permissions; // Type::File
    QString linkTo; // Type::Symlink: what the link points to (relative or absolute)
};

// What was there before a change, so it can be put back.
struct JournalEntry
{
    QString target;
    bool existed = false;
    bool wasSymlink = false;
    QString linkTarget; // when it was a symlink
    QString backup; // copy of the old file, in the state directory
    int permissions = 0; // of the old file
};

// The apply journal: written (atomically, and synced) before any change, updated at each stage, so an interrupted
// apply can be finished or rolled back by the next run. It lives in a state directory of its own with the
// backups; it never goes into the server's tree.
struct ApplyJournal
{
    enum class State {
        Started, // journal written; directories, backups and files may be partly done
        Written, // every file is in place; the server was not yet reloaded
        Reloaded, // the server reloaded the new configuration
        Done, // finished; the backups are kept for `rollback`
        RolledBack, // everything was put back
    };
    State state = State::Started;
    QString server; // "nginx" / "apache"
    QString domain;
    QString configRoot;
    QString siteFile;
    QStringList createdDirs; // directories apply created, in creation order
    QList<JournalEntry> entries;
    // What a later rollback verifies from outside (see ApplyVerification): "listen" (addresses), "leaf_sha256" (the
    // certificate installed) and "served_before" (what each name on the port presented before the apply).
    QJsonObject verification;

    QJsonObject toJson() const;
    static Result<ApplyJournal> fromJson(const QJsonObject& object);
};
QString journalStateName(ApplyJournal::State state);

// The state directory: journal.json, backups/, and a lock file.
class ApplyStateDir
{
public:
    explicit ApplyStateDir(QString path);
    QString path() const { return m_path; }
    QString journalPath() const;
    QString backupDir() const;

    bool hasJournal() const;
    Result<ApplyJournal> load() const;
    Status save(const ApplyJournal& journal) const; // atomic replace + fsync
    Status clear() const; // removes the journal and backups

private:
    QString m_path;
};

namespace fileops {
// Atomic write (QSaveFile: temp file in the same directory, then rename), then the permissions.
Status writeAtomically(const QString& path, const QByteArray& content, QFileDevice::Permissions permissions);
// Makes (or replaces) a symlink atomically: a temporary link renamed over the target.
Status makeSymlink(const QString& target, const QString& linkTo);
// Records what is at `target` and copies it into `backupDir` (as `name`).
Result<JournalEntry> backup(const QString& target, const QString& backupDir, const QString& name);
// Puts back what `entry` recorded (or removes what was not there).
Status restore(const JournalEntry& entry);
// Whether the current user can create or replace files in `dir` (or in its nearest existing parent).
bool canWriteInto(const QString& dir);
} // namespace fileops

} // namespace mtls
