#pragma once

// A local port forward over SSH, for reaching what listens on the server's loopback (the webhook application behind
// the server configuration, http://127.0.0.1:8080) from this machine: `ssh -N -L 127.0.0.1:LOCAL:HOST:PORT` with
// the connection settings of a deployment (sshArguments(): strict host key checking, no prompt, bounded), after the
// host key check. No command runs on the server and no root is needed: the login user is enough.

#include "SshTarget.h"

#include <QProcess>

#include <memory>

namespace mtls {

class SshPortForward
{
public:
    SshPortForward();
    ~SshPortForward(); // ends ssh
    SshPortForward(const SshPortForward&) = delete;
    SshPortForward& operator=(const SshPortForward&) = delete;

    // verifyHostKey(options), then starts ssh and waits (options.connectTimeout at most) until the local port
    // accepts connections. The Error carries the SSH_* finding (SshFindings.h, SshHostKey.h; a changed host key that
    // ssh refused is SSH_HOST_KEY_CHANGED, changedHostKeyError()); a forward the server refuses is SSH_FORWARD_FAILED.
    Status open(const SshOptions& options, const QString& host, quint16 port);
    // The port of 127.0.0.1 on this machine that leads to host:port on the server (0 before open()).
    quint16 localPort() const { return m_localPort; }
    // Ends ssh (also done by the destructor).
    void close();

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_localPort = 0;
};

} // namespace mtls
