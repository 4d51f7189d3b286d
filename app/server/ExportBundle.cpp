#include "ExportBundle.h"

#include "ApplyJournal.h"
#include "ConfigSyntax.h"
#include "InstallScript.h"
#include "core/SignalCleanup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <quazip/JlCompress.h>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ExportBundle)
};

constexpr auto kPublic
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
constexpr auto kPrivate = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr auto kScript = kPublic | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;

QString readme(const ExportRequest& request, const ServerInstallation& target, const GeneratedConfig& config,
               const InstallScriptParams& script)
{
    const bool nginx = request.config.server == ServerKind::Nginx;
    QString t;
    t += QStringLiteral("# HTTPS mutual TLS for the Chat webhook of %1 (%2)\n\n")
             .arg(config.domain, serverKindDisplayName(request.config.server));
    t += QStringLiteral("Made by mTLS Assistant. Chat's servers call the webhook over HTTPS and present a client "
                        "certificate signed by the Chat client CA; this configuration makes %1 refuse every other "
                        "caller and pass the calls to %2 on to the webhook application.\n\n")
             .arg(serverKindDisplayName(request.config.server), request.config.webhookPath);
    t += QStringLiteral("## What is inside\n\n");
    t += QStringLiteral("- `%1`: the configuration (goes to `%2`)\n").arg(config.fileName, target.siteDir);
    t += QStringLiteral("- `certs/`: the server certificate with its chain, its private key (keep it secret), the "
                        "Chat client CA (go to `%1/%2/`)\n")
             .arg(target.certDir, config.domain);
    t += QStringLiteral("- `install.sh`: installs everything with backups, tests and reloads the server, and puts "
                        "everything back if anything fails\n\n");
    t += QStringLiteral("## With the script\n\nCopy this folder to the server (for example with `scp -r`), then as "
                        "root:\n\n    sh install.sh\n\nUndo it later with `sh install.sh --rollback`. The server is "
                        "tested with `%1` and reloaded with `%2`; set `MTLS_TEST_CMD` and `MTLS_RELOAD_CMD` to use "
                        "other commands, `MTLS_BACKUP_DIR` for another backup folder (default `%3`).\n\n")
             .arg(script.testCommand, script.reloadCommand, script.backupDir);
    t += QStringLiteral("## By hand\n\n");
    t += QStringLiteral("1. `mkdir -p %1/%2` and copy the files of `certs/` into it; `chmod 600 %1/%2/privkey.pem`.\n")
             .arg(target.certDir, config.domain);
    t += QStringLiteral("2. Copy `%1` to `%2/`.\n").arg(config.fileName, target.siteDir);
    if (!target.enabledDir.isEmpty())
        t += QStringLiteral("3. Enable it: `ln -s ../%1/%2 %3/%2`%4.\n")
                 .arg(QFileInfo(target.siteDir).fileName(), config.fileName, target.enabledDir,
                      nginx ? QString()
                            : QStringLiteral(" (or `a2ensite %1`) and `a2enmod ssl headers proxy proxy_http`")
                                  .arg(QFileInfo(config.fileName).completeBaseName()));
    else if (target.needsIncludeLine)
        t += QStringLiteral("3. Add `%1` to `%2`.\n")
                 .arg(nginx ? QStringLiteral("include %1/%2;").arg(target.siteDir, config.fileName)
                            : QStringLiteral("Include %1/%2").arg(target.siteDir, config.fileName),
                      target.mainConfig);
    else
        t += QStringLiteral("3. Nothing to enable: the server reads every file in `%1`.\n").arg(target.siteDir);
    t += QStringLiteral("4. Test: `%1`. Only when it passes, reload: `%2`.\n\n")
             .arg(script.testCommand, script.reloadCommand);
    t += QStringLiteral("## Check it\n\nWithout a client certificate the server must refuse: `curl -v https://%1%2` "
                        "(%3). Chat's own calls then reach the webhook application.\n")
             .arg(config.domain, request.config.webhookPath,
                  nginx ? QStringLiteral("HTTP 400") : QStringLiteral("a TLS alert"));
    return t;
}

} // namespace

Result<ExportResult> exportBundle(const ExportRequest& request)
{
    const ServerKind kind = request.config.server;
    const bool nginx = kind == ServerKind::Nginx;
    auto domain = configsyntax::normalizeDomain(request.config.domain);
    if (!domain)
        return domain.error();
    const QString root = request.serverRoot.isEmpty()
        ? (nginx ? QStringLiteral("/etc/nginx") : QStringLiteral("/etc/apache2"))
        : QDir::cleanPath(request.serverRoot);
    static const QRegularExpression safePath(QStringLiteral("^/[A-Za-z0-9._/+@:,=-]*$"));
    if (!safePath.match(root).hasMatch())
        return Error {
            Text::tr("The server directory \"%1\" must be an absolute path of letters, digits and - . _ / only.")
                .arg(root),
            {}};
    const ServerInstallation target = installationForLayout(kind, root, request.layout);
    const QString dir = target.certDir + QLatin1Char('/') + domain.value();

    ServerConfigRequest config = request.config;
    config.certificatePath = dir + QStringLiteral("/fullchain.pem");
    config.keyPath = dir + QStringLiteral("/privkey.pem");
    config.clientCaPath = dir + QStringLiteral("/client-ca.pem");
    config.chainPath = request.material.chainPem.isEmpty() ? QString() : dir + QStringLiteral("/chain.pem");
    auto generated = generateServerConfig(config);
    if (!generated)
        return generated.error();

    InstallScriptParams script;
    script.kind = kind;
    script.domain = domain.value();
    script.files << InstallScriptParams::File {QStringLiteral("certs/fullchain.pem"), config.certificatePath,
                                               QStringLiteral("644")};
    if (!config.chainPath.isEmpty())
        script.files << InstallScriptParams::File {QStringLiteral("certs/chain.pem"), config.chainPath,
                                                   QStringLiteral("644")};
    script.certificateSource = QStringLiteral("certs/fullchain.pem");
    script.keySource = QStringLiteral("certs/privkey.pem");
    script.files
        << InstallScriptParams::File {QStringLiteral("certs/privkey.pem"), config.keyPath, QStringLiteral("600")}
        << InstallScriptParams::File {QStringLiteral("certs/client-ca.pem"), config.clientCaPath, QStringLiteral("644")}
        << InstallScriptParams::File {generated->fileName, target.siteDir + QLatin1Char('/') + generated->fileName,
                                      QStringLiteral("644")};
    if (!target.enabledDir.isEmpty())
        script.links.append(
            {target.enabledDir + QLatin1Char('/') + generated->fileName,
             QStringLiteral("../") + QFileInfo(target.siteDir).fileName() + QLatin1Char('/') + generated->fileName});
    if (!nginx && target.layout == ServerLayout::Debian) {
        // As a2enmod does: the .load file of each module, and the .conf of those that have one on Debian.
        for (const QString& module : QStringList {QStringLiteral("socache_shmcb")} + generated->apacheModules) {
            QStringList files {module + QStringLiteral(".load")};
            if (module == QLatin1String("ssl") || module == QLatin1String("proxy"))
                files << module + QStringLiteral(".conf");
            for (const QString& file : std::as_const(files))
                script.links.append(
                    {root + QStringLiteral("/mods-enabled/") + file, QStringLiteral("../mods-available/") + file});
        }
    }
    const QString ctl
        = target.layout == ServerLayout::Debian ? QStringLiteral("apache2ctl") : QStringLiteral("apachectl");
    script.testCommand = nginx ? QStringLiteral("nginx -t") : ctl + QStringLiteral(" configtest");
    script.reloadCommand = nginx ? QStringLiteral("nginx -s reload") : ctl + QStringLiteral(" graceful");
    script.backupDir = request.backupDir.isEmpty() ? QStringLiteral("/var/backups/mtls-assistant/") + domain.value()
                                                   : request.backupDir;

    // Write the bundle into a temporary directory first; then move (directory) or compress (zip) it.
    const bool zip = request.out.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive);
    const QString out = QDir(request.out).absolutePath();
    if (!zip && QFileInfo::exists(out) && !QDir(out).isEmpty())
        return Error {
            Text::tr("%1 already exists and is not empty; choose a new folder.").arg(QDir::toNativeSeparators(out)),
            {}};
    QDir().mkpath(QFileInfo(out).absolutePath());
    QTemporaryDir staging(QFileInfo(out).absolutePath() + QStringLiteral("/.mtls-export-XXXXXX"));
    // The staging copy holds the key: removed on SIGINT/SIGTERM/SIGHUP too.
    const CleanupRegistration stagingCleanup
        = staging.isValid() ? CleanupRegistration::folder(staging.path()) : CleanupRegistration();
    if (!staging.isValid())
        return Error {Text::tr("Cannot write into %1.").arg(QDir::toNativeSeparators(QFileInfo(out).absolutePath())),
                      {}};
    QList<QPair<QString, std::pair<QByteArray, QFileDevice::Permissions>>> files {
        {generated->fileName, {generated->text.toUtf8(), kPublic}},
        {QStringLiteral("certs/fullchain.pem"), {request.material.fullChainPem, kPublic}},
        {QStringLiteral("certs/privkey.pem"), {request.material.keyPem, kPrivate}},
        {QStringLiteral("certs/client-ca.pem"), {request.material.clientCaPem, kPublic}},
        {QStringLiteral("install.sh"), {installScript(script).toUtf8(), kScript}},
        {QStringLiteral("README.md"), {readme(request, target, generated.value(), script).toUtf8(), kPublic}}};
    if (!request.material.chainPem.isEmpty())
        files.append({QStringLiteral("certs/chain.pem"), {request.material.chainPem, kPublic}});
    QDir().mkpath(staging.filePath(QStringLiteral("certs")));
    ExportResult result;
    for (const auto& [name, content] : files) {
        if (auto written = fileops::writeAtomically(staging.filePath(name), content.first, content.second); !written)
            return written.error();
        result.files << name;
    }
    if (zip) {
        const QString temporary
            = staging.filePath(QStringLiteral("../") + QFileInfo(staging.path()).fileName() + QStringLiteral(".zip"));
        if (!JlCompress::compressDir(temporary, staging.path(), true))
            return Error {Text::tr("Cannot write the zip file %1.").arg(QDir::toNativeSeparators(out)), {}};
        QFile::setPermissions(temporary, kPrivate);
        QFile::remove(out);
        if (!QFile::rename(temporary, out)) {
            QFile::remove(temporary);
            return Error {Text::tr("Cannot write the zip file %1.").arg(QDir::toNativeSeparators(out)), {}};
        }
    } else {
        QDir().rmdir(out);
        if (!QDir().rename(staging.path(), out))
            return Error {Text::tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(out)), {}};
        staging.setAutoRemove(false);
        QFile::setPermissions(out, kPrivate | QFileDevice::ExeOwner);
    }
    result.out = out;
    result.config = generated.value();
    return result;
}

} // namespace mtls
