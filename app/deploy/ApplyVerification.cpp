#include "ApplyVerification.h"

#include "core/Logging.h"
#include "pki/OpenSslHandles.h"
#include "probe/Prober.h"
#include "probe/Resolver.h"
#include "probe/TlsAttempt.h"
#include "server/ApacheMergeSite.h"
#include "server/ConfigIncludes.h"
#include "server/NginxMerge.h"
#include "server/NginxSites.h"
#include "server/ServerControl.h"
#include "server/SiteConflicts.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>
#include <QUrl>

#include <atomic>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ApplyVerification)
};

constexpr int kMaxNamesPerPort = 40;
constexpr int kMaxOtherPorts = 16;
constexpr int kRetryPauseMs = 50;
constexpr int kSettledInARow = 5;
constexpr int kSettleMs = 3000;

QString canonical(const QString& path)
{
    const QString c = QFileInfo(path).canonicalFilePath();
    return c.isEmpty() ? path : c;
}

// A name to send as SNI that the server_name / ServerName pattern matches; empty when there is none to try.
QString concreteName(const QString& pattern)
{
    if (pattern.isEmpty() || pattern == QLatin1String("_") || pattern.startsWith(QLatin1Char('~'))
        || pattern.contains(QLatin1Char('$')))
        return {};
    if (pattern.startsWith(QLatin1String("*.")))
        return QStringLiteral("mtls-assistant-check") + pattern.mid(1);
    if (pattern.startsWith(QLatin1Char('.')))
        return pattern.mid(1);
    if (pattern.contains(QLatin1Char('*')))
        return {};
    return pattern;
}

// Repeats `attempt` until it passes or the time is up; the last failure is the answer.
Status retryUntil(int timeoutMs, const std::function<Status(int remainingMs)>& attempt)
{
    QElapsedTimer clock;
    clock.start();
    Status last;
    do {
        const int remaining = int(std::max<qint64>(500, timeoutMs - clock.elapsed()));
        last = attempt(std::min(remaining, 3000));
        if (last)
            return last;
        QThread::msleep(kRetryPauseMs);
    } while (clock.elapsed() < timeoutMs);
    return last;
}

// retryUntil, but the attempt must succeed kSettledInARow times in a row: for a moment after a reload, processes of
// the configuration before (nginx's old workers, Apache's old children) may still take a connection while the new
// ones take others, so one good answer says nothing yet.
Status retryUntilSettled(int timeoutMs, const std::function<Status(int remainingMs)>& attempt)
{
    QElapsedTimer clock;
    clock.start();
    Status last;
    int inARow = 0;
    do {
        const int remaining = int(std::max<qint64>(500, timeoutMs - clock.elapsed()));
        last = attempt(std::min(remaining, 3000));
        inARow = last ? inARow + 1 : 0;
        if (inARow >= kSettledInARow)
            return last;
        QThread::msleep(kRetryPauseMs);
    } while (clock.elapsed() < timeoutMs);
    return last; // the last answer when time ran out before a settled row
}

Finding defaultSiteChanged(const ServedName& before)
{
    Finding f;
    f.code = QStringLiteral("DEFAULT_SITE_CHANGED");
    f.severity = Severity::Warning;
    f.message = Text::tr("Callers that send no server name (no SNI) on %1 now get the webhook's site instead of the "
                         "one they got before: the server takes the first site of the port as its default.")
                    .arg(before.address());
    f.hint = Text::tr("Mark the site that should answer such callers as the port's default (nginx: default_server "
                      "on its listen line; Apache: put its virtual host first).");
    return f;
}

} // namespace

QString ServedName::address() const
{
    return ListenAddress {host, port}.toString();
}

QString ServedName::describe() const
{
    if (!tls)
        return Text::tr("The server's port %1").arg(address());
    return name.isEmpty() ? Text::tr("the default site on %1").arg(address())
                          : Text::tr("%1 on %2").arg(name, address());
}

bool ServedName::operator==(const ServedName& other) const
{
    return name == other.name && host == other.host && port == other.port && accepted == other.accepted
        && answered == other.answered && tls == other.tls && leafSha256 == other.leafSha256;
}

QJsonArray servedNamesToJson(const ServedNames& names)
{
    QJsonArray array;
    for (const ServedName& n : names) {
        QJsonObject o {{QStringLiteral("name"), n.name},         {QStringLiteral("host"), n.host},
                       {QStringLiteral("port"), int(n.port)},    {QStringLiteral("accepted"), n.accepted},
                       {QStringLiteral("answered"), n.answered}, {QStringLiteral("tls"), n.tls},
                       {QStringLiteral("sha256"), n.leafSha256}};
        if (n.certificateRequested)
            o.insert(QStringLiteral("client_certificate_requested"), *n.certificateRequested);
        array.append(o);
    }
    return array;
}

ServedNames servedNamesFromJson(const QJsonArray& array)
{
    ServedNames names;
    for (const QJsonValue& value : array) {
        const QJsonObject o = value.toObject();
        const int port = o.value(QLatin1String("port")).toInt();
        if (port < 1 || port > 65535)
            continue;
        ServedName n;
        n.name = o.value(QLatin1String("name")).toString();
        n.host = o.value(QLatin1String("host")).toString();
        n.port = quint16(port);
        n.accepted = o.value(QLatin1String("accepted")).toBool();
        n.answered = o.value(QLatin1String("answered")).toBool();
        n.tls = o.value(QLatin1String("tls")).toBool(true);
        n.leafSha256 = o.value(QLatin1String("sha256")).toString();
        const QJsonValue requested = o.value(QLatin1String("client_certificate_requested"));
        if (requested.isBool())
            n.certificateRequested = requested.toBool();
        names << n;
    }
    return names;
}

QString localAddressFor(const ListenAddress& listen)
{
    if (listen.host.isEmpty() || listen.host == QLatin1String("*") || listen.host == QLatin1String("0.0.0.0"))
        return QStringLiteral("127.0.0.1");
    if (listen.host == QLatin1String("::"))
        return QStringLiteral("::1");
    return listen.host;
}

ApplyVerifier::ApplyVerifier(VerificationTarget target)
    : m_target(std::move(target))
{
}

ServedName ApplyVerifier::handshake(const QString& name, const QString& host, quint16 port, int timeoutMs)
{
    ServedName served;
    served.name = name;
    served.host = host;
    served.port = port;
    const std::atomic<bool> never {false};
    const Deadline deadline(timeoutMs, &never);
    auto addresses = resolveHost(host, port, deadline);
    SslCtxPtr context(SSL_CTX_new(TLS_client_method()));
    if (!addresses || !context) {
        clearOpenSslErrors();
        return served;
    }
    SSL_CTX_set_verify(context.get(), SSL_VERIFY_NONE, nullptr);
    AttemptPlan plan;
    plan.context = context.get();
    plan.serverName = name;
    plan.addresses = addresses.value();
    const AttemptResult result = runAttempt(plan, deadline);
    served.accepted = !result.address.isEmpty();
    served.answered = result.serverHelloSeen;
    if (!result.peerChain.isEmpty())
        served.leafSha256 = result.peerChain.first().sha256Hex();
    if (served.answered)
        served.certificateRequested = result.certificateRequested;
    return served;
}

QList<QPair<QString, quint16>> ApplyVerifier::localAddresses() const
{
    QList<QPair<QString, quint16>> addresses;
    for (const ListenAddress& listen : m_target.listen) {
        const QPair<QString, quint16> address {localAddressFor(listen), listen.port};
        if (!addresses.contains(address))
            addresses << address;
    }
    return addresses;
}

QStringList ApplyVerifier::namesOnPort(const QList<VirtualSite>& sites, quint16 port) const
{
    QStringList names {QString(), m_target.domain};
    for (const VirtualSite& site : sites) {
        if (!site.ports.contains(port))
            continue;
        for (const QString& pattern : site.names) {
            const QString name = concreteName(pattern);
            if (!name.isEmpty() && !names.contains(name) && names.size() < kMaxNamesPerPort)
                names << name;
        }
    }
    return names;
}

void ApplyVerifier::recordBefore()
{
    m_before.clear();
    QList<VirtualSite> sites;
    if (auto dump = ServerControl(m_target.installation).dumpConfiguration())
        sites = m_target.installation.kind == ServerKind::Nginx ? parseNginxDump(dump.value())
                                                                : parseApacheVirtualHosts(dump.value());
    QList<quint16> ours;
    for (const auto& [host, port] : localAddresses()) {
        ours << port;
        if (m_target.merge)
            m_rootStatusBefore.insert(ListenAddress {host, port}.toString(),
                                      statusWithoutCertificate(host, port, QStringLiteral("/"), 5000));
        for (const QString& name : namesOnPort(sites, port))
            m_before << handshake(name, host, port, 2000);
    }
    // The server's other ports: they must go on accepting connections (the server is alive and kept them).
    QList<quint16> others;
    for (const VirtualSite& site : std::as_const(sites)) {
        for (quint16 port : site.ports) {
            if (!ours.contains(port) && !others.contains(port) && others.size() < kMaxOtherPorts)
                others << port;
        }
    }
    for (quint16 port : std::as_const(others)) {
        ServedName other = handshake(QString(), QStringLiteral("127.0.0.1"), port, 2000);
        other.tls = false;
        m_before << other;
    }
}

Status ApplyVerifier::sameAsBefore(const ServedName& before, int timeoutMs)
{
    const ServedName now = handshake(before.name, before.host, before.port, timeoutMs);
    if (before.accepted && !now.accepted)
        return Error {Text::tr("%1 accepted connections before the change and does not now.").arg(before.describe())};
    if (!before.accepted && now.accepted)
        return Error {Text::tr("%1 accepts connections, though it did not before the change.").arg(before.describe())};
    if (before.tls && now.leafSha256 != before.leafSha256)
        return Error {
            Text::tr("%1 does not present the certificate it presented before the change.").arg(before.describe())};
    return {};
}

int ApplyVerifier::statusWithoutCertificate(const QString& host, quint16 port, const QString& path, int timeoutMs) const
{
    ProbeOptions options;
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(m_target.domain);
    url.setPort(port);
    url.setPath(path);
    options.url = url;
    options.connectHost = host;
    options.connectPort = port;
    options.timeoutMs = timeoutMs;
    options.checkLegacyVersions = false;
    auto report = Prober(options).run();
    if (!report || !report->httpStatusWithoutCertificate)
        return -1;
    return *report->httpStatusWithoutCertificate;
}

// Connects as Chat would to `host`:`port` with the domain as SNI, requesting the webhook path, and checks what every
// mode promises: the expected certificate (`whose` says which, for the message), a request for a client certificate
// that names the Chat client CA. The report, for the checks of each mode.
Result<ProbeReport> ApplyVerifier::probeOurName(const QString& host, quint16 port, int timeoutMs,
                                                const QString& whose) const
{
    ServedName where;
    where.name = m_target.domain;
    where.host = host;
    where.port = port;
    ProbeOptions options;
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(m_target.domain);
    url.setPort(port);
    url.setPath(m_target.webhookPath.isEmpty() ? QStringLiteral("/") : m_target.webhookPath);
    options.url = url;
    options.connectHost = host;
    options.connectPort = port;
    options.expectedClientCa = m_target.clientCa;
    options.timeoutMs = timeoutMs;
    options.checkLegacyVersions = false;
    auto report = Prober(options).run();
    if (!report)
        return Error {Text::tr("Could not check %1.").arg(where.describe()), report.error().fullText()};
    if (report->address.isEmpty() || report->serverCertificate.isNull())
        return Error {Text::tr("Nothing answers TLS on %1: the server is not running, or not on that address.")
                          .arg(where.address())};
    const Certificate& served = report->serverCertificate.leaf();
    if (served.sha256Hex() != m_target.leafSha256)
        return Error {Text::tr("%1 presents another certificate (%2, SHA-256 %3), not %4.")
                          .arg(where.describe(), served.displayName(), served.sha256Fingerprint(), whose)};
    if (!report->clientCertificateRequested)
        return Error {Text::tr("%1 does not ask callers for a client certificate.").arg(where.describe())};
    if (report->expectedClientCaListed != std::optional<bool>(true))
        return Error {Text::tr("%1 asks for a client certificate but does not name the Chat client CA (%2).")
                          .arg(where.describe(), m_target.clientCa.displayName())};
    return report;
}

Status ApplyVerifier::checkMergedSite(const QString& host, quint16 port, int timeoutMs) const
{
    ServedName where;
    where.name = m_target.domain;
    where.host = host;
    where.port = port;
    auto report = probeOurName(host, port, timeoutMs, Text::tr("the site's own"));
    if (!report)
        return report.error();
    if (report->httpStatusWithoutCertificate != std::optional<int>(403))
        return Error {Text::tr("On %1, %2 does not answer 403 to a caller without a client certificate (HTTP %3).")
                          .arg(where.describe(), m_target.webhookPath)
                          .arg(report->httpStatusWithoutCertificate.value_or(0))};
    const QString address = ListenAddress {host, port}.toString();
    const int before = m_rootStatusBefore.value(address, -1);
    if (before > 0) {
        const int now = statusWithoutCertificate(host, port, QStringLiteral("/"), timeoutMs);
        if (now != before)
            return Error {Text::tr("On %1, \"/\" answers HTTP %2 to a caller without a client certificate; it answered "
                                   "%3 before the change.")
                              .arg(where.describe())
                              .arg(now)
                              .arg(before)};
    }
    return {};
}

Status ApplyVerifier::checkMergedConfiguration(const QString& dump) const
{
    if (m_target.installation.kind == ServerKind::Apache)
        return checkApacheMergeApplied(dump, m_target.domain, m_target.listen, m_target.siteFile);
    const QHash<QString, QString> files = splitNginxDump(dump);
    const ServerInstallation& inst = m_target.installation;
    const nginxconf::ByteReader read = [&files](const QString& path) -> std::optional<QByteArray> {
        if (!files.contains(path))
            return std::nullopt;
        return files.value(path).toUtf8();
    };
    const nginxconf::Glob glob = [&files](const QString& pattern) {
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(pattern));
        QStringList matched;
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (re.match(it.key()).hasMatch())
                matched << it.key();
        }
        matched.sort();
        return matched;
    };
    const nginxconf::Config config = nginxconf::parseConfig(QDir::cleanPath(inst.mainConfig),
                                                            QFileInfo(inst.mainConfig).absolutePath(), read, glob);
    const QList<nginxconf::Server> servers = nginxconf::servers(config);
    const QString ours = canonical(m_target.siteFile);
    for (const auto& [host, port] : localAddresses()) {
        const auto selection = nginxconf::selectServer(servers, m_target.domain, host, port);
        const nginxconf::Server* server = selection ? &servers.at(selection->server) : nullptr;
        bool marked = false;
        bool optional = false;
        if (server) {
            for (const nginxconf::Directive& d : server->block.children) {
                marked = marked
                    || (d.isComment()
                        && d.arg().trimmed().endsWith(QString::fromLatin1(nginxconf::kMergeMarker).mid(2)));
                optional = optional
                    || (d.name == QLatin1String("ssl_verify_client") && d.arg() == QLatin1String("optional"));
            }
        }
        if (!server || canonical(server->path) != ours || !marked || !optional)
            return Error {Text::tr("nginx's effective configuration does not answer %1 on %2 with the site of %3 and "
                                   "the lines the merge added.")
                              .arg(m_target.domain, ListenAddress {host, port}.toString(), m_target.siteFile)};
    }
    return {};
}

Status ApplyVerifier::checkOurSite(const QString& host, quint16 port, int timeoutMs) const
{
    if (m_target.merge)
        return checkMergedSite(host, port, timeoutMs);
    ServedName where;
    where.name = m_target.domain;
    where.host = host;
    where.port = port;
    auto report = probeOurName(host, port, timeoutMs, Text::tr("the one just installed"));
    if (!report)
        return report.error();
    if (report->withoutClientCertificate == CallerOutcome::Accepted)
        return Error {Text::tr("%1 lets a caller without a client certificate through (HTTP %2).")
                          .arg(where.describe())
                          .arg(report->httpStatusWithoutCertificate.value_or(0))};
    if (report->withoutClientCertificate == CallerOutcome::NotTested) {
        QStringList why;
        for (const Finding& f : report->findings)
            why << f.message;
        return Error {
            Text::tr("Could not tell whether %1 refuses a caller without a client certificate.").arg(where.describe()),
            why.join(QLatin1Char('\n'))};
    }
    return {};
}

Status ApplyVerifier::checkEffectiveConfiguration() const
{
    const ServerInstallation& inst = m_target.installation;
    auto dump = ServerControl(inst).dumpConfiguration();
    if (!dump)
        return Error {Text::tr("%1 could not show its effective configuration.").arg(serverKindDisplayName(inst.kind)),
                      dump.error().fullText()};
    if (m_target.merge)
        return checkMergedConfiguration(dump.value());
    const QList<VirtualSite> sites
        = inst.kind == ServerKind::Nginx ? parseNginxDump(dump.value()) : parseApacheVirtualHosts(dump.value());
    const QString ours = canonical(m_target.siteFile);
    bool read = false;
    for (const VirtualSite& site : sites)
        read = read || (canonical(site.file) == ours && site.names.contains(m_target.domain.toLower()));
    if (!read)
        return Error {Text::tr("%1 does not read %2: its effective configuration has no site for %3 from that file.")
                          .arg(serverKindDisplayName(inst.kind), m_target.siteFile, m_target.domain)};
    QList<quint16> ports;
    for (const ListenAddress& listen : m_target.listen)
        ports << listen.port;
    const Findings conflicts = siteConflictFindings(sites, m_target.domain, ports, m_target.siteFile);
    if (!conflicts.isEmpty())
        return Error {conflicts.first().message};
    return {};
}

Result<Findings> ApplyVerifier::verifyApplied(const std::function<void(const QString&)>& passed, int timeoutMs) const
{
    const auto tell = [&passed](const QString& line) {
        if (passed)
            passed(line);
    };
    // The reload takes effect a moment after the command returns: wait for our certificate on every address.
    for (const auto& [host, port] : localAddresses()) {
        const QString h = host;
        const quint16 p = port;
        if (auto ours = retryUntil(timeoutMs, [&](int remaining) { return checkOurSite(h, p, remaining); }); !ours)
            return ours.error();
        ServedName where;
        where.name = m_target.domain;
        where.host = h;
        where.port = p;
        if (m_target.merge)
            tell(Text::tr("Verified: %1 presents the site's own certificate, asks callers for a certificate from the "
                          "Chat client CA, answers 403 on %2 without one, and answers \"/\" as before.")
                     .arg(where.describe(), m_target.webhookPath));
        else
            tell(Text::tr("Verified: %1 presents the new certificate, asks callers for a certificate from the Chat "
                          "client CA, and refuses a caller without one.")
                     .arg(where.describe()));
    }
    // Processes of the previous configuration may still take a connection or two for a moment (nginx's old workers,
    // Apache's old children finish gracefully): only once several connections in a row reach the new configuration
    // does a comparison with "before" say something about the new one.
    for (const auto& [host, port] : localAddresses()) {
        QElapsedTimer clock;
        clock.start();
        int inARow = 0;
        while (inARow < kSettledInARow && clock.elapsed() < kSettleMs) {
            const ServedName now = handshake(m_target.domain, host, port, 1000);
            inARow = now.leafSha256 == m_target.leafSha256 ? inARow + 1 : 0;
            if (inARow == 0)
                QThread::msleep(kRetryPauseMs);
        }
    }
    if (auto read = checkEffectiveConfiguration(); !read)
        return read.error();
    if (m_target.merge)
        tell(Text::tr("Verified: %1 answers %2 with the site of %3, which holds the lines the merge added.")
                 .arg(serverKindDisplayName(m_target.installation.kind), m_target.domain, m_target.siteFile));
    else
        tell(Text::tr("Verified: %1 reads %2, and no other site answers %3 on the same port.")
                 .arg(serverKindDisplayName(m_target.installation.kind), m_target.siteFile, m_target.domain));

    int others = 0;
    Findings warnings;
    for (const ServedName& before : m_before) {
        if (before.tls && before.name == m_target.domain)
            continue;
        if (before.tls && before.name.isEmpty()) {
            // Callers without SNI get the port's default site: ours when the port was new or came first.
            const ServedName now = handshake(before.name, before.host, before.port, 2000);
            if (before.answered && now.leafSha256 != before.leafSha256)
                warnings << defaultSiteChanged(before);
            continue;
        }
        if (before.tls && before.leafSha256.isEmpty()) {
            // That name had no HTTPS site on this address (the port was new there, or it answered in plain HTTP):
            // the webhook's site may answer it now; nothing that worked before was taken away.
            continue;
        }
        if (auto same = sameAsBefore(before, 2000); !same)
            return same.error();
        if (before.tls)
            ++others;
    }
    if (others > 0)
        tell(Text::tr("Verified: the same certificate as before for %n other name(s) on the same port.", nullptr,
                      others));
    return warnings;
}

Status ApplyVerifier::verifyPrevious(int timeoutMs) const
{
    return retryUntilSettled(timeoutMs, [this](int remaining) -> Status {
        for (const ServedName& before : m_before) {
            if (auto same = sameAsBefore(before, std::min(remaining, 2000)); !same)
                return same;
        }
        return {};
    });
}

Status ApplyVerifier::verifyRolledBack(bool ourSiteExistedBefore, int timeoutMs) const
{
    return retryUntilSettled(timeoutMs, [&](int remaining) -> Status {
        for (const ServedName& before : m_before) {
            if (!before.accepted)
                continue;
            const ServedName now = handshake(before.name, before.host, before.port, std::min(remaining, 2000));
            if (!now.accepted)
                return Error {
                    Text::tr("%1 accepted connections before the apply and does not now.").arg(before.describe())};
            // A site that asked no caller for a certificate before (the merge mode adds the request) must not now:
            // until the server's old workers are gone, they still serve the applied configuration.
            if (before.certificateRequested == std::optional<bool>(false) && now.answered
                && now.certificateRequested == std::optional<bool>(true))
                return Error {Text::tr("%1 still asks callers for a client certificate, as the apply made it do.")
                                  .arg(before.describe())};
        }
        if (ourSiteExistedBefore || m_target.leafSha256.isEmpty())
            return {};
        for (const auto& [host, port] : localAddresses()) {
            const ServedName now = handshake(m_target.domain, host, port, std::min(remaining, 2000));
            if (now.leafSha256 == m_target.leafSha256)
                return Error {Text::tr("%1 still presents the certificate the apply installed.").arg(now.describe())};
        }
        return {};
    });
}

} // namespace mtls
