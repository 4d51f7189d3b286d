#pragma once

#include "FileOps.h"
#include "core/Result.h"
#include "server/ServerDiscovery.h"

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
    // Type::File: the mode bits, owner and group to write it with instead (-1: from `permissions`, this process's
    // owner). The merge mode keeps those of the user's file it edits.
    int mode = -1;
    int uid = -1;
    int gid = -1;
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
    int permissions = 0; // of the old file (Qt's flags; kept for journals written before `mode`)
    int mode = -1; // of the old file or link: st_mode & 07777 (-1: unknown, from an older journal)
    int uid = -1; // owner and group of the old file or link (-1: unknown)
    int gid = -1;
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
        RolledBack, // everything was put back (journals of older versions; the step is then dropped)
        RollingBack, // rollback or remove is putting the files back (the next run finishes it)
        Restored, // every file is back; the server was not yet reloaded (the next run reloads and verifies)
    };
    State state = State::Started;
    QString server; // "nginx" / "apache"
    QString domain;
    QString configRoot;
    QString siteFile;
    QString certDir; // <certDir>/<domain>: the folder of this domain's certificate files
    QStringList createdDirs; // directories apply created, in creation order
    QList<JournalEntry> entries;
    // What a later rollback verifies from outside (see ApplyVerification): "listen" (addresses), "leaf_sha256" (the
    // certificate installed) and "served_before" (what each name on the port presented before the apply).
    QJsonObject verification;

    QJsonObject toJson() const;
    static Result<ApplyJournal> fromJson(const QJsonObject& object);
    // Whether every path the journal names belongs to `installation` (its configuration root, site and enabled
    // folders, certificate folder, main configuration file) and every backup lies in `backupDir`: a journal
    // edited to name any other path is refused before anything is done with it.
    Status validate(const ServerInstallation& installation, const QString& backupDir) const;
};
QString journalStateName(ApplyJournal::State state);

// One step of the apply history: a folder with journal.json and backups/.
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
    Status clear() const; // removes the folder, its journal and backups (without following links)

private:
    QString m_path;
};

} // namespace mtls
