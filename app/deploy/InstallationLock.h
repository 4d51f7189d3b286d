#pragma once

#include "core/Result.h"
#include "server/ServerDiscovery.h"

#include <memory>

class QLockFile;

namespace mtls {

// One apply or rollback at a time per server installation, whoever runs it: the lock is keyed by the
// installation's configuration root, not by the user's state directory, so runs under two accounts (or two HOMEs)
// on one server tree wait for each other. On Unix it is an advisory lock (flock) on the configuration root
// directory itself: nothing is created, so there is no file another user could plant or replace. Elsewhere a lock
// file in the system's temporary directory, named after the root.
class InstallationLock
{
public:
    // Fails at once (never waits) when another run holds the lock; the Error says which case it is.
    static Result<std::shared_ptr<InstallationLock>> acquire(const ServerInstallation& installation);
    ~InstallationLock();
    InstallationLock(const InstallationLock&) = delete;
    InstallationLock& operator=(const InstallationLock&) = delete;

private:
    InstallationLock() = default;
    int m_fd = -1;
    std::unique_ptr<QLockFile> m_file;
};

} // namespace mtls
