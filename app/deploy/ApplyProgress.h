#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace mtls {

// One step of an apply or a rollback, reported as it happens so that a front end can show it live.
struct ApplyProgress
{
    enum class Kind {
        Recovered, // an earlier interrupted apply was finished or rolled back first (text says which)
        BackedUp, // path: an existing file that will be replaced, copied to the apply state directory
        DirectoryMade, // path: a directory that did not exist
        Written, // path: a file written or a link made
        Tested, // the server's configuration test (and for Apache the trial start) passed
        Reloaded, // the server reloaded (after a rollback: the previous configuration again)
        Failed, // path: the file concerned, if any; text: why
        RollingBack, // everything apply changed is being put back
        Restored, // path: a file put back as it was, or removed because it did not exist before
        DirectoryRemoved, // path: a directory apply had made, removed again
        RolledBack, // every file is as it was before
        Verified, // checked from outside: the server answers, serves what it should, refuses strangers (text says)
        Remote, // over SSH: a line install.sh printed on the server (escaped), or what the remote executor did
    };
    Kind kind = Kind::Written;
    QString path; // absolute, may be empty
    QString text; // plain words for the user, whole line ("Written: /etc/nginx/...")

    QJsonObject toJson() const; // {"step": "written", "path": "...", "text": "..."}
    static std::optional<ApplyProgress> fromJson(const QJsonObject& object); // nullopt: not a known step
};

// A stable lower-case name of a kind ("written", "rolled_back"...), for JSON output.
QString applyProgressKindName(ApplyProgress::Kind kind);

// Called on the thread that runs apply or rollback, once per step, in order. Must not block for long.
using ApplyProgressCallback = std::function<void(const ApplyProgress&)>;

} // namespace mtls
