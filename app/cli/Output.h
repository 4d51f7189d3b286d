#pragma once

#include "core/Finding.h"

#include <QJsonObject>
#include <QString>

#include <cstdio>

namespace mtls::cli {

// Writes to stdout/stderr in UTF-8. Colour only when the stream is a terminal and NO_COLOR is unset.
// Text output never carries a control character other than a line break and the colours of paint(): the rest is
// shown escaped ("\x1b"). Untrusted text that must stay on one line (file and zip entry names, certificate
// subjects, finding messages) goes through plain(), which escapes line breaks too. JSON output is exact.
class Output
{
public:
    enum class Colour { None, Red, Yellow, Green, Bold, Dim };

    static void out(const QString& text); // stdout, no newline added
    static void line(const QString& text = QString()); // stdout + newline
    static void err(const QString& text); // stderr + newline
    static void json(const QJsonObject& object); // stdout, indented, newline
    // Untrusted text for one line of text output: every control character escaped (core/TextEscape.h).
    static QString plain(const QString& untrusted);
    static QString paint(const QString& text, Colour colour, FILE* stream = stdout);

    // A readable list of findings: "error  CODE  message\n       hint".
    static void findings(const Findings& findings);
    // "2 errors, 1 warning" style summary.
    static QString summary(const Findings& findings);

    // Columns a text takes on a terminal (East Asian wide characters count twice), and the text padded to
    // `columns` so that tables line up in every language.
    static int displayWidth(const QString& text);
    static QString padded(const QString& text, int columns);
    // Help text with every line at most `columns` wide on a terminal. QCommandLineParser wraps at spaces and
    // counts characters, so a Chinese description runs past the edge: such a line is broken between CJK
    // characters (never before a closing mark such as "，" or after an opening one), and goes on under the
    // column where it started. Lines that fit are left as they are.
    static QString fittedHelp(const QString& help, int columns = 79);

    // Usage error: prints the message and a pointer to --help; returns ExitUsage.
    static int usageError(const QString& command, const QString& message);
    // Failure to run: prints the message (and detail) on stderr; returns ExitUsage.
    static int failure(const QString& message, const QString& detail = QString());
};

} // namespace mtls::cli
