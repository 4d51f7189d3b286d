#include "ReminderPolicy.h"

#include "core/TextJoin.h"
#include "probe/Prober.h"
#include "setup/SetupModel.h"

#include <QCoreApplication>

namespace mtls {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ReminderPolicy)
};

const QString kDailyPrefix = QStringLiteral("daily:");

QString dailyKey(const QString& what, const QDate& today)
{
    return kDailyPrefix + today.toString(Qt::ISODate) + QLatin1Char(':') + what;
}

bool isDailyKeyOf(const QString& key, const QDate& today)
{
    return key.startsWith(kDailyPrefix + today.toString(Qt::ISODate) + QLatin1Char(':'));
}

Finding warning(const QString& code, const QString& message, const QString& hint, const QString& subject)
{
    Finding f = errorFinding(code, message, hint, subject);
    f.severity = Severity::Warning;
    return f;
}
} // namespace

ReminderCheck checkSavedSetup(const SavedSetup& setup, const QDateTime& now, int timeoutMs)
{
    ReminderCheck check;
    check.setup = setup;
    check.daysLeft = setup.certificate.daysUntilExpiry(now);
    SetupModel model;
    model.domain = setup.domain;
    model.listen = setup.listen.isEmpty() ? QStringLiteral("443") : setup.listen;
    model.webhookPath = setup.webhookPath;
    check.url = model.webhookUrl();

    ProbeOptions options;
    options.url = QUrl(check.url);
    options.timeoutMs = timeoutMs;
    options.checkLegacyVersions = false;
    Prober prober(options);
    const Result<ProbeReport> report = prober.run();
    if (!report) {
        check.probeProblem = report.error().message;
        return check;
    }
    if (report->serverCertificate.isNull()) {
        for (const Finding& f : report->findings) {
            if (f.severity == Severity::Error) {
                check.probeProblem = f.message;
                break;
            }
        }
        return check;
    }
    check.reached = true;
    check.liveSha256 = report->serverCertificate.leaf().sha256Fingerprint();
    switch (report->withoutClientCertificate) {
    case CallerOutcome::RejectedInHandshake:
    case CallerOutcome::RejectedByHttpStatus:
        check.strangersRefused = true;
        break;
    case CallerOutcome::Accepted:
        check.strangersRefused = false;
        break;
    case CallerOutcome::NotTested:
        // No client certificate asked for: the endpoint cannot tell Chat's servers from anybody else.
        if (!report->clientCertificateRequested && !report->tlsVersion.isEmpty())
            check.strangersRefused = false;
        break;
    }
    return check;
}

ReminderVerdict judgeReminder(const ReminderCheck& check, const ReminderState& state, const QDate& today)
{
    ReminderVerdict verdict;
    verdict.setupId = check.setup.id();
    verdict.domain = check.setup.domain;
    verdict.certificateSha256 = check.setup.certificate.sha256;
    const auto known = state.setups.constFind(verdict.setupId);
    const bool sameCertificate
        = known != state.setups.constEnd() && known->certificateSha256 == verdict.certificateSha256;
    const auto said = [&](const QString& key) { return sameCertificate && known->said.contains(key); };
    const auto add = [&](const Finding& finding, const QString& key) {
        verdict.findings << finding;
        if (key.isEmpty() || said(key))
            return;
        verdict.due << finding;
        verdict.dueKeys << key;
    };
    const QString domain = check.setup.domain;
    const int days = static_cast<int>(check.daysLeft);
    const QString expiry = check.setup.certificate.notAfter.toString(QStringLiteral("yyyy-MM-dd"));
    const QString renewHint = Text::tr("Click Renew (or run mtls-assistant and choose the renewal) to replace it.");

    const bool counted = check.setup.certificate.notAfter.isValid(); // a certificate is remembered
    if (counted && check.daysLeft < 0) {
        add(errorFinding(QStringLiteral("REMIND_EXPIRED"),
                         Text::tr("The certificate of %1 expired %n day(s) ago (%2): Chat's calls fail.", nullptr,
                                  static_cast<int>(-check.daysLeft))
                             .arg(domain, expiry),
                         renewHint, domain),
            dailyKey(QStringLiteral("expired"), today));
    } else if (counted && check.daysLeft <= kReminderThresholds[0]) {
        QString key;
        if (check.daysLeft <= kReminderThresholds[2])
            key = dailyKey(QStringLiteral("expiry"), today);
        else
            key = QStringLiteral("expiry-%1")
                      .arg(check.daysLeft <= kReminderThresholds[1] ? kReminderThresholds[1] : kReminderThresholds[0]);
        add(warning(QStringLiteral("REMIND_EXPIRES_SOON"),
                    Text::tr("The certificate of %1 expires in %n day(s), on %2.", nullptr, days).arg(domain, expiry),
                    renewHint, domain),
            key);
    }

    if (!check.reached) {
        add(warning(QStringLiteral("REMIND_PROBE_FAILED"),
                    Text::tr("%1 could not be checked: %2").arg(check.url, check.probeProblem),
                    Text::tr("No notification is raised for this; the next daily check tries again."), domain),
            QString());
        return verdict;
    }
    if (!check.setup.certificate.isNull() && check.liveSha256 != check.setup.certificate.sha256) {
        add(warning(QStringLiteral("REMIND_LIVE_CERTIFICATE_DIFFERS"),
                    Text::tr("%1 serves another certificate than the one applied (SHA-256 %2).")
                        .arg(check.url, check.liveSha256),
                    Text::tr("Was it renewed elsewhere? Or TLS ends at a load balancer such as Tencent Cloud CLB, "
                             "which then needs mutual authentication configured there."),
                    domain),
            QStringLiteral("live-") + check.liveSha256);
    }
    if (check.strangersRefused == false) {
        add(errorFinding(QStringLiteral("REMIND_STRANGERS_ACCEPTED"),
                         Text::tr("%1 no longer refuses callers without Chat's client certificate.").arg(check.url),
                         Text::tr("Anybody can call the webhook. Check the server's configuration (was the site "
                                  "changed or replaced?), or a load balancer in front of it, then test again with "
                                  "mtls-assistant."),
                         domain),
            dailyKey(QStringLiteral("strangers"), today));
    }
    return verdict;
}

void rememberSaid(ReminderState& state, const ReminderVerdict& verdict, const QDate& today)
{
    ReminderState::Entry& entry = state.setups[verdict.setupId];
    if (entry.certificateSha256 != verdict.certificateSha256) {
        entry.certificateSha256 = verdict.certificateSha256;
        entry.said.clear();
    }
    entry.said.removeIf([&](const QString& key) { return key.startsWith(kDailyPrefix) && !isDailyKeyOf(key, today); });
    for (const QString& key : verdict.dueKeys)
        entry.said.insert(key);
}

bool ReminderVerdict::needsAttention() const
{
    for (const Finding& f : findings) {
        if (f.code != QLatin1String("REMIND_PROBE_FAILED"))
            return true;
    }
    return false;
}

QString ReminderVerdict::notificationSummary() const
{
    return Text::tr("Webhook %1 needs attention").arg(domain);
}

QString ReminderVerdict::notificationBody() const
{
    QStringList lines;
    for (const Finding& f : due)
        lines << joinSentences({f.message, f.hint});
    return lines.join(QLatin1Char('\n'));
}

QJsonObject ReminderVerdict::toJson() const
{
    return {{QStringLiteral("setup"), setupId},
            {QStringLiteral("domain"), domain},
            {QStringLiteral("findings"), findingsToJson(findings)},
            {QStringLiteral("due"), findingsToJson(due)}};
}

} // namespace mtls
