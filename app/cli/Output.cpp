#include "Output.h"

#include "Command.h"
#include "core/TextEscape.h"

#include <QCoreApplication>
#include <QJsonDocument>

#ifdef Q_OS_WIN
#include <io.h>
#define MTLS_ISATTY _isatty
#define MTLS_FILENO _fileno
#else
#include <unistd.h>
#define MTLS_ISATTY isatty
#define MTLS_FILENO fileno
#endif

namespace mtls::cli {
namespace {
bool useColour(FILE* stream)
{
    return qEnvironmentVariableIsEmpty("NO_COLOR") && MTLS_ISATTY(MTLS_FILENO(stream));
}

// The colours paint() adds; every other control character reaching a stream is shown escaped (line breaks stay).
constexpr const char* kOurSequences[] = {"\x1b[31m", "\x1b[33m", "\x1b[32m", "\x1b[1m", "\x1b[2m", "\x1b[0m"};

QString terminalSafe(const QString& text)
{
    QString out;
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('\x1b'))
            continue;
        for (const char* sequence : kOurSequences) {
            const QLatin1String ours(sequence);
            if (QStringView(text).mid(i).startsWith(ours)) {
                out += escapeControlCharacters(text.mid(plainFrom, i - plainFrom), LineBreaks::Keep) + ours;
                i += ours.size() - 1;
                plainFrom = i + 1;
                break;
            }
        }
    }
    return out + escapeControlCharacters(text.mid(plainFrom), LineBreaks::Keep);
}

void write(FILE* stream, const QString& text)
{
    const QByteArray utf8 = terminalSafe(text).toUtf8();
    fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stream);
}

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::Output)
};
} // namespace

void Output::out(const QString& text)
{
    write(stdout, text);
}

void Output::line(const QString& text)
{
    write(stdout, text + QLatin1Char('\n'));
    fflush(stdout); // lines may report steps as they happen, also through a pipe
}

void Output::err(const QString& text)
{
    write(stderr, text + QLatin1Char('\n'));
    fflush(stderr);
}

QString Output::plain(const QString& untrusted)
{
    return escapeControlCharacters(untrusted);
}

void Output::json(const QJsonObject& object)
{
    write(stdout, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
    fflush(stdout);
}

QString Output::paint(const QString& text, Colour colour, FILE* stream)
{
    if (colour == Colour::None || !useColour(stream))
        return text;
    const char* code = "";
    switch (colour) {
    case Colour::Red:
        code = "\x1b[31m";
        break;
    case Colour::Yellow:
        code = "\x1b[33m";
        break;
    case Colour::Green:
        code = "\x1b[32m";
        break;
    case Colour::Bold:
        code = "\x1b[1m";
        break;
    case Colour::Dim:
        code = "\x1b[2m";
        break;
    case Colour::None:
        break;
    }
    return QString::fromLatin1(code) + text + QStringLiteral("\x1b[0m");
}

void Output::findings(const Findings& list)
{
    for (const Finding& f : sortedBySeverity(list)) {
        QString label;
        Colour colour = Colour::None;
        switch (f.severity) {
        case Severity::Error:
            label = Text::tr("error");
            colour = Colour::Red;
            break;
        case Severity::Warning:
            label = Text::tr("warning");
            colour = Colour::Yellow;
            break;
        case Severity::Info:
            label = Text::tr("info");
            colour = Colour::Dim;
            break;
        }
        line(QStringLiteral("  %1 %2  %3")
                 .arg(paint(padded(label, 7), colour), paint(plain(f.code), Colour::Bold), plain(f.message)));
        if (!f.hint.isEmpty())
            line(QStringLiteral("          %1").arg(paint(Text::tr("fix: %1").arg(plain(f.hint)), Colour::Dim)));
    }
}

QString Output::summary(const Findings& list)
{
    int errors = 0;
    int warnings = 0;
    for (const Finding& f : list) {
        errors += f.severity == Severity::Error;
        warnings += f.severity == Severity::Warning;
    }
    //: The summary of a check: "2 errors, 1 warning".
    return Text::tr("%1, %2").arg(Text::tr("%n error(s)", nullptr, errors),
                                  Text::tr("%n warning(s)", nullptr, warnings));
}

int Output::displayWidth(const QString& text)
{
    int width = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        // East Asian wide and full-width characters take two terminal columns.
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) || (u >= 0xAC00 && u <= 0xD7A3)
            || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60)
            || (u >= 0xFFE0 && u <= 0xFFE6);
        width += wide ? 2 : 1;
    }
    return width;
}

QString Output::padded(const QString& text, int columns)
{
    return text + QString(qMax(0, columns - displayWidth(text)), QLatin1Char(' '));
}

int Output::usageError(const QString& command, const QString& message)
{
    err(Text::tr("mtls-assistant-cli %1: %2").arg(command, plain(message)));
    err(Text::tr("Run 'mtls-assistant-cli %1 --help' for the options.").arg(command));
    return ExitUsage;
}

int Output::failure(const QString& message, const QString& detail)
{
    err(paint(Text::tr("error: "), Colour::Red, stderr) + plain(message));
    if (!detail.isEmpty())
        err(escapeControlCharacters(detail, LineBreaks::Keep)); // a server's or tool's own lines
    return ExitUsage;
}

} // namespace mtls::cli
