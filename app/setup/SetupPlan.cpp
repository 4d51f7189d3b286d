#include "SetupPlan.h"

#include "core/PrivateTempDir.h"
#include "server/ConfigGenerator.h"
#include "server/ThrowawayServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace mtls {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::SetupPlan)
};

// (Written with auto: lupdate loses the translation context after "Type::Name variable = ...".)
constexpr auto kPrivate = QFile::Permissions(QFile::ReadOwner | QFile::WriteOwner);
constexpr auto kPublic = QFile::Permissions(kPrivate | QFile::ReadGroup | QFile::ReadOther);

Status writeNewFile(const QString& path, const QByteArray& data, QFile::Permissions permissions)
{
    QFile file(path);
    if (file.exists())
        return Error(Text::tr("%1 exists already; choose an empty folder.").arg(QDir::toNativeSeparators(path)));
    // Created with the final permissions before any byte of a key is written.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions) || file.write(data) != data.size())
        return Error(Text::tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)), file.errorString());
    return {};
}

QString exportReadme(const SetupPlan& plan)
{
    const bool nginx = plan.config.server == ServerKind::Nginx;
    QStringList lines;
    lines << Text::tr("Two-way TLS for the Chat webhook of %1 (%2)")
                 .arg(plan.config.domain, serverKindDisplayName(plan.config.server))
          << QString() << Text::tr("On the server:")
          << Text::tr("1. Copy the certificate files to the paths the configuration names:")
          << QStringLiteral("     fullchain.pem  -> %1").arg(plan.certificateFile)
          << QStringLiteral("     privkey.pem    -> %1   (readable by root only)").arg(plan.keyFile)
          << QStringLiteral("     client-ca.pem  -> %1").arg(plan.clientCaFile)
          << Text::tr("2. Copy %1 to %2.").arg(plan.config.fileName, plan.configFile);
    if (nginx)
        lines << Text::tr("3. Enable it: ln -s %1 /etc/nginx/sites-enabled/").arg(plan.configFile)
              << Text::tr("4. Test and reload: nginx -t && nginx -s reload");
    else
        lines << Text::tr("3. Enable the modules and the site: a2enmod ssl headers proxy proxy_http socache_shmcb && "
                          "a2ensite %1")
                     .arg(QFileInfo(plan.configFile).completeBaseName())
              << Text::tr("4. Test and reload: apache2ctl configtest && apache2ctl graceful");
    lines << Text::tr("Adapt the paths when your server keeps its configuration elsewhere.") << QString();
    return lines.join(QLatin1Char('\n'));
}
} // namespace

ApplyMaterial applyMaterialOf(const ServerMaterial& material)
{
    ApplyMaterial m;
    m.fullChainPem = material.fullChainPem();
    m.chainPem = material.chainPem();
    m.keyPem = material.key.isNull() ? QByteArray() : material.key.toPkcs8Pem();
    m.clientCaPem = material.clientCaPem();
    return m;
}

namespace {
ApplyRequest applyRequestOf(const SetupModel& model, const ServerMaterial& material,
                            const ServerInstallation& installation)
{
    ApplyRequest request;
    request.installation = installation;
    request.config = model.configRequest(QString(), QString(), QString());
    request.material = applyMaterialOf(material);
    request.mode = model.mode;
    request.replaceLocation = model.replaceLocation;
    request.trustRootsPath = model.rootsPath;
    return request;
}
} // namespace

Result<SshOptions> sshOptionsOf(const SetupModel& model)
{
    const Result<SshTarget> target = parseSshTarget(model.sshTarget);
    if (!target)
        return target.error();
    SshOptions options;
    options.target = target.value();
    options.identityFile = model.sshIdentity;
    return options;
}

Status checkMergeSetup(const SetupModel& model, const std::optional<ServerInstallation>& installation)
{
    if (!installation)
        return Error(Text::tr("No %1 was found on this machine.").arg(serverKindDisplayName(model.server)));
    const Result<MergePlan> merge = planMergeSite(applyRequestOf(model, ServerMaterial(), *installation));
    if (!merge)
        return merge.error();
    return {};
}

Result<SetupPlan> planSetup(const SetupModel& model, const ServerMaterial& material,
                            const std::optional<ServerInstallation>& installation,
                            const std::optional<MergePlan>& remoteMerge)
{
    SetupPlan plan;
    plan.target = model.target;
    if (model.target == SetupTarget::ThisMachine) {
        if (!installation)
            return Error(Text::tr("No %1 was found on this machine.").arg(serverKindDisplayName(model.server)));
        const ApplyRequest request = applyRequestOf(model, material, *installation);
        Result<ApplyPlan> applyPlan = planApply(request);
        if (!applyPlan)
            return applyPlan.error();
        plan.config = applyPlan->config;
        plan.request = applyPlan->configRequest;
        plan.configFile = applyPlan->siteFile;
        for (const ApplyChange& change : applyPlan->changes)
            plan.changes << change.target;
        plan.apply = request;
        plan.merge = applyPlan->merge;
    } else if (model.target == SetupTarget::Ssh) {
        if (!installation)
            return Error(Text::tr("No %1 was found on the server.").arg(serverKindDisplayName(model.server)));
        ExportRequest remote = exportRequestFor(*installation, QString());
        remote.config = model.configRequest(QString(), QString(), QString());
        remote.config.serverVersion = installation->version;
        remote.material = applyMaterialOf(material);
        if (model.mode == SetupMode::Merge) {
            if (!remoteMerge)
                return Error(Text::tr("Connect to the server again: the site to merge into has not been read there."));
            remote.merge = remoteMerge;
            plan.merge = remoteMerge;
        }
        const Result<ExportPlan> exportPlan = planExport(remote);
        if (!exportPlan)
            return exportPlan.error();
        plan.config = exportPlan->generated;
        plan.request = exportPlan->config;
        plan.configFile = remote.merge ? remote.merge->site.file
                                       : exportPlan->target.siteDir + QLatin1Char('/') + exportPlan->generated.fileName;
        plan.changes = exportPlan->changes();
        plan.remote = remote;
    } else {
        const QString root
            = model.server == ServerKind::Apache ? QStringLiteral("/etc/apache2") : QStringLiteral("/etc/nginx");
        const QString certDir = root + QStringLiteral("/mtls-assistant/") + model.domain;
        plan.request
            = model.configRequest(certDir + QStringLiteral("/fullchain.pem"), certDir + QStringLiteral("/privkey.pem"),
                                  certDir + QStringLiteral("/client-ca.pem"));
        Result<GeneratedConfig> config = generateServerConfig(plan.request);
        if (!config)
            return config.error();
        plan.config = config.value();
        plan.configFile = root + QStringLiteral("/sites-available/") + plan.config.fileName;
        plan.changes << plan.config.fileName << QStringLiteral("fullchain.pem") << QStringLiteral("privkey.pem")
                     << QStringLiteral("client-ca.pem") << QStringLiteral("README.txt");
    }
    plan.certificateFile = plan.request.certificatePath;
    plan.keyFile = plan.request.keyPath;
    plan.clientCaFile = plan.request.clientCaPath;
    return plan;
}

Status testConfiguration(const SetupModel& model, const ServerMaterial& material, const QString& binary)
{
    if (material.leaf.isNull() || material.key.isNull() || material.clientCas.isEmpty())
        return Error(Text::tr("The certificate, its key and Chat's client CA are needed to test the configuration."));
    PrivateTempDir dir(QStringLiteral("mtls-assistant-proof")); // key copies: gone with this run
    if (!dir.isValid())
        return Error(Text::tr("Cannot create a temporary folder to test the configuration."), dir.errorString());
    const QString cert = dir.filePath(QStringLiteral("fullchain.pem"));
    const QString key = dir.filePath(QStringLiteral("privkey.pem"));
    const QString ca = dir.filePath(QStringLiteral("client-ca.pem"));
    for (const Status& written :
         {writeNewFile(cert, material.fullChainPem(), kPrivate), writeNewFile(key, material.key.toPkcs8Pem(), kPrivate),
          writeNewFile(ca, material.clientCaPem(), kPrivate)})
        if (!written)
            return written;

    ServerConfigRequest request = model.configRequest(cert, key, ca);
    request.apacheListen = false; // the throwaway installation needs no Listen line to test
    const Result<GeneratedConfig> config = generateServerConfig(request);
    if (!config)
        return config.error();

    ThrowawayServerOptions options;
    options.kind = model.server;
    options.siteConfig = config->text;
    options.binary = binary;
    options.addListen = false;
    options.prefix = dir.filePath(QStringLiteral("server"));
    ThrowawayServer server(options);
    const Status tested = server.test();
    if (!tested)
        return Error(Text::tr("%1 refused the generated configuration.").arg(serverKindDisplayName(model.server)),
                     tested.error().fullText());
    return {};
}

Result<QStringList> exportSetup(const SetupPlan& plan, const ServerMaterial& material, const QString& directory)
{
    if (!QDir().mkpath(directory))
        return Error(Text::tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(directory)));
    const QDir dir(directory);
    const ApplyMaterial pem = applyMaterialOf(material);
    const QList<std::tuple<QString, QByteArray, QFile::Permissions>> files {
        {plan.config.fileName, plan.config.text.toUtf8(), kPublic},
        {QStringLiteral("fullchain.pem"), pem.fullChainPem, kPublic},
        {QStringLiteral("privkey.pem"), pem.keyPem, kPrivate},
        {QStringLiteral("client-ca.pem"), pem.clientCaPem, kPublic},
        {QStringLiteral("README.txt"), exportReadme(plan).toUtf8(), kPublic},
    };
    for (const auto& [name, data, permissions] : files)
        if (dir.exists(name))
            return Error(Text::tr("%1 exists already; choose an empty folder.")
                             .arg(QDir::toNativeSeparators(dir.filePath(name))));
    QStringList written;
    for (const auto& [name, data, permissions] : files) {
        const Status status = writeNewFile(dir.filePath(name), data, permissions);
        if (!status)
            return status.error();
        written << dir.filePath(name);
    }
    return written;
}

} // namespace mtls
