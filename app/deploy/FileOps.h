#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QFileDevice>
#include <QList>
#include <QString>

namespace mtls {

struct JournalEntry;

// File operations of apply and rollback, made as root over trees other users may be able to touch: every target is
// created or replaced through its directory, walked to from "/" one folder at a time and held open (no link another
// user could change is followed, every folder on the way must be yours or root's and writable by its owner alone),
// with unpredictable exclusive temporary names; owner, group and mode are recorded and put back exactly.
namespace fileops {

// How a file is created: its mode bits (07777) and, when not -1, its owner and group.
struct FileMode
{
    int mode = 0600;
    int uid = -1;
    int gid = -1;
};
int modeBits(QFileDevice::Permissions permissions);

// Atomic write: a temporary file in the same directory (random name, O_EXCL, not following links), created with the
// final permissions, synced, then renamed over the target. With `strict`, the directory itself must not be a link.
Status writeAtomically(const QString& path, const QByteArray& content, QFileDevice::Permissions permissions);
Status writeAtomically(const QString& path, const QByteArray& content, const FileMode& mode, bool strict = false);
// Makes (or replaces) a symlink atomically: a temporary link renamed over the target (the directory must not be a
// link). `owner`: when not -1, the link's owner and group are set to it.
Status makeSymlink(const QString& target, const QString& linkTo, int uid = -1, int gid = -1);
// Records what is at `target` (kind, content, owner, group, mode) and copies it into `backupDir` (as `name`).
Result<JournalEntry> backup(const QString& target, const QString& backupDir, const QString& name);
// Puts back what `entry` recorded (or removes what was not there).
Status restore(const JournalEntry& entry);
// Removes what a killed write left beside `target` (its temporary copies).
void removeLeftovers(const QString& target);
// Makes one folder, mode 0755 whatever the umask, in its parent walked to without following links (an Error: it could
// not be made, was there already, or a folder on the way is refused).
Status makeFolder(const QString& dir);
// Removes `dir` when it is an empty folder (through its parent, walked to the same way); whether it did.
bool removeEmptyFolder(const QString& dir);
// Removes a folder apply made in its state directory, and what is in it, without following any link.
Status removeTree(const QString& dir);
// Whether the current user can create or replace files in `dir` (or in its nearest existing parent).
bool canWriteInto(const QString& dir);
// Whether `dir` (or its nearest existing parent) is on a filesystem mounted read-only.
bool isReadOnlyFilesystem(const QString& dir);

// The rule OpenSSH applies to ~/.ssh: `dir` must be a directory (not a link) owned by the running user or root and
// not writable by group or others; so must every folder above it up to "/" (one owned by root may be writable by
// others with the sticky bit, as /tmp; a link on the way made by the running user or root is followed and what it
// names checked the same way). Walked from "/" without following other links (FolderWalk). An Error names the first
// path that breaks the rule. A missing `dir` is fine when `mayBeMissing` (the folders on the way that exist are
// checked).
Status checkTrustedFolder(const QString& dir, bool mayBeMissing = false);
// Makes `dir` (mode 0700) and its missing parents (0755 for those above), then checks it as above.
Status makeTrustedFolder(const QString& dir);

// Space needed on the filesystem holding a path (the nearest existing parent of it).
struct SpaceNeed
{
    QString path;
    qint64 bytes = 0;
};
// An Error saying "Disk full" when a filesystem has less free space than needed plus a margin.
Status checkFreeSpace(const QList<SpaceNeed>& needs);

// Plain words for a failed system call on `path` (disk full and read-only filesystems said as such).
QString describeFailure(const QString& path, int error);

} // namespace fileops

} // namespace mtls
