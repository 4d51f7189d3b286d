#include "Prober.h"

#include "ProbeFindings.h"
#include "Resolver.h"
#include "ServerTrust.h"
#include "TlsAttempt.h"
#include "core/Logging.h"
#include "core/Version.h"
#include "pki/OpenSslHandles.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <algorithm>
#include <thread>
#include <vector>

namespace mtls {
namespace {

namespace pf = probefindings;
using Failure = AttemptResult::Failure;

constexpr qint64 kLegacyCheckMs = 3000;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::Prober)
};

Error cancelledError()
{
    return Error {Text::tr("The probe was cancelled."), QString()};
}

Result<SslCtxPtr> makeContext()
{
    SslCtxPtr ctx(SSL_CTX_new(TLS_client_method()));
    if (!ctx)
        return Error {Text::tr("Cannot set up TLS."), drainOpenSslErrors()};
    SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr); // the chain is judged afterwards, on its own
    SSL_CTX_set_read_ahead(ctx.get(), 1); // whole socket reads instead of record header, then body
    if (SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION) != 1)
        return Error {Text::tr("Cannot set up TLS."), drainOpenSslErrors()};
    return ctx;
}

// The request Chat's servers would send, without a command the application would act on.
QByteArray webhookRequest(const QUrl& url)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (url.port(443) != 443)
        host += ':' + QByteArray::number(url.port());
    const QByteArray body = "{}";
    return "POST " + target + " HTTP/1.1\r\nHost: " + host
        + "\r\nUser-Agent: mtls-assistant-probe/" MTLS_VERSION
          "\r\nAccept: */*\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

// How the server treated the caller of `attempt`; NotTested when it cannot be told.
CallerOutcome judgeCaller(const AttemptResult& attempt)
{
    const bool refusedByAlert = attempt.alertReceived >= 0 && attempt.alertReceived != SSL_AD_PROTOCOL_VERSION
        && (attempt.certificateRequested || attempt.alertReceived == SSL_AD_CERTIFICATE_REQUIRED);
    if ((attempt.failure == Failure::Handshake || attempt.failure == Failure::NoHttpAnswer) && refusedByAlert)
        return CallerOutcome::RejectedInHandshake;
    if (attempt.failure != Failure::None || attempt.httpStatus < 0)
        return CallerOutcome::NotTested;
    const int status = attempt.httpStatus;
    // nginx answers 400 with one of two texts (its internal 495/496 become 400); access rules answer 401/403.
    const bool certificateText = attempt.httpResponse.contains("SSL certificate");
    if ((status == 400 && certificateText) || status == 495 || status == 496 || status == 401 || status == 403)
        return CallerOutcome::RejectedByHttpStatus;
    return CallerOutcome::Accepted;
}

bool isRefusal(CallerOutcome outcome)
{
    return outcome == CallerOutcome::RejectedInHandshake || outcome == CallerOutcome::RejectedByHttpStatus;
}

void takeSession(const AttemptResult& attempt, ProbeReport* report)
{
    if (report->tlsVersion.isEmpty())
        report->tlsVersion = attempt.tlsVersion;
    if (report->cipher.isEmpty())
        report->cipher = attempt.cipher;
    if (report->address.isEmpty())
        report->address = attempt.address;
    if (report->serverCertificate.chain.isEmpty())
        report->serverCertificate.chain = attempt.peerChain;
}

// Reads the attempt without a client certificate into `report`. Returns whether the other attempts matter
// (false when the endpoint could not be talked to at all).
bool judgeBareAttempt(const AttemptResult& bare, ProbeStep current, int timeoutMs, const QUrl& url, ProbeReport* report)
{
    report->timings.connect = bare.connectMs;
    report->timings.handshake = bare.handshakeMs;
    report->timings.request = bare.requestMs;
    takeSession(bare, report);
    report->withoutClientCertificate = judgeCaller(bare);
    if (bare.httpStatus >= 0)
        report->httpStatusWithoutCertificate = bare.httpStatus;
    report->clientCertificateRequested = bare.certificateRequested;
    for (const X509NamePtr& name : bare.acceptableCaNames)
        report->acceptableClientCaNames << x509NameToString(name.get());
    const bool told = report->withoutClientCertificate != CallerOutcome::NotTested;
    switch (bare.failure) {
    case Failure::Connect:
        report->findings << pf::connectFailed(url, bare.error);
        return false;
    case Failure::Timeout:
        report->findings << pf::timeout(current, timeoutMs, bare.address);
        return false;
    case Failure::Handshake:
        if (!told)
            report->findings << pf::handshakeFailed(bare);
        return told;
    case Failure::NoHttpAnswer:
        if (!told)
            report->findings << pf::noHttpAnswer(bare);
        return told;
    case Failure::None:
    case Failure::Cancelled:
        break;
    }
    return bare.failure == Failure::None;
}

void judgeCertAttempt(const AttemptResult& withCert, int timeoutMs, ProbeReport* report)
{
    takeSession(withCert, report);
    report->withClientCertificate = judgeCaller(withCert);
    if (withCert.httpStatus >= 0)
        report->httpStatusWithCertificate = withCert.httpStatus;
    if (withCert.failure == Failure::Timeout)
        report->findings << pf::timeout(ProbeStep::WithClientCertificate, timeoutMs, withCert.address);
    else if (isRefusal(report->withClientCertificate))
        report->findings << pf::clientCertRejected(report->withClientCertificate, withCert);
    else if (report->withClientCertificate == CallerOutcome::NotTested)
        report->findings << (withCert.failure == Failure::NoHttpAnswer ? pf::noHttpAnswer(withCert)
                                                                       : pf::handshakeFailed(withCert));
}

} // namespace

Prober::Prober(ProbeOptions options)
    : m_options(std::move(options))
{
}

void Prober::step(ProbeStep which) const
{
    qCDebug(lcProbe) << "step" << probeStepName(which);
    if (m_onStep)
        m_onStep(which);
}

Status Prober::validate(const ProbeOptions& options)
{
    const QUrl& url = options.url;
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty())
        return Error {Text::tr("The webhook URL must be a full https:// address, such as "
                               "https://www.example.com/im/callback (Chat calls webhooks over HTTPS only)."),
                      QString()};
    if (options.clientCertificate.isNull() != options.clientKey.isNull())
        return Error {Text::tr("A test client certificate needs its private key, and the reverse."), QString()};
    if (!options.clientCertificate.isNull() && !options.clientKey.matches(options.clientCertificate))
        return Error {Text::tr("The client key does not belong to the client certificate."), QString()};
    if (options.timeoutMs <= 0)
        return Error {Text::tr("The time limit must be more than zero."), QString()};
    return {};
}

Result<ProbeReport> Prober::run()
{
    if (Status valid = validate(m_options); !valid)
        return valid.error();
    const Deadline deadline(m_options.timeoutMs, &m_cancelled);
    const QUrl& url = m_options.url;
    const QString host = url.host();
    ProbeReport report;
    report.url = url;
    const auto finish = [&]() -> Result<ProbeReport> {
        if (deadline.cancelled())
            return cancelledError();
        report.timings.total = deadline.elapsedMs();
        report.findings = sortedBySeverity(report.findings);
        step(ProbeStep::Done);
        return report;
    };

    step(ProbeStep::Resolve);
    const QString connectHost = m_options.connectHost.isEmpty() ? host : m_options.connectHost;
    const quint16 connectPort = m_options.connectPort ? m_options.connectPort : static_cast<quint16>(url.port(443));
    auto addresses = resolveHost(connectHost, connectPort, deadline);
    report.timings.resolve = deadline.elapsedMs();
    if (!addresses) {
        if (deadline.expired())
            report.findings << pf::timeout(ProbeStep::Resolve, m_options.timeoutMs, connectHost);
        else
            report.findings << pf::resolveFailed(connectHost, addresses.error().detail);
        return finish();
    }

    auto context = makeContext();
    if (!context)
        return context.error();
    AttemptPlan plan;
    plan.context = context->get();
    plan.serverName = QHostAddress(host).isNull() ? host : QString();
    plan.addresses = *addresses;
    plan.request = webhookRequest(url);
    ProbeStep current = ProbeStep::Connect;
    plan.stepStarted = [&](ProbeStep which) {
        current = which;
        step(which);
    };

    // The three connections run side by side: as a caller without a client certificate (on this thread), with
    // the test client certificate, and offering only TLS 1.0/1.1. The side ones stop when this one says so.
    std::atomic<bool> stopSideAttempts {false};
    const Deadline sideDeadline(deadline.remainingMs(), &m_cancelled, &stopSideAttempts);
    std::optional<AttemptResult> withCert;
    std::optional<AttemptResult> legacy;
    std::vector<std::thread> sideAttempts;
    AttemptPlan certPlan = plan;
    certPlan.stepStarted = nullptr;
    certPlan.clientCertificate = m_options.clientCertificate;
    certPlan.clientChain = m_options.clientChain;
    certPlan.clientKey = m_options.clientKey;
    if (!m_options.clientCertificate.isNull())
        sideAttempts.emplace_back([&] { withCert = runAttempt(certPlan, sideDeadline); });
    AttemptPlan legacyPlan = plan;
    legacyPlan.stepStarted = nullptr;
    legacyPlan.legacyVersionsOnly = true;
    legacyPlan.request.clear();
    legacyPlan.stopAfterServerHello = true;
    // A server that never answers an old ClientHello does not accept the old versions either: this check alone
    // gets a short limit, and its time-out is no finding.
    const Deadline legacyDeadline(std::min<qint64>(sideDeadline.remainingMs(), kLegacyCheckMs), &m_cancelled,
                                  &stopSideAttempts);
    if (m_options.checkLegacyVersions)
        sideAttempts.emplace_back([&] { legacy = runAttempt(legacyPlan, legacyDeadline); });
    const auto joinSideAttempts = [&](bool stop) {
        stopSideAttempts.store(stop);
        for (std::thread& t : sideAttempts)
            t.join();
        sideAttempts.clear();
    };
    const AttemptResult bare = runAttempt(plan, deadline);
    const bool goOn = judgeBareAttempt(bare, current, m_options.timeoutMs, url, &report);
    joinSideAttempts(!goOn);
    if (bare.failure == Failure::Cancelled || deadline.cancelled())
        return cancelledError();
    if (bare.failure == Failure::Connect)
        return finish();

    if (goOn && withCert) {
        step(ProbeStep::WithClientCertificate);
        judgeCertAttempt(*withCert, m_options.timeoutMs, &report);
    }
    if (goOn && legacy) {
        step(ProbeStep::ProtocolVersions);
        if (legacy->serverHelloSeen && !legacy->tlsVersion.isEmpty()) {
            report.legacyVersionsAccepted << legacy->tlsVersion;
            report.findings << pf::legacyTls(legacy->tlsVersion);
        }
    }

    // The judgement of what was seen.
    if (!report.serverCertificate.chain.isEmpty()) {
        report.serverCertificate = judgeServerChain(report.serverCertificate.chain, host, m_options.serverCas);
        const ServerCertificateInfo& info = report.serverCertificate;
        if (!info.trusted)
            report.findings << pf::serverCertUntrusted(info, !m_options.serverCas.isEmpty());
        if (!info.nameMatch)
            report.findings << pf::serverNameMismatch(info, host);
        if (info.daysLeft < 0)
            report.findings << pf::serverCertExpired(info);
        else if (info.daysLeft <= pf::kExpiringSoonDays)
            report.findings << pf::serverCertExpiringSoon(info);
    }
    const bool sawServer = bare.handshakeCompleted || report.withoutClientCertificate != CallerOutcome::NotTested;
    if (sawServer) {
        report.clientCertificateRequested
            = report.clientCertificateRequested || (withCert && withCert->certificateRequested);
        if (report.acceptableClientCaNames.isEmpty() && withCert) {
            for (const X509NamePtr& name : withCert->acceptableCaNames)
                report.acceptableClientCaNames << x509NameToString(name.get());
        }
        if (!report.clientCertificateRequested) {
            report.findings << pf::clientCertNotRequested();
        } else if (report.withoutClientCertificate == CallerOutcome::Accepted) {
            report.findings << pf::clientCertNotEnforced(report.httpStatusWithoutCertificate);
        }
        if (!m_options.expectedClientCa.isNull() && report.clientCertificateRequested) {
            const X509_NAME* expected = X509_get_subject_name(m_options.expectedClientCa.handle());
            bool listed = false;
            const auto& names
                = bare.acceptableCaNames.empty() && withCert ? withCert->acceptableCaNames : bare.acceptableCaNames;
            for (const X509NamePtr& name : names)
                listed = listed || X509_NAME_cmp(name.get(), expected) == 0;
            report.expectedClientCaListed = listed;
            if (!listed)
                report.findings << pf::expectedCaNotListed(m_options.expectedClientCa, report.acceptableClientCaNames);
        } else if (!m_options.expectedClientCa.isNull()) {
            report.expectedClientCaListed = false;
        }
    }
    return finish();
}

} // namespace mtls
