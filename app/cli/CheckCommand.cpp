#include "CheckCommand.h"

#include "Output.h"
#include "core/ChildProcess.h"
#include "core/TextJoin.h"
#include "pki/CheckService.h"
#include "pki/DomainName.h"

#include <QCoreApplication>

namespace mtls::cli {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::CheckCommand)
};

QString validity(const Certificate& c)
{
    const qint64 days = c.daysUntilExpiry();
    const QString range = QStringLiteral("%1 → %2").arg(c.notBefore().toString(QStringLiteral("yyyy-MM-dd")),
                                                        c.notAfter().toString(QStringLiteral("yyyy-MM-dd")));
    return days >= 0 ? Text::tr("%1 (%n day(s) left)", nullptr, static_cast<int>(days)).arg(range)
                     : Text::tr("%1 (expired)").arg(range);
}

void row(const QString& label, const QString& value)
{
    Output::line(QStringLiteral("  %1 %2").arg(Output::padded(label, 16), Output::plain(value)));
}

void printReport(const QString& host, const CheckReport& report)
{
    Output::line(
        Output::paint(Text::tr("Checking the certificate for %1").arg(Output::plain(host)), Output::Colour::Bold));
    Output::line();
    const ServerMaterial& m = report.material;
    if (!m.leaf.isNull()) {
        Output::line(Text::tr("Server certificate"));
        row(Text::tr("subject"), m.leaf.subject());
        row(Text::tr("issuer"), m.leaf.issuer());
        row(Text::tr("names"), joinList(m.leaf.dnsNames() + m.leaf.ipAddresses()));
        row(Text::tr("valid"), validity(m.leaf));
        row(Text::tr("key"),
            m.key.isNull() ? Text::tr("%1 (private key not found)").arg(m.leaf.keyDescription())
                           : Text::tr("%1 (from %2)").arg(m.leaf.keyDescription(), m.keyOrigin));
        row(Text::tr("from"), m.leafOrigin);
        row(QStringLiteral("SHA-256"), m.leaf.sha256Fingerprint());
        for (const Certificate& c : m.chain)
            row(Text::tr("intermediate"), QStringLiteral("%1, %2").arg(c.subject(), validity(c)));
        Output::line();
    }
    for (const Certificate& c : m.clientCas) {
        Output::line(Text::tr("Client CA (callers must present a certificate it issued)"));
        row(Text::tr("subject"), c.subject());
        row(Text::tr("valid"), validity(c));
        row(QStringLiteral("SHA-256"), c.sha256Fingerprint());
        Output::line();
    }
    if (!report.findings.isEmpty()) {
        Output::line(Text::tr("Findings"));
        Output::findings(report.findings);
        Output::line();
    }
    if (report.ok())
        Output::line(Output::paint(Text::tr("Ready: no error found (%1).").arg(Output::summary(report.findings)),
                                   Output::Colour::Green));
    else
        Output::line(Output::paint(
            Text::tr("Not ready: %1. Fix the errors above and check again.").arg(Output::summary(report.findings)),
            Output::Colour::Red));
}
} // namespace

QString CheckCommand::summary() const
{
    return Text::tr("Check a server certificate, its key and chain, and the Chat client CA.");
}

void CheckCommand::setup(QCommandLineParser& parser) const
{
    parser.addOptions({
        {QStringLiteral("domain"), Text::tr("The webhook domain (as in the Chat console), or the webhook URL."),
         QStringLiteral("NAME")},
        {QStringLiteral("cert"), Text::tr("The server certificate (PEM, DER; may also hold the chain and the key)."),
         QStringLiteral("FILE")},
        {QStringLiteral("key"), Text::tr("The private key, when it is in a file of its own."), QStringLiteral("FILE")},
        {QStringLiteral("chain"), Text::tr("The intermediate certificates, when they are in a file of their own."),
         QStringLiteral("FILE")},
        {QStringLiteral("pkcs12"), Text::tr("A PKCS#12 (.pfx, .p12) file with the certificate and key."),
         QStringLiteral("FILE")},
        {QStringLiteral("bundle"), Text::tr("The .zip package as downloaded (Tencent Cloud SSL or the Chat console)."),
         QStringLiteral("ZIP")},
        {QStringLiteral("client-ca"), Text::tr("Chat's client CA: TencentQQAuthCA.crt or TencentQQAuthCA.crt.zip."),
         QStringLiteral("FILE")},
        {QStringLiteral("passphrase-env"),
         Text::tr("The name of an environment variable that holds the passphrase of the key or PKCS#12 file."),
         QStringLiteral("VAR")},
        {QStringLiteral("issued-by-chat"),
         Text::tr("The certificate was issued by Chat (downloaded from the console).")},
        {QStringLiteral("roots"), Text::tr("A PEM file of root certificates to trust instead of the system's."),
         QStringLiteral("PEM")},
        jsonOption(),
    });
}

int CheckCommand::run(const QCommandLineParser& parser) const
{
    if (const auto stop = rejectArguments(parser, name()))
        return *stop;
    if (!parser.isSet(QStringLiteral("domain")))
        return Output::usageError(name(), Text::tr("--domain is required."));
    const int sources = int(parser.isSet(QStringLiteral("cert"))) + int(parser.isSet(QStringLiteral("pkcs12")))
        + int(parser.isSet(QStringLiteral("bundle")));
    if (sources == 0)
        return Output::usageError(name(), Text::tr("give the certificate with --cert, --pkcs12 or --bundle."));
    if (sources > 1)
        return Output::usageError(name(), Text::tr("give only one of --cert, --pkcs12 and --bundle."));
    if (!parser.isSet(QStringLiteral("cert"))
        && (parser.isSet(QStringLiteral("key")) || parser.isSet(QStringLiteral("chain"))))
        return Output::usageError(name(), Text::tr("--key and --chain go with --cert."));

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
        const auto passphrase = takeSecretVariable(var.toLocal8Bit()); // removed from the environment
        if (!passphrase)
            return Output::usageError(
                name(), Text::tr("the environment variable %1 (named by --passphrase-env) is not set.").arg(var));
        input.passphrase = *passphrase;
    }

    const CheckReport report = runCheck(input);
    if (parser.isSet(QStringLiteral("json")))
        Output::json(report.toJson());
    else
        printReport(hostFromInput(input.domain), report);
    return report.ok() ? ExitOk : ExitFindings;
}

} // namespace mtls::cli
