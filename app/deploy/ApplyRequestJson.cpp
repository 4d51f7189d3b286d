#include "ApplyRequestJson.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ApplyRequestJson)
};

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

QByteArray bytes(const QJsonObject& o, const char* key)
{
    return str(o, key).toUtf8();
}

QStringList strings(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        list << item.toString();
    return list;
}

Error malformed(const QString& what)
{
    return Error {Text::tr("The apply request is not valid (%1).").arg(what), {}};
}

} // namespace

Result<Finding> findingFromJson(const QJsonObject& object)
{
    Finding finding;
    finding.code = str(object, "code");
    const QString severity = str(object, "severity");
    if (finding.code.isEmpty())
        return malformed(QStringLiteral("finding code"));
    if (severity == severityName(Severity::Error))
        finding.severity = Severity::Error;
    else if (severity == severityName(Severity::Warning))
        finding.severity = Severity::Warning;
    else if (severity == severityName(Severity::Info))
        finding.severity = Severity::Info;
    else
        return malformed(QStringLiteral("severity"));
    finding.message = str(object, "message");
    finding.hint = str(object, "hint");
    finding.subject = str(object, "subject");
    return finding;
}

Result<ServerInstallation> installationFromJson(const QJsonObject& object)
{
    const auto kind = serverKindFromName(str(object, "server"));
    const auto layout = serverLayoutFromName(str(object, "layout"));
    if (!kind)
        return malformed(QStringLiteral("server"));
    if (!layout)
        return malformed(QStringLiteral("layout"));
    ServerInstallation inst;
    inst.kind = *kind;
    inst.layout = *layout;
    inst.binary = str(object, "binary");
    inst.version = QVersionNumber::fromString(str(object, "version"));
    inst.configRoot = str(object, "config_root");
    inst.mainConfig = str(object, "main_config");
    inst.siteDir = str(object, "site_dir");
    inst.enabledDir = str(object, "enabled_dir");
    inst.certDir = str(object, "cert_dir");
    inst.prefix = str(object, "prefix");
    inst.needsIncludeLine = object.value(QLatin1String("needs_include_line")).toBool();
    if (inst.binary.isEmpty() || inst.configRoot.isEmpty() || inst.siteDir.isEmpty() || inst.certDir.isEmpty())
        return malformed(QStringLiteral("installation"));
    return inst;
}

QJsonObject applyRequestToJson(const ApplyRequest& request)
{
    const ServerConfigRequest& c = request.config;
    QJsonArray listen;
    for (const ListenAddress& address : c.listen)
        listen.append(QJsonObject {{QStringLiteral("host"), address.host}, {QStringLiteral("port"), address.port}});
    const QJsonObject config {{QStringLiteral("domain"), c.domain},
                              {QStringLiteral("listen"), listen},
                              {QStringLiteral("upstream"), c.upstreamUrl},
                              {QStringLiteral("path"), c.webhookPath},
                              {QStringLiteral("tls_profile"), tlsProfileName(c.profile)},
                              {QStringLiteral("server_version"), c.serverVersion.toString()},
                              {QStringLiteral("verify_depth"), c.verifyDepth},
                              {QStringLiteral("apache_listen"), c.apacheListen},
                              {QStringLiteral("produced_by"), c.producedBy}};
    const ApplyMaterial& m = request.material;
    const QJsonObject material {{QStringLiteral("full_chain"), QString::fromUtf8(m.fullChainPem)},
                                {QStringLiteral("chain"), QString::fromUtf8(m.chainPem)},
                                {QStringLiteral("key"), QString::fromUtf8(m.keyPem)},
                                {QStringLiteral("client_ca"), QString::fromUtf8(m.clientCaPem)}};
    return {{QStringLiteral("installation"), request.installation.toJson()},
            {QStringLiteral("config"), config},
            {QStringLiteral("material"), material},
            {QStringLiteral("state_dir"), request.stateDir},
            {QStringLiteral("force_legacy_tls"), request.forceLegacyTls},
            {QStringLiteral("add_include"), request.addInclude},
            {QStringLiteral("force"), request.force},
            {QStringLiteral("mode"), setupModeName(request.mode)},
            {QStringLiteral("replace_location"), request.replaceLocation},
            {QStringLiteral("trust_roots"), request.trustRootsPath}};
}

Result<ApplyRequest> applyRequestFromJson(const QJsonObject& object)
{
    ApplyRequest request;
    auto installation = installationFromJson(object.value(QLatin1String("installation")).toObject());
    if (!installation)
        return installation.error();
    request.installation = installation.value();

    const QJsonObject config = object.value(QLatin1String("config")).toObject();
    ServerConfigRequest& c = request.config;
    c.server = request.installation.kind;
    c.domain = str(config, "domain");
    for (const QJsonValue& value : config.value(QLatin1String("listen")).toArray()) {
        const QJsonObject address = value.toObject();
        const int port = address.value(QLatin1String("port")).toInt();
        if (port < 1 || port > 65535)
            return malformed(QStringLiteral("listen"));
        c.listen << ListenAddress {str(address, "host"), quint16(port)};
    }
    c.upstreamUrl = str(config, "upstream");
    c.webhookPath = str(config, "path");
    const auto profile = tlsProfileFromName(str(config, "tls_profile"));
    if (!profile)
        return malformed(QStringLiteral("tls_profile"));
    c.profile = *profile;
    c.serverVersion = QVersionNumber::fromString(str(config, "server_version"));
    c.verifyDepth = config.value(QLatin1String("verify_depth")).toInt(c.verifyDepth);
    c.apacheListen = config.value(QLatin1String("apache_listen")).toBool(true);
    c.producedBy = str(config, "produced_by");

    const QJsonObject material = object.value(QLatin1String("material")).toObject();
    request.material.fullChainPem = bytes(material, "full_chain");
    request.material.chainPem = bytes(material, "chain");
    request.material.keyPem = bytes(material, "key");
    request.material.clientCaPem = bytes(material, "client_ca");
    request.stateDir = str(object, "state_dir");
    request.forceLegacyTls = object.value(QLatin1String("force_legacy_tls")).toBool(false);
    request.addInclude = object.value(QLatin1String("add_include")).toBool();
    request.force = object.value(QLatin1String("force")).toBool();
    const auto mode = setupModeFromName(object.value(QLatin1String("mode")).toString(QStringLiteral("auto")));
    if (!mode)
        return malformed(QStringLiteral("mode"));
    request.mode = *mode;
    request.replaceLocation = object.value(QLatin1String("replace_location")).toBool();
    request.trustRootsPath = object.value(QLatin1String("trust_roots")).toString();
    return request;
}

QJsonObject applyResultToJson(const ApplyResult& result, const ServerInstallation& installation,
                              const Findings& findings, const QJsonArray& steps)
{
    return {{QStringLiteral("ok"), true},
            {QStringLiteral("site_file"), result.siteFile},
            {QStringLiteral("mode"), setupModeName(result.mode)},
            {QStringLiteral("changed"), QJsonArray::fromStringList(result.changed)},
            {QStringLiteral("recovered"), result.recovered},
            {QStringLiteral("installation"), installation.toJson()},
            {QStringLiteral("findings"), findingsToJson(findings)},
            {QStringLiteral("steps"), steps}};
}

QJsonObject applyErrorToJson(const Error& error, const QJsonArray& steps)
{
    return {{QStringLiteral("ok"), false},
            {QStringLiteral("error"), error.message},
            {QStringLiteral("needs_elevation"), error.detail == QLatin1String("needs-elevation")},
            {QStringLiteral("detail"), error.detail},
            {QStringLiteral("findings"), findingsToJson(error.findings)},
            {QStringLiteral("steps"), steps}};
}

void replaySteps(const QJsonObject& object, const ApplyProgressCallback& progress)
{
    if (!progress)
        return;
    for (const QJsonValue& value : object.value(QLatin1String("steps")).toArray()) {
        if (const auto step = ApplyProgress::fromJson(value.toObject()))
            progress(*step);
    }
}

Result<ApplyResult> applyResultFromJson(const QJsonObject& object)
{
    if (!object.value(QLatin1String("ok")).isBool())
        return malformed(QStringLiteral("ok"));
    Findings findings;
    for (const QJsonValue& value : object.value(QLatin1String("findings")).toArray()) {
        auto finding = findingFromJson(value.toObject());
        if (!finding)
            return finding.error();
        findings << finding.value();
    }
    if (!object.value(QLatin1String("ok")).toBool()) {
        Error error {str(object, "error"), str(object, "detail")};
        error.findings = findings;
        return error;
    }
    ApplyResult result;
    result.siteFile = str(object, "site_file");
    result.changed = strings(object.value(QLatin1String("changed")));
    result.recovered = str(object, "recovered");
    result.mode = setupModeFromName(str(object, "mode")).value_or(SetupMode::Dedicated);
    result.findings = findings;
    return result;
}

} // namespace mtls
