#pragma once

// The webhook logs of a server reached over SSH, followed through the deployment's root shell: where they are (as
// installedWebhookLogPath() decides on this machine, with the folders looked at on the server), and `tail -v -n 0 -F`
// on the server, each line given to a WebhookWatcher as if it had been read here. Shared by `watch --ssh` and the
// wizard's page of the first call.

#include "core/Result.h"
#include "server/ServerDiscovery.h"

#include <chrono>
#include <functional>

namespace mtls {

class ShellSession;
class WebhookWatcher;

struct RemoteWebhookLogs
{
    QString accessLog;
    QString errorLog; // empty: none (Apache's handshake refusals are in the site's error log)
};

// The logs of the setup for `domain` on `installation` (found on the server): the access log where the generated
// configuration writes it, and beside it the error log when the server is Apache or the file exists. `givenLog` and
// `givenErrorLog` win when set. An Error when the access log's folder does not exist on the server.
Result<RemoteWebhookLogs> remoteWebhookLogs(ShellSession& shell, const ServerInstallation& installation,
                                            const QString& domain, const QString& givenLog = QString(),
                                            const QString& givenErrorLog = QString());

struct RemoteFollowEvents
{
    std::function<void()> following; // tail has opened the logs (once)
    std::function<void(const QString& message)> notice; // tail's own messages: a log not there yet, one rotated
};

// Follows `logs` on the server until `limit` passes, ShellSession::stop() is called (from any thread) or the
// connection fails: each line to `watcher` (readAccessLine / readErrorLine). The watcher's callSeen is emitted on the
// calling thread. An Error when the connection failed before `limit`, or tail could not follow the logs at all.
Status followRemoteLogs(ShellSession& shell, const RemoteWebhookLogs& logs, WebhookWatcher& watcher,
                        std::chrono::milliseconds limit, const RemoteFollowEvents& events = {});

} // namespace mtls
