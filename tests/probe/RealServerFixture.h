#pragma once

#include "TestPki.h"
#include "TestProcess.h"
#include "probe/ProbeTypes.h"
#include "server/ServerKind.h"

#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// One server configuration to probe, in words that apply to nginx and Apache alike.
struct SiteSpec
{
    QString verify = QStringLiteral("require"); // "require", "optional" or "none"
    QString serverCert = QStringLiteral("server"); // TestPki name of the server certificate
    QString clientCa = QStringLiteral("chatca"); // TestPki name of the CA the server trusts for callers
    QString protocols; // empty: the server's default; else for example "TLSv1.2" or "TLSv1 TLSv1.1 TLSv1.2"
    bool weakCiphers = false; // "DEFAULT:@SECLEVEL=0", so that old versions can really be negotiated
};

// What curl saw.
struct CurlView
{
    int exitCode = -1;
    int httpStatus = -1;
};

// What `openssl s_client` printed.
struct SClientView
{
    bool connected = false;
    QString protocol; // "TLSv1.3"
    bool caNamesSent = false;
    QStringList caNames; // "CN=..." (spaces around '=' removed)
    bool verified = false;
};

// The PKI, site configurations and reference clients shared by the probe's real-server tests.
class RealServerFixture
{
public:
    bool init(QString* error);

    QString pkiPath(const QString& file) const { return m_pki->path(file); }
    mtls::Certificate certificate(const QString& name) const;
    mtls::PrivateKey key(const QString& name) const;

    QString siteConfig(mtls::ServerKind kind, quint16 port, quint16 upstreamPort, const SiteSpec& spec) const;
    mtls::ProbeOptions probeOptions(quint16 port, const QString& clientName = QStringLiteral("client")) const;

    CurlView curl(quint16 port, bool insecure, const QString& clientName = QString()) const;
    SClientView sClient(quint16 port) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestPki> m_pki;
};
