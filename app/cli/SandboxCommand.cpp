#include "SandboxCommand.h"

#include "Output.h"
#include "ProbeReportText.h"
#include "sandbox/Sandbox.h"

#include <QCoreApplication>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
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

// Ctrl+C, SIGTERM and SIGHUP only write a byte into a pipe, so that the command always gets to stop the server
// and remove the files, and the processes it starts keep the usual signal dispositions and mask.
class StopSignals
{
public:
    StopSignals()
    {
        if (::pipe2(s_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
            return;
        struct sigaction action = {};
        action.sa_handler = &StopSignals::onSignal;
        action.sa_flags = SA_RESTART;
        sigemptyset(&action.sa_mask);
        for (int i = 0; i < 3; ++i)
            sigaction(kSignals[i], &action, &m_previous[i]);
        m_installed = true;
    }
    ~StopSignals()
    {
        if (!m_installed)
            return;
        for (int i = 0; i < 3; ++i)
            sigaction(kSignals[i], &m_previous[i], nullptr);
        ::close(s_pipe[0]);
        ::close(s_pipe[1]);
    }
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    // Blocks until one of the signals arrives (or has arrived already).
    void wait() const
    {
        if (!m_installed)
            return;
        pollfd p {s_pipe[0], POLLIN, 0};
        while (::poll(&p, 1, -1) < 0 && errno == EINTR) { }
    }

private:
    static void onSignal(int)
    {
        const int saved = errno;
        [[maybe_unused]] const ssize_t n = ::write(s_pipe[1], "x", 1);
        errno = saved;
    }

    static constexpr int kSignals[3] = {SIGINT, SIGTERM, SIGHUP};
    static inline int s_pipe[2] = {-1, -1};
    struct sigaction m_previous[3] = {};
    bool m_installed = false;
};

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
    const StopSignals stopSignals; // from here on, an interruption still ends with the cleanup below

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
        stopSignals.wait();
    }
    sandbox.stop();
    Output::line(
        tr("Stopped %1 and the webhook application; removed %2.").arg(serverKindDisplayName(*kind), report.prefix));
    return report.ok() ? ExitOk : ExitFindings;
}

} // namespace mtls::cli
