#pragma once

#include "core/Finding.h"
#include "pki/Certificate.h"
#include "pki/PrivateKey.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace mtls {

// What the probe is asked to do. Certificates are values already read by the caller.
struct ProbeOptions
{
    QUrl url; // https://host[:port]/path?query: the webhook URL as Chat's servers call it
    // Where to connect instead of the URL's host and port (curl's --connect-to): SNI and Host stay the URL's, so a
    // server can be tested before DNS points at it. Empty host: the URL's.
    QString connectHost;
    quint16 connectPort = 0; // 0: the URL's port
    Certificates serverCas; // trust these for the server's chain; empty: the system store
    Certificate expectedClientCa; // the Chat client CA the user imported (null: not checked)
    Certificate clientCertificate; // a test client certificate (null: only the test without one)
    Certificates clientChain; // intermediates sent with the test client certificate
    PrivateKey clientKey;
    int timeoutMs = 10000; // bounds the whole probe
    bool checkLegacyVersions = true; // one extra connection offering only TLS 1.0/1.1
};

// The steps reported while the probe runs.
enum class ProbeStep { Resolve, Connect, Handshake, Request, WithClientCertificate, ProtocolVersions, Done };
QString probeStepName(ProbeStep step); // "resolve", "connect", ... (stable)
QString probeStepLabel(ProbeStep step); // translated, for people

// How the server treated one caller (stable names, used in JSON).
enum class CallerOutcome { NotTested, RejectedInHandshake, RejectedByHttpStatus, Accepted };
QString callerOutcomeName(CallerOutcome outcome);

struct ServerCertificateInfo
{
    Certificates chain; // as sent by the server, leaf first
    bool trusted = false; // the chain leads to a trusted root (dates are judged separately)
    QString trustError; // why not, when not trusted
    bool nameMatch = false;
    qint64 daysLeft = 0;

    const Certificate& leaf() const { return chain.first(); }
    bool isNull() const { return chain.isEmpty(); }
};

struct ProbeTimings
{
    qint64 resolve = -1; // milliseconds; -1 when the step did not run
    qint64 connect = -1;
    qint64 handshake = -1;
    qint64 request = -1;
    qint64 total = -1;
};

// Everything the probe found out; `findings` is the judgement.
struct ProbeReport
{
    QUrl url;
    QString address; // "127.0.0.1:8443" or "[::1]:8443", empty when nothing was reached
    QString tlsVersion; // "TLSv1.3"
    QString cipher;
    ServerCertificateInfo serverCertificate;
    bool clientCertificateRequested = false;
    QStringList acceptableClientCaNames; // RFC 2253, "CN=...,O=..."
    std::optional<bool> expectedClientCaListed; // empty when no client CA was given
    CallerOutcome withoutClientCertificate = CallerOutcome::NotTested;
    CallerOutcome withClientCertificate = CallerOutcome::NotTested;
    std::optional<int> httpStatusWithoutCertificate;
    std::optional<int> httpStatusWithCertificate;
    QStringList legacyVersionsAccepted; // "TLSv1", "TLSv1.1"
    ProbeTimings timings;
    Findings findings;

    bool ok() const { return !hasError(findings); }
    // The JSON contract of `mtls-assistant-cli probe --json`.
    QJsonObject toJson() const;
};

} // namespace mtls
