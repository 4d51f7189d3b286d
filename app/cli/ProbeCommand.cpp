#include "ProbeCommand.h"

#include "Output.h"
#include "ProbeReportText.h"
#include "probe/ProbeInputs.h"
#include "probe/Prober.h"

#include <QCoreApplication>

#include <cmath>

namespace mtls::cli {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("mtls::cli::ProbeCommand", text);
}

QCommandLineOption option(const char* name, const char* description, const char* valueName = nullptr)
{
    if (valueName)
        return QCommandLineOption(QString::fromLatin1(name), tr(description), tr(valueName));
    return QCommandLineOption(QString::fromLatin1(name), tr(description));
}

} // namespace

QString ProbeCommand::summary() const
{
    return tr("Test a live webhook endpoint as Chat's servers will meet it (TLS, client certificate, HTTP).");
}

void ProbeCommand::setup(QCommandLineParser& parser) const
{
    parser.addPositionalArgument(QStringLiteral("URL"), tr("The webhook URL, https://host[:port]/path"));
#define MTLS_N(text) QT_TRANSLATE_NOOP("mtls::cli::ProbeCommand", text)
    parser.addOption(option("server-ca",
                            MTLS_N("Trust this CA for the server's certificate instead of the system store."),
                            MTLS_N("FILE")));
    parser.addOption(option("client-ca",
                            MTLS_N("The Chat client CA (TencentQQAuthCA.crt or its .zip) the server must name."),
                            MTLS_N("FILE")));
    parser.addOption(option("client-cert", MTLS_N("A test client certificate to try as well."), MTLS_N("FILE")));
    parser.addOption(option("client-key", MTLS_N("The unencrypted private key of --client-cert."), MTLS_N("FILE")));
    parser.addOption(
        option("timeout", MTLS_N("Time limit of the whole probe in seconds (default 10)."), MTLS_N("SECONDS")));
    parser.addOption(option("json", MTLS_N("Print one JSON object instead of text.")));
#undef MTLS_N
}

int ProbeCommand::run(const QCommandLineParser& parser) const
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return Output::usageError(name(), tr("give exactly one URL."));
    ProbeOptions options;
    options.url = QUrl(positional.first(), QUrl::StrictMode);
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || !(seconds > 0) || seconds > 3600)
            return Output::usageError(name(), tr("--timeout needs a number of seconds between 0 and 3600."));
        options.timeoutMs = static_cast<int>(std::lround(seconds * 1000));
    }
    if (parser.isSet(QStringLiteral("client-cert")) != parser.isSet(QStringLiteral("client-key")))
        return Output::usageError(name(), tr("--client-cert and --client-key go together."));

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
