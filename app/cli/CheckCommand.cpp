#include "CheckCommand.h"

#include "Output.h"
#include "pki/CheckService.h"
#include "pki/DomainName.h"

#include <QCoreApplication>

namespace mtls::cli {

namespace {
QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("mtls::cli::CheckCommand", text, nullptr, n);
}

QString validity(const Certificate& c)
{
    const qint64 days = c.daysUntilExpiry();
    const QString range = QStringLiteral("%1 → %2").arg(c.notBefore().toString(QStringLiteral("yyyy-MM-dd")),
                                                        c.notAfter().toString(QStringLiteral("yyyy-MM-dd")));
    return days >= 0 ? range + QLatin1Char(' ') + tr("(%n day(s) left)", static_cast<int>(days))
                     : range + QLatin1Char(' ') + tr("(expired)");
}

void row(const QString& label, const QString& value)
{
    Output::line(QStringLiteral("  %1 %2").arg(label.leftJustified(16), value));
}

void printReport(const QString& host, const CheckReport& report)
{
    Output::line(Output::paint(tr("Checking the certificate for %1").arg(host), Output::Colour::Bold));
    Output::line();
    const ServerMaterial& m = report.material;
    if (!m.leaf.isNull()) {
        Output::line(tr("Server certificate"));
        row(tr("subject"), m.leaf.subject());
        row(tr("issuer"), m.leaf.issuer());
        row(tr("names"), (m.leaf.dnsNames() + m.leaf.ipAddresses()).join(QStringLiteral(", ")));
        row(tr("valid"), validity(m.leaf));
        row(tr("key"),
            m.key.isNull() ? m.leaf.keyDescription() + QLatin1Char(' ') + tr("(private key not found)")
                           : m.leaf.keyDescription() + QLatin1Char(' ') + tr("(from %1)").arg(m.keyOrigin));
        row(tr("from"), m.leafOrigin);
        row(QStringLiteral("SHA-256"), m.leaf.sha256Fingerprint());
        for (const Certificate& c : m.chain)
            row(tr("intermediate"), QStringLiteral("%1, %2").arg(c.subject(), validity(c)));
        Output::line();
    }
    for (const Certificate& c : m.clientCas) {
        Output::line(tr("Client CA (callers must present a certificate it issued)"));
        row(tr("subject"), c.subject());
        row(tr("valid"), validity(c));
        row(QStringLiteral("SHA-256"), c.sha256Fingerprint());
        Output::line();
    }
    if (!report.findings.isEmpty()) {
        Output::line(tr("Findings"));
        Output::findings(report.findings);
        Output::line();
    }
    if (report.ok())
        Output::line(Output::paint(tr("Ready: no error found (%1).").arg(Output::summary(report.findings)),
                                   Output::Colour::Green));
    else
        Output::line(Output::paint(
            tr("Not ready: %1. Fix the errors above and check again.").arg(Output::summary(report.findings)),
            Output::Colour::Red));
}
} // namespace

QString CheckCommand::summary() const
{
    return tr("Check a server certificate, its key and chain, and the Chat client CA.");
}

void CheckCommand::setup(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("domain"), tr("The webhook domain (as in the Chat console), or the webhook URL."),
         QStringLiteral("NAME")},
        {QStringLiteral("cert"), tr("The server certificate (PEM, DER; may also hold the chain and the key)."),
         QStringLiteral("FILE")},
        {QStringLiteral("key"), tr("The private key, when it is in a file of its own."), QStringLiteral("FILE")},
        {QStringLiteral("chain"), tr("The intermediate certificates, when they are in a file of their own."),
         QStringLiteral("FILE")},
        {QStringLiteral("pkcs12"), tr("A PKCS#12 (.pfx, .p12) file with the certificate and key."),
         QStringLiteral("FILE")},
        {QStringLiteral("bundle"), tr("The .zip package as downloaded (Tencent Cloud SSL or the Chat console)."),
         QStringLiteral("ZIP")},
        {QStringLiteral("client-ca"), tr("Chat's client CA: TencentQQAuthCA.crt or TencentQQAuthCA.crt.zip."),
         QStringLiteral("FILE")},
        {QStringLiteral("passphrase-env"),
         tr("The name of an environment variable that holds the passphrase of the key or PKCS#12 file."),
         QStringLiteral("VAR")},
        {QStringLiteral("issued-by-chat"), tr("The certificate was issued by Chat (downloaded from the console).")},
        {QStringLiteral("roots"), tr("A PEM file of root certificates to trust instead of the system's."),
         QStringLiteral("PEM")},
        {QStringLiteral("json"), tr("Print one JSON object instead of the report.")},
    });
}

int CheckCommand::run(const QCommandLineParser& parser) const
{
    if (!parser.positionalArguments().isEmpty())
        return Output::usageError(name(), tr("unexpected argument \"%1\".").arg(parser.positionalArguments().first()));
    if (!parser.isSet(QStringLiteral("domain")))
        return Output::usageError(name(), tr("--domain is required."));
    const int sources = int(parser.isSet(QStringLiteral("cert"))) + int(parser.isSet(QStringLiteral("pkcs12")))
        + int(parser.isSet(QStringLiteral("bundle")));
    if (sources == 0)
        return Output::usageError(name(), tr("give the certificate with --cert, --pkcs12 or --bundle."));
    if (sources > 1)
        return Output::usageError(name(), tr("give only one of --cert, --pkcs12 and --bundle."));
    if (!parser.isSet(QStringLiteral("cert"))
        && (parser.isSet(QStringLiteral("key")) || parser.isSet(QStringLiteral("chain"))))
        return Output::usageError(name(), tr("--key and --chain go with --cert."));

    CheckInput input;
    input.domain = parser.value(QStringLiteral("domain"));
    input.certPath = parser.value(QStringLiteral("cert"));
    input.keyPath = parser.value(QStringLiteral("key"));
    input.chainPath = parser.value(QStringLiteral("chain"));
    input.pkcs12Path = parser.value(QStringLiteral("pkcs12"));
    input.bundlePath = parser.value(QStringLiteral("bundle"));
    input.clientCaPath = parser.value(QStringLiteral("client-ca"));
    input.issuedByChat = parser.isSet(QStringLiteral("issued-by-chat"));
    input.rootsPath = parser.value(QStringLiteral("roots"));
    if (parser.isSet(QStringLiteral("passphrase-env"))) {
        const QString var = parser.value(QStringLiteral("passphrase-env"));
        if (!qEnvironmentVariableIsSet(var.toLocal8Bit().constData()))
            return Output::usageError(
                name(), tr("the environment variable %1 (named by --passphrase-env) is not set.").arg(var));
        input.passphrase = qgetenv(var.toLocal8Bit().constData());
    }

    const CheckReport report = runCheck(input);
    if (parser.isSet(QStringLiteral("json")))
        Output::json(report.toJson());
    else
        printReport(hostFromInput(input.domain), report);
    return report.ok() ? ExitOk : ExitFindings;
}

} // namespace mtls::cli
