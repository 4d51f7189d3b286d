#pragma once

#include "ProbeTypes.h"
#include "TlsAttempt.h"

namespace mtls::probefindings {

// Each finding of the probe, with a hint that names the likely cause in the server's configuration.
Finding resolveFailed(const QString& host, const QString& detail);
Finding connectFailed(const QUrl& url, const QString& detail);
Finding timeout(ProbeStep step, int timeoutMs, const QString& address);
Finding handshakeFailed(const AttemptResult& attempt);
Finding noHttpAnswer(const AttemptResult& attempt);
Finding serverCertUntrusted(const ServerCertificateInfo& info, bool customAnchors);
Finding serverNameMismatch(const ServerCertificateInfo& info, const QString& host);
Finding serverCertExpired(const ServerCertificateInfo& info);
Finding serverCertExpiringSoon(const ServerCertificateInfo& info);
Finding clientCertNotRequested();
Finding clientCertNotEnforced(std::optional<int> httpStatus);
Finding expectedCaNotListed(const Certificate& expected, const QStringList& listed);
Finding clientCertRejected(CallerOutcome outcome, const AttemptResult& attempt);
Finding legacyTls(const QString& version);

constexpr qint64 kExpiringSoonDays = 30;

} // namespace mtls::probefindings
