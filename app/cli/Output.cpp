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

namespace {

bool isWide(QChar c)
{
    return Output::displayWidth(QString(c)) == 2;
}

// A line may break between `before` and `after`: at a space, or next to a CJK character, but not before a closing
// mark or after an opening one.
bool mayBreakBetween(QChar before, QChar after)
{
    static const QString closing = QStringLiteral("，。、；：？！）》」』”’…%1").arg(QChar(0x3000));
    static const QString opening = QStringLiteral("（《「『“‘");
    if (closing.contains(after) || opening.contains(before))
        return false;
    return isWide(before) || isWide(after);
}

// Where the text of a help line starts: after the names of an option or command and the spaces that follow them
// ("  --server <X>   ", "  check      "), or after the leading spaces.
qsizetype textColumn(const QString& line)
{
    qsizetype i = 0;
    while (i < line.size() && line.at(i) == QLatin1Char(' '))
        ++i;
    const qsizetype gap = line.indexOf(QLatin1String("  "), i);
    if (gap < 0 || Output::displayWidth(line.left(gap)) != gap)
        return i;
    i = gap;
    while (i < line.size() && line.at(i) == QLatin1Char(' '))
        ++i;
    return i;
}

// The lines of `help` with each description that QCommandLineParser continued on lines of its own joined back
// into one line, when it holds CJK text: Qt broke it at spaces, too early for text that has few.
QStringList joinedDescriptions(const QString& help)
{
    const auto hasWide = [](const QString& text) { return Output::displayWidth(text) != text.size(); };
    QStringList lines;
    qsizetype column = 0; // where the description of the last line starts; 0: none
    for (const QString& line : help.split(QLatin1Char('\n'))) {
        qsizetype spaces = 0;
        while (spaces < line.size() && line.at(spaces) == QLatin1Char(' '))
            ++spaces;
        const bool continues = column > 2 && spaces == column && spaces < line.size();
        if (continues && (hasWide(lines.last()) || hasWide(line))) {
            QString& last = lines.last();
            const QString more = line.mid(spaces);
            // A space comes back where Qt took it out: between words, or between CJK and Latin text.
            if (!(isWide(last.back()) && isWide(more.front())))
                last += QLatin1Char(' ');
            last += more;
            continue;
        }
        lines << line;
        if (!continues)
            column = textColumn(line) < line.size() ? textColumn(line) : 0;
    }
    return lines;
}

} // namespace

QString Output::fittedHelp(const QString& help, int columns)
{
    QStringList lines;
    for (const QString& line : joinedDescriptions(help)) {
        if (displayWidth(line) <= columns) {
            lines << line;
            continue;
        }
        const qsizetype start = textColumn(line);
        const QString indent(displayWidth(line.left(start)), QLatin1Char(' '));
        QString head = line.left(start);
        QString rest = line.mid(start);
        while (displayWidth(head + rest) > columns) {
            // The last place to break before the edge; none: the line stays long.
            qsizetype fits = 0;
            while (fits < rest.size() && displayWidth(head + rest.left(fits + 1)) <= columns)
                ++fits;
            qsizetype cut = -1;
            for (qsizetype i = fits; i > 0; --i) {
                if (i < rest.size()
                    && (rest.at(i) == QLatin1Char(' ') || mayBreakBetween(rest.at(i - 1), rest.at(i)))) {
                    cut = i;
                    break;
                }
            }
            if (cut <= 0)
                break;
            lines << head + rest.left(cut);
            rest = rest.mid(cut);
            while (rest.startsWith(QLatin1Char(' ')))
                rest.remove(0, 1);
            head = indent;
        }
        lines << head + rest;
    }
    return lines.join(QLatin1Char('\n'));
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
