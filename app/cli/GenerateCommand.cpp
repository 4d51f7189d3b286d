#include "GenerateCommand.h"

#include "Output.h"
#include "ServerCommandOptions.h"
#include "deploy/ApplyJournal.h"
#include "deploy/ConfigTester.h"
#include "server/ConfigSyntax.h"
#include "server/ServerBinary.h"
#include "server/WebhookLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace mtls::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::GenerateCommand)
};

QString defaultCertDir(ServerKind kind)
{
    return kind == ServerKind::Nginx ? QStringLiteral("/etc/nginx/mtls-assistant")
                                     : QStringLiteral("/etc/apache2/mtls-assistant");
}

} // namespace

QString GenerateCommand::summary() const
{
    return Text::tr("Write the nginx or Apache configuration for HTTPS mutual TLS (after the same checks as check).");
}

void GenerateCommand::setup(QCommandLineParser& parser) const
{
    addServerKindOption(parser);
    addMaterialOptions(parser);
    addSiteOptions(parser);
    addInstallationOptions(parser, false);
    parser.addOptions({
        {QStringLiteral("cert-dir"),
         Text::tr("Where the certificate files will be on the server (the configuration refers to DIR/DOMAIN/...). "
                  "Default: the server's configuration directory + /mtls-assistant."),
         QStringLiteral("DIR")},
        {QStringLiteral("out"), Text::tr("Write the configuration to FILE (\"-\": standard output, the default)."),
         QStringLiteral("FILE")},
        {QStringLiteral("no-test"), Text::tr("Do not test the configuration with the installed server.")},
        {QStringLiteral("json"),
         Text::tr("Print one JSON object: the configuration, the paths it refers to, the findings.")},
    });
}

int GenerateCommand::run(const QCommandLineParser& parser) const
{
    if (const auto stop = rejectArguments(parser, name()))
        return *stop;
    const auto kind = serverKindOption(parser, name());
    if (!kind)
        return ExitUsage;
    CheckReport report;
    if (const auto stop = checkMaterial(parser, name(), report))
        return *stop;
    auto request = siteRequest(parser, *kind);
    if (!request)
        return Output::usageError(name(), request.error().message);

    // Where the files will be: the given directory, or the installed server's, or the usual one.
    QString certDir = parser.value(QStringLiteral("cert-dir"));
    auto installation = installationOption(parser, *kind);
    if (certDir.isEmpty())
        certDir = installation ? installation->certDir : defaultCertDir(*kind);
    if (request->serverVersion.isNull() && installation)
        request->serverVersion = installation->version;
    auto domain = configsyntax::normalizeDomain(request->domain);
    if (!domain)
        return Output::usageError(name(), domain.error().message);
    const QString dir = QDir::cleanPath(certDir) + QLatin1Char('/') + domain.value();
    const ApplyMaterial material = materialOf(report);
    request->certificatePath = dir + QStringLiteral("/fullchain.pem");
    request->keyPath = dir + QStringLiteral("/privkey.pem");
    request->clientCaPath = dir + QStringLiteral("/client-ca.pem");
    if (!material.chainPem.isEmpty())
        request->chainPath = dir + QStringLiteral("/chain.pem");
    if (request->accessLogPath.isEmpty() && installation)
        request->accessLogPath = webhookLogPath(installation.value(), domain.value());

    auto config = generateServerConfig(request.value());
    if (!config)
        return Output::usageError(name(), config.error().message);

    Findings findings = report.findings + config->findings;
    QString tested = QStringLiteral("skipped");
    if (!parser.isSet(QStringLiteral("no-test"))) {
        if (auto binary = findServerBinary(*kind, parser.value(QStringLiteral("binary"))); binary) {
            if (auto proved = proveConfiguration(request.value(), material, binary.value()); proved) {
                tested = QStringLiteral("passed");
            } else {
                tested = QStringLiteral("failed");
                findings << Finding {QStringLiteral("SERVER_TEST_FAILED"), Severity::Error,
                                     Text::tr("%1 refuses this configuration with these certificate files.")
                                         .arg(serverKindDisplayName(*kind)),
                                     proved.error().fullText(), QString()};
            }
        } else {
            findings << Finding {QStringLiteral("SERVER_TEST_SKIPPED"), Severity::Info,
                                 Text::tr("The configuration was not tested: %1 is not installed on this machine.")
                                     .arg(serverKindDisplayName(*kind)),
                                 Text::tr("Run \"%1 -t\" on the server after installing the files.")
                                     .arg(serverProgramNames(*kind).constFirst()),
                                 QString()};
        }
    }
    findings = sortedBySeverity(findings);
    const bool ok = !hasError(findings);

    const QString out = parser.value(QStringLiteral("out"));
    if (ok && !out.isEmpty() && out != QLatin1String("-")) {
        const auto mode
            = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
        if (auto written = fileops::writeAtomically(out, config->text.toUtf8(), mode); !written)
            return Output::failure(written.error().message, written.error().detail);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o = config->toJson();
        o.insert(QStringLiteral("ok"), ok);
        o.insert(QStringLiteral("tls_profile"), tlsProfileName(request->profile));
        o.insert(QStringLiteral("tested"), tested);
        o.insert(QStringLiteral("findings"), findingsToJson(findings));
        o.insert(QStringLiteral("sources"),
                 QJsonObject {{QStringLiteral("certificate"), report.material.leafOrigin},
                              {QStringLiteral("key"), report.material.keyOrigin},
                              {QStringLiteral("client_ca"), report.material.clientCaOrigin}});
        if (!out.isEmpty() && out != QLatin1String("-"))
            o.insert(QStringLiteral("out"), QDir(out).absolutePath());
        Output::json(o);
    } else {
        if (ok && (out.isEmpty() || out == QLatin1String("-")))
            Output::out(config->text);
        if (!findings.isEmpty()) {
            for (const Finding& f : std::as_const(findings))
                Output::err(
                    QStringLiteral("%1  %2  %3%4")
                        .arg(severityName(f.severity), Output::plain(f.code), Output::plain(f.message),
                             f.hint.isEmpty() ? QString() : QStringLiteral("\n       ") + Output::plain(f.hint)));
        }
        if (ok && !out.isEmpty() && out != QLatin1String("-"))
            Output::err(Text::tr("Wrote %1.").arg(QDir::toNativeSeparators(out)));
    }
    return ok ? ExitOk : ExitFindings;
}

} // namespace mtls::cli
