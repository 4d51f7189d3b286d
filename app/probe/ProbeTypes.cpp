#include "ProbeTypes.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace mtls {
namespace {

QJsonValue optionalInt(const std::optional<int>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue timing(qint64 ms)
{
    return ms < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(ms);
}

} // namespace

QString probeStepName(ProbeStep step)
{
    switch (step) {
    case ProbeStep::Resolve:
        return QStringLiteral("resolve");
    case ProbeStep::Connect:
        return QStringLiteral("connect");
    case ProbeStep::Handshake:
        return QStringLiteral("handshake");
    case ProbeStep::Request:
        return QStringLiteral("request");
    case ProbeStep::WithClientCertificate:
        return QStringLiteral("with_client_certificate");
    case ProbeStep::ProtocolVersions:
        return QStringLiteral("protocol_versions");
    case ProbeStep::Done:
        break;
    }
    return QStringLiteral("done");
}

QString probeStepLabel(ProbeStep step)
{
    switch (step) {
    case ProbeStep::Resolve:
        return QCoreApplication::translate("mtls::Prober", "Resolving the host name");
    case ProbeStep::Connect:
        return QCoreApplication::translate("mtls::Prober", "Connecting");
    case ProbeStep::Handshake:
        return QCoreApplication::translate("mtls::Prober", "TLS handshake without a client certificate");
    case ProbeStep::Request:
        return QCoreApplication::translate("mtls::Prober", "HTTP request to the webhook path");
    case ProbeStep::WithClientCertificate:
        return QCoreApplication::translate("mtls::Prober", "Request with the test client certificate");
    case ProbeStep::ProtocolVersions:
        return QCoreApplication::translate("mtls::Prober", "Checking for TLS 1.0 and 1.1");
    case ProbeStep::Done:
        break;
    }
    return QCoreApplication::translate("mtls::Prober", "Done");
}

QString callerOutcomeName(CallerOutcome outcome)
{
    switch (outcome) {
    case CallerOutcome::RejectedInHandshake:
        return QStringLiteral("rejected_in_handshake");
    case CallerOutcome::RejectedByHttpStatus:
        return QStringLiteral("rejected_by_http_status");
    case CallerOutcome::Accepted:
        return QStringLiteral("accepted");
    case CallerOutcome::NotTested:
        break;
    }
    return QStringLiteral("not_tested");
}

QJsonObject ProbeReport::toJson() const
{
    QJsonValue server(QJsonValue::Null);
    if (!serverCertificate.isNull()) {
        const Certificate& leaf = serverCertificate.leaf();
        server = QJsonObject {{QStringLiteral("subject"), leaf.subject()},
                              {QStringLiteral("issuer"), leaf.issuer()},
                              {QStringLiteral("not_after"), leaf.notAfter().toString(Qt::ISODate)},
                              {QStringLiteral("trusted"), serverCertificate.trusted},
                              {QStringLiteral("name_match"), serverCertificate.nameMatch},
                              {QStringLiteral("days_left"), serverCertificate.daysLeft}};
    }
    QJsonValue listed(QJsonValue::Null);
    if (expectedClientCaListed)
        listed = *expectedClientCaListed;
    const QJsonObject times {{QStringLiteral("resolve"), timing(timings.resolve)},
                             {QStringLiteral("connect"), timing(timings.connect)},
                             {QStringLiteral("handshake"), timing(timings.handshake)},
                             {QStringLiteral("request"), timing(timings.request)},
                             {QStringLiteral("total"), timing(timings.total)}};
    return QJsonObject {
        {QStringLiteral("ok"), ok()},
        {QStringLiteral("url"), url.toString()},
        {QStringLiteral("address"), address.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(address)},
        {QStringLiteral("tls_version"), tlsVersion.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(tlsVersion)},
        {QStringLiteral("cipher"), cipher.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(cipher)},
        {QStringLiteral("server_certificate"), server},
        {QStringLiteral("client_certificate_requested"), clientCertificateRequested},
        {QStringLiteral("acceptable_client_ca_names"), QJsonArray::fromStringList(acceptableClientCaNames)},
        {QStringLiteral("expected_client_ca_listed"), listed},
        {QStringLiteral("without_client_certificate"), callerOutcomeName(withoutClientCertificate)},
        {QStringLiteral("with_client_certificate"), callerOutcomeName(withClientCertificate)},
        {QStringLiteral("http_status_without_certificate"), optionalInt(httpStatusWithoutCertificate)},
        {QStringLiteral("timings_ms"), times},
        {QStringLiteral("findings"), findingsToJson(findings)},
    };
}

} // namespace mtls
