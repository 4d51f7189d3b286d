#pragma once

#include "ServerKind.h"
#include "TlsProfile.h"

#include <QList>
#include <QString>
#include <QVersionNumber>

namespace mtls {

// One address and port the site listens on. `host` is an IPv4 or IPv6 address (without brackets), or "*" for
// every IPv4 address ("[::]" style is written as host "::").
struct ListenAddress
{
    QString host;
    quint16 port = 443;

    bool isIpv6() const { return host.contains(QLatin1Char(':')); }
    // "0.0.0.0:443", "[::]:443", "*:443", as nginx and Apache write it.
    QString toString() const;
    bool operator==(const ListenAddress& other) const { return host == other.host && port == other.port; }
};

// "ADDR:PORT", "[V6]:PORT", "PORT" or "*:PORT". A bare port means every IPv4 and IPv6 address.
// Returns an empty list when the text is not valid.
QList<ListenAddress> parseListen(const QString& text);
// 0.0.0.0:443 and [::]:443.
QList<ListenAddress> defaultListen(quint16 port = 443);

// Everything the generator needs. Paths are where the files will be on the server (after apply/install),
// not where the user picked them.
struct ServerConfigRequest
{
    ServerKind server = ServerKind::Nginx;
    QString domain; // the webhook domain, also server_name / ServerName
    QList<ListenAddress> listen; // empty: defaultListen()
    QString certificatePath; // leaf followed by its intermediates (nginx ssl_certificate, Apache >= 2.4.8)
    QString chainPath; // the intermediates alone; only old Apache (< 2.4.8) needs it, as SSLCertificateChainFile
    QString keyPath;
    QString clientCaPath; // the Chat client CA (TencentQQAuthCA.crt)
    QString upstreamUrl = QStringLiteral("http://127.0.0.1:8080"); // the webhook application
    QString webhookPath = QStringLiteral("/"); // the path Chat calls; other paths answer 404
    TlsProfile profile = TlsProfile::Intermediate;
    QVersionNumber serverVersion; // null: a current version
    int verifyDepth = 2;
    // The webhook access log (one JSON object a line, see WebhookLog.h); empty: defaultWebhookLogPath().
    QString accessLogPath;
    bool apacheListen = true; // Apache: write Listen lines for ports other than 443
    // Apache on this machine (apply fills them in from the effective configuration; any file named like ours is
    // left out): where it already listens and the addresses of its virtual hosts (host "*" for every address,
    // port 0 for any port). Then Listen lines are written only where nothing listens yet (443 too), and a site
    // on every address also names the explicit addresses the other virtual hosts on its port use.
    bool apacheKnowsExisting = false;
    QList<ListenAddress> apacheExistingListen;
    QList<ListenAddress> apacheExistingVirtualHosts;
    QString producedBy; // for the header comment, e.g. the command line; empty: "mTLS Assistant <version>"
};

} // namespace mtls
