#include "ProbeReportText.h"

#include "Output.h"

#include <QCoreApplication>
#include <QStringList>

namespace mtls::cli {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("mtls::cli::ProbeReportText", text);
}

QString yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

QString outcomeText(CallerOutcome outcome, std::optional<int> status)
{
    switch (outcome) {
    case CallerOutcome::RejectedInHandshake:
        return tr("refused in the TLS handshake");
    case CallerOutcome::RejectedByHttpStatus:
        return tr("refused with HTTP %1").arg(status.value_or(0));
    case CallerOutcome::Accepted:
        return tr("let through (HTTP %1)").arg(status.value_or(0));
    case CallerOutcome::NotTested:
        break;
    }
    return tr("not tested");
}

QString ms(qint64 value)
{
    return value < 0 ? QStringLiteral("-") : QStringLiteral("%1 ms").arg(value);
}

} // namespace

void printProbeReport(const ProbeReport& report, const QString& indent)
{
    const auto row = [&](const QString& label, const QString& value) {
        Output::line(indent + QStringLiteral("  %1 %2").arg((label + QLatin1Char(':')).leftJustified(34), value));
    };
    Output::line(indent + Output::paint(tr("Probe of %1").arg(report.url.toString()), Output::Colour::Bold));
    row(tr("address"), report.address.isEmpty() ? tr("none reached") : report.address);
    if (!report.tlsVersion.isEmpty())
        row(tr("protocol and cipher"), QStringLiteral("%1, %2").arg(report.tlsVersion, report.cipher));
    if (!report.serverCertificate.isNull()) {
        const ServerCertificateInfo& s = report.serverCertificate;
        row(tr("server certificate"), s.leaf().subject());
        QStringList chain;
        for (qsizetype i = 1; i < s.chain.size(); ++i)
            chain << s.chain.at(i).subject();
        if (!chain.isEmpty())
            row(tr("then the chain"), chain.join(QStringLiteral("; ")));
        row(tr("issued by"), s.leaf().issuer());
        row(tr("expires"), tr("%1 (%2 days)").arg(s.leaf().notAfter().toString(Qt::ISODate)).arg(s.daysLeft));
        row(tr("trusted, name matches"), QStringLiteral("%1, %2").arg(yesNo(s.trusted), yesNo(s.nameMatch)));
    }
    row(tr("client certificate requested"), yesNo(report.clientCertificateRequested));
    if (report.clientCertificateRequested) {
        row(tr("acceptable client CA names"),
            report.acceptableClientCaNames.isEmpty() ? tr("(none)")
                                                     : report.acceptableClientCaNames.join(QStringLiteral("; ")));
    }
    if (report.expectedClientCaListed)
        row(tr("Chat client CA listed"), yesNo(*report.expectedClientCaListed));
    row(tr("caller without a certificate"),
        outcomeText(report.withoutClientCertificate, report.httpStatusWithoutCertificate));
    if (report.withClientCertificate != CallerOutcome::NotTested)
        row(tr("caller with the test certificate"),
            outcomeText(report.withClientCertificate, report.httpStatusWithCertificate));
    const ProbeTimings& t = report.timings;
    row(tr("timings"),
        tr("resolve %1, connect %2, handshake %3, request %4, total %5")
            .arg(ms(t.resolve), ms(t.connect), ms(t.handshake), ms(t.request), ms(t.total)));
    if (report.findings.isEmpty()) {
        Output::line(indent
                     + Output::paint(tr("  Everything Chat's servers need is in place."), Output::Colour::Green));
    } else {
        Output::findings(report.findings);
        Output::line(indent + QStringLiteral("  ") + Output::summary(report.findings));
    }
}

} // namespace mtls::cli
