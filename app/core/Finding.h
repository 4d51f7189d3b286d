#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mtls {

enum class Severity { Info, Warning, Error };

QString severityName(Severity severity); // "info", "warning", "error" (stable, used in JSON)

// The outcome of one check: a stable machine code (part of the CLI contract), a severity,
// a message a person understands and a hint that says how to fix it.
struct Finding
{
    QString code;
    Severity severity = Severity::Info;
    QString message;
    QString hint;
    QString subject; // optional: which file or item the finding is about

    QJsonObject toJson() const;
};

using Findings = QList<Finding>;

// An error finding: a refusal that says what is wrong (`message`) and what to do (`hint`).
Finding errorFinding(const QString& code, const QString& message, const QString& hint,
                     const QString& subject = QString());
bool hasError(const Findings& findings);
bool hasCode(const Findings& findings, const QString& code);
// Errors first, then warnings, then info; stable within a severity.
Findings sortedBySeverity(Findings findings);
QJsonArray findingsToJson(const Findings& findings);

} // namespace mtls
