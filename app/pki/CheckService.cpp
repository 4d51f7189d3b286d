#include "CheckService.h"

#include "CertificateChecks.h"
#include "DomainName.h"
#include "MaterialLoader.h"
#include "core/Logging.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace mtls {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::CheckService)
};
} // namespace

CheckReport runCheck(const CheckInput& input)
{
    CheckReport report;
    CheckContext context;
    context.host = hostFromInput(input.domain);
    context.issuedByChat = input.issuedByChat;
    context.now = input.now.isValid() ? input.now : QDateTime::currentDateTimeUtc();

    report.findings += validateWebhookDomain(context.host);

    LoadOptions options;
    options.passphrase = input.passphrase;
    const MaterialLoader loader(options);
    Material material;
    const bool withoutCertificate = input.serverCertificateOptional && input.certPath.isEmpty()
        && input.pkcs12Path.isEmpty() && input.bundlePath.isEmpty();
    for (const QString& path : {input.certPath, input.keyPath, input.chainPath, input.pkcs12Path, input.bundlePath}) {
        if (!path.isEmpty() && !withoutCertificate)
            material.append(loader.loadFile(path));
    }
    report.findings += material.findings;

    const ServerSelection selection
        = withoutCertificate ? ServerSelection() : selectServerMaterial(material, context.host);
    report.material = selection.material;
    report.findings += selection.findings;

    Result<TrustStore> trust = input.rootsPath.isEmpty() ? TrustStore::system() : TrustStore::fromFile(input.rootsPath);
    if (trust) {
        context.trust = &trust.value();
    } else {
        // With the reason the file could not be read (missing, a FIFO, damaged), not only that it could not.
        report.findings.append(Finding {QStringLiteral("FILE_UNREADABLE"), Severity::Error, trust.error().fullText(),
                                        Text::tr("Give a PEM file with the root certificates to trust."),
                                        input.rootsPath});
    }
    if (!withoutCertificate)
        report.findings += checkServerCertificate(selection, context);

    if (!input.clientCaPath.isEmpty()) {
        const Material ca = loader.loadFile(input.clientCaPath);
        report.findings += ca.findings;
        report.material.clientCas = ca.allCertificates();
        report.material.clientCaOrigin = ca.certificates.isEmpty() ? QString() : ca.certificates.first().origin;
        if (ca.certificates.isEmpty() && !hasError(ca.findings)) {
            report.findings.append(Finding {QStringLiteral("FORMAT_UNRECOGNIZED"), Severity::Error,
                                            Text::tr("No certificate was found in the client CA file."),
                                            Text::tr("Choose TencentQQAuthCA.crt or TencentQQAuthCA.crt.zip."),
                                            input.clientCaPath});
        }
        report.findings += checkClientCa(report.material.clientCas, report.material.clientCaOrigin, context);
    }
    report.findings = sortedBySeverity(report.findings);
    qCDebug(lcPki) << "check of" << context.host << "gave" << report.findings.size() << "findings";
    return report;
}

QJsonObject CheckReport::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("ok"), ok());
    o.insert(QStringLiteral("findings"), findingsToJson(findings));
    if (material.leaf.isNull()) {
        o.insert(QStringLiteral("certificate"), QJsonValue::Null);
    } else {
        QJsonObject cert = material.leaf.toJson();
        cert.insert(QStringLiteral("origin"), material.leafOrigin);
        if (!material.key.isNull())
            cert.insert(QStringLiteral("key_origin"), material.keyOrigin);
        o.insert(QStringLiteral("certificate"), cert);
    }
    QJsonArray chain;
    for (const Certificate& c : material.chain)
        chain.append(c.toJson());
    o.insert(QStringLiteral("chain"), chain);
    if (material.clientCas.isEmpty()) {
        o.insert(QStringLiteral("client_ca"), QJsonValue::Null);
    } else {
        QJsonObject ca = material.clientCas.first().toJson();
        ca.insert(QStringLiteral("origin"), material.clientCaOrigin);
        o.insert(QStringLiteral("client_ca"), ca);
    }
    return o;
}

} // namespace mtls
