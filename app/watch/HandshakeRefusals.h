#pragma once

// Apache refuses a caller without a valid client certificate during the TLS handshake, before any request: no
// access log line is written. mod_ssl at level info records the refusal in the virtual host's error log (see
// server/WebhookLog.h) in a few lines written by one worker thread:
//   [time] [ssl:info] [pid P:tid T] [client ADDR:PORT] AH02276: Certificate Verification: Error (20): unable to get
//       local issuer certificate [subject: CN=... / issuer: CN=... / serial: ...]   (a certificate that failed)
//   [time] [ssl:info] [pid P:tid T] [client ADDR:PORT] AH02008: SSL library error 1 in handshake (server NAME:PORT)
//   [time] [ssl:info] [pid P:tid T] SSL Library Error: error:0A0000C7:SSL routines::peer did not return a
//       certificate   (or ...::certificate verify failed)
// This reader turns them into calls with verify "NONE" or "FAILED:<reason>", judged like the access log's.

#include "WebhookCall.h"

#include <QHash>

namespace mtls {

class HandshakeRefusalReader
{
public:
    // One line of the error log (without its line end). A call when the line completes a refused handshake for
    // want of a valid client certificate; nullopt otherwise (other messages, other handshake failures, junk).
    std::optional<WebhookCall> take(QByteArrayView line);

private:
    struct Verification
    {
        QString reason, subject, issuer;
    };
    struct Failure
    {
        QString time, client;
    };
    QHash<QString, Verification> m_verifications; // by client address and port
    QHash<QString, Failure> m_failures; // handshakes that failed, by worker thread: waiting for the library's reason
};

// "Sat Nov 28 12:29:41.817301 2026" (Apache's error log time, local) as "2026-11-28T12:29:41+0000"; other text as is.
QString apacheErrorLogTime(const QString& text);

} // namespace mtls
