#pragma once

// A throwaway nginx or Apache installation serving an "old site" on one loopback port, for the tests of apply and
// rollback; the site apply writes listens on another (newPort).

#include "MtlsFixture.h"
#include "TestProcess.h"
#include "server/ThrowawayServer.h"

#include <QTemporaryDir>

#include <memory>

// GET http://127.0.0.1:PORT/ with curl: the body.
QByteArray plainGet(quint16 port);

struct Throwaway
{
    explicit Throwaway(mtls::ServerKind serverKind);
    mtls::ServerKind kind;
    quint16 oldPort = freeLoopbackPort();
    quint16 newPort = 0;
    std::unique_ptr<mtls::ThrowawayServer> server;
    QTemporaryDir stateDir; // readable by every user (apply may run as another user), writable by root alone

    // Prepares and starts the server with the old site (and `extraFile` as conf.d/00-user.conf).
    mtls::Status start(const QString& extraFile = QString());
    // --server, --server-root, --main-config, --binary, --state-dir (and --prefix for nginx).
    QStringList installationArgs() const;
};

// Starts Apache `t` with another TLS site of the user's on a free port, whose certificate and key are copies of the
// fixture's in `dir`. Returns that certificate's path (empty on failure): damaged after the start (damageCertificate),
// the configuration test still passes and the next graceful restart stops Apache.
QString startWithOtherTlsSite(Throwaway& t, const MtlsFixture& fixture, const QString& dir);
bool damageCertificate(const QString& path);

// Copies the files cliApplyArguments() names from the fixture into `dir`, readable by every user (for the runs as
// another user).
bool shareApplyMaterial(const MtlsFixture& fixture, const QString& dir);

// `apply` for localhost on t.newPort with the files server.crt, server.key, chain.pem, chatca.crt and root.crt of
// `materialDir`, the upstream URL and the webhook path /im/callback.
QStringList cliApplyArguments(const Throwaway& t, const QString& materialDir, const QString& upstream);

// A server program that takes 3 seconds to reload and otherwise is `real`, in the root-owned folder `dir` (install.sh
// runs only programs that only root can change): a connection can be killed while the change is surely running.
QString slowReloader(const QString& real, const QString& dir);
