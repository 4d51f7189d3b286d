#include "Finding.h"

#include <algorithm>

namespace mtls {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        break;
    }
    return QStringLiteral("info");
}

QJsonObject Finding::toJson() const
{
    QJsonObject o {{QStringLiteral("code"), code},
                   {QStringLiteral("severity"), severityName(severity)},
                   {QStringLiteral("message"), message},
                   {QStringLiteral("hint"), hint}};
    if (!subject.isEmpty())
        o.insert(QStringLiteral("subject"), subject);
    return o;
}

Finding errorFinding(const QString& code, const QString& message, const QString& hint, const QString& subject)
{
    return Finding {code, Severity::Error, message, hint, subject};
}

bool hasError(const Findings& findings)
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const Finding& f) { return f.severity == Severity::Error; });
}

bool hasCode(const Findings& findings, const QString& code)
{
    return std::any_of(findings.cbegin(), findings.cend(), [&](const Finding& f) { return f.code == code; });
}

Findings sortedBySeverity(Findings findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        return static_cast<int>(a.severity) > static_cast<int>(b.severity);
    });
    return findings;
}

QJsonArray findingsToJson(const Findings& findings)
{
    QJsonArray array;
    for (const Finding& f : findings)
        array.append(f.toJson());
    return array;
}

} // namespace mtls
