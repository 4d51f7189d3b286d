#include "Sandbox.h"

#include "WebhookUpstream.h"
#include "core/Logging.h"
#include "core/PrivateTempDir.h"
#include "probe/Prober.h"
#include "server/ServerBinary.h"
#include "server/ThrowawayServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>

namespace mtls {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::Sandbox)
};

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

const QString kWebhookPath = QStringLiteral("/im/callback");

} // namespace

bool SandboxReport::ok() const
{
    return probe.ok() && probe.withClientCertificate == CallerOutcome::Accepted
        && (probe.withoutClientCertificate == CallerOutcome::RejectedByHttpStatus
            || probe.withoutClientCertificate == CallerOutcome::RejectedInHandshake);
}

Sandbox::Sandbox(ServerKind server)
    : m_server(server)
{
}

Sandbox::~Sandbox()
{
    stop();
}

void Sandbox::progress(const QString& what) const
{
    qCDebug(lcSandbox) << what;
    if (m_progress)
        m_progress(what);
}

bool Sandbox::isRunning() const
{
    return m_throwaway && m_throwaway->isRunning();
}

QString Sandbox::prefix() const
{
    return m_dir ? m_dir->path() : QString();
}

void Sandbox::stop()
{
    if (m_throwaway) {
        qCDebug(lcSandbox) << "stopping the server";
        m_throwaway->stop();
    }
    m_throwaway.reset();
    if (m_upstream) {
        qCDebug(lcSandbox) << "stopping the webhook application";
        m_upstream->stop();
    }
    m_upstream.reset();
    if (m_dir)
        qCDebug(lcSandbox) << "removing" << m_dir->path();
    m_dir.reset(); // removes every file
}

Result<SandboxReport> Sandbox::run()
{
    QElapsedTimer clock;
    clock.start();
    stop();
    SandboxReport report;
    report.server = m_server;
    auto binary = findServerBinary(m_server, m_binaryHint);
    if (!binary)
        return binary.error();
    report.serverBinary = binary.value();

    progress(Text::tr("Making a throwaway test PKI (server CA, server certificate, stand-in Chat client CA, client "
                      "certificate)"));
    auto pki = SandboxPki::make();
    if (!pki)
        return pki.error();
    PrivateTempDir::sweepStale(QStringLiteral("mtls-sandbox")); // what a killed run left
    m_dir = std::make_unique<PrivateTempDir>(QStringLiteral("mtls-sandbox"));
    if (!m_dir->isValid())
        return Error {Text::tr("Cannot create a temporary directory."), m_dir->errorString()};
    report.prefix = m_dir->path();
    // The server's unprivileged workers must be able to pass through; the keys inside stay 0600.
    QFile::setPermissions(report.prefix,
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
    const QString pkiDir = m_dir->path() + QStringLiteral("/pki");
    if (!QDir().mkpath(pkiDir))
        return Error {Text::tr("Cannot create %1.").arg(pkiDir), QString()};
    if (Status written = pki->writeTo(pkiDir); !written)
        return written.error();

    progress(Text::tr("Starting the webhook application"));
    m_upstream = std::make_unique<WebhookUpstream>();
    if (Status up = m_upstream->start(); !up)
        return up.error();

    progress(Text::tr("Generating the %1 configuration").arg(serverKindDisplayName(m_server)));
    const quint16 port = freeLoopbackPort();
    if (port == 0)
        return Error {Text::tr("No free port on 127.0.0.1."), QString()};
    ServerConfigRequest request;
    request.server = m_server;
    request.domain = QStringLiteral("localhost");
    request.listen = {ListenAddress {QStringLiteral("127.0.0.1"), port}};
    request.certificatePath = pkiDir + QStringLiteral("/server.crt");
    request.keyPath = pkiDir + QStringLiteral("/server.key");
    request.clientCaPath = pkiDir + QStringLiteral("/chat-client-ca.crt");
    request.upstreamUrl = m_upstream->url();
    request.webhookPath = kWebhookPath;
    request.producedBy = QStringLiteral("mtls-assistant-cli sandbox");
    request.accessLogPath = m_dir->path() + QStringLiteral("/server/logs/webhook.log");
    auto config = generateServerConfig(request);
    if (!config)
        return config.error();
    report.config = config.value();

    progress(Text::tr("Starting %1 on 127.0.0.1:%2").arg(serverKindDisplayName(m_server)).arg(port));
    ThrowawayServerOptions options;
    options.kind = m_server;
    options.binary = report.serverBinary;
    options.siteConfig = report.config.text;
    options.port = port;
    options.addListen = false; // the generated file has its own Listen line
    options.prefix = m_dir->path() + QStringLiteral("/server");
    options.extraApacheModules = report.config.apacheModules;
    m_throwaway = std::make_unique<ThrowawayServer>(options);
    if (Status started = m_throwaway->start(); !started)
        return started.error();

    report.url = QStringLiteral("https://localhost:%1%2?SdkAppid=1400000000&CallbackCommand=State.StateChange")
                     .arg(port)
                     .arg(kWebhookPath);
    progress(Text::tr("Probing %1 without and with the client certificate").arg(report.url));
    ProbeOptions probe;
    probe.url = QUrl(report.url);
    probe.serverCas = {pki->serverCa};
    probe.expectedClientCa = pki->chatClientCa;
    probe.clientCertificate = pki->clientCertificate;
    probe.clientKey = pki->clientKey;
    auto probed = Prober(probe).run();
    if (!probed)
        return probed.error();
    report.probe = probed.value();
    report.requestsReachingApplication = m_upstream->requestCount();
    report.elapsedMs = clock.elapsed();
    return report;
}

} // namespace mtls
