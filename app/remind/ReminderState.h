#pragma once

#include "core/Result.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QString>

namespace mtls {

// What the daily reminder has already said, so that each threshold is said once: per saved setup, the certificate
// it was about and the notices raised (keys such as "expiry-30", "live-<sha256>", or "daily-2026-05-01"
// for those repeated every day). A new certificate (a renewal) starts afresh.
// One small JSON file next to the saved setups ("reminders.json"), written atomically (QSaveFile).
struct ReminderState
{
    struct Entry
    {
        QString certificateSha256;
        QSet<QString> said;
    };
    QHash<QString, Entry> setups; // by SavedSetup::id()

    static QString fileName() { return QStringLiteral("reminders.json"); }
    // No file: empty state. A damaged file: an Error (the reminders then start afresh only when it is removed).
    static Result<ReminderState> load(const QString& directory);
    Status save(const QString& directory) const;
};

} // namespace mtls
