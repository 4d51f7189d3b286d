#include "ExportBundle.h"

#include "ApplyJournal.h"
#include "InstallScript.h"
#include "core/SignalCleanup.h"
#include "server/ConfigSyntax.h"
#include "server/WebhookLog.h"

#include <QCoreApplication>
#include <QCryptographicHash>
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
    t += QStringLiteral("- `install.sh`: installs everything with backups, tests and reloads the server, checks what "
                        "it serves, and puts everything back if anything fails\n");
    t += QStringLiteral("- `install.data`: what `install.sh` installs where, the server program, the SHA-256 of each "
                        "file (values only; the script checks every one)\n\n");
    t += QStringLiteral("## With the script\n\nCopy this folder to the server (for example with `scp -r`), then as "
                        "root:\n\n    sh install.sh\n\n");
    t += QStringLiteral(
             "Before changing anything it checks: it runs as root; the server program `%1` (the path recorded at "
             "export) and its folders are owned by root and not writable by others; the backup folder `%2`, the "
             "certificate folder and every target folder (and their parents) are owned by root, not writable by "
             "others and not symbolic links; no file it writes is a symbolic link now; every file of the bundle has "
             "the "
             "SHA-256 recorded in `install.data`; the key belongs to the certificate; the current configuration "
             "passes `%3`. It ignores `CDPATH` and `PATH` (it uses /usr/sbin:/usr/bin:/sbin:/bin).\n\n")
             .arg(script.binary, script.backupDir, installTestCommand(script));
    t += QStringLiteral(
             "Then it writes each file under a new random name beside its target (the key with mode 0600 from the "
             "start) and moves it into place, tests the configuration, reloads with `%1`, and connects to %2 to "
             "check that the server serves this certificate for %3 and asks for a client certificate from the "
             "client CA. If any of this fails, every file is put back and the server reloaded.\n\n")
             .arg(installReloadCommand(script),
                  (script.connectHost.contains(QLatin1Char(':')) ? QStringLiteral("[%1]") : QStringLiteral("%1"))
                          .arg(script.connectHost)
                      + QLatin1Char(':') + QString::number(script.connectPort),
                  config.domain);
    t += QStringLiteral(
             "Each run is a step with its own backups (a numbered folder under `%1/steps`, with a manifest):\n\n"
             "    sh install.sh --rollback   undoes the last run; run it again to go further back\n"
             "    sh install.sh --remove     undoes every run: everything install.sh added for %2 is taken out and the "
             "original files are back\n"
             "    sh install.sh --check      only runs the server's configuration test\n\n"
             "Owner, group and mode of each file are put back as they were. A run that was interrupted is undone "
             "by the next run before it does anything else.\n\n")
             .arg(script.backupDir, config.domain);
    t += QStringLiteral("## By hand\n\n");
    t += QStringLiteral("1. `mkdir -p %1/%2` and copy the files of `certs/` into it; `chmod 600 %1/%2/privkey.pem`.\n")
             .arg(target.certDir, config.domain);
    t += QStringLiteral("2. Copy `%1` to `%2/`.\n").arg(config.fileName, target.siteDir);
    if (!target.enabledDir.isEmpty())
        t += QStringLiteral("3. Enable it: `ln -s ../%1/%2 %3/%2`%4.\n")
                 .arg(QFileInfo(target.siteDir).fileName(), config.fileName, target.enabledDir,
                      nginx ? QString()
                            : QStringLiteral(" (or `a2ensite %1`) and `a2enmod ssl headers proxy proxy_http setenvif`")
                                  .arg(QFileInfo(config.fileName).completeBaseName()));
    else if (target.needsIncludeLine)
        t += QStringLiteral("3. Add `%1` to `%2`.\n")
                 .arg(nginx ? QStringLiteral("include %1/%2;").arg(target.siteDir, config.fileName)
                            : QStringLiteral("Include %1/%2").arg(target.siteDir, config.fileName),
                      target.mainConfig);
    else
        t += QStringLiteral("3. Nothing to enable: the server reads every file in `%1`.\n").arg(target.siteDir);
    t += QStringLiteral("4. Test: `%1`. Only when it passes, reload: `%2`.\n\n")
             .arg(installTestCommand(script), installReloadCommand(script));
    t += QStringLiteral("## Check it\n\nWithout a client certificate the server must refuse: `curl -v https://%1%2` "
                        "(%3). Chat's own calls then reach the webhook application.\n")
             .arg(config.domain, request.config.webhookPath,
                  nginx ? QStringLiteral("HTTP 400") : QStringLiteral("a TLS alert"));
    return t;
}

// The README of a merge bundle: what it changes in the user's site, and how to undo it.
QString mergeReadme(const MergePlan& merge, const GeneratedConfig& config, const InstallScriptParams& script)
{
    QString t;
    t += QStringLiteral("# HTTPS mutual TLS for the Chat webhook of %1, inside the site that serves it\n\n")
             .arg(config.domain);
    t += QStringLiteral("Made by mTLS Assistant. The site of `%1` already serves %2 with its own certificate. This "
                        "bundle adds a few lines to it (each ends with the comment `mtls-assistant`): callers of %3 "
                        "must present a client certificate signed by the Chat client CA; the site's other pages and "
                        "its visitors are not asked for one.\n\n")
             .arg(merge.site.where(), config.domain, script.webhookPath);
    t += QStringLiteral("## What is inside\n\n");
    t += QStringLiteral("- `%1`: the site's file with the lines added (replaces `%2`, which keeps its owner and "
                        "mode)\n")
             .arg(script.siteSource, merge.site.file);
    t += QStringLiteral("- `certs/client-ca.pem`: the Chat client CA (goes to `%1`)\n").arg(config.clientCaPath);
    t += QStringLiteral("- `install.sh` and `install.data`: the installer and what it installs\n\n");
    t += QStringLiteral("## With the script\n\nAs root on the server:\n\n    sh install.sh\n\n");
    t += QStringLiteral(
             "It refuses when `%1` has changed since the bundle was made (its SHA-256 is in `install.data`), keeps a "
             "backup, installs, runs `%2`, reloads with `%3`, and checks from the server that the site still serves "
             "its own certificate, that %4 answers 403 without a client certificate and that `/` answers as "
             "before. If any of this fails, every file is put back and the server reloaded.\n\n"
             "    sh install.sh --rollback   undoes the last run\n"
             "    sh install.sh --remove     undoes every run: the site's file is back byte for byte\n")
             .arg(merge.site.file, installTestCommand(script), installReloadCommand(script), script.webhookPath);
    return t;
}

// The merge mode's "configuration": the site's file as the merge leaves it.
GeneratedConfig mergedSiteConfig(const ServerConfigRequest& config, const QString& domain, const MergePlan& merge)
{
    GeneratedConfig generated;
    generated.server = config.server;
    generated.text = QString::fromUtf8(merge.after);
    generated.fileName = QFileInfo(merge.site.file).fileName();
    generated.domain = domain;
    generated.clientCaPath = config.clientCaPath;
    generated.accessLogPath = config.accessLogPath;
    return generated;
}

} // namespace

Result<ExportPlan> planExport(const ExportRequest& request)
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
    ServerInstallation target = installationForLayout(kind, root, request.layout);
    if (!request.siteDir.isEmpty()) {
        target.siteDir = QDir::cleanPath(request.siteDir);
        target.enabledDir = request.enabledDir.isEmpty() ? QString() : QDir::cleanPath(request.enabledDir);
        target.needsIncludeLine = false;
    }
    // install.sh writes below one folder: the root, or the folder that holds both the root and the site folder
    // (merge: the folder of the site's file).
    const QString written = request.merge ? QFileInfo(request.merge->site.file).path() : target.siteDir;
    if (request.merge && !safePath.match(request.merge->site.file).hasMatch())
        return Error {
            Text::tr("install.sh cannot edit %1: its path has characters other than letters, digits and - . _ "
                     "/ + @ : , =.")
                .arg(request.merge->site.file),
            {}};
    QString scope = root;
    while (!(written + QLatin1Char('/')).startsWith(scope + QLatin1Char('/')) && scope.count(QLatin1Char('/')) > 1)
        scope = QFileInfo(scope).path();
    if (!(written + QLatin1Char('/')).startsWith(scope + QLatin1Char('/')))
        return Error {Text::tr("The site folder %1 and the server directory %2 have no folder in common but /.")
                          .arg(written, root),
                      {}};
    const QString dir = target.certDir + QLatin1Char('/') + domain.value();

    ServerConfigRequest config = request.config;
    config.certificatePath = dir + QStringLiteral("/fullchain.pem");
    config.keyPath = dir + QStringLiteral("/privkey.pem");
    config.clientCaPath = dir + QStringLiteral("/client-ca.pem");
    config.chainPath = request.material.chainPem.isEmpty() ? QString() : dir + QStringLiteral("/chain.pem");
    if (config.accessLogPath.isEmpty())
        config.accessLogPath = webhookLogPath(target, domain.value());
    if (request.merge) {
        config.certificatePath.clear();
        config.keyPath.clear();
        config.chainPath.clear();
    }
    auto generated = request.merge ? Result<GeneratedConfig>(mergedSiteConfig(config, domain.value(), *request.merge))
                                   : generateServerConfig(config);
    if (!generated)
        return generated.error();

    const auto sha256 = [](const QByteArray& content) {
        return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    };
    InstallScriptParams script;
    script.kind = kind;
    script.domain = domain.value();
    script.configRoot = scope;
    script.certDir = dir;
    script.clientCaSource = QStringLiteral("certs/client-ca.pem");
    // The merge mode's site file goes in a folder of its own (its name is the user's).
    script.siteSource = request.merge ? QStringLiteral("site/") + generated->fileName : generated->fileName;
    if (request.merge) {
        const MergePlan& merge = *request.merge;
        script.merge = true;
        script.siteLeafSha256 = merge.siteLeafSha256;
        script.webhookPath = config.webhookPath;
        script.files << InstallScriptParams::File {script.clientCaSource, config.clientCaPath, QStringLiteral("644"),
                                                   sha256(request.material.clientCaPem)}
                     << InstallScriptParams::File {script.siteSource, merge.site.file, QStringLiteral("keep"),
                                                   sha256(merge.after)};
        script.expected.append({merge.site.file, sha256(merge.before)});
    } else {
        script.certificateSource = QStringLiteral("certs/fullchain.pem");
        script.keySource = QStringLiteral("certs/privkey.pem");
        script.files << InstallScriptParams::File {script.certificateSource, config.certificatePath,
                                                   QStringLiteral("644"), sha256(request.material.fullChainPem)};
        if (!config.chainPath.isEmpty())
            script.files << InstallScriptParams::File {QStringLiteral("certs/chain.pem"), config.chainPath,
                                                       QStringLiteral("644"), sha256(request.material.chainPem)};
        script.files << InstallScriptParams::File {script.keySource, config.keyPath, QStringLiteral("600"),
                                                   sha256(request.material.keyPem)}
                     << InstallScriptParams::File {script.clientCaSource, config.clientCaPath, QStringLiteral("644"),
                                                   sha256(request.material.clientCaPem)}
                     << InstallScriptParams::File {generated->fileName,
                                                   target.siteDir + QLatin1Char('/') + generated->fileName,
                                                   QStringLiteral("644"), sha256(generated->text.toUtf8())};
    }
    if (!target.enabledDir.isEmpty() && !request.merge)
        script.links.append(
            {target.enabledDir + QLatin1Char('/') + generated->fileName,
             QStringLiteral("../") + QFileInfo(target.siteDir).fileName() + QLatin1Char('/') + generated->fileName});
    if (!nginx && target.layout == ServerLayout::Debian) {
        // As a2enmod does: the .load file of each module, and the .conf of those that have one on Debian.
        // mod_setenvif fills the webhook log's query fields, as apply enables it.
        // The merge mode: what the lines added to the site need (its own TLS already loads mod_ssl), as a local
        // merge enables.
        const QStringList modules = request.merge
            ? QStringList {QStringLiteral("headers"), QStringLiteral("proxy"), QStringLiteral("proxy_http"),
                           QStringLiteral("setenvif")}
            : QStringList {QStringLiteral("socache_shmcb")} + generated->apacheModules
                + QStringList {QStringLiteral("setenvif")};
        for (const QString& module : modules) {
            QStringList files {module + QStringLiteral(".load")};
            if (module == QLatin1String("ssl") || module == QLatin1String("proxy")
                || module == QLatin1String("setenvif"))
                files << module + QStringLiteral(".conf");
            for (const QString& file : std::as_const(files))
                script.links.append(
                    {root + QStringLiteral("/mods-enabled/") + file, QStringLiteral("../mods-available/") + file});
        }
    }
    // The server program by the absolute path on the target server (install.sh never searches PATH).
    const QString bin
        = target.layout == ServerLayout::Homebrew ? QStringLiteral("/opt/homebrew/bin/") : QStringLiteral("/usr/sbin/");
    script.binary = !request.binary.isEmpty()   ? QDir::cleanPath(request.binary)
        : nginx                                 ? bin + QStringLiteral("nginx")
        : target.layout == ServerLayout::Debian ? bin + QStringLiteral("apache2ctl")
                                                : bin + QStringLiteral("apachectl");
    if (!QDir::isAbsolutePath(script.binary))
        return Error {Text::tr("The server program \"%1\" must be an absolute path.").arg(script.binary), {}};
    if (!script.binary.endsWith(QLatin1String("ctl"))) {
        ServerInstallation selected = target;
        if (!request.mainConfig.isEmpty())
            selected.mainConfig = QDir::cleanPath(request.mainConfig);
        selected.prefix = request.prefix;
        script.arguments = selected.selectArguments();
    }
    const ListenAddress first = config.listen.isEmpty() ? defaultListen().first() : config.listen.first();
    script.connectHost = first.host == QLatin1String("*") || first.host == QLatin1String("0.0.0.0")
        ? QStringLiteral("127.0.0.1")
        : first.host == QLatin1String("::") ? QStringLiteral("::1")
                                            : first.host;
    script.connectPort = first.port;
    script.backupDir = request.backupDir.isEmpty() ? QStringLiteral("/var/backups/mtls-assistant/") + domain.value()
                                                   : QDir::cleanPath(request.backupDir);
    ExportPlan plan;
    plan.target = target;
    plan.config = config;
    plan.generated = generated.value();
    plan.script = script;
    plan.merge = request.merge;
    return plan;
}

ExportRequest exportRequestFor(const ServerInstallation& installation, const QString& mainConfig)
{
    ExportRequest request;
    request.config.server = installation.kind;
    request.config.serverVersion = installation.version;
    request.serverRoot = installation.configRoot;
    request.layout = installation.layout;
    request.binary = installation.binary;
    request.mainConfig = mainConfig;
    request.prefix = installation.prefix;
    request.siteDir = installation.siteDir;
    request.enabledDir = installation.enabledDir;
    return request;
}

QStringList ExportPlan::changes() const
{
    QStringList targets;
    for (const InstallScriptParams::File& file : script.files)
        targets << file.target;
    for (const auto& [link, pointsTo] : script.links)
        targets << link;
    return targets;
}

Result<ExportResult> exportBundle(const ExportRequest& request)
{
    auto plan = planExport(request);
    if (!plan)
        return plan.error();
    const ServerInstallation& target = plan->target;
    const InstallScriptParams& script = plan->script;
    const GeneratedConfig* generated = &plan->generated;
    QString dataError;
    const QString data = installData(script, &dataError);
    if (data.isEmpty())
        return Error {dataError, {}};
    const QByteArray scriptText = installScript();
    if (scriptText.isEmpty())
        return Error {Text::tr("install.sh is missing from this program (a build error)."), {}};

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
        {script.siteSource, {request.merge ? request.merge->after : generated->text.toUtf8(), kPublic}}};
    if (!request.merge)
        files.append({{QStringLiteral("certs/fullchain.pem"), {request.material.fullChainPem, kPublic}},
                      {QStringLiteral("certs/privkey.pem"), {request.material.keyPem, kPrivate}}});
    files.append({{QStringLiteral("certs/client-ca.pem"), {request.material.clientCaPem, kPublic}},
                  {QStringLiteral("install.sh"), {scriptText, kScript}},
                  {QStringLiteral("install.data"), {data.toUtf8(), kPublic}},
                  {QStringLiteral("README.md"),
                   {(request.merge ? mergeReadme(*request.merge, *generated, script)
                                   : readme(request, target, *generated, script))
                        .toUtf8(),
                    kPublic}}});
    if (!request.merge && !request.material.chainPem.isEmpty())
        files.append({QStringLiteral("certs/chain.pem"), {request.material.chainPem, kPublic}});
    QDir().mkpath(staging.filePath(QStringLiteral("certs")));
    if (request.merge)
        QDir().mkpath(staging.filePath(QStringLiteral("site")));
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
    result.config = *generated;
    return result;
}

} // namespace mtls
