#pragma once

#include "Deadline.h"
#include "ProbeTypes.h"
#include "Resolver.h"
#include "pki/Certificate.h"
#include "pki/OpenSslHandles.h"
#include "pki/PrivateKey.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace mtls {

// What one connection should do.
struct AttemptPlan
{
    SSL_CTX* context = nullptr;
    QString serverName; // sent as SNI; empty for an address literal
    std::vector<SocketAddress> addresses; // tried in order until one accepts the connection
    Certificate clientCertificate; // null: no certificate is sent when the server asks for one
    Certificates clientChain;
    PrivateKey clientKey;
    QByteArray request; // sent after the handshake; empty: no request
    bool stopAfterServerHello = false; // only learn whether the server accepts the offered versions
    bool legacyVersionsOnly = false; // offer only TLS 1.0 and 1.1 (at the lowest security level)
    std::function<void(ProbeStep)> stepStarted; // Connect, Handshake, Request (optional)
};

// What happened on one connection.
struct AttemptResult
{
    enum class Failure { None, Connect, Timeout, Cancelled, Handshake, NoHttpAnswer };

    Failure failure = Failure::None;
    QString error; // system or OpenSSL text, for the detail of a finding
    QString address; // the address that accepted the TCP connection
    qint64 connectMs = -1;
    qint64 handshakeMs = -1;
    qint64 requestMs = -1;

    bool serverHelloSeen = false;
    QString tlsVersion;
    QString cipher;
    Certificates peerChain;
    bool certificateRequested = false;
    std::vector<X509NamePtr> acceptableCaNames;
    int alertReceived = -1; // TLS alert description from the server, -1 when none
    bool alertAfterHandshake = false;
    QString alertText;
    bool handshakeCompleted = false;

    int httpStatus = -1;
    QByteArray httpResponse; // status line, headers and the start of the body (bounded)
};

// Runs one TCP connection + TLS handshake (+ HTTP request) on a non-blocking socket, within `deadline`.
AttemptResult runAttempt(const AttemptPlan& plan, const Deadline& deadline);

// "CN=...,O=..." in RFC 2253 order, as the rest of the product writes names.
QString x509NameToString(const X509_NAME* name);

} // namespace mtls
