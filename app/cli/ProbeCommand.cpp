#include "ProbeCommand.h"

#include "Output.h"
#include "ProbeReportText.h"
#include "probe/ProbeInputs.h"
#include "probe/Prober.h"

#include <QCoreApplication>

#include <cmath>

namespace mtls::cli {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::ProbeCommand)
};

} // namespace

QString ProbeCommand::summary() const
{
    return Text::tr("Test a live webhook endpoint as Chat's servers will meet it (TLS, client certificate, HTTP).");
}

void ProbeCommand::setup(QCommandLineParser& parser) const
{
    parser.addPositionalArgument(QStringLiteral("URL"), Text::tr("The webhook URL, https://host[:port]/path"));
    const QString file = QStringLiteral("FILE");
    parser.addOptions({
        {QStringLiteral("server-ca"),
         Text::tr("Trust this CA for the server's certificate instead of the system store."), file},
        {QStringLiteral("client-ca"),
         Text::tr("The Chat client CA (TencentQQAuthCA.crt or its .zip) the server must name."), file},
        {QStringLiteral("client-cert"), Text::tr("A test client certificate to try as well."), file},
        {QStringLiteral("client-key"), Text::tr("The unencrypted private key of --client-cert."), file},
        {QStringLiteral("timeout"), Text::tr("Time limit of the whole probe in seconds (default 10)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("connect-to"),
         Text::tr("Connect to this address instead of the URL's host; the name sent (SNI, Host) stays the URL's, so "
                  "a server can be tested before DNS points at it."),
         QStringLiteral("HOST:PORT")},
        jsonOption(),
    });
}

int ProbeCommand::run(const QCommandLineParser& parser) const
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return Output::usageError(name(), Text::tr("give exactly one URL."));
    ProbeOptions options;
    options.url = QUrl(positional.first(), QUrl::StrictMode);
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || !(seconds > 0) || seconds > 3600)
            return Output::usageError(name(), Text::tr("--timeout needs a number of seconds between 0 and 3600."));
        options.timeoutMs = static_cast<int>(std::lround(seconds * 1000));
    }
    if (parser.isSet(QStringLiteral("connect-to"))) {
        auto target = parseConnectTarget(parser.value(QStringLiteral("connect-to")));
        if (!target)
            return Output::usageError(name(), target.error().message);
        options.connectHost = target->host;
        options.connectPort = target->port;
    }
    if (parser.isSet(QStringLiteral("client-cert")) != parser.isSet(QStringLiteral("client-key")))
        return Output::usageError(name(), Text::tr("--client-cert and --client-key go together."));

    if (parser.isSet(QStringLiteral("server-ca"))) {
        auto cas = readCertificatesFile(parser.value(QStringLiteral("server-ca")));
        if (!cas)
            return Output::usageError(name(), cas.error().fullText());
        options.serverCas = cas.value();
    }
    if (parser.isSet(QStringLiteral("client-ca"))) {
        auto ca = readCertificatesFile(parser.value(QStringLiteral("client-ca")));
        if (!ca)
            return Output::usageError(name(), ca.error().fullText());
        options.expectedClientCa = ca->first();
    }
    if (parser.isSet(QStringLiteral("client-cert"))) {
        auto certs = readCertificatesFile(parser.value(QStringLiteral("client-cert")));
        if (!certs)
            return Output::usageError(name(), certs.error().fullText());
        auto key = readPrivateKeyFile(parser.value(QStringLiteral("client-key")));
        if (!key)
            return Output::usageError(name(), key.error().fullText());
        options.clientCertificate = certs->first();
        options.clientChain = certs->mid(1);
        options.clientKey = key.value();
    }
    if (Status valid = Prober::validate(options); !valid)
        return Output::usageError(name(), valid.error().fullText());

    Prober prober(options);
    const Result<ProbeReport> report = prober.run();
    if (!report)
        return Output::failure(report.error().message, report.error().detail);
    if (parser.isSet(QStringLiteral("json")))
        Output::json(report->toJson());
    else
        printProbeReport(report.value());
    return report->ok() ? ExitOk : ExitFindings;
}

} // namespace mtls::cli
