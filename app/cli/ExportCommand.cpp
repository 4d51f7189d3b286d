#include "ExportCommand.h"

#include "Output.h"
#include "ServerCommandOptions.h"
#include "deploy/ConfigTester.h"
#include "deploy/ExportBundle.h"
#include "server/ServerBinary.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace mtls::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::ExportCommand)
};

} // namespace

QString ExportCommand::summary() const
{
    return Text::tr("Write a bundle for another server: configuration, certificate files, install script, README.");
}

void ExportCommand::setup(QCommandLineParser& parser) const
{
    addServerKindOption(parser);
    addMaterialOptions(parser);
    addSiteOptions(parser);
    parser.addOptions({
        {QStringLiteral("server-root"),
         Text::tr("The configuration directory on the target server. Default: /etc/nginx or /etc/apache2."),
         QStringLiteral("DIR")},
        {QStringLiteral("layout"),
         Text::tr("The target server's layout: debian (default), redhat, alpine, homebrew, custom."),
         QStringLiteral("LAYOUT")},
        {QStringLiteral("backup-dir"),
         Text::tr(
             "Where install.sh keeps its backups on the target server. Default: /var/backups/mtls-assistant/DOMAIN."),
         QStringLiteral("DIR")},
        {QStringLiteral("binary"),
         Text::tr("The server program on the target server, as an absolute path; install.sh runs only this one. "
                  "Default: /usr/sbin/nginx, or /usr/sbin/apache2ctl (apachectl outside Debian)."),
         QStringLiteral("FILE")},
        {QStringLiteral("main-config"),
         Text::tr("The server's main configuration file on the target server, when not the usual one."),
         QStringLiteral("FILE")},
        {QStringLiteral("prefix"), Text::tr("nginx only: the prefix directory (nginx -p) on the target server."),
         QStringLiteral("DIR")},
        {QStringLiteral("out"), Text::tr("The bundle: a new folder, or a file ending in .zip."),
         QStringLiteral("DIR|FILE.zip")},
        {QStringLiteral("no-test"), Text::tr("Do not test the configuration with the server installed here.")},
        jsonOption(),
    });
}

int ExportCommand::run(const QCommandLineParser& parser) const
{
    if (const auto stop = rejectArguments(parser, name()))
        return *stop;
    const auto kind = serverKindOption(parser, name());
    if (!kind)
        return ExitUsage;
    if (!parser.isSet(QStringLiteral("out")))
        return Output::usageError(name(), Text::tr("--out is required."));
    ServerLayout layout = ServerLayout::Debian;
    if (parser.isSet(QStringLiteral("layout"))) {
        const auto given = serverLayoutFromName(parser.value(QStringLiteral("layout")));
        if (!given || *given == ServerLayout::Windows)
            return Output::usageError(name(), Text::tr("--layout must be debian, redhat, alpine, homebrew or custom."));
        layout = *given;
    }
    CheckReport report;
    if (const auto stop = checkMaterial(parser, name(), report))
        return *stop;
    auto site = siteRequest(parser, *kind);
    if (!site)
        return Output::usageError(name(), site.error().message);

    ExportRequest request;
    request.config = site.value();
    request.material = materialOf(report);
    request.serverRoot = parser.value(QStringLiteral("server-root"));
    request.layout = layout;
    request.backupDir = parser.value(QStringLiteral("backup-dir"));
    request.binary = parser.value(QStringLiteral("binary"));
    request.mainConfig = parser.value(QStringLiteral("main-config"));
    request.prefix = parser.value(QStringLiteral("prefix"));
    request.out = parser.value(QStringLiteral("out"));
    const bool json = parser.isSet(QStringLiteral("json"));
    ServerConfigRequest dryRun = request.config; // values the server syntax cannot carry are usage errors
    dryRun.certificatePath = dryRun.keyPath = dryRun.clientCaPath = QStringLiteral("/dry-run");
    if (auto valid = generateServerConfig(dryRun); !valid)
        return Output::usageError(name(), valid.error().message);

    // The same server on this machine proves the configuration before the bundle is called ready.
    Findings findings = report.findings;
    QString tested = QStringLiteral("skipped");
    if (!parser.isSet(QStringLiteral("no-test"))) {
        if (auto binary = findServerBinary(*kind); binary) {
            const Status proved = proveConfiguration(request.config, request.material, binary.value());
            tested = proved ? QStringLiteral("passed") : QStringLiteral("failed");
            if (!proved)
                findings << Finding {
                    QStringLiteral("SERVER_TEST_FAILED"), Severity::Error,
                    Text::tr("%1 on this machine refuses this configuration with these certificate files.")
                        .arg(serverKindDisplayName(*kind)),
                    proved.error().fullText(), QString()};
        }
    }
    if (hasError(findings)) {
        findings = sortedBySeverity(findings);
        if (json)
            Output::json({{QStringLiteral("ok"), false},
                          {QStringLiteral("tested"), tested},
                          {QStringLiteral("findings"), findingsToJson(findings)}});
        else
            Output::findings(findings);
        return ExitFindings;
    }

    auto exported = exportBundle(request);
    if (!exported)
        return Output::failure(exported.error().message, exported.error().detail);
    findings = sortedBySeverity(findings + exported->config.findings);
    if (json) {
        Output::json({{QStringLiteral("ok"), true},
                      {QStringLiteral("tested"), tested},
                      {QStringLiteral("out"), exported->out},
                      {QStringLiteral("files"), QJsonArray::fromStringList(exported->files)},
                      {QStringLiteral("findings"), findingsToJson(findings)}});
        return ExitOk;
    }
    Output::line(Text::tr("Wrote %1:").arg(QDir::toNativeSeparators(exported->out)));
    for (const QString& file : std::as_const(exported->files))
        Output::line(QStringLiteral("  ") + Output::plain(file));
    if (!findings.isEmpty())
        Output::findings(findings);
    Output::line(
        Text::tr("Copy it to the server and run 'sh install.sh' there as root. It holds the private key: keep it "
                 "private and delete it once installed."));
    return ExitOk;
}

} // namespace mtls::cli
