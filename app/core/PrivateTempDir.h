#pragma once

// A private temporary folder (0700 on Unix) that does not outlive the run: removed by the destructor, by the
// signal handlers of SignalCleanup.h, and, when the run was killed outright, by sweepStale() at the next start.
// Its name is <tempPath>/<prefix>-<pid>-XXXXXX, so a later run can tell a dead run's folder from a living one's.

#include "SignalCleanup.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace mtls {

class PrivateTempDir
{
public:
    explicit PrivateTempDir(const QString& prefix);
    ~PrivateTempDir();
    PrivateTempDir(const PrivateTempDir&) = delete;
    PrivateTempDir& operator=(const PrivateTempDir&) = delete;

    bool isValid() const { return m_dir->isValid(); }
    QString errorString() const { return m_dir->errorString(); }
    QString path() const { return m_dir->path(); }
    QString filePath(const QString& name) const { return m_dir->filePath(name); }

    // Removes the folders <tempPath>/<prefix>-<pid>-* that this user owns and whose process no longer runs, after
    // killing (Linux) any process still running whose command line names one (a server that outlived a killed
    // run). Returns how many were removed.
    static int sweepStale(const QString& prefix);

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    CleanupRegistration m_cleanup;
};

} // namespace mtls
