#pragma once

// Internal to app/server (Unix): a folder opened by walking to it from "/" one component at a time, each folder
// held open while the next is opened from it, never following a link another user could have planted.

#include <QString>

namespace mtls::fileops {

class FolderWalk
{
public:
    // Walks to `dir`. Every folder on the way must belong to the running user or to root and must not be writable by
    // group or others (a root-owned folder with the sticky bit, as /tmp, is accepted on the way, not as `dir`
    // itself); a link on the way is followed only when it belongs to the running user or to root (it then sits in a
    // folder only they can write into), and `dir` itself must not be a link (the rule OpenSSH applies to ~/.ssh).
    explicit FolderWalk(const QString& dir);
    ~FolderWalk();
    FolderWalk(const FolderWalk&) = delete;
    FolderWalk& operator=(const FolderWalk&) = delete;

    bool ok() const { return m_fd >= 0; }
    int fd() const { return m_fd; }
    // Hands the descriptor over to the caller (who closes it).
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }
    // When not ok(): the system's error (ENOENT: a folder on the way is missing), and where the walk stopped.
    int error() const { return m_error; }
    QString stoppedAt() const { return m_stoppedAt; }
    // When not ok() because a folder on the way breaks the rule: the refusal, naming it ("Refused: ...").
    QString refusal() const { return m_refusal; }

private:
    int m_fd = -1;
    int m_error = 0;
    QString m_stoppedAt;
    QString m_refusal;
};

} // namespace mtls::fileops
