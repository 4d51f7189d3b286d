#include "ServerCommandOptions.h"

#include "Command.h"
#include "Output.h"
#include "core/ChildProcess.h"
#include "core/TextJoin.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace mtls::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::ServerCommandOptions)
};

} // namespace

void addServerKindOption(QCommandLineParser& parser)
{
    parser.addOption(
        {QStringLiteral("server"), Text::tr("The web server: nginx or apache."), QStringLiteral("nginx|apache")});
}

void addMaterialOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("domain"), Text::tr("The webhook domain (as in the Chat console)."), QStringLiteral("NAME")},
        {QStringLiteral("cert"), Text::tr("The server certificate (PEM, DER; may also hold the chain and the key)."),
         QStringLiteral("FILE")},
        {QStringLiteral("key"), Text::tr("The private key, when it is in a file of its own."), QStringLiteral("FILE")},
        {QStringLiteral("chain"), Text::tr("The intermediate certificates, when they are in a file of their own."),
         QStringLiteral("FILE")},
        {QStringLiteral("client-ca"), Text::tr("Chat's client CA: TencentQQAuthCA.crt or TencentQQAuthCA.crt.zip."),
         QStringLiteral("FILE")},
        {QStringLiteral("passphrase-env"),
         Text::tr("The name of an environment variable that holds the passphrase of the key."), QStringLiteral("VAR")},
        {QStringLiteral("issued-by-chat"),
         Text::tr("The certificate was issued by Chat (downloaded from the console).")},
        {QStringLiteral("roots"), Text::tr("A PEM file of root certificates to trust instead of the system's."),
         QStringLiteral("PEM")},
    });
}

void addSiteOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("listen"),
         Text::tr("Address and port to listen on (repeatable). Default: port 443 on every IPv4 and IPv6 address."),
         QStringLiteral("ADDR:PORT")},
        {QStringLiteral("upstream"), Text::tr("The URL of the webhook application. Default: http://127.0.0.1:8080."),
         QStringLiteral("URL")},
        {QStringLiteral("path"), Text::tr("The webhook path Chat calls. Default: / (everything)."),
         QStringLiteral("/PATH")},
        {QStringLiteral("tls"), Text::tr("TLS profile: intermediate (default), modern or chat-guide."),
         QStringLiteral("PROFILE")},
        {QStringLiteral("server-version"),
         Text::tr("The server's version, when it is not this machine's (Apache before 2.4.8 needs a chain file)."),
         QStringLiteral("X.Y.Z")},
        {QStringLiteral("webhook-log"),
         Text::tr("Where the server writes the webhook access log (one JSON object a line). Default: the folder of "
                  "the server's other logs, file mtls-webhook-DOMAIN.log."),
         QStringLiteral("FILE")},
    });
}

void addInstallationOptions(QCommandLineParser& parser, bool withStateDir)
{
    parser.addOptions({
        {QStringLiteral("server-root"), Text::tr("The server's configuration directory (for example /etc/nginx)."),
         QStringLiteral("DIR")},
        {QStringLiteral("main-config"), Text::tr("The server's main configuration file, when not the usual one."),
         QStringLiteral("FILE")},
        {QStringLiteral("prefix"), Text::tr("nginx only: the prefix directory (nginx -p)."), QStringLiteral("DIR")},
        {QStringLiteral("binary"), Text::tr("The server program, when it is not found in PATH."),
         QStringLiteral("FILE")},
    });
    if (withStateDir)
        parser.addOption({QStringLiteral("state-dir"),
                          Text::tr("Where the apply journal and backups are kept. Default: the application's data "
                                   "directory."),
                          QStringLiteral("DIR")});
}

std::optional<ServerKind> serverKindOption(const QCommandLineParser& parser, const QString& command)
{
    if (!parser.isSet(QStringLiteral("server"))) {
        Output::usageError(command, Text::tr("--server nginx|apache is required."));
        return std::nullopt;
    }
    const auto kind = serverKindFromName(parser.value(QStringLiteral("server")));
    if (!kind)
        Output::usageError(command, Text::tr("--server must be nginx or apache."));
    return kind;
}

std::optional<int> checkMaterial(const QCommandLineParser& parser, const QString& command, CheckReport& report,
                                 bool certificateOptional)
{
    const bool withoutCertificate = certificateOptional && !parser.isSet(QStringLiteral("cert"));
    for (const char* required : {"domain", "cert", "client-ca"}) {
        if (withoutCertificate && QLatin1String(required) == QLatin1String("cert"))
            continue;
        if (!parser.isSet(QLatin1String(required))) {
            if (QLatin1String(required) == QLatin1String("cert") && command == QLatin1String("apply"))
                return Output::usageError(
                    command,
                    Text::tr("--cert is required, unless the webhook goes into the website that already "
                             "serves the name with its own certificate (--mode merge)."));
            return Output::usageError(command, Text::tr("--%1 is required.").arg(QLatin1String(required)));
        }
    }
    CheckInput input;
    input.domain = parser.value(QStringLiteral("domain"));
    input.certPath = parser.value(QStringLiteral("cert"));
    input.keyPath = parser.value(QStringLiteral("key"));
    input.chainPath = parser.value(QStringLiteral("chain"));
    input.clientCaPath = parser.value(QStringLiteral("client-ca"));
    input.issuedByChat = parser.isSet(QStringLiteral("issued-by-chat"));
    input.rootsPath = parser.value(QStringLiteral("roots"));
    input.serverCertificateOptional = withoutCertificate;
    if (parser.isSet(QStringLiteral("passphrase-env"))) {
        // Read once and removed from the environment: no server or tool started later inherits it.
        const QByteArray var = parser.value(QStringLiteral("passphrase-env")).toLocal8Bit();
        const auto passphrase = takeSecretVariable(var);
        if (!passphrase)
            return Output::usageError(command,
                                      Text::tr("the environment variable %1 (named by --passphrase-env) is not set.")
                                          .arg(QString::fromLocal8Bit(var)));
        input.passphrase = *passphrase;
    }
    report = runCheck(input);
    if (report.ok() && (withoutCertificate || !report.material.key.isNull()) && !report.material.clientCas.isEmpty())
        return std::nullopt;
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o = report.toJson();
        o.insert(QStringLiteral("ok"), false);
        Output::json(o);
    } else {
        Output::err(Text::tr("The certificate material has errors; nothing was generated or changed. "
                             "Run 'mtls-assistant-cli check' with the same options for the details."));
        Output::findings(report.findings);
    }
    return ExitFindings;
}

ApplyMaterial materialOf(const CheckReport& report)
{
    ApplyMaterial material;
    material.fullChainPem = report.material.fullChainPem();
    material.chainPem = report.material.chainPem();
    material.keyPem = report.material.key.toPkcs8Pem();
    material.clientCaPem = report.material.clientCaPem();
    return material;
}

Result<ServerConfigRequest> siteRequest(const QCommandLineParser& parser, ServerKind kind)
{
    ServerConfigRequest request;
    request.server = kind;
    request.domain = parser.value(QStringLiteral("domain"));
    for (const QString& value : parser.values(QStringLiteral("listen"))) {
        const QList<ListenAddress> addresses = parseListen(value);
        if (addresses.isEmpty())
            return Error {Text::tr("--listen \"%1\" is not ADDR:PORT, [IPv6]:PORT or PORT.").arg(value), {}};
        request.listen += addresses;
    }
    if (parser.isSet(QStringLiteral("upstream")))
        request.upstreamUrl = parser.value(QStringLiteral("upstream"));
    if (parser.isSet(QStringLiteral("path")))
        request.webhookPath = parser.value(QStringLiteral("path"));
    if (parser.isSet(QStringLiteral("tls"))) {
        const auto profile = tlsProfileFromName(parser.value(QStringLiteral("tls")));
        if (!profile)
            return Error {Text::tr("--tls must be one of: %1.").arg(joinList(tlsProfileNames())), {}};
        request.profile = *profile;
    }
    if (parser.isSet(QStringLiteral("server-version"))) {
        request.serverVersion = QVersionNumber::fromString(parser.value(QStringLiteral("server-version")));
        if (request.serverVersion.isNull())
            return Error {Text::tr("--server-version must look like 2.4.57."), {}};
    }
    if (parser.isSet(QStringLiteral("webhook-log"))) {
        request.accessLogPath = parser.value(QStringLiteral("webhook-log"));
        if (!QDir::isAbsolutePath(request.accessLogPath))
            return Error {Text::tr("--webhook-log must be an absolute path."), {}};
    }
    request.producedBy = QStringLiteral("mtls-assistant-cli %1").arg(QCoreApplication::applicationVersion());
    return request;
}

Result<ServerInstallation> installationOption(const QCommandLineParser& parser, ServerKind kind)
{
    DiscoveryOptions options;
    options.binary = parser.value(QStringLiteral("binary"));
    options.configRoot = parser.value(QStringLiteral("server-root"));
    options.mainConfig = parser.value(QStringLiteral("main-config"));
    options.prefix = parser.value(QStringLiteral("prefix"));
    return discoverServer(kind, options);
}

QString stateDirOption(const QCommandLineParser& parser)
{
    return parser.value(QStringLiteral("state-dir"));
}

} // namespace mtls::cli
