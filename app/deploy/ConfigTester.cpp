#include "ConfigTester.h"

#include "ApplyJournal.h"
#include "core/PrivateTempDir.h"
#include "server/ServerControl.h"
#include "server/ThrowawayServer.h"

#include <QCoreApplication>
#include <QTcpServer>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ConfigTester)
};

} // namespace

Status proveConfiguration(const ServerConfigRequest& original, const ApplyMaterial& material, const QString& binary)
{
    // The key copies live in a private folder that goes with this run, even an interrupted one.
    PrivateTempDir::sweepStale(QStringLiteral("mtls-assistant-proof"));
    PrivateTempDir dir(QStringLiteral("mtls-assistant-proof"));
    if (!dir.isValid())
        return Error {Text::tr("Cannot create a temporary directory to test the configuration."), {}};
    const auto privateMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    ServerConfigRequest request = original;
    request.certificatePath = dir.filePath(QStringLiteral("fullchain.pem"));
    request.keyPath = dir.filePath(QStringLiteral("privkey.pem"));
    request.clientCaPath = dir.filePath(QStringLiteral("client-ca.pem"));
    request.chainPath = material.chainPem.isEmpty() ? QString() : dir.filePath(QStringLiteral("chain.pem"));
    request.accessLogPath = dir.filePath(QStringLiteral("webhook.log"));
    for (const auto& [path, pem] :
         {std::pair {request.certificatePath, material.fullChainPem}, std::pair {request.keyPath, material.keyPem},
          std::pair {request.clientCaPath, material.clientCaPem}, std::pair {request.chainPath, material.chainPem}}) {
        if (path.isEmpty())
            continue;
        if (auto written = fileops::writeAtomically(path, pem, privateMode); !written)
            return written;
    }
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return Error {Text::tr("No free loopback port to test the configuration on."), {}};
    const quint16 port = probe.serverPort();
    probe.close();
    request.listen = {ListenAddress {QStringLiteral("127.0.0.1"), port}};
    request.apacheListen = true;
    auto generated = generateServerConfig(request);
    if (!generated)
        return generated.error();

    ThrowawayServerOptions options;
    options.kind = request.server;
    options.binary = binary;
    options.port = port;
    options.addListen = false;
    options.siteConfig = generated->text;
    ThrowawayServer server(options);
    Status proved = request.server == ServerKind::Nginx ? server.test() : server.start();
    if (!proved) {
        Error error = proved.error();
        error.detail = ServerControl::explainError(error.detail, server.siteConfigPath(), generated->text);
        return error;
    }
    return {};
}

} // namespace mtls
