#pragma once

// Checks from outside that an apply (or its rollback) did what it claims: the server answers, our site is part of
// its effective configuration, the webhook name presents our certificate and asks callers for one from the Chat
// client CA, a caller without one is refused, and every other name on the port presents the same certificate as
// before the change. Nothing here trusts the server's own words: it connects like a client would.

#include "core/Result.h"
#include "pki/Certificate.h"
#include "probe/ProbeTypes.h"
#include "server/ServerConfigRequest.h"
#include "server/ServerDiscovery.h"
#include "server/SiteConflicts.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

namespace mtls {

// What one TLS handshake with one name (SNI) on one local address showed.
struct ServedName
{
    QString name; // sent as SNI; empty: none (the port's default site)
    QString host; // the address connected to, such as 127.0.0.1 or ::1
    quint16 port = 0;
    bool accepted = false; // the TCP connection was accepted (the server is alive there)
    bool answered = false; // a TLS server answered (whatever it then did with the caller)
    bool tls = true; // false: a port of another site, only checked to accept connections
    QString leafSha256; // hex SHA-256 of the certificate presented; empty when none was seen
    // Whether the server asked for a client certificate (a TLS server answered); not known from records written
    // before this was kept. Not part of ==: a rollback checks it (the merge mode adds the request to a site).
    std::optional<bool> certificateRequested;

    QString address() const; // "127.0.0.1:443", "[::1]:443"
    QString describe() const; // "www.example.com on 127.0.0.1:443" (or "the default site on ...")
    bool operator==(const ServedName& other) const;
};
using ServedNames = QList<ServedName>;
QJsonArray servedNamesToJson(const ServedNames& names);
ServedNames servedNamesFromJson(const QJsonArray& array);

// Where the server is reached on this machine for a listen address: 0.0.0.0 and * on 127.0.0.1, :: on ::1, an
// explicit address on itself.
QString localAddressFor(const ListenAddress& listen);

// What to verify: the webhook as apply configured it.
struct VerificationTarget
{
    ServerInstallation installation;
    QString domain;
    QList<ListenAddress> listen; // as in the configuration (defaultListen() when the request had none)
    QString webhookPath = QStringLiteral("/");
    QString siteFile; // our site file, which the effective configuration must read
    QString leafSha256; // hex SHA-256 of the certificate the domain must present
    Certificate clientCa; // the Chat client CA the server must name when it asks for a client certificate
    // The merge mode: the site that answered the name keeps serving it (leafSha256 is that site's certificate,
    // siteFile its file). Checked instead: a caller without a client certificate gets 403 on the webhook path and,
    // on "/", the status it got before the change; the effective configuration picks that site for the name, with
    // the lines the merge added.
    bool merge = false;
};

class ApplyVerifier
{
public:
    explicit ApplyVerifier(VerificationTarget target);

    // Before any change: what every name the server answers on our ports presents now (ours included), and
    // which of the server's other ports accept connections. Names and ports come from its effective
    // configuration; wildcard names are tried with a name they match, regular expressions are left out. Bounded: at
    // most a few dozen names and ports.
    void recordBefore();
    const ServedNames& before() const { return m_before; }
    void setBefore(ServedNames before) { m_before = std::move(before); }

    // After the new configuration was reloaded. Waits (up to `timeoutMs`) for the reload to take effect, then
    // checks everything; the Error names the first thing that is wrong. `passed` is told one line per check
    // that passed, for the steps the user sees. The findings are warnings about what changed on purpose but may
    // surprise: DEFAULT_SITE_CHANGED when callers that send no name (no SNI) now get the webhook's site.
    Result<Findings> verifyApplied(const std::function<void(const QString&)>& passed, int timeoutMs = 10000) const;
    // After the previous configuration was put back and reloaded: every address that answered before answers
    // again, and every name presents the certificate it presented before the change.
    Status verifyPrevious(int timeoutMs = 10000) const;
    // After a rollback run later (not right after the apply, so other sites may have renewed their certificates
    // since): every address that answered before the apply answers again, and the webhook name no longer
    // presents the certificate the apply installed (unless our site existed before it).
    Status verifyRolledBack(bool ourSiteExistedBefore, int timeoutMs = 10000) const;

    // One handshake (no HTTP request), bounded by `timeoutMs`.
    static ServedName handshake(const QString& name, const QString& host, quint16 port, int timeoutMs);
    // Whether `before` is served the same way now; an Error says what differs.
    static Status sameAsBefore(const ServedName& before, int timeoutMs);

private:
    // The names the server answers on `port` according to `sites` (its effective configuration), plus none.
    QStringList namesOnPort(const QList<VirtualSite>& sites, quint16 port) const;
    QList<QPair<QString, quint16>> localAddresses() const;
    Status checkOurSite(const QString& host, quint16 port, int timeoutMs) const;
    Status checkMergedSite(const QString& host, quint16 port, int timeoutMs) const;
    Result<ProbeReport> probeOurName(const QString& host, quint16 port, int timeoutMs, const QString& whose) const;
    Status checkEffectiveConfiguration() const;
    Status checkMergedConfiguration(const QString& dump) const;
    // The HTTP status a caller without a client certificate gets for `path` (-1: none).
    int statusWithoutCertificate(const QString& host, quint16 port, const QString& path, int timeoutMs) const;

    VerificationTarget m_target;
    ServedNames m_before;
    QHash<QString, int> m_rootStatusBefore; // merge: the status of "/" without a client certificate, per address
};

} // namespace mtls
