#pragma once

#include "ServerKind.h"
#include "core/Result.h"
#include "core/SignalCleanup.h"

#include <QString>
#include <QStringList>

#include <memory>

class QProcess;

namespace mtls {

class PrivateTempDir;

// Where and how a throwaway server runs. Only `kind`, `siteConfig` and `port` are needed in most cases.
struct ThrowawayServerOptions
{
    ServerKind kind = ServerKind::Nginx;
    // The site configuration text, written to PREFIX/site.conf and included from the generated main config:
    // for nginx inside `http {}` (a `server {}` block), for Apache at the top level (a `<VirtualHost>`).
    // It may be ours or hand-written; it names its own `listen` (nginx) / `<VirtualHost addr:port>` (Apache).
    QString siteConfig;
    // The loopback address and port the site listens on. start() waits until they accept connections.
    // For Apache the main config adds `Listen host:port` (unless addListen is false), since a VirtualHost
    // file has no Listen of its own.
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    bool addListen = true;
    // The installation directory. Empty: a private temporary directory, removed by the destructor.
    // A given directory is created when missing and is left in place (with what the server wrote into it).
    QString prefix;
    // The server program; empty: found in PATH and /usr/sbin (see findServerBinary()).
    QString binary;
    // Apache only: modules loaded by the main config besides the default set (mpm_event, authz_core, ssl,
    // socache_shmcb, mime, dir, alias, headers, setenvif, proxy, proxy_http). Names without "mod_": "rewrite".
    QStringList extraApacheModules;
    // Extra lines for the main config: inside `http {}` for nginx, at the top level for Apache.
    QString mainConfigExtra;
    // How long start() waits for the port, and stop() for the server to end, in milliseconds.
    int startTimeoutMs = 10000;
    int stopTimeoutMs = 5000;
};

// A real nginx or Apache (the installed binary) run as a throwaway installation under a private prefix, on a
// loopback port, for the sandbox and for tests. The main config is generated; it includes, in this order:
//   PREFIX/site.conf                 the site text of the options (setSiteConfig() replaces it)
//   PREFIX/conf.d/*.conf             nginx and Apache: files added later, e.g. by apply in tests
//   PREFIX/sites-enabled/*           idem, the Debian way
// Logs go to PREFIX/logs (error.log, access.log, stderr.log); pid and runtime files to PREFIX/logs or PREFIX/run.
//
// The server runs in the foreground as a child process in its own process group (nginx `daemon off`, Apache
// -DFOREGROUND), so stop() and the destructor can always end and reap it, whatever the test did. It never outlives
// this process: SIGKILL when it dies (Linux), its group killed and its private prefix removed on SIGINT, SIGTERM or
// SIGHUP (installCleanupOnSignals()), and a prefix left by a killed run removed at the next start.
// Its environment holds no secret variable (ChildProcess.h).
// As root, nginx workers and Apache children run as nobody (and nobody's group); the prefix is made world-readable (the
// master reads certificates and keys as root before dropping privileges, so key files may stay private). As a normal
// user everything runs as that user.
//
// Blocking API, no event loop needed; use an object from one thread.
class ThrowawayServer
{
public:
    explicit ThrowawayServer(ThrowawayServerOptions options);
    ~ThrowawayServer(); // stops the server and reaps every process it started
    ThrowawayServer(const ThrowawayServer&) = delete;
    ThrowawayServer& operator=(const ThrowawayServer&) = delete;

    // Writes the prefix (main config, site.conf, directories). Called by test() and start() when not done yet;
    // call it directly to inspect or add files (conf.d/) before starting.
    Status prepare();
    // Replaces PREFIX/site.conf. Takes effect at the next test(), start() or reload().
    Status setSiteConfig(const QString& text);

    // `nginx -t` / `apache2 -t` on the whole configuration. On failure the Error's detail is the server's own output.
    Status test();
    // test(), then starts the server and waits (bounded by startTimeoutMs) until host:port accepts connections.
    // On failure the Error's detail is the server's output and the end of its error log.
    Status start();
    // Asks the running server to re-read its configuration (`nginx -s reload` / `apache2 -k graceful`) and waits
    // until the port accepts connections again. Tests the configuration first; a failing test leaves the old one
    // serving and returns the Error.
    Status reload();
    // Stops the server (graceful, then SIGKILL to its process group after stopTimeoutMs) and reaps it.
    void stop();
    bool isRunning() const;

    ServerKind kind() const { return m_options.kind; }
    QString prefix() const; // absolute, no trailing slash
    QString binary() const { return m_binary; } // empty until prepare() succeeded
    QString mainConfigPath() const; // PREFIX/nginx.conf or PREFIX/httpd.conf
    QString siteConfigPath() const; // PREFIX/site.conf
    QString errorLogPath() const; // PREFIX/logs/error.log
    QString host() const { return m_options.host; }
    quint16 port() const { return m_options.port; }
    // "https://127.0.0.1:PORT" style base URL (IPv6 hosts in brackets).
    QString baseUrl() const;
    // The arguments that select this installation, for running the binary by hand:
    // nginx: {"-p", PREFIX + "/", "-e", ERRORLOG, "-c", CONF}; Apache: {"-d", PREFIX, "-f", CONF}.
    QStringList selectArguments() const;
    // The last lines of the error log, for messages.
    QString errorLogTail(int lines = 30) const;

private:
    QString mainConfigText() const;
    Result<QString> runBinary(const QStringList& arguments, int timeoutMs) const;
    bool waitForPort(int timeoutMs) const;

    ThrowawayServerOptions m_options;
    std::unique_ptr<PrivateTempDir> m_tempDir;
    std::unique_ptr<QProcess> m_process;
    qint64 m_pid = 0; // the master's pid, also its process group
    CleanupRegistration m_groupCleanup; // killed on SIGINT/SIGTERM/SIGHUP
    QString m_prefix;
    QString m_binary;
    bool m_prepared = false;
};

} // namespace mtls
