#include "CommandLineQuoting.h"

#include <QRegularExpression>

namespace mtls {

QString windowsArgument(const QString& argument)
{
    static const QRegularExpression needsQuotes(QStringLiteral("[\\s\"]"));
    if (!argument.isEmpty() && !argument.contains(needsQuotes))
        return argument;
    QString out = QStringLiteral("\"");
    int backslashes = 0;
    for (const QChar c : argument) {
        if (c == QLatin1Char('\\')) {
            ++backslashes;
            continue;
        }
        out += QString(c == QLatin1Char('"') ? backslashes * 2 + 1 : backslashes, QLatin1Char('\\'));
        out += c;
        backslashes = 0;
    }
    out += QString(backslashes * 2, QLatin1Char('\\'));
    return out + QLatin1Char('"');
}

QString shellWord(const QString& word)
{
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace mtls
