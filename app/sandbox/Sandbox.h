#pragma once

#include "SandboxPki.h"
#include "core/Result.h"
#include "probe/ProbeTypes.h"
#include "server/ConfigGenerator.h"
#include "server/ServerKind.h"

#include <QElapsedTimer>

#include <functional>
#include <memory>

namespace mtls {

class PrivateTempDir;

class ThrowawayServer;
class WebhookUpstream;

// What the sandbox did and saw.
struct SandboxReport
{
    ServerKind server = ServerKind::Nginx;
    QString serverBinary;
    QString prefix; // where everything lives while it runs
    QString url; // the webhook URL that was probed
    GeneratedConfig config; // from the real generator
    ProbeReport probe; // without and with the test client certificate
    int requestsReachingApplication = 0; // how many requests got through to the webhook application
    qint64 elapsedMs = 0;

    // The setup did its job: the caller without a certificate was refused, the one with it got through,
    // and the probe found no error.
    bool ok() const;
};

// The whole job on one machine: a throwaway PKI, the configuration from the real generator, the real server
// on a free loopback port under a temporary prefix, a webhook application, and the probe. Everything is stopped
// and removed by the destructor.
class Sandbox
{
public:
    using ProgressCallback = std::function<void(const QString& what)>;

    explicit Sandbox(ServerKind server);
    ~Sandbox();
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;

    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }
    // The server program to run; empty (the default): found in PATH and the usual places.
    void setServerBinary(const QString& path) { m_binaryHint = path; }
    // Runs everything and leaves the server and the application running until stop() or the destructor.
    // An Error says what could not be done (for example the package to install when the server is missing).
    Result<SandboxReport> run();
    // Stops the server and the application and removes the temporary files.
    void stop();
    bool isRunning() const;
    QString prefix() const;

private:
    void progress(const QString& what) const;

    ServerKind m_server;
    ProgressCallback m_progress;
    QString m_binaryHint;
    std::unique_ptr<PrivateTempDir> m_dir;
    std::unique_ptr<WebhookUpstream> m_upstream;
    std::unique_ptr<ThrowawayServer> m_throwaway;
};

} // namespace mtls
