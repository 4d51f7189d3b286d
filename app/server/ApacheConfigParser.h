#pragma once

// Apache httpd configuration files as the server reads them: directives with their arguments, sections
// (<VirtualHost>, <IfModule>, <Location>...) with what they hold, each with its place in the file (line and byte
// offsets), so that a change can add lines to a section and leave every other byte of the user's file as it was.
// Files are read as bytes (a panel may write comments in any encoding); names and arguments are decoded as UTF-8.

#include "ConfigIncludes.h"
#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace mtls::apacheconf {

struct Directive
{
    QString name; // as written ("SSLEngine", "VirtualHost")
    QStringList args; // quotes removed; ${VAR} left as written
    int line = 0; // its first line, from 1
    qsizetype start = 0; // byte offset of the start of its first line (its indentation included)
    qsizetype end = 0; // byte offset just after its last line (after the line end, or the end of the text)
    QByteArray indent; // the white space before it on its first line

    // A section: <name args> ... </name>.
    bool section = false;
    QList<Directive> children;
    int closeLine = 0;
    qsizetype closeStart = 0; // the line "</name>", as start and end above
    qsizetype closeEnd = 0;

    bool is(QLatin1StringView other) const { return name.compare(other, Qt::CaseInsensitive) == 0; }
    // <IfModule>, <IfDefine>, <IfVersion>, <IfFile>, <IfDirective>, <IfSection>, <If>, <Else>, <ElseIf>: sections
    // whose content counts as if it were written around them.
    bool isConditional() const;
};

struct File
{
    QString path;
    QByteArray text;
    QList<Directive> directives;
};

struct Limits
{
    qsizetype maxBytes = 4 * 1024 * 1024; // one file
    int maxDepth = 32; // nested sections
    qsizetype maxLineBytes = 64 * 1024; // one logical line, continuations included
};

// Parses one file. An Error names the file and line when it cannot be read as Apache does: a section that is not
// closed, a closing line that does not match, nesting or size beyond `limits`.
Result<File> parse(const QString& path, const QByteArray& text, const Limits& limits = Limits());

// The <VirtualHost> section that starts on `line` (as `apachectl -S` names it), at any depth of conditional
// sections; nullptr when there is none.
const Directive* virtualHostAt(const File& file, int line);

// A directive with the file it is written in.
struct Placed
{
    QString file;
    Directive directive;
};

// Reads a file for effectiveDirectives(): parsed, or an Error.
using FileLoader = std::function<Result<File>(const QString& path)>;

// What applies inside `section` of `file`, in order: conditional sections are looked through, Include and
// IncludeOptional are followed (relative paths against `serverRoot`, wildcards through `glob`; a missing file of
// IncludeOptional is skipped, of Include is an Error), other sections (<Location>, <Directory>...) are listed as
// they are without entering them.
Result<QList<Placed>> effectiveDirectives(const File& file, const Directive& section, const QString& serverRoot,
                                          const FileLoader& load, const ConfigGlob& glob);

// The last value of a directive in `directives` (Apache keeps the last), or "" when it is not set.
QString lastValue(const QList<Placed>& directives, QLatin1StringView name);

} // namespace mtls::apacheconf
