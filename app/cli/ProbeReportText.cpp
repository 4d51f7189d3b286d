#include "ProbeReportText.h"

#include "Output.h"
#include "core/TextJoin.h"

#include <QCoreApplication>
#include <QStringList>

namespace mtls::cli {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::ProbeReportText)
};

QString yesNo(bool value)
{
    return value ? Text::tr("yes") : Text::tr("no");
}

QString outcomeText(CallerOutcome outcome, std::optional<int> status)
{
    switch (outcome) {
    case CallerOutcome::RejectedInHandshake:
        return Text::tr("refused in the TLS handshake");
    case CallerOutcome::RejectedByHttpStatus:
        return Text::tr("refused with HTTP %1").arg(status.value_or(0));
    case CallerOutcome::Accepted:
        return Text::tr("let through (HTTP %1)").arg(status.value_or(0));
    case CallerOutcome::NotTested:
        break;
    }
    return Text::tr("not tested");
}

QString ms(qint64 value)
{
    return value < 0 ? QStringLiteral("-") : millisecondsText(value);
}

} // namespace

void printProbeReport(const ProbeReport& report, const QString& indent)
{
    const auto row = [&](const QString& label, const QString& value) {
        //: A label of the probe report followed by its value's separator, as in "address:".
        Output::line(
            indent
            + QStringLiteral("  %1 %2").arg(Output::padded(Text::tr("%1:").arg(label), 34), Output::plain(value)));
    };
    Output::line(
        indent
        + Output::paint(Text::tr("Probe of %1").arg(Output::plain(report.url.toString())), Output::Colour::Bold));
    row(Text::tr("address"), report.address.isEmpty() ? Text::tr("none reached") : report.address);
    if (!report.tlsVersion.isEmpty())
        row(Text::tr("protocol and cipher"), joinList({report.tlsVersion, report.cipher}));
    if (!report.serverCertificate.isNull()) {
        const ServerCertificateInfo& s = report.serverCertificate;
        row(Text::tr("server certificate"), s.leaf().subject());
        QStringList chain;
        for (qsizetype i = 1; i < s.chain.size(); ++i)
            chain << s.chain.at(i).subject();
        if (!chain.isEmpty())
            row(Text::tr("then the chain"), joinListOfNames(chain));
        row(Text::tr("issued by"), s.leaf().issuer());
        row(Text::tr("expires"),
            Text::tr("%1 (%n day(s))", nullptr, static_cast<int>(s.daysLeft))
                .arg(s.leaf().notAfter().toString(Qt::ISODate)));
        row(Text::tr("trusted"), yesNo(s.trusted));
        row(Text::tr("name matches"), yesNo(s.nameMatch));
    }
    row(Text::tr("client certificate requested"), yesNo(report.clientCertificateRequested));
    if (report.clientCertificateRequested) {
        row(Text::tr("acceptable client CA names"),
            report.acceptableClientCaNames.isEmpty() ? Text::tr("(none)")
                                                     : joinListOfNames(report.acceptableClientCaNames));
    }
    if (report.expectedClientCaListed)
        row(Text::tr("Chat client CA listed"), yesNo(*report.expectedClientCaListed));
    row(Text::tr("caller without a certificate"),
        outcomeText(report.withoutClientCertificate, report.httpStatusWithoutCertificate));
    if (report.withClientCertificate != CallerOutcome::NotTested)
        row(Text::tr("caller with the test certificate"),
            outcomeText(report.withClientCertificate, report.httpStatusWithCertificate));
    const ProbeTimings& t = report.timings;
    row(Text::tr("timings"),
        Text::tr("resolve %1, connect %2, handshake %3, request %4, total %5")
            .arg(ms(t.resolve), ms(t.connect), ms(t.handshake), ms(t.request), ms(t.total)));
    if (report.findings.isEmpty()) {
        Output::line(indent
                     + Output::paint(Text::tr("  Everything Chat's servers need is in place."), Output::Colour::Green));
    } else {
        Output::findings(report.findings);
        Output::line(indent + QStringLiteral("  ") + Output::summary(report.findings));
    }
}

} // namespace mtls::cli
