#include "SetupModel.h"

#include "pki/DomainName.h"
#include "server/ConfigSyntax.h"

#include <QFileInfo>
#include <QUrl>

namespace mtls {

QString certificateSourceName(CertificateSource source)
{
    return source == CertificateSource::IssuedByChat ? QStringLiteral("issued-by-chat") : QStringLiteral("own-ca");
}

std::optional<CertificateSource> certificateSourceFromName(const QString& name)
{
    if (name == QLatin1String("own-ca"))
        return CertificateSource::OwnCa;
    if (name == QLatin1String("issued-by-chat"))
        return CertificateSource::IssuedByChat;
    return std::nullopt;
}

QString setupTargetName(SetupTarget target)
{
    switch (target) {
    case SetupTarget::ThisMachine:
        break;
    case SetupTarget::Export:
        return QStringLiteral("export");
    case SetupTarget::Ssh:
        return QStringLiteral("ssh");
    }
    return QStringLiteral("this-machine");
}

std::optional<SetupTarget> setupTargetFromName(const QString& name)
{
    if (name == QLatin1String("this-machine"))
        return SetupTarget::ThisMachine;
    if (name == QLatin1String("export"))
        return SetupTarget::Export;
    if (name == QLatin1String("ssh"))
        return SetupTarget::Ssh;
    return std::nullopt;
}

QString webhookPathFromInput(const QString& input)
{
    const QString trimmed = input.trimmed();
    if (!trimmed.contains(QLatin1String("://")))
        return QStringLiteral("/");
    const QUrl url(trimmed);
    const QString path = url.path();
    return path.isEmpty() ? QStringLiteral("/") : path;
}

bool isValidWebhookPath(const QString& path)
{
    // The generator's own rule, so the wizard and the configuration can never disagree.
    return path.startsWith(QLatin1Char('/')) && configsyntax::normalizeWebhookPath(path).ok();
}

QStringList CertificateInputs::files() const
{
    QStringList list;
    for (const QString& path : {bundlePath, pkcs12Path, certPath, chainPath, keyPath})
        if (!path.isEmpty())
            list << path;
    return list;
}

CertificateInputs CertificateInputs::fromFiles(const QStringList& paths)
{
    CertificateInputs inputs;
    QStringList certificates;
    for (const QString& path : paths) {
        const QString name = QFileInfo(path).fileName().toLower();
        if (name.endsWith(QLatin1String(".zip")))
            inputs.bundlePath = path;
        else if (name.endsWith(QLatin1String(".pfx")) || name.endsWith(QLatin1String(".p12")))
            inputs.pkcs12Path = path;
        else if (name.endsWith(QLatin1String(".key")) || name.contains(QLatin1String("key")))
            inputs.keyPath = path;
        else
            certificates << path;
    }
    if (!certificates.isEmpty())
        inputs.certPath = certificates.takeFirst();
    if (!certificates.isEmpty())
        inputs.chainPath = certificates.takeFirst();
    // One source only, as the check wants it: the bundle wins, then the PKCS#12.
    if (!inputs.bundlePath.isEmpty()) {
        inputs.pkcs12Path.clear();
        inputs.certPath.clear();
        inputs.keyPath.clear();
        inputs.chainPath.clear();
    } else if (!inputs.pkcs12Path.isEmpty()) {
        inputs.certPath.clear();
        inputs.keyPath.clear();
        inputs.chainPath.clear();
    } else if (inputs.certPath.isEmpty() && !inputs.keyPath.isEmpty()) {
        // A key alone (or a single PEM holding everything): let the check read it as the certificate file.
        inputs.certPath = inputs.keyPath;
        inputs.keyPath.clear();
    }
    return inputs;
}

QString SetupModel::webhookUrl() const
{
    const QList<ListenAddress> addresses = parseListen(listen);
    const quint16 port = addresses.isEmpty() ? 443 : addresses.first().port;
    const QString portText = port == 443 ? QString() : QStringLiteral(":%1").arg(port);
    return QStringLiteral("https://%1%2%3")
        .arg(domain, portText, webhookPath.isEmpty() ? QStringLiteral("/") : webhookPath);
}

CheckInput SetupModel::checkInput() const
{
    CheckInput input;
    input.domain = domain.isEmpty() ? webhookInput : domain;
    input.issuedByChat = source == CertificateSource::IssuedByChat;
    // Merge: the site keeps its own certificate; files imported on the dedicated path before are not used.
    input.serverCertificateOptional = mode == SetupMode::Merge;
    if (mode != SetupMode::Merge) {
        input.certPath = inputs.certPath;
        input.keyPath = inputs.keyPath;
        input.chainPath = inputs.chainPath;
        input.pkcs12Path = inputs.pkcs12Path;
        input.bundlePath = inputs.bundlePath;
    }
    input.clientCaPath = clientCaPath;
    input.passphrase = passphrase;
    input.rootsPath = rootsPath;
    return input;
}

ServerConfigRequest SetupModel::configRequest(const QString& certificatePath, const QString& keyPath,
                                              const QString& clientCaFile, const QString& chainPath) const
{
    ServerConfigRequest request;
    request.server = server;
    request.domain = domain;
    request.listen = parseListen(listen);
    request.certificatePath = certificatePath;
    request.chainPath = chainPath;
    request.keyPath = keyPath;
    request.clientCaPath = clientCaFile;
    request.upstreamUrl = upstreamUrl;
    request.webhookPath = webhookPath.isEmpty() ? QStringLiteral("/") : webhookPath;
    request.profile = profile;
    return request;
}

} // namespace mtls
