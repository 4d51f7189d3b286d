#include "RemoteDeploy.h"

#include "InstallScript.h"
#include "RemoteServerFiles.h"
#include "ShellSession.h"
#include "core/SignalCleanup.h"
#include "core/TextEscape.h"
#include "server/ConfigSyntax.h"
#include "server/SiteConflicts.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::RemoteDeploy)
};

void report(const ApplyProgressCallback& progress, ApplyProgress::Kind kind, const QString& text,
            const QString& path = QString())
{
    if (progress)
        progress(ApplyProgress {kind, path, text});
}

// Each line install.sh prints on the server: untrusted text, escaped.
RemoteLogHandler serverLines(const ApplyProgressCallback& progress)
{
    return [progress](const QString& line) {
        report(progress, ApplyProgress::Kind::Remote, escapeControlCharacters(line));
    };
}

Status refuseWhileRunning(const QList<RemoteJob>& jobs)
{
    for (const RemoteJob& job : jobs) {
        if (job.state != RemoteJob::State::Running)
            continue;
        Error error {Text::tr("Another change (job %1, %2 for %3) is still running on the server.")
                         .arg(job.id, remoteJobActionName(job.action), job.domain),
                     {}};
        error.findings << errorFinding(QStringLiteral("REMOTE_JOB_RUNNING"), error.message,
                                       Text::tr("Wait for it with status over SSH, then try again."));
        return error;
    }
    return {};
}

// The end of a job, as steps: install.sh's own verdict.
void reportEnd(const ApplyProgressCallback& progress, const RemoteJob& job, bool merge = false)
{
    if (job.state == RemoteJob::State::Running)
        return;
    if (job.state == RemoteJob::State::Succeeded && job.action == RemoteJobAction::Install)
        report(progress, ApplyProgress::Kind::Verified,
               merge ? Text::tr("Verified on the server by install.sh: the site still serves its own certificate, "
                                "the webhook path refuses callers without a client certificate, and the site's other "
                                "pages answer as before.")
                     : Text::tr("Verified on the server by install.sh: the new configuration is served at the listen "
                                "address and asks for a client certificate from the Chat client CA."));
    else if (job.state == RemoteJob::State::Succeeded)
        report(progress, ApplyProgress::Kind::RolledBack, remoteOutcomeText(job));
    else
        report(progress, ApplyProgress::Kind::Failed, remoteOutcomeText(job));
}

// The bundle's files with the modes they must keep (the key stays 0600).
Result<QList<RemoteFile>> bundleFiles(const QString& dir)
{
    QList<RemoteFile> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error {Text::tr("Cannot read %1.").arg(QDir::toNativeSeparators(path)), file.errorString()};
        const bool open = file.permissions().testFlag(QFileDevice::ReadOther);
        files << RemoteFile {QDir(dir).relativeFilePath(path), file.readAll(), open ? 0644 : 0600};
    }
    return files;
}

} // namespace

QString remoteBackupDir(const QString& stateDir, const QString& domain)
{
    if (stateDir.isEmpty() || stateDir == defaultRemoteStateDir())
        return QStringLiteral("/var/backups/mtls-assistant/") + domain;
    return QDir::cleanPath(stateDir) + QStringLiteral("/backups/") + domain;
}

// Another site for the same name and port on the server: the server would keep one of the two (nginx only warns
// "conflicting server name … ignored", and its test passes), so the webhook or that site would stop working. The rule
// of a local apply (siteConflictFindings), on the server's own `nginx -T` / `apachectl -S`; a site file named like
// ours (an earlier apply of this domain) is ours.
namespace {

// The command that shows the server's effective configuration (`nginx -T`, `apachectl -S`), with what reads it.
struct NameDump
{
    QString domain; // normalized
    ServerKind kind = ServerKind::Nginx;
    QByteArray command; // empty: the layout's usual program, which install.sh finds; nothing to read here
};

Result<NameDump> nameDumpFor(const ExportRequest& bundle)
{
    auto normalized = configsyntax::normalizeDomain(bundle.config.domain);
    if (!normalized)
        return normalized.error();
    NameDump dump;
    dump.domain = normalized.value();
    ServerInstallation server;
    server.kind = dump.kind = bundle.config.server;
    server.binary = bundle.binary;
    server.mainConfig = bundle.mainConfig;
    server.prefix = bundle.prefix;
    if (server.kind == ServerKind::Apache && bundle.prefix.isEmpty())
        server.configRoot = bundle.serverRoot;
    if (server.binary.isEmpty())
        return dump;
    if (!server.prefix.isEmpty())
        dump.command += "cd " + shellQuote(server.prefix).toUtf8() + " && ";
    dump.command += shellQuote(server.binary).toUtf8();
    for (const QString& argument : server.selectArguments())
        dump.command += ' ' + shellQuote(argument).toUtf8();
    dump.command += server.kind == ServerKind::Nginx ? " -T" : " -S";
    return dump;
}

constexpr auto kDumpTimeout = std::chrono::seconds(60);
constexpr qsizetype kDumpMaxOutput = 32 * 1024 * 1024;

// The server's answer to the dump: refused when another site answers the name on one of the bundle's ports.
Status nameConflicts(const ExportRequest& bundle, const NameDump& dump, const ShellRun& run)
{
    const QString name = serverKindDisplayName(dump.kind);
    const QString output = QString::fromUtf8(run.output);
    if (run.exitCode != 0)
        return Error {
            Text::tr("%1 on the server could not show its effective configuration, so nothing was changed.").arg(name),
            escapeControlCharacters(output.right(4000), LineBreaks::Keep)};
    QList<VirtualSite> sites
        = dump.kind == ServerKind::Nginx ? parseNginxDump(output) : parseApacheVirtualHosts(output);
    const QString ours = QStringLiteral("mtls-assistant-%1.conf").arg(dump.domain);
    sites.removeIf([&ours](const VirtualSite& site) { return QFileInfo(site.file).fileName() == ours; });
    QList<quint16> ports;
    for (const ListenAddress& a : bundle.config.listen.isEmpty() ? defaultListen() : bundle.config.listen) {
        if (!ports.contains(a.port))
            ports << a.port;
    }
    const Findings conflicts = siteConflictFindings(sites, dump.domain, ports, QString());
    if (conflicts.isEmpty())
        return {};
    Error refused {Text::tr("A site already answers %1 on the same port on the server, so nothing was changed: the "
                            "server would keep only one of the two, and either the webhook or that site would stop "
                            "working. Use a name of its own for the webhook (for example a subdomain), or remove or "
                            "move the other site first; or ask for client certificates on the webhook path of that "
                            "site only (--mode merge).")
                       .arg(dump.domain)};
    QStringList where;
    for (Finding f : conflicts) {
        f.severity = Severity::Error;
        f.message = escapeControlCharacters(f.message);
        where << f.message;
        refused.findings << f;
    }
    refused.detail = where.join(QLatin1Char('\n'));
    return refused;
}

} // namespace

// Another site for the same name and port on the server: the server would keep one of the two (nginx only warns
// "conflicting server name … ignored", and its test passes), so the webhook or that site would stop working. The rule
// of a local apply (siteConflictFindings), on the server's own `nginx -T` / `apachectl -S`; a site file named like
// ours (an earlier apply of this domain) is ours.
Status checkRemoteNameFree(ShellSession& shell, const ExportRequest& bundle)
{
    auto dump = nameDumpFor(bundle);
    if (!dump)
        return dump.error();
    if (dump->command.isEmpty())
        return {};
    auto run = shell.run("(\n" + dump->command + "\n)", kDumpTimeout, {}, kDumpMaxOutput);
    if (!run)
        return run.error();
    return nameConflicts(bundle, dump.value(), run.value());
}

Result<MergePlan> planRemoteMerge(ShellSession& shell, const ServerInstallation& installation,
                                  const ExportRequest& bundle, bool replaceLocation, const QString& trustRootsPath)
{
    // The paths on the server (the client CA's, the webhook log's) as the bundle will install them.
    auto exportPlan = planExport(bundle);
    if (!exportPlan)
        return exportPlan.error();
    auto dump = nameDumpFor(bundle);
    if (!dump)
        return dump.error();
    QString nginxDump;
    if (installation.kind == ServerKind::Nginx && !dump->command.isEmpty()) {
        auto run = shell.run("(\n" + dump->command + "\n)", kDumpTimeout, {}, kDumpMaxOutput);
        if (!run)
            return run.error();
        if (run->exitCode != 0)
            return Error {Text::tr("nginx on the server could not show its effective configuration, so nothing was "
                                   "changed."),
                          escapeControlCharacters(QString::fromUtf8(run->output.right(4000)), LineBreaks::Keep)};
        nginxDump = QString::fromUtf8(run->output);
    }
    const ServerFiles files
        = remoteServerFiles(shell, nginxDump, installation.kind == ServerKind::Apache ? dump->command : QByteArray());
    MergeRequest merge = mergeRequestOf(exportPlan->config, replaceLocation, trustRootsPath);
    merge.domain = dump->domain;
    return planMerge(installation, merge, files);
}

Result<RemoteJob> applyRemotely(ShellSession& shell, const RemoteApplyRequest& request)
{
    const QString stateDir = request.stateDir.isEmpty() ? defaultRemoteStateDir() : QDir::cleanPath(request.stateDir);
    auto dump = nameDumpFor(request.bundle);
    // The jobs on the server and its configuration (for the name check), in one round trip; a running job is
    // refused first, as when they are asked one after the other.
    ShellRun dumped;
    const bool withDump = dump && !dump->command.isEmpty();
    auto jobs = withDump ? listRemoteJobs(shell, stateDir, dump->command, &dumped, kDumpTimeout, kDumpMaxOutput)
                         : listRemoteJobs(shell, stateDir);
    if (!jobs)
        return jobs.error();
    if (auto free = refuseWhileRunning(jobs.value()); !free)
        return free.error();
    if (!dump)
        return dump.error();
    if (withDump && !request.bundle.merge) {
        if (auto alone = nameConflicts(request.bundle, dump.value(), dumped); !alone)
            return alone.error();
    }
    const QString domain = dump->domain;

    // The bundle, in a private temporary folder here (it holds the key: removed on every way out).
    QTemporaryDir work;
    if (!work.isValid())
        return Error {Text::tr("Cannot make a temporary folder on this machine."), work.errorString()};
    const CleanupRegistration cleanup = CleanupRegistration::folder(work.path());
    ExportRequest exportRequest = request.bundle;
    exportRequest.out = work.filePath(QStringLiteral("bundle"));
    exportRequest.backupDir = remoteBackupDir(stateDir, domain);
    auto exported = exportBundle(exportRequest);
    if (!exported)
        return exported.error();
    auto files = bundleFiles(exported->out);
    if (!files)
        return files.error();

    auto job
        = startRemoteJob(shell, stateDir, RemoteJobAction::Install, domain, exportRequest.backupDir, files.value());
    if (!job)
        return job.error();
    report(request.progress, ApplyProgress::Kind::Remote,
           Text::tr("Uploaded the bundle to %1 on the server; install.sh runs there as job %2.")
               .arg(job->dir + QStringLiteral("/bundle"), job->id));
    auto followed = followRemoteJob(shell, job.value(), serverLines(request.progress), request.wait);
    if (followed)
        reportEnd(request.progress, followed.value(), request.bundle.merge.has_value());
    return followed;
}

Result<RemoteJob> rollbackRemotely(ShellSession& shell, const QString& stateDirGiven, bool remove,
                                   const QString& domain, const ApplyProgressCallback& progress,
                                   std::chrono::milliseconds wait)
{
    const QString stateDir = stateDirGiven.isEmpty() ? defaultRemoteStateDir() : QDir::cleanPath(stateDirGiven);
    auto jobs = listRemoteJobs(shell, stateDir);
    if (!jobs)
        return jobs.error();
    if (auto free = refuseWhileRunning(jobs.value()); !free)
        return free.error();
    // The newest install (of `domain`) whose history on the server still has a step: its bundle knows the files.
    std::optional<RemoteJob> source;
    for (auto it = jobs->crbegin(); it != jobs->crend() && !source; ++it) {
        if (it->action != RemoteJobAction::Install || (!domain.isEmpty() && it->domain != domain))
            continue;
        if (remove || it->lastStep > 0)
            source = *it;
    }
    if (!source)
        return Error {
            domain.isEmpty()
                ? Text::tr("Nothing to roll back: no change made over SSH remains in the server's history.")
                : Text::tr("Nothing to remove: no change for %1 was made on the server over SSH.").arg(domain),
            {}};
    auto job = startRemoteJob(shell, stateDir, remove ? RemoteJobAction::Remove : RemoteJobAction::Rollback,
                              source->domain, source->backupDir, {}, source->bundle);
    if (!job)
        return job.error();
    report(progress, ApplyProgress::Kind::RollingBack,
           Text::tr("install.sh %1 runs on the server as job %2 (the bundle of job %3).")
               .arg(remove ? QStringLiteral("--remove") : QStringLiteral("--rollback"), job->id, source->id));
    auto followed = followRemoteJob(shell, job.value(), serverLines(progress), wait);
    if (followed)
        reportEnd(progress, followed.value());
    return followed;
}

Result<QList<RemoteJob>> remoteStatus(ShellSession& shell, const QString& stateDirGiven,
                                      const ApplyProgressCallback& progress, std::chrono::milliseconds wait,
                                      bool wholeLog)
{
    const QString stateDir = stateDirGiven.isEmpty() ? defaultRemoteStateDir() : QDir::cleanPath(stateDirGiven);
    auto jobs = listRemoteJobs(shell, stateDir);
    if (!jobs || jobs->isEmpty() || (!wholeLog && jobs->last().state != RemoteJob::State::Running))
        return jobs;
    QList<RemoteJob> list = jobs.value();
    if (list.last().state == RemoteJob::State::Running)
        report(progress, ApplyProgress::Kind::Remote,
               Text::tr("Job %1 (%2 for %3) still runs on the server; following it.")
                   .arg(list.last().id, remoteJobActionName(list.last().action), list.last().domain));
    auto followed = followRemoteJob(shell, list.last(), serverLines(progress), wait);
    if (!followed)
        return followed.error();
    list.last() = followed.value();
    reportEnd(progress, followed.value());
    return list;
}

QString remoteOutcomeText(const RemoteJob& job)
{
    const QString state = job.serverState();
    if (state == QLatin1String("running"))
        return Text::tr("Job %1 still runs on the server; run status over SSH to follow it to its end.").arg(job.id);
    if (state == QLatin1String("unfinished"))
        return Text::tr("Job %1 did not finish, and step %2 of install.sh's history on the server is incomplete: "
                        "install.sh puts it back before anything else on its next run; rollback over SSH does it "
                        "now.")
            .arg(job.id)
            .arg(job.lastStep);
    if (state == QLatin1String("after"))
        return Text::tr("The server runs the new configuration for %1 (job %2, step %3 of install.sh's history), "
                        "verified by install.sh on the server. Rollback over SSH puts the previous one back.")
            .arg(job.domain, job.id)
            .arg(job.lastStep);
    if (state == QLatin1String("before"))
        return job.action == RemoteJobAction::Install
            ? Text::tr("Job %1 failed (install.sh ended with %2) and put every file back: the server runs the "
                       "configuration it ran before.")
                  .arg(job.id)
                  .arg(job.exitCode)
            : Text::tr("Job %1 put the previous configuration for %2 back and the server reloaded it.")
                  .arg(job.id, job.domain);
    if (job.state == RemoteJob::State::Interrupted)
        return Text::tr("Job %1 ended without a result (killed, or the server restarted); install.sh's history shows "
                        "no incomplete step.")
            .arg(job.id);
    return Text::tr("Job %1 failed (install.sh ended with %2); see its log on the server: %3/log.")
        .arg(job.id)
        .arg(job.exitCode)
        .arg(job.dir);
}

} // namespace mtls
