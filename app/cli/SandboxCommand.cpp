#include "SandboxCommand.h"

#include "Output.h"
#include "ProbeReportText.h"
#include "sandbox/Sandbox.h"

#include <QCoreApplication>

#include <csignal>
#include <pthread.h>
#include <unistd.h>

namespace mtls::cli {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("mtls::cli::SandboxCommand", text);
}

QString verdict(const SandboxReport& report)
{
    const ProbeReport& p = report.probe;
    QString refusal = p.withoutClientCertificate == CallerOutcome::RejectedByHttpStatus
        ? tr("refused with HTTP %1").arg(p.httpStatusWithoutCertificate.value_or(0))
        : tr("refused in the TLS handshake");
    return tr("The setup works: a caller without a client certificate was %1, the stand-in for Chat's servers "
              "with its certificate got through (HTTP %2), and %3 request(s) reached the webhook application.")
        .arg(refusal)
        .arg(p.httpStatusWithCertificate.value_or(0))
        .arg(report.requestsReachingApplication);
}

// Waits for Ctrl+C, SIGTERM or SIGHUP (blocked in every thread since the start of the command).
void waitForStopSignal(const sigset_t& stopSignals)
{
    int received = 0;
    sigwait(&stopSignals, &received);
}

} // namespace

QString SandboxCommand::summary() const
{
    return tr("Show the whole job on this computer: test certificates, generated configuration, the real server, "
              "the probe.");
}

void SandboxCommand::setup(QCommandLineParser& parser) const
{
    parser.addOption(QCommandLineOption(QStringLiteral("server"), tr("The server to run: nginx (default) or apache."),
                                        tr("nginx|apache"), QStringLiteral("nginx")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("keep"), tr("Leave the sandbox running after the report, until Ctrl+C.")));
}

int SandboxCommand::run(const QCommandLineParser& parser) const
{
    if (!parser.positionalArguments().isEmpty())
        return Output::usageError(name(), tr("takes no arguments."));
    const auto kind = serverKindFromName(parser.value(QStringLiteral("server")));
    if (!kind)
        return Output::usageError(name(), tr("--server must be nginx or apache."));
    const bool keep = parser.isSet(QStringLiteral("keep"));
    // With --keep the command waits for a signal to clean up: block them before any thread starts, so that
    // every thread inherits the mask and only sigwait() receives them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGHUP);
    if (keep)
        pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    Output::line(Output::paint(
        tr("mTLS Assistant sandbox: the whole job on this computer, with %1").arg(serverKindDisplayName(*kind)),
        Output::Colour::Bold));
    Sandbox sandbox(*kind);
    sandbox.setProgressCallback([](const QString& what) { Output::line(QStringLiteral("  - ") + what); });
    const Result<SandboxReport> result = sandbox.run();
    if (!result)
        return Output::failure(result.error().message, result.error().detail);
    const SandboxReport& report = result.value();

    Output::line();
    Output::line(Output::paint(tr("The generated configuration"), Output::Colour::Bold));
    for (const QString& l : report.config.text.split(QLatin1Char('\n')))
        Output::line(QStringLiteral("  | ") + l);
    Output::line();
    printProbeReport(report.probe);
    Output::line();
    if (report.ok())
        Output::line(Output::paint(verdict(report), Output::Colour::Green));
    else
        Output::line(
            Output::paint(tr("The sandbox did not work as it should: see the findings above."), Output::Colour::Red));
    Output::line(tr("From command to report: %1 ms.").arg(report.elapsedMs));

    if (keep) {
        Output::line();
        Output::line(tr("The sandbox keeps running under %1. Try it:").arg(report.prefix));
        const QString pki = report.prefix + QStringLiteral("/pki/");
        Output::line(
            QStringLiteral("  curl --cacert %1server-ca.crt --cert %1client.crt --key %1client.key -d '{}' '%2'")
                .arg(pki, report.url));
        Output::line(QStringLiteral("  mtls-assistant-cli probe '%1' --server-ca %2server-ca.crt --client-ca "
                                    "%2chat-client-ca.crt --client-cert %2client.crt --client-key %2client.key")
                         .arg(report.url, pki));
        Output::line(tr("Press Ctrl+C (or run: kill %1) to stop it and remove everything.").arg(::getpid()));
        fflush(stdout);
        waitForStopSignal(stopSignals);
    }
    sandbox.stop();
    Output::line(
        tr("Stopped %1 and the webhook application; removed %2.").arg(serverKindDisplayName(*kind), report.prefix));
    return report.ok() ? ExitOk : ExitFindings;
}

} // namespace mtls::cli
