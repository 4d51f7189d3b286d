#include "RemoteDeployCommands.h"

#include "ApplySteps.h"
#include "Command.h"
#include "Output.h"
#include "ServerCommandOptions.h"
#include "SshCommandOptions.h"
#include "deploy/RemoteDeploy.h"
#include "deploy/RemoteDiscovery.h"
#include "deploy/ShellSession.h"
#include "deploy/SshShell.h"
#include "probe/ProbeInputs.h"
#include "probe/Prober.h"
#include "setup/SetupStore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

#include <memory>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace mtls::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::RemoteDeployCommands)
};

using namespace std::chrono_literals;

const QString kLocalRootShell = QStringLiteral("local-root-shell");

// The root shell on the server, or the exit code the command stops with (its failure printed).
struct RemoteShell
{
    std::unique_ptr<ShellSession> session;
    int stop = ExitUsage;
};

RemoteShell openRemoteShell(const QCommandLineParser& parser, const QString& command, bool json);

QString remoteStateDir(const QCommandLineParser& parser)
{
    return parser.isSet(QStringLiteral("state-dir")) ? parser.value(QStringLiteral("state-dir")) : QString();
}

// The failure of a command before or around the job (not install.sh's verdict).
int remoteFailure(bool json, const Error& error, const QJsonArray& steps, QJsonObject extra = {})
{
    if (json) {
        extra.insert(QStringLiteral("ok"), false);
        extra.insert(QStringLiteral("remote"), true);
        extra.insert(QStringLiteral("error"), error.message);
        extra.insert(QStringLiteral("detail"), error.detail);
        extra.insert(QStringLiteral("findings"), findingsToJson(error.findings));
        extra.insert(QStringLiteral("steps"), steps);
        Output::json(extra);
    }
    if (hasError(error.findings)) {
        // The findings, then the summary unless it only repeats the first of them.
        if (!json)
            Output::findings(error.findings);
        if (json || error.message != error.findings.first().message)
            Output::failure(error.message);
        return ExitFindings;
    }
    return Output::failure(error.message, error.detail);
}

// With --ssh: the root shell the SSH transport opens on the server (openDeploymentShell: host key, login, sudo; its
// Error carries the SSH_* finding); with --local-root-shell: `sh -s` on this machine as root. Everything after the
// open shell is the same for both.
RemoteShell openRemoteShell(const QCommandLineParser& parser, const QString& command, bool json)
{
    if (sshRequested(parser)) {
        SshOptions options;
        if (const auto stop = sshOptions(parser, command, options))
            return {nullptr, *stop};
        auto opened = openDeploymentShell(options);
        if (!opened)
            return {nullptr, remoteFailure(json, opened.error(), {})};
        return {std::move(opened.value()), ExitOk};
    }
#ifdef Q_OS_UNIX
    const bool root = ::geteuid() == 0;
#else
    const bool root = false; // no root shell on this machine: only over SSH
#endif
    if (!root)
        return {nullptr,
                remoteFailure(json,
                              Error {Text::tr("--local-root-shell runs the remote executor through a root "
                                              "shell on this machine: run it as root."),
                                     {}},
                              {})};
    auto shell = std::make_unique<ShellSession>();
    Status started = shell->start(QStringLiteral("/bin/sh"), {QStringLiteral("-s")});
    if (started) {
        auto answered = shell->run("true", 10s);
        if (!answered)
            started = answered.error();
    }
    if (!started)
        return {nullptr, remoteFailure(json, started.error(), {})};
    return {std::move(shell), ExitOk};
}

// The test handshake from this machine against the public URL, as after an apply here: its findings are warnings
// (DNS may not point at the server yet; install.sh checked the listen address from the server itself).
std::optional<ProbeReport> probeFromHere(const CheckReport& report, const ServerConfigRequest& site,
                                         const QString& rootsPath)
{
    ProbeOptions options;
    const quint16 port = site.listen.isEmpty() ? 443 : site.listen.first().port;
    options.url = QUrl(QStringLiteral("https://%1:%2%3").arg(site.domain).arg(port).arg(site.webhookPath));
    if (!report.material.clientCas.isEmpty())
        options.expectedClientCa = report.material.clientCas.first();
    if (!rootsPath.isEmpty()) {
        if (auto roots = readCertificatesFile(rootsPath); roots)
            options.serverCas = roots.value();
    }
    options.checkLegacyVersions = false;
    if (!Prober::validate(options))
        return std::nullopt;
    Prober prober(options);
    auto probed = prober.run();
    if (!probed)
        return std::nullopt;
    return probed.value();
}

// Every apply is a saved setup, over SSH too: with the server it went to, so `status` lists it and the wizard's
// renewal deploys the same way (no password, no key material in it).
Status saveRemoteSetup(const QCommandLineParser& parser, const RemoteApplyRequest& request, const CheckReport& report)
{
    const auto target = parseSshTarget(parser.value(QStringLiteral("ssh")));
    if (!target)
        return target.error();
    const QString identity = parser.isSet(QStringLiteral("identity"))
        ? QFileInfo(parser.value(QStringLiteral("identity"))).absoluteFilePath()
        : QString();
    auto plan = planExport(request.bundle);
    if (!plan)
        return plan.error();
    const SetupStore store;
    auto content = store.load();
    if (!content)
        return content.error();
    const bool issuedByChat = parser.isSet(QStringLiteral("issued-by-chat"));
    return store.save(savedSetupOfRemoteApply(
        plan.value(), target->display(), identity,
        issuedByChat ? CertificateSource::IssuedByChat : CertificateSource::OwnCa, report.material.leaf,
        report.material.clientCas.isEmpty() ? Certificate() : report.material.clientCas.first(), content->setups));
}

} // namespace

void addRemoteOptions(QCommandLineParser& parser, bool withStateDir)
{
    addSshOptions(parser);
    QCommandLineOption local(kLocalRootShell,
                             Text::tr("Run the remote executor against this machine through a root shell (tests)."));
    local.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(local);
    if (withStateDir) {
        QCommandLineOption state(
            QStringLiteral("state-dir"),
            Text::tr("On a server over SSH: the assistant's folder there. Default: %1.").arg(defaultRemoteStateDir()),
            QStringLiteral("DIR"));
        state.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(state);
    }
}

bool remoteRequested(const QCommandLineParser& parser)
{
    return sshRequested(parser) || parser.isSet(kLocalRootShell);
}

std::optional<int> rejectSshOptionsHere(const QCommandLineParser& parser, const QString& command)
{
    for (const char* option : {"identity", "known-hosts", "sudo-password-env", "accept-host-key"}) {
        if (parser.isSet(QLatin1String(option))) {
            SshOptions unused;
            return sshOptions(parser, command, unused); // names the option that needs --ssh
        }
    }
    return std::nullopt;
}

int runRemoteApply(const QCommandLineParser& parser, const QString& command, ServerKind kind, const CheckReport& report,
                   const ServerConfigRequest& site)
{
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool merge = parser.value(QStringLiteral("mode")) == QLatin1String("merge");
    ApplySteps steps(!json);
    auto shell = openRemoteShell(parser, command, json);
    if (!shell.session)
        return shell.stop;
    DiscoveryOptions given;
    given.binary = parser.value(QStringLiteral("binary"));
    given.configRoot = parser.value(QStringLiteral("server-root"));
    given.mainConfig = parser.value(QStringLiteral("main-config"));
    given.prefix = parser.value(QStringLiteral("prefix"));
    auto installation = discoverRemoteServer(*shell.session, kind, given);
    if (!installation)
        return remoteFailure(json, installation.error(), steps.steps());
    if (!json)
        Output::line(Text::tr("On the server: %1 %2 (%3), configuration in %4.")
                         .arg(serverKindDisplayName(kind), installation->version.toString(),
                              Output::plain(installation->binary), Output::plain(installation->configRoot)));

    RemoteApplyRequest request;
    request.bundle = exportRequestFor(installation.value(), given.mainConfig);
    const QVersionNumber version = site.serverVersion.isNull() ? installation->version : site.serverVersion;
    request.bundle.config = site;
    request.bundle.config.serverVersion = version;
    request.bundle.material = materialOf(report);
    request.stateDir = remoteStateDir(parser);
    request.progress = steps.callback();
    const QJsonObject where {{QStringLiteral("installation"), installation->toJson()}};
    if (merge) {
        auto planned
            = planRemoteMerge(*shell.session, installation.value(), request.bundle,
                              parser.isSet(QStringLiteral("replace-location")), parser.value(QStringLiteral("roots")));
        if (!planned)
            return remoteFailure(json, planned.error(), steps.steps(), where);
        request.bundle.merge = planned.value();
        if (!json)
            Output::line(Text::tr("Merging into the site of %1 on the server (%2).")
                             .arg(Output::plain(planned->site.where()), Output::plain(planned->location)));
    }
    auto job = applyRemotely(*shell.session, request);
    if (!job)
        return remoteFailure(json, job.error(), steps.steps(), where);

    const bool ok = job->state == RemoteJob::State::Succeeded;
    std::optional<ProbeReport> probe;
    Status saved;
    if (ok) {
        probe = probeFromHere(report, site, parser.value(QStringLiteral("roots")));
        if (sshRequested(parser))
            saved = saveRemoteSetup(parser, request, report);
    }
    if (json) {
        QJsonObject object = where;
        object.insert(QStringLiteral("ok"), ok);
        object.insert(QStringLiteral("remote"), true);
        object.insert(QStringLiteral("mode"), merge ? QStringLiteral("merge") : QStringLiteral("dedicated"));
        if (merge)
            object.insert(QStringLiteral("site_file"), request.bundle.merge->site.file);
        object.insert(QStringLiteral("job"), job->toJson());
        object.insert(QStringLiteral("server_state"), job->serverState());
        object.insert(QStringLiteral("error"), ok ? QString() : remoteOutcomeText(job.value()));
        object.insert(QStringLiteral("findings"), findingsToJson(sortedBySeverity(report.findings)));
        object.insert(QStringLiteral("steps"), steps.steps());
        if (probe)
            object.insert(QStringLiteral("probe"), probe->toJson());
        Output::json(object);
    }
    if (!ok)
        return Output::failure(remoteOutcomeText(job.value()));
    if (!json) {
        if (!report.findings.isEmpty())
            Output::findings(sortedBySeverity(report.findings));
        if (probe)
            Output::line(probe->ok()
                             ? Text::tr("The test handshake from this machine against %1 passed.")
                                   .arg(Output::plain(probe->url.toString()))
                             : Text::tr("The test handshake from this machine against %1 did not pass (DNS may not "
                                        "point at the server yet; install.sh checked the listen address from the "
                                        "server): run 'mtls-assistant-cli probe' for the details.")
                                   .arg(Output::plain(probe->url.toString())));
        Output::line(Output::paint(remoteOutcomeText(job.value()), Output::Colour::Green));
    }
    if (!saved)
        Output::err(Text::tr("warning: the setup could not be saved, so 'status' will not list it: %1")
                        .arg(saved.error().message));
    return ExitOk;
}

int runRemoteRollback(const QCommandLineParser& parser, bool remove, const QString& domain)
{
    const bool json = parser.isSet(QStringLiteral("json"));
    ApplySteps steps(!json);
    auto shell = openRemoteShell(parser, remove ? QStringLiteral("remove") : QStringLiteral("rollback"), json);
    if (!shell.session)
        return shell.stop;
    auto job = rollbackRemotely(*shell.session, remoteStateDir(parser), remove, domain, steps.callback());
    if (!job)
        return remoteFailure(json, job.error(), steps.steps());
    const bool ok = job->state == RemoteJob::State::Succeeded;
    if (json)
        Output::json({{QStringLiteral("ok"), ok},
                      {QStringLiteral("remote"), true},
                      {QStringLiteral("domain"), job->domain},
                      {QStringLiteral("job"), job->toJson()},
                      {QStringLiteral("server_state"), job->serverState()},
                      {QStringLiteral("error"), ok ? QString() : remoteOutcomeText(job.value())},
                      {QStringLiteral("detail"), QString()},
                      {QStringLiteral("steps"), steps.steps()}});
    if (!ok)
        return Output::failure(remoteOutcomeText(job.value()));
    return ExitOk; // the last step said what the server runs now
}

int runRemoteStatus(const QCommandLineParser& parser)
{
    const bool json = parser.isSet(QStringLiteral("json"));
    ApplySteps steps(!json);
    auto shell = openRemoteShell(parser, QStringLiteral("status"), json);
    if (!shell.session)
        return shell.stop;
    auto jobs = remoteStatus(*shell.session, remoteStateDir(parser), steps.callback(), 10min);
    if (!jobs)
        return remoteFailure(json, jobs.error(), steps.steps());
    const bool settled = jobs->isEmpty() || jobs->last().state != RemoteJob::State::Running;
    if (json) {
        QJsonArray list;
        for (const RemoteJob& job : jobs.value())
            list.append(job.toJson());
        Output::json(
            {{QStringLiteral("remote"), true},
             {QStringLiteral("jobs"), list},
             {QStringLiteral("server_state"), jobs->isEmpty() ? QStringLiteral("none") : jobs->last().serverState()},
             {QStringLiteral("steps"), steps.steps()}});
        return settled ? ExitOk : ExitFindings;
    }
    if (jobs->isEmpty()) {
        Output::line(Text::tr("No change was made on this server over SSH."));
        return ExitOk;
    }
    for (const RemoteJob& job : jobs.value())
        Output::line(QStringLiteral("  %1  %2  %3  %4")
                         .arg(Output::plain(job.id), remoteJobActionName(job.action).leftJustified(8),
                              Output::plain(job.domain).leftJustified(28), remoteJobStateName(job.state)));
    Output::line(remoteOutcomeText(jobs->last()));
    return settled ? ExitOk : ExitFindings;
}

} // namespace mtls::cli
