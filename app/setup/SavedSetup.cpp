#include "SavedSetup.h"

#include "deploy/ApplyService.h"
#include "deploy/ExportBundle.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>

namespace mtls {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::SavedSetup)
};

QString isoUtc(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime fromIsoUtc(const QString& text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}
} // namespace

RememberedCertificate RememberedCertificate::of(const Certificate& certificate)
{
    RememberedCertificate remembered;
    if (certificate.isNull())
        return remembered;
    remembered.subject = certificate.subject();
    remembered.sha256 = certificate.sha256Fingerprint();
    remembered.notBefore = certificate.notBefore();
    remembered.notAfter = certificate.notAfter();
    return remembered;
}

qint64 RememberedCertificate::daysUntilExpiry(const QDateTime& now) const
{
    if (!notAfter.isValid())
        return 0;
    // Whole days, rounded down, like Certificate::daysUntilExpiry.
    const qint64 seconds = now.secsTo(notAfter);
    return seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
}

QJsonObject RememberedCertificate::toJson() const
{
    return {{QStringLiteral("subject"), subject},
            {QStringLiteral("sha256"), sha256},
            {QStringLiteral("not_before"), isoUtc(notBefore)},
            {QStringLiteral("not_after"), isoUtc(notAfter)}};
}

RememberedCertificate RememberedCertificate::fromJson(const QJsonObject& object)
{
    RememberedCertificate remembered;
    remembered.subject = object.value(QStringLiteral("subject")).toString();
    remembered.sha256 = object.value(QStringLiteral("sha256")).toString();
    remembered.notBefore = fromIsoUtc(object.value(QStringLiteral("not_before")).toString());
    remembered.notAfter = fromIsoUtc(object.value(QStringLiteral("not_after")).toString());
    return remembered;
}

QString SavedSetup::id() const
{
    return QStringLiteral("%1|%2|%3").arg(domain, serverKindName(server), setupTargetName(target));
}

QJsonObject SavedSetup::toJson() const
{
    return {
        {QStringLiteral("domain"), domain},
        {QStringLiteral("webhook_path"), webhookPath},
        {QStringLiteral("certificate_source"), certificateSourceName(source)},
        {QStringLiteral("server"), serverKindName(server)},
        {QStringLiteral("target"), setupTargetName(target)},
        {QStringLiteral("server_root"), serverRoot},
        {QStringLiteral("ssh_target"), sshTarget},
        {QStringLiteral("ssh_identity"), sshIdentity},
        {QStringLiteral("config_file"), configFile},
        {QStringLiteral("certificate_file"), certificateFile},
        {QStringLiteral("key_file"), keyFile},
        {QStringLiteral("client_ca_file"), clientCaFile},
        {QStringLiteral("listen"), listen},
        {QStringLiteral("upstream"), upstreamUrl},
        {QStringLiteral("tls_profile"), tlsProfileName(profile)},
        {QStringLiteral("inputs"),
         QJsonObject {{QStringLiteral("cert"), inputs.certPath},
                      {QStringLiteral("key"), inputs.keyPath},
                      {QStringLiteral("chain"), inputs.chainPath},
                      {QStringLiteral("pkcs12"), inputs.pkcs12Path},
                      {QStringLiteral("bundle"), inputs.bundlePath}}},
        {QStringLiteral("mode"), setupModeName(mode)},
        {QStringLiteral("site_file"), siteFile},
        {QStringLiteral("site_line"), siteLine},
        {QStringLiteral("site_certificate_file"), siteCertificateFile},
        {QStringLiteral("certificate"), certificate.toJson()},
        {QStringLiteral("client_ca"), clientCa.toJson()},
        {QStringLiteral("saved_at"), isoUtc(savedAt)},
    };
}

Result<SavedSetup> SavedSetup::fromJson(const QJsonObject& object)
{
    SavedSetup setup;
    setup.domain = object.value(QStringLiteral("domain")).toString();
    if (setup.domain.isEmpty())
        return Error(Text::tr("A saved setup has no domain."));
    const auto server = serverKindFromName(object.value(QStringLiteral("server")).toString());
    if (!server)
        return Error(Text::tr("The saved setup for %1 names no known server.").arg(setup.domain));
    setup.server = *server;
    setup.source = certificateSourceFromName(object.value(QStringLiteral("certificate_source")).toString())
                       .value_or(CertificateSource::OwnCa);
    setup.target
        = setupTargetFromName(object.value(QStringLiteral("target")).toString()).value_or(SetupTarget::ThisMachine);
    setup.profile
        = tlsProfileFromName(object.value(QStringLiteral("tls_profile")).toString()).value_or(TlsProfile::Intermediate);
    setup.webhookPath = object.value(QStringLiteral("webhook_path")).toString(QStringLiteral("/"));
    setup.serverRoot = object.value(QStringLiteral("server_root")).toString();
    setup.sshTarget = object.value(QStringLiteral("ssh_target")).toString();
    setup.sshIdentity = object.value(QStringLiteral("ssh_identity")).toString();
    if (setup.target == SetupTarget::Ssh && setup.sshTarget.isEmpty())
        return Error(Text::tr("The saved setup for %1 was applied over SSH but names no server.").arg(setup.domain));
    setup.configFile = object.value(QStringLiteral("config_file")).toString();
    setup.certificateFile = object.value(QStringLiteral("certificate_file")).toString();
    setup.keyFile = object.value(QStringLiteral("key_file")).toString();
    setup.clientCaFile = object.value(QStringLiteral("client_ca_file")).toString();
    setup.listen = object.value(QStringLiteral("listen")).toString();
    setup.upstreamUrl = object.value(QStringLiteral("upstream")).toString();
    const QJsonObject inputs = object.value(QStringLiteral("inputs")).toObject();
    setup.inputs.certPath = inputs.value(QStringLiteral("cert")).toString();
    setup.inputs.keyPath = inputs.value(QStringLiteral("key")).toString();
    setup.inputs.chainPath = inputs.value(QStringLiteral("chain")).toString();
    setup.inputs.pkcs12Path = inputs.value(QStringLiteral("pkcs12")).toString();
    setup.inputs.bundlePath = inputs.value(QStringLiteral("bundle")).toString();
    // Saved before the two modes existed: a site of our own.
    const auto mode = setupModeFromName(object.value(QStringLiteral("mode")).toString());
    setup.mode = mode == SetupMode::Merge ? SetupMode::Merge : SetupMode::Dedicated;
    if (setup.mode == SetupMode::Merge) {
        setup.siteFile = object.value(QStringLiteral("site_file")).toString();
        setup.siteLine = object.value(QStringLiteral("site_line")).toInt();
        setup.siteCertificateFile = object.value(QStringLiteral("site_certificate_file")).toString();
    }
    setup.certificate = RememberedCertificate::fromJson(object.value(QStringLiteral("certificate")).toObject());
    setup.clientCa = RememberedCertificate::fromJson(object.value(QStringLiteral("client_ca")).toObject());
    setup.savedAt = fromIsoUtc(object.value(QStringLiteral("saved_at")).toString());
    return setup;
}

namespace {
RememberedCertificate certificateInFile(const QString& path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    const Result<Certificate> certificate = Certificate::fromPem(file.readAll());
    return certificate ? RememberedCertificate::of(certificate.value()) : RememberedCertificate();
}

// The line where the block that starts on `line` of `before` starts in `after`: the merge only adds lines before it
// (each marked as ours, so never equal to one of the user's) and changes nothing above it.
int lineAfterEdit(const QByteArray& before, const QByteArray& after, int line)
{
    const QList<QByteArray> old = before.split('\n');
    const QList<QByteArray> now = after.split('\n');
    qsizetype j = 0;
    for (qsizetype i = 0; i < line - 1 && i < old.size(); ++i, ++j) {
        while (j < now.size() && now.at(j) != old.at(i))
            ++j;
    }
    if (line - 1 < old.size())
        while (j < now.size() && now.at(j) != old.at(line - 1))
            ++j;
    return j < now.size() ? int(j) + 1 : line;
}
} // namespace

void rememberHowServed(SavedSetup& setup, const std::optional<MergePlan>& merge, const Certificate& leaf)
{
    setup.mode = merge ? SetupMode::Merge : SetupMode::Dedicated;
    setup.siteFile = merge ? merge->site.file : QString();
    // Where the site starts in its file now, with the lines of the merge.
    setup.siteLine = merge ? lineAfterEdit(merge->before, merge->after, merge->site.line) : 0;
    setup.siteCertificateFile = merge ? merge->site.certificates.value(0) : QString();
    if (!merge) {
        setup.certificate = RememberedCertificate::of(leaf);
        return;
    }
    // The site's own certificate, not a file of ours.
    setup.certificateFile.clear();
    setup.keyFile.clear();
    setup.certificate = merge->siteLeaf.isNull() ? certificateInFile(setup.siteCertificateFile)
                                                 : RememberedCertificate::of(merge->siteLeaf);
}

RememberedCertificate servedCertificate(const SavedSetup& setup)
{
    if (setup.mode != SetupMode::Merge || setup.target == SetupTarget::Ssh) // an SSH setup's files are on the server
        return setup.certificate;
    const RememberedCertificate now = certificateInFile(setup.siteCertificateFile);
    return now.isNull() ? setup.certificate : now;
}

namespace {
// What every apply remembers: the site's paths, listen address, upstream and profile from its configuration request.
SavedSetup savedSetupOf(const QString& domain, ServerKind server, SetupTarget target, const QString& serverRoot,
                        const QString& siteFile, const ServerConfigRequest& c, const std::optional<MergePlan>& merge,
                        CertificateSource source, const Certificate& leaf, const Certificate& clientCa,
                        const QList<SavedSetup>& saved)
{
    SavedSetup s;
    s.domain = domain;
    s.server = server;
    s.target = target;
    const QString id = s.id();
    for (const SavedSetup& earlier : saved) {
        if (earlier.id() == id)
            s = earlier;
    }
    s.webhookPath = c.webhookPath;
    s.source = source;
    s.serverRoot = serverRoot;
    s.configFile = siteFile;
    s.certificateFile = c.certificatePath;
    s.keyFile = c.keyPath;
    s.clientCaFile = c.clientCaPath;
    // As the wizard writes it: a bare port for every address, else the (first) address.
    if (c.listen.isEmpty())
        s.listen = QStringLiteral("443");
    else if (c.listen == defaultListen(c.listen.first().port))
        s.listen = QString::number(c.listen.first().port);
    else
        s.listen = c.listen.first().toString();
    s.upstreamUrl = c.upstreamUrl;
    s.profile = c.profile;
    rememberHowServed(s, merge, leaf);
    s.clientCa = RememberedCertificate::of(clientCa);
    s.savedAt = QDateTime::currentDateTimeUtc();
    return s;
}
} // namespace

SavedSetup savedSetupOfApply(const ApplyRequest& request, const ApplyPlan& plan, CertificateSource source,
                             const Certificate& leaf, const Certificate& clientCa, const QList<SavedSetup>& saved)
{
    return savedSetupOf(plan.config.domain, request.installation.kind, SetupTarget::ThisMachine,
                        request.installation.configRoot, plan.siteFile, plan.configRequest, plan.merge, source, leaf,
                        clientCa, saved);
}

SavedSetup savedSetupOfRemoteApply(const ExportPlan& plan, const QString& sshTarget, const QString& sshIdentity,
                                   CertificateSource source, const Certificate& leaf, const Certificate& clientCa,
                                   const QList<SavedSetup>& saved)
{
    const QString siteFile
        = plan.merge ? plan.merge->site.file : plan.target.siteDir + QLatin1Char('/') + plan.generated.fileName;
    SavedSetup s = savedSetupOf(plan.config.domain, plan.target.kind, SetupTarget::Ssh, plan.target.configRoot,
                                siteFile, plan.config, plan.merge, source, leaf, clientCa, saved);
    s.sshTarget = sshTarget;
    s.sshIdentity = sshIdentity;
    return s;
}

} // namespace mtls
