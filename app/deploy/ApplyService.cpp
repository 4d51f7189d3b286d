#include "ApplyService.h"

#include "ApplyRun.h"
#include "ApplyVerification.h"
#include "ConfigTester.h"
#include "core/Logging.h"
#include "core/TextJoin.h"
#include "server/ConfigPreflight.h"
#include "server/ConfigSyntax.h"
#include "server/ServerControl.h"
#include "server/SiteConflicts.h"
#include "server/SitePlacement.h"
#include "server/WebhookLog.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QStandardPaths>

#include <cstdlib>

namespace mtls {

using namespace applyrun;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ApplyService)
};

constexpr auto kPublic
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
constexpr auto kPrivate = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QStringList missingDirectories(const QStringList& wanted)
{
    QStringList missing;
    for (const QString& dir : wanted) {
        QStringList chain;
        QString d = QDir(dir).absolutePath();
        while (!QFileInfo::exists(d)) {
            chain.prepend(d);
            const QString parent = QFileInfo(d).absolutePath();
            if (parent == d)
                break;
            d = parent;
        }
        for (const QString& c : std::as_const(chain)) {
            if (!missing.contains(c))
                missing << c;
        }
    }
    return missing;
}

} // namespace

QString defaultApplyStateDir(const ServerInstallation& installation)
{
    const QByteArray key = (serverKindName(installation.kind) + QLatin1Char('|') + installation.configRoot).toUtf8();
    const QString id = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(12));
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/apply/")
        + serverKindName(installation.kind) + QLatin1Char('-') + id;
}

namespace {

// a2enmod on Debian's Apache: link the modules' .load and .conf files into mods-enabled when they are not yet there.
void addApacheModuleLinks(const ServerInstallation& inst, const QStringList& modules, ApplyPlan& plan)
{
    if (inst.kind != ServerKind::Apache || inst.layout != ServerLayout::Debian)
        return;
    const QString available = inst.configRoot + QStringLiteral("/mods-available/");
    const QString enabled = inst.configRoot + QStringLiteral("/mods-enabled/");
    for (const QString& module : modules) {
        for (const QString& ext : {QStringLiteral(".load"), QStringLiteral(".conf")}) {
            const QString name = module + ext;
            if (QFileInfo::exists(available + name) && !QFileInfo(enabled + name).exists()
                && !QFileInfo(enabled + name).isSymLink()) {
                ApplyChange change;
                change.type = ApplyChange::Type::Symlink;
                change.target = enabled + name;
                change.linkTo = QStringLiteral("../mods-available/") + name;
                plan.changes << change;
            }
        }
    }
}

// The merge mode's configuration: no certificate of ours, the Chat client CA in the domain's folder.
ServerConfigRequest mergeConfigRequest(const ApplyRequest& request, const QString& domain)
{
    const ServerInstallation& inst = request.installation;
    ServerConfigRequest config = request.config;
    config.server = inst.kind;
    config.domain = domain;
    config.certificatePath.clear();
    config.keyPath.clear();
    config.chainPath.clear();
    config.clientCaPath = inst.certDir + QLatin1Char('/') + domain + QStringLiteral("/client-ca.pem");
    if (config.accessLogPath.isEmpty())
        config.accessLogPath = installedWebhookLogPath(inst, domain);
    return config;
}

Result<MergePlan> planMergeOf(const ApplyRequest& request, const ServerConfigRequest& config)
{
    return planMerge(request.installation, mergeRequestOf(config, request.replaceLocation, request.trustRootsPath));
}

// The merge mode: the Chat client CA in the domain's folder, and the edit of the site that answers the name.
Result<ApplyPlan> planMergeApply(const ApplyRequest& request, const QString& domain)
{
    const ServerInstallation& inst = request.installation;
    if (request.material.clientCaPem.isEmpty())
        return Error {Text::tr("The Chat client CA is needed to apply."), {}};
    const QString dir = inst.certDir + QLatin1Char('/') + domain;
    const ServerConfigRequest config = mergeConfigRequest(request, domain);
    auto planned = planMergeOf(request, config);
    if (!planned)
        return planned.error();

    ApplyPlan plan;
    plan.merge = planned.value();
    plan.configRequest = config;
    plan.siteFile = planned->site.file;
    plan.config.server = inst.kind;
    plan.config.domain = domain;
    plan.config.fileName = QFileInfo(plan.siteFile).fileName();
    plan.config.text = QString::fromUtf8(planned->after);
    plan.config.clientCaPath = config.clientCaPath;
    plan.directories << dir;
    ApplyChange ca;
    ca.target = config.clientCaPath;
    ca.content = request.material.clientCaPem;
    ca.permissions = kPublic;
    plan.changes << ca;
    if (planned->after != planned->before) {
        ApplyChange site;
        site.target = plan.siteFile;
        site.content = planned->after;
        site.permissions = kPublic;
        site.mode = planned->mode;
        site.uid = planned->uid;
        site.gid = planned->gid;
        plan.changes << site;
    }
    // What the lines added to an Apache site need (the site's own TLS already loads mod_ssl).
    addApacheModuleLinks(
        inst,
        {QStringLiteral("headers"), QStringLiteral("proxy"), QStringLiteral("proxy_http"), QStringLiteral("setenvif")},
        plan);
    return plan;
}

} // namespace

Result<MergePlan> planMergeSite(const ApplyRequest& request)
{
    auto domain = configsyntax::normalizeDomain(request.config.domain);
    if (!domain)
        return domain.error();
    return planMergeOf(request, mergeConfigRequest(request, domain.value()));
}

Result<ApplyPlan> planApply(const ApplyRequest& request)
{
    const ServerInstallation& inst = request.installation;
    auto domain = configsyntax::normalizeDomain(request.config.domain);
    if (!domain)
        return domain.error();
    if (request.mode == SetupMode::Merge)
        return planMergeApply(request, domain.value());
    if (request.material.fullChainPem.isEmpty() || request.material.keyPem.isEmpty()
        || request.material.clientCaPem.isEmpty())
        return Error {Text::tr("The certificate, its key and the Chat client CA are all needed to apply."), {}};
    const QString dir = inst.certDir + QLatin1Char('/') + domain.value();

    ServerConfigRequest config = request.config;
    config.server = inst.kind;
    config.certificatePath = dir + QStringLiteral("/fullchain.pem");
    config.keyPath = dir + QStringLiteral("/privkey.pem");
    config.clientCaPath = dir + QStringLiteral("/client-ca.pem");
    config.chainPath = request.material.chainPem.isEmpty() ? QString() : dir + QStringLiteral("/chain.pem");
    if (config.accessLogPath.isEmpty())
        config.accessLogPath = installedWebhookLogPath(inst, domain.value());
    if (config.serverVersion.isNull())
        config.serverVersion = inst.version;
    // Where nothing reads our directory yet: the include line, or a refusal that names it.
    std::optional<ApplyChange> includeLine;
    if (inst.needsIncludeLine) {
        auto change = includeLineChange(inst, request.addInclude);
        if (!change)
            return change.error();
        includeLine = change.value();
    }
    Findings placementFindings;
    if (auto placed = placeApacheAddresses(inst, QStringLiteral("mtls-assistant-%1.conf").arg(domain.value()),
                                           request.force, config, placementFindings);
        !placed)
        return placed.error();
    auto generated = generateServerConfig(config);
    if (!generated)
        return generated.error();

    ApplyPlan plan;
    plan.config = generated.value();
    plan.config.findings += placementFindings;
    plan.configRequest = config;
    plan.siteFile = inst.siteDir + QLatin1Char('/') + plan.config.fileName;
    plan.directories << dir << inst.siteDir;
    const auto file = [&plan](const QString& target, const QByteArray& content, QFileDevice::Permissions mode) {
        ApplyChange change;
        change.target = target;
        change.content = content;
        change.permissions = mode;
        plan.changes << change;
    };
    file(config.certificatePath, request.material.fullChainPem, kPublic);
    if (!config.chainPath.isEmpty())
        file(config.chainPath, request.material.chainPem, kPublic);
    file(config.keyPath, request.material.keyPem, kPrivate);
    file(config.clientCaPath, request.material.clientCaPem, kPublic);
    file(plan.siteFile, plan.config.text.toUtf8(), kPublic);
    if (includeLine)
        plan.changes << *includeLine;

    const auto link = [&plan](const QString& target, const QString& linkTo) {
        ApplyChange change;
        change.type = ApplyChange::Type::Symlink;
        change.target = target;
        change.linkTo = linkTo;
        plan.changes << change;
    };
    if (!inst.enabledDir.isEmpty()) {
        // Debian: enable the site as a2ensite / the nginx package do, with a relative link.
        plan.directories << inst.enabledDir;
        link(inst.enabledDir + QLatin1Char('/') + plan.config.fileName,
             QDir(inst.enabledDir).relativeFilePath(plan.siteFile));
    }
    // mod_setenvif only fills the webhook log's query fields (the file works without it; Debian enables it).
    addApacheModuleLinks(inst,
                         QStringList {QStringLiteral("socache_shmcb")} + plan.config.apacheModules
                             + QStringList {QStringLiteral("setenvif")},
                         plan);
    return plan;
}

QStringList unwritableDirectories(const ApplyPlan& plan)
{
    QStringList denied;
    for (const ApplyChange& change : plan.changes) {
        const QString dir = QFileInfo(change.target).absolutePath();
        if (!denied.contains(dir) && !fileops::canWriteInto(dir))
            denied << dir;
    }
    return denied;
}

namespace {

Result<ApplyResult> applyWithSteps(const ApplyRequest& request, Steps& steps)
{
    const ServerInstallation& inst = request.installation;
    const QString server = serverKindDisplayName(inst.kind);
    auto session = openSession(inst, request.stateDir);
    if (!session)
        return session.error();

    ApplyResult result;
    auto recovered = recover(inst, session->history);
    if (!recovered)
        return recovered.error();
    result.recovered = recovered.value();
    if (!result.recovered.isEmpty())
        steps.report(ApplyProgress::Kind::Recovered, QString(), result.recovered);

    auto plan = planApply(request);
    if (!plan)
        return plan.error();
    result.config = plan->config;
    result.siteFile = plan->siteFile;
    result.findings = plan->config.findings;
    result.mode = plan->merge ? SetupMode::Merge : SetupMode::Dedicated;

    // Where the user cannot write, nothing is touched: the caller re-runs apply with the platform's elevation.
    const QStringList denied = unwritableDirectories(plan.value());
    if (!denied.isEmpty() && fileops::isReadOnlyFilesystem(denied.first()))
        return Error {Text::tr("The filesystem holding %1 is read-only, so nothing was changed. Administrator rights "
                               "would not help: make it writable (remount it read-write) first.")
                          .arg(QDir::toNativeSeparators(denied.first())),
                      {}};
    if (!denied.isEmpty())
        return Error {Text::tr("You do not have the rights to write into %1, so nothing was changed. Applying "
                               "there needs administrator rights.")
                          .arg(QDir::toNativeSeparators(denied.first())),
                      QStringLiteral("needs-elevation")};

    if (plan->configRequest.profile == TlsProfile::ChatGuide && !request.forceLegacyTls) {
        Error refused {Text::tr("The chat-guide profile allows only TLS 1.0 and 1.1, which a server built with "
                                "OpenSSL 3 cannot complete a handshake with, so nothing was changed. Use the "
                                "intermediate profile, or add --force-legacy-tls to apply it anyway.")};
        for (Finding f : tlsProfileFindings(TlsProfile::ChatGuide)) {
            f.severity = Severity::Error;
            refused.findings << f;
        }
        return refused;
    }

    // The server as it is must be sound before anything changes: its own test passes, and Apache could load every
    // certificate it names (its test does not, and a reload would stop it).
    if (qEnvironmentVariable("MTLS_TEST_SKIP_PREFLIGHT") != QLatin1String("1")) {
        if (auto sound = preflightConfiguration(inst, QFileInfo(plan->configRequest.clientCaPath).absolutePath());
            !sound)
            return sound.error();
    }

    // Another site for the same name and port: the server would keep one of the two. Refused before any change.
    const QList<ListenAddress> listen = request.config.listen.isEmpty() ? defaultListen() : request.config.listen;
    QList<quint16> ports;
    for (const ListenAddress& a : listen) {
        if (!ports.contains(a.port))
            ports << a.port;
    }
    // Merge: the site that answers the name is the one edited. Otherwise another site for the same name and port:
    // the server would keep one of the two. Refused before any change, and without a mode both modes are explained.
    const bool merge = plan->merge.has_value();
    std::optional<AnsweringSite> answering;
    if (!merge && request.mode == SetupMode::Auto) {
        auto found = findAnsweringSite(inst, plan->config.domain, listen);
        const QString ours = QFileInfo(plan->siteFile).canonicalFilePath();
        if (found && found->has_value() && found->value().byName() && (ours.isEmpty() || found->value().file != ours))
            answering = found->value();
    }
    auto conflicts
        = merge ? Result<Findings>(Findings()) : findSiteConflicts(inst, plan->config.domain, ports, plan->siteFile);
    if (!conflicts)
        return Error {Text::tr("%1 could not show its effective configuration, so nothing was changed.").arg(server),
                      conflicts.error().fullText()};
    if (!conflicts->isEmpty() || answering) {
        Error refused {Text::tr("Another site already answers %1 on the same port, so nothing was changed: the server "
                                "would keep only one of the two, and either the webhook or that site would stop "
                                "working. Use a name of its own for the webhook (for example a subdomain), or remove "
                                "or move the other site first.")
                           .arg(plan->config.domain)};
        QStringList where;
        for (Finding f : conflicts.value()) {
            f.severity = Severity::Error;
            refused.findings << f;
            where << f.message;
        }
        if (answering) {
            const Finding choice = modeChoiceFinding(*answering, plan->config.domain);
            refused.message = Text::tr("A site already answers %1 on the same port (%2), so nothing was changed. "
                                       "Choose --mode merge (client certificates on the webhook path of that site) or "
                                       "--mode dedicated (a site of its own, with a name of its own).")
                                  .arg(plan->config.domain, answering->where());
            refused.findings << choice;
            where << choice.message;
        }
        refused.detail = where.join(QLatin1Char('\n'));
        return refused;
    }

    // Every folder written into must be ours, and so must every folder above it: a link another user could change
    // or a folder others can write into is refused, never written through (each write walks the way again).
    const QString certFolder = QFileInfo(plan->configRequest.clientCaPath).absolutePath();
    QStringList folders {inst.certDir};
    folders += plan->directories;
    for (const ApplyChange& change : std::as_const(plan->changes))
        folders << QFileInfo(change.target).absolutePath();
    folders.removeDuplicates();
    for (const QString& dir : std::as_const(folders)) {
        if (auto trusted = fileops::checkTrustedFolder(dir, true); !trusted)
            return trusted.error();
    }
    // Room for the new files beside the old ones, and for the backups.
    QList<fileops::SpaceNeed> needs;
    for (const ApplyChange& change : std::as_const(plan->changes)) {
        const QFileInfo old(change.target);
        needs << fileops::SpaceNeed {old.absolutePath(), change.content.size() + 4096};
        if (old.isFile() && !old.isSymLink())
            needs << fileops::SpaceNeed {session->history.path(), old.size() + 4096};
    }
    needs << fileops::SpaceNeed {session->history.path(), 64 * 1024}; // the journal
    if (auto room = fileops::checkFreeSpace(needs); !room)
        return room.error();

    // What the port serves now, to compare after the reload.
    VerificationTarget target;
    target.installation = inst;
    target.domain = plan->config.domain;
    target.listen = listen;
    target.webhookPath = plan->configRequest.webhookPath;
    target.siteFile = plan->siteFile;
    if (merge) {
        // The site's own certificate must still be served, where the site answers the name.
        target.merge = true;
        target.leafSha256 = plan->merge->siteLeafSha256;
        target.listen = plan->merge->site.listen;
    } else if (auto leaf = Certificate::fromPem(request.material.fullChainPem)) {
        target.leafSha256 = leaf->sha256Hex();
    }
    if (auto ca = Certificate::fromPem(request.material.clientCaPem))
        target.clientCa = ca.value();
    ApplyVerifier verifier(target);
    verifier.recordBefore();

    // Backups of everything that will be replaced, into the state directory (outside the server's tree).
    ApplyJournal journal;
    journal.server = serverKindName(inst.kind);
    journal.domain = plan->config.domain;
    journal.configRoot = inst.configRoot;
    journal.siteFile = plan->siteFile;
    journal.certDir = certFolder;
    journal.createdDirs = missingDirectories(plan->directories);
    journal.verification = verificationRecord(target, verifier.before());
    // A step of its own in the history: a refused or failed apply never touches the earlier steps.
    auto created = session->history.createStep();
    if (!created)
        return created.error();
    const ApplyStateDir state = created.value();
    for (qsizetype i = 0; i < plan->changes.size(); ++i) {
        auto entry = fileops::backup(plan->changes.at(i).target, state.backupDir(), QString::number(i));
        if (!entry) {
            state.clear();
            return entry.error();
        }
        journal.entries << entry.value();
        if (entry->existed)
            steps.report(ApplyProgress::Kind::BackedUp, entry->target,
                         Text::tr("Backed up: %1").arg(nativePath(entry->target)));
    }
    if (auto saved = state.save(journal); !saved) {
        state.clear();
        return saved.error();
    }
    steps.done("journal written");

    // Tells the step that failed, puts everything back and tells how that went. After a reload, the previous
    // configuration is reloaded and verified too.
    const auto rollBack = [&](const Error& why, const QString& path = QString(), bool reloadAgain = false) -> Error {
        steps.failed(path, why.message);
        steps.report(ApplyProgress::Kind::RollingBack, QString(),
                     Text::tr("Rolling back: putting every file back as it was."));
        Error error = why;
        bool filesBack = false;
        if (auto undone = undo(journal, &steps, &result.changed); !undone) {
            error.detail += QLatin1Char('\n') + undone.error().fullText();
            steps.failed(QString(), undone.error().message);
        } else if (auto marked = state.clear(); !marked) {
            error.detail += QLatin1Char('\n') + marked.error().fullText();
            steps.failed(QString(), marked.error().message);
        } else {
            filesBack = true;
            steps.report(ApplyProgress::Kind::RolledBack, QString(),
                         Text::tr("Rolled back: every file is as it was before."));
        }
        error.message = joinSentences({error.message,
                                       filesBack ? Text::tr("Every file was put back as it was.")
                                                 : Text::tr("Some files could not be put back; see the details.")});
        if (reloadAgain) {
            if (auto previous = reloadPrevious(
                    inst, [&] { return verifier.verifyPrevious(); }, steps, PreviousCheck::AfterFailedApply);
                !previous) {
                error.message = joinSentences({error.message, previous.error().message});
                error.detail += QLatin1Char('\n') + previous.error().detail;
            } else {
                error.message = joinSentences(
                    {error.message, Text::tr("%1 serves the previous configuration again (verified).").arg(server)});
            }
        }
        return error;
    };

    for (const QString& dir : std::as_const(journal.createdDirs)) {
        // 0755 whatever the umask: a folder others could write into would be refused by the next run.
        if (auto made = fileops::makeFolder(dir); !made)
            return rollBack(made.error(), dir);
        steps.report(ApplyProgress::Kind::DirectoryMade, dir, Text::tr("Directory created: %1").arg(nativePath(dir)));
    }
    steps.done("directories made");

    const int failAt = qEnvironmentVariableIntValue("MTLS_APPLY_FAIL_WRITE_AT");
    for (qsizetype i = 0; i < plan->changes.size(); ++i) {
        const ApplyChange& change = plan->changes.at(i);
        Status written = change.type == ApplyChange::Type::File ? fileops::writeAtomically(
                             change.target, change.content,
                             fileops::FileMode {change.mode >= 0 ? change.mode : fileops::modeBits(change.permissions),
                                                change.uid, change.gid},
                             true)
                                                                : fileops::makeSymlink(change.target, change.linkTo);
        if (failAt > 0 && i + 1 == failAt)
            written = Error {Text::tr("Cannot write %1.").arg(QDir::toNativeSeparators(change.target)),
                             QStringLiteral("No space left on device (test hook)")};
        if (!written)
            return rollBack(written.error(), change.target);
        result.changed << change.target;
        steps.done("change written", ApplyProgress::Kind::Written, change.target,
                   change.type == ApplyChange::Type::File
                       ? Text::tr("Written: %1").arg(nativePath(change.target))
                       : Text::tr("Enabled: %1 (a link to %2)").arg(nativePath(change.target), change.linkTo));
    }
    journal.state = ApplyJournal::State::Written;
    if (auto saved = state.save(journal); !saved)
        return rollBack(saved.error());
    steps.done("written");

    // Apache's configtest does not load certificates and keys (a key that does not match would only show when the
    // server restarts, and stop it). So our site alone runs first on a throwaway Apache on a loopback port. The merge
    // mode installs no certificate or key: the site keeps its own, which the preflight saw Apache load.
    if (inst.kind == ServerKind::Apache && !merge) {
        if (auto tried = proveConfiguration(plan->configRequest, request.material, inst.binary); !tried)
            return rollBack(
                Error {Text::tr("Apache cannot start with the new certificate files."), tried.error().fullText()});
    }
    const ServerControl control(inst);
    if (auto tested = control.test(); !tested) {
        const QString detail = ServerControl::explainError(tested.error().detail, plan->siteFile, plan->config.text);
        return rollBack(Error {Text::tr("%1 refused the new configuration.").arg(server), detail});
    }
    steps.done("tested", ApplyProgress::Kind::Tested, QString(),
               Text::tr("Tested: %1 accepts the whole configuration.").arg(server));
    if (auto reloaded = control.reload(); !reloaded)
        return rollBack(reloaded.error(), QString(), true);
    journal.state = ApplyJournal::State::Reloaded;
    if (auto saved = state.save(journal); !saved)
        return rollBack(saved.error(), QString(), true);
    steps.done("reloaded", ApplyProgress::Kind::Reloaded, QString(),
               Text::tr("Reloaded: %1 read the new configuration.").arg(server));

    const auto passed = [&steps](const QString& line) { steps.report(ApplyProgress::Kind::Verified, QString(), line); };
    if (request.forceLegacyTls && plan->configRequest.profile == TlsProfile::ChatGuide) {
        // The check offers TLS 1.2 and later only; the configuration is still checked to be read.
        target.leafSha256.clear();
        steps.report(ApplyProgress::Kind::Verified, QString(),
                     Text::tr("Not verified: the chat-guide profile allows only TLS 1.0 and 1.1, which the check "
                              "does not offer."));
    } else if (auto verified = verifier.verifyApplied(passed); !verified) {
        return rollBack(
            Error {Text::tr("The new configuration does not work as it should: %1").arg(verified.error().message),
                   verified.error().detail},
            QString(), true);
    } else {
        result.findings += verified.value();
    }
    journal.state = ApplyJournal::State::Done;
    if (auto saved = state.save(journal); !saved)
        return saved.error();
    return result;
}

} // namespace

Result<ApplyResult> applyConfiguration(const ApplyRequest& request)
{
    Steps steps(request.progress);
    auto result = applyWithSteps(request, steps);
    if (!result && !steps.failedReported())
        steps.failed(QString(), result.error().message);
    return result;
}

} // namespace mtls
