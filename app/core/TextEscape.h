#pragma once

// Untrusted text (zip entry names, file names, certificate subjects, a server's output) shown to a person: control
// characters appear escaped, so an escape sequence cannot clear a terminal and a line break cannot forge a line.
// JSON output needs none of this (JSON escapes them itself).

#include <QString>

namespace mtls {

enum class LineBreaks {
    Escape, // one line: "\n" too is shown escaped
    Keep, // several lines (a server's output): "\n" (and "\r\n") stay line breaks, tabs stay tabs
};

// `text` with "\n", "\r", "\t" shown as those two characters, ESC as "\x1b", the other C0 controls, DEL and the C1
// controls as "\xNN", and the characters that reorder or break lines without being controls (U+2028, U+2029, the
// bidirectional overrides and isolates U+202A-U+202E, U+2066-U+2069) as "\uNNNN".
QString escapeControlCharacters(const QString& text, LineBreaks lineBreaks = LineBreaks::Escape);

} // namespace mtls
