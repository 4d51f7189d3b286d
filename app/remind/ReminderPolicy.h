#pragma once

#include "ReminderState.h"
#include "core/Finding.h"
#include "setup/SavedSetup.h"

#include <QDate>
#include <QJsonObject>

#include <optional>

namespace mtls {

// What the daily check found out about one saved setup: the days left of the certificate applied (as `status`
// counts them) and what its live URL serves.
struct ReminderCheck
{
    SavedSetup setup;
    qint64 daysLeft = 0;
    QString url; // the live URL probed
    bool reached = false; // the probe got the server's certificate
    QString probeProblem; // why not, when not
    QString liveSha256; // the certificate the live URL serves ("AB:CD:...")
    std::optional<bool> strangersRefused; // a caller without a client certificate is refused (empty: not known)
};

// Checks one saved setup: days left now, and a probe of its live URL (bounded by `timeoutMs`). Blocks.
ReminderCheck checkSavedSetup(const SavedSetup& setup, const QDateTime& now, int timeoutMs);

// Thresholds before expiry, in days: each is said once; from the last one on (and once expired), every day.
constexpr int kReminderThresholds[] = {30, 14, 7};

// The judgement of one check against what was already said.
struct ReminderVerdict
{
    QString setupId;
    QString domain;
    Findings findings; // everything worth saying, said before or not (REMIND_* codes)
    Findings due; // what has not been said yet: the notification's content
    QStringList dueKeys; // the keys remembered once it is said
    QString certificateSha256;

    bool needsAttention() const; // a finding other than an unreachable URL
    bool hasDue() const { return !due.isEmpty(); }
    QString notificationSummary() const;
    QString notificationBody() const;
    QJsonObject toJson() const;
};

ReminderVerdict judgeReminder(const ReminderCheck& check, const ReminderState& state, const QDate& today);
// Remembers what the verdict said (call once the notification is shown); drops daily keys of other days.
void rememberSaid(ReminderState& state, const ReminderVerdict& verdict, const QDate& today);

} // namespace mtls
