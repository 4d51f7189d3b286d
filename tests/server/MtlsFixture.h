#pragma once

#include "TestPki.h"
#include "TestProcess.h"

#include <QTemporaryDir>

// Certificates for two-way TLS tests, made at run time in a temporary directory:
//   root.crt (server root CA) -> int.crt (intermediate) -> server.crt/.key for localhost and 127.0.0.1,
//   fullchain.pem (server + intermediate), chain.pem (intermediate);
//   chatca.crt (the stand-in for Chat's client CA) -> chat.crt/.key (a client like Chat's servers);
//   otherca.crt -> intruder.crt/.key (a client from another CA).
class MtlsFixture
{
public:
    bool make(); // false: see error()
    QString error() const { return m_error; }
    QString path(const QString& name) const { return m_dir.path() + QLatin1Char('/') + name; }
    QString dir() const { return m_dir.path(); }
    TestPki& pki() { return *m_pki; }

    // curl to https://localhost:PORT/PATH (resolved to 127.0.0.1) trusting root.crt; `client` names a
    // certificate ("chat", "intruder") or is empty. Output: the body, a newline and the HTTP status.
    ProcessResult curl(quint16 port, const QString& pathAndQuery, const QString& client,
                       const QStringList& extra = QStringList()) const;
    // openssl s_client to 127.0.0.1:PORT with SNI localhost; `client` as for curl.
    ProcessResult sClient(quint16 port, const QString& client, const QStringList& extra = QStringList()) const;

    QByteArray read(const QString& name) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestPki> m_pki;
    QString m_error;
};

// A description of a directory tree (relative path, type, permissions, owner, group, SHA-256 of the content or the
// link's target), to show that a tree is byte-for-byte as it was. Top-level entries named in `skip` are left out (a
// server's own runtime files: logs, run, tmp).
QStringList treeDigest(const QString& root,
                       const QStringList& skip
                       = {QStringLiteral("logs"), QStringLiteral("run"), QStringLiteral("tmp")});
// Waits (bounded) until 127.0.0.1:port accepts, or no longer accepts, connections; returns whether it did.
bool waitForPortState(quint16 port, bool accepting, int timeoutMs = 10000);

// The SHA-256 (hex) of the certificate an `openssl s_client` run was presented with; empty when none.
QString servedLeaf(const ProcessResult& handshake);
// "uid:gid mode" (mode in octal) of a file, not following a link; empty when it does not exist.
QString ownerMode(const QString& path);
