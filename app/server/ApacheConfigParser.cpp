#include "ApacheConfigParser.h"

#include <QCoreApplication>
#include <QDir>

namespace mtls::apacheconf {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ApacheConfigParser)
};

constexpr int kMaxIncludeDepth = 16;

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Arguments as Apache's ap_getword_conf() splits them: white space separates, a word that starts with a double or
// single quote runs to the matching quote, in which a backslash escapes that quote.
QStringList words(const QByteArray& line)
{
    QStringList result;
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n) {
        while (i < n && isBlank(line.at(i)))
            ++i;
        if (i >= n)
            break;
        QByteArray word;
        const char quote = line.at(i);
        if (quote == '"' || quote == '\'') {
            for (++i; i < n && line.at(i) != quote; ++i) {
                if (line.at(i) == '\\' && i + 1 < n && line.at(i + 1) == quote)
                    ++i;
                word += line.at(i);
            }
            ++i; // the closing quote
        } else {
            while (i < n && !isBlank(line.at(i)))
                word += line.at(i++);
        }
        result << QString::fromUtf8(word);
    }
    return result;
}

struct Frame
{
    Directive section;
    QList<Directive>* into = nullptr;
};

QString where(const QString& path, int line)
{
    return QStringLiteral("%1:%2").arg(QDir::toNativeSeparators(path)).arg(line);
}

} // namespace

bool Directive::isConditional() const
{
    return section
        && (name.startsWith(QLatin1String("If"), Qt::CaseInsensitive) || is(QLatin1StringView("Else"))
            || is(QLatin1StringView("ElseIf")));
}

Result<File> parse(const QString& path, const QByteArray& text, const Limits& limits)
{
    if (text.size() > limits.maxBytes)
        return Error {Text::tr("%1 is larger than %2 MB: not an Apache configuration file this program reads.")
                          .arg(QDir::toNativeSeparators(path))
                          .arg(limits.maxBytes / (1024 * 1024)),
                      {}};
    File file {path, text, {}};
    QList<Frame> open; // the sections not yet closed, innermost last
    const auto current
        = [&]() -> QList<Directive>& { return open.isEmpty() ? file.directives : open.last().section.children; };
    int lineNumber = 0;
    qsizetype pos = 0;
    const qsizetype n = text.size();
    while (pos < n) {
        // One logical line: physical lines joined where one ends in a backslash.
        const qsizetype start = pos;
        const int firstLine = lineNumber + 1;
        QByteArray logical;
        qsizetype end = pos;
        for (;;) {
            ++lineNumber;
            qsizetype eol = text.indexOf('\n', end);
            const qsizetype next = eol < 0 ? n : eol + 1;
            qsizetype contentEnd = eol < 0 ? n : eol;
            if (contentEnd > end && text.at(contentEnd - 1) == '\r')
                --contentEnd;
            const bool continued = contentEnd > end && text.at(contentEnd - 1) == '\\' && next < n;
            logical += text.mid(end, contentEnd - end - (continued ? 1 : 0));
            end = next;
            if (logical.size() > limits.maxLineBytes)
                return Error {Text::tr("%1: a line longer than %2 KB.")
                                  .arg(where(path, firstLine))
                                  .arg(limits.maxLineBytes / 1024),
                              {}};
            if (!continued)
                break;
            logical += ' ';
        }
        pos = end;
        qsizetype first = 0;
        while (first < logical.size() && isBlank(logical.at(first)))
            ++first;
        const QByteArray content = logical.mid(first).trimmed();
        if (content.isEmpty() || content.startsWith('#'))
            continue;
        if (content.startsWith("</")) {
            QByteArray name = content.mid(2);
            if (name.endsWith('>'))
                name.chop(1);
            name = name.trimmed();
            if (open.isEmpty() || open.last().section.name.compare(QString::fromUtf8(name), Qt::CaseInsensitive) != 0)
                return Error {Text::tr("%1: </%2> closes no open section%3.")
                                  .arg(where(path, firstLine), QString::fromUtf8(name),
                                       open.isEmpty() ? QString()
                                                      : Text::tr(" (<%1> from line %2 is still open)")
                                                            .arg(open.last().section.name)
                                                            .arg(open.last().section.line)),
                              {}};
            Frame frame = open.takeLast();
            frame.section.closeLine = firstLine;
            frame.section.closeStart = start;
            frame.section.closeEnd = end;
            frame.section.end = end;
            current().append(frame.section);
            continue;
        }
        Directive directive;
        directive.line = firstLine;
        directive.start = start;
        directive.end = end;
        directive.indent = logical.left(first);
        if (content.startsWith('<')) {
            QByteArray inner = content.mid(1);
            if (!inner.endsWith('>'))
                return Error {Text::tr("%1: a section line without its closing \">\".").arg(where(path, firstLine)),
                              {}};
            inner.chop(1);
            QStringList parts = words(inner);
            if (parts.isEmpty())
                return Error {Text::tr("%1: a section without a name.").arg(where(path, firstLine)), {}};
            directive.name = parts.takeFirst();
            directive.args = parts;
            directive.section = true;
            if (open.size() >= limits.maxDepth)
                return Error {
                    Text::tr("%1: sections nested more than %2 deep.").arg(where(path, firstLine)).arg(limits.maxDepth),
                    {}};
            open.append(Frame {directive, nullptr});
            continue;
        }
        QStringList parts = words(content);
        directive.name = parts.takeFirst();
        directive.args = parts;
        current().append(directive);
    }
    if (!open.isEmpty())
        return Error {
            Text::tr("%1: <%2> is never closed.").arg(where(path, open.last().section.line), open.last().section.name),
            {}};
    return file;
}

namespace {

const Directive* findVirtualHost(const QList<Directive>& directives, int line)
{
    for (const Directive& d : directives) {
        if (!d.section)
            continue;
        if (d.is(QLatin1StringView("VirtualHost")) && d.line == line)
            return &d;
        if (d.isConditional()) {
            if (const Directive* found = findVirtualHost(d.children, line))
                return found;
        }
    }
    return nullptr;
}

bool hasWildcard(const QString& path)
{
    return path.contains(QLatin1Char('*')) || path.contains(QLatin1Char('?')) || path.contains(QLatin1Char('['));
}

class Flattener
{
public:
    Flattener(const QString& serverRoot, const FileLoader& load, const ConfigGlob& glob)
        : m_root(serverRoot)
        , m_load(load)
        , m_glob(glob)
    {
    }

    Status add(const QString& path, const QList<Directive>& directives, int depth)
    {
        for (const Directive& d : directives) {
            if (d.isConditional()) {
                if (auto s = add(path, d.children, depth); !s)
                    return s;
                continue;
            }
            const bool include = d.is(QLatin1StringView("Include"));
            const bool optional = d.is(QLatin1StringView("IncludeOptional"));
            if (!include && !optional) {
                m_result << Placed {path, d};
                continue;
            }
            if (d.args.isEmpty())
                continue;
            if (depth >= kMaxIncludeDepth)
                return Error {
                    Text::tr("%1: includes nested more than %2 deep.").arg(where(path, d.line)).arg(kMaxIncludeDepth),
                    {}};
            QString pattern = d.args.first();
            if (!QDir::isAbsolutePath(pattern))
                pattern = QDir::cleanPath(m_root + QLatin1Char('/') + pattern);
            QStringList files = hasWildcard(pattern) ? m_glob(pattern) : QStringList {pattern};
            if (!hasWildcard(pattern) && !m_load(pattern)) {
                const QStringList inDirectory = m_glob(pattern + QStringLiteral("/*")); // a whole directory
                if (!inDirectory.isEmpty())
                    files = inDirectory;
            }
            for (const QString& included : std::as_const(files)) {
                auto parsed = m_load(included);
                if (!parsed) {
                    if (optional)
                        continue;
                    return Error {
                        Text::tr("%1: Include %2: %3").arg(where(path, d.line), included, parsed.error().message), {}};
                }
                if (auto s = add(included, parsed.value().directives, depth + 1); !s)
                    return s;
            }
        }
        return {};
    }

    QList<Placed> result() const { return m_result; }

private:
    QString m_root;
    const FileLoader& m_load;
    const ConfigGlob& m_glob;
    QList<Placed> m_result;
};

} // namespace

const Directive* virtualHostAt(const File& file, int line)
{
    return findVirtualHost(file.directives, line);
}

Result<QList<Placed>> effectiveDirectives(const File& file, const Directive& section, const QString& serverRoot,
                                          const FileLoader& load, const ConfigGlob& glob)
{
    Flattener flattener(serverRoot, load, glob);
    if (auto s = flattener.add(file.path, section.children, 0); !s)
        return s.error();
    return flattener.result();
}

QString lastValue(const QList<Placed>& directives, QLatin1StringView name)
{
    for (auto it = directives.crbegin(); it != directives.crend(); ++it) {
        if (!it->directive.section && it->directive.is(name))
            return it->directive.args.join(QLatin1Char(' '));
    }
    return QString();
}

} // namespace mtls::apacheconf
