#pragma once

#include "ServerDiscovery.h"
#include "core/Result.h"

namespace mtls {

// Runs an installed server's binary for one installation: test the configuration, reload the running server,
// show the effective configuration. Blocking; no event loop needed.
class ServerControl
{
public:
    explicit ServerControl(ServerInstallation installation);

    // `nginx -t` / `apache2 -t` (Debian: `apache2ctl configtest`). On failure the Error's detail is the server's
    // own output.
    Status test() const;
    // `nginx -s reload` / `apache2 -k graceful` (Debian: `apache2ctl graceful`): the running server re-reads its
    // configuration. An Error when the server refuses or is not running.
    Status reload() const;
    // `nginx -T` / `apache2 -S`: the effective configuration (nginx) or the virtual host list (Apache).
    Result<QString> dumpConfiguration() const;
    // Every configuration file the server reads, main file first (nginx -T's file markers; Apache's
    // `-t -D DUMP_INCLUDES`).
    Result<QStringList> configurationFiles() const;

    // The server's error output with, for each "FILE:LINE" / "line N of FILE" that names `file`, the text of
    // that line from `text` (our file), so the user sees which of our lines the server refused.
    static QString explainError(const QString& output, const QString& file, const QString& text);

    // Test hook: the environment variable MTLS_TEST_FAIL_RELOAD=1 makes reload() fail as if the server had
    // refused (used by the apply fault tests, which cannot otherwise make a real reload fail on demand).

private:
    Result<QString> run(const QStringList& arguments, bool useControlScript, int timeoutMs) const;
    QString controlScript() const; // apache2ctl/apachectl next to the binary, Debian layout only

    ServerInstallation m_installation;
};

} // namespace mtls
