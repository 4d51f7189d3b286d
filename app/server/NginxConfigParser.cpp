#include "NginxConfigParser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

namespace mtls::nginxconf {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::NginxConfigParser)
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isSpecial(char c)
{
    return c == ';' || c == '{' || c == '}';
}

struct Token
{
    enum Type { Word, Semicolon, Open, Close, Comment, End } type = End;
    QString text;
    int line = 0;
    qsizetype start = 0;
    qsizetype end = 0;
};

// nginx's ngx_conf_read_token: words (quoted with " or ', or bare with \ escapes and ${var}), ";", "{", "}", and
// comments from a "#" that starts a word to the end of the line.
class Tokenizer
{
public:
    explicit Tokenizer(const QByteArray& text)
        : m_text(text)
    {
    }

    Result<Token> next()
    {
        const qsizetype n = m_text.size();
        while (m_pos < n && isSpace(m_text.at(m_pos))) {
            if (m_text.at(m_pos) == '\n')
                ++m_line;
            ++m_pos;
        }
        Token token;
        token.line = m_line;
        token.start = m_pos;
        if (m_pos >= n) {
            token.type = Token::End;
            token.end = n;
            return token;
        }
        const char c = m_text.at(m_pos);
        if (isSpecial(c)) {
            token.type = c == ';' ? Token::Semicolon : c == '{' ? Token::Open : Token::Close;
            token.text = QString(QLatin1Char(c));
            token.end = ++m_pos;
            return token;
        }
        if (c == '#') {
            qsizetype end = m_pos;
            while (end < n && m_text.at(end) != '\n')
                ++end;
            qsizetype textEnd = end;
            if (textEnd > m_pos && m_text.at(textEnd - 1) == '\r')
                --textEnd;
            token.type = Token::Comment;
            token.text = QString::fromUtf8(m_text.mid(m_pos + 1, textEnd - m_pos - 1));
            token.end = textEnd;
            m_pos = end;
            return token;
        }
        token.type = Token::Word;
        QByteArray word;
        if (c == '"' || c == '\'') {
            ++m_pos;
            bool closed = false;
            while (m_pos < n) {
                const char d = m_text.at(m_pos);
                if (d == '\\' && m_pos + 1 < n) {
                    word += unescape(m_text.at(m_pos + 1));
                    if (m_text.at(m_pos + 1) == '\n')
                        ++m_line;
                    m_pos += 2;
                    continue;
                }
                if (d == c) {
                    closed = true;
                    ++m_pos;
                    break;
                }
                if (d == '\n')
                    ++m_line;
                word += d;
                ++m_pos;
            }
            if (!closed)
                return Error {Text::tr("line %1: a quoted value is not closed.").arg(token.line)};
            // As nginx: a quoted value is followed by a space, ";", "{" or ")".
            if (m_pos < n && !isSpace(m_text.at(m_pos)) && m_text.at(m_pos) != ';' && m_text.at(m_pos) != '{'
                && m_text.at(m_pos) != ')')
                return Error {Text::tr("line %1: unexpected \"%2\" after a quoted value.")
                                  .arg(m_line)
                                  .arg(QLatin1Char(m_text.at(m_pos)))};
        } else {
            while (m_pos < n) {
                const char d = m_text.at(m_pos);
                // As nginx: "}" inside a word is part of it; only a space, ";" or "{" ends a word.
                if (isSpace(d) || d == ';' || d == '{')
                    break;
                if (d == '\\' && m_pos + 1 < n) {
                    word += unescape(m_text.at(m_pos + 1));
                    m_pos += 2;
                    continue;
                }
                if (d == '$' && m_pos + 1 < n && m_text.at(m_pos + 1) == '{') {
                    // ${variable}: its braces are part of the word.
                    const qsizetype close = m_text.indexOf('}', m_pos);
                    const qsizetype stop = close < 0 ? n : close + 1;
                    word += m_text.mid(m_pos, stop - m_pos);
                    m_pos = stop;
                    continue;
                }
                word += d;
                ++m_pos;
            }
        }
        token.text = QString::fromUtf8(word);
        token.end = m_pos;
        return token;
    }

private:
    // What nginx keeps of "\X": \" \' \\ \t \r \n are unescaped, anything else stays as written.
    static QByteArray unescape(char c)
    {
        switch (c) {
        case '"':
        case '\'':
        case '\\':
            return QByteArray(1, c);
        case 't':
            return QByteArray(1, '\t');
        case 'r':
            return QByteArray(1, '\r');
        case 'n':
            return QByteArray(1, '\n');
        default:
            return QByteArray(1, '\\') + c;
        }
    }

    const QByteArray& m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
};

Error errorAt(int line, const QString& what)
{
    return Error {Text::tr("line %1: %2").arg(line).arg(what)};
}

// Reads directives until the "}" that closes the current block (depth > 0) or the end of the text (depth 0).
Status parseBlock(Tokenizer& tokens, QList<Directive>& into, int depth, const Limits& limits, qsizetype* closeAt,
                  qsizetype* closeEnd, qsizetype* count)
{
    if (depth > limits.maxBlockDepth)
        return Error {Text::tr("blocks are nested more than %1 deep.").arg(limits.maxBlockDepth)};
    Directive current;
    bool started = false;
    while (true) {
        auto token = tokens.next();
        if (!token)
            return token.error();
        const Token& t = token.value();
        if ((t.type == Token::Comment || t.type == Token::Semicolon || t.type == Token::Open)
            && ++*count > limits.maxDirectives)
            return errorAt(t.line, Text::tr("more than %1 directives.").arg(limits.maxDirectives));
        switch (t.type) {
        case Token::End:
            if (started)
                return errorAt(t.line, Text::tr("unexpected end of file, expecting \";\" or \"}\"."));
            if (depth > 0)
                return errorAt(t.line, Text::tr("unexpected end of file, expecting \"}\"."));
            return {};
        case Token::Comment: {
            Directive comment;
            comment.name = QStringLiteral("#");
            comment.args << t.text;
            comment.line = t.line;
            comment.start = t.start;
            comment.end = t.end;
            into << comment;
            break;
        }
        case Token::Word:
            if (!started) {
                started = true;
                current = Directive();
                current.name = t.text;
                current.line = t.line;
                current.start = t.start;
            } else {
                if (current.args.size() >= limits.maxArguments)
                    return errorAt(t.line, Text::tr("too many arguments."));
                current.args << t.text;
            }
            break;
        case Token::Semicolon:
            if (!started)
                return errorAt(t.line, Text::tr("unexpected \";\"."));
            current.end = t.end;
            into << current;
            started = false;
            break;
        case Token::Open: {
            if (!started)
                return errorAt(t.line, Text::tr("unexpected \"{\"."));
            current.block = true;
            current.blockOpen = t.start;
            if (auto inner
                = parseBlock(tokens, current.children, depth + 1, limits, &current.blockClose, &current.end, count);
                !inner)
                return inner;
            into << current;
            started = false;
            break;
        }
        case Token::Close:
            if (started)
                return errorAt(t.line, Text::tr("unexpected \"}\"."));
            if (depth == 0)
                return errorAt(t.line, Text::tr("unexpected \"}\"."));
            *closeAt = t.start;
            *closeEnd = t.end;
            return {};
        }
    }
}

bool hasWildcard(const QString& path)
{
    return path.contains(QLatin1Char('*')) || path.contains(QLatin1Char('?')) || path.contains(QLatin1Char('['));
}

qsizetype countDirectives(const QList<Directive>& directives)
{
    qsizetype n = directives.size();
    for (const Directive& d : directives)
        n += countDirectives(d.children);
    return n;
}

class ConfigReader
{
public:
    ConfigReader(Config& config, const QString& prefix, const ByteReader& read, const Glob& glob, const Limits& limits)
        : m_config(config)
        , m_prefix(prefix)
        , m_read(read)
        , m_glob(glob)
        , m_limits(limits)
    {
    }

    // The index of the file in the configuration, reading it the first time; -1 when it cannot be read.
    int load(const QString& path, int depth)
    {
        if (const int known = m_config.indexOf(path); known >= 0)
            return known;
        if (depth > m_limits.maxIncludeDepth) {
            m_config.errors
                << Text::tr("%1: includes are nested more than %2 deep.").arg(path).arg(m_limits.maxIncludeDepth);
            return -1;
        }
        if (m_config.files.size() >= m_limits.maxFiles) {
            m_config.errors << Text::tr("%1: more than %2 files are included.").arg(path).arg(m_limits.maxFiles);
            return -1;
        }
        auto bytes = m_read(path);
        if (!bytes) {
            m_config.errors << Text::tr("%1: cannot be read.").arg(path);
            return -1;
        }
        File file;
        file.path = path;
        if (bytes->size() > m_limits.maxFileBytes || m_total + bytes->size() > m_limits.maxTotalBytes) {
            file.error = Text::tr("the file is too large.");
            m_config.errors << QStringLiteral("%1: %2").arg(path, file.error);
            m_config.files << file;
            return int(m_config.files.size() - 1);
        }
        m_total += bytes->size();
        file.text = *bytes;
        Limits limits = m_limits;
        limits.maxDirectives = std::max<qsizetype>(0, m_limits.maxDirectives - m_directives);
        if (auto parsed = parseText(file.text, limits)) {
            file.directives = parsed.value();
            m_directives += countDirectives(file.directives);
        } else {
            file.error = parsed.error().message;
            m_config.errors << QStringLiteral("%1: %2").arg(path, file.error);
        }
        m_config.files << file;
        const int index = int(m_config.files.size() - 1);
        QList<Directive> directives = m_config.files[index].directives;
        followIncludes(directives, depth);
        m_config.files[index].directives = directives;
        return index;
    }

private:
    void followIncludes(QList<Directive>& directives, int depth)
    {
        for (Directive& d : directives) {
            if (d.block) {
                followIncludes(d.children, depth);
            } else if (d.name == QLatin1String("include") && d.args.size() == 1) {
                const QString pattern = resolvePath(m_prefix, d.args.first());
                const QStringList files = hasWildcard(pattern) ? m_glob(pattern) : QStringList {pattern};
                for (const QString& path : files) {
                    if (const int index = load(path, depth + 1); index >= 0)
                        d.includes << index;
                }
            }
        }
    }

    Config& m_config;
    QString m_prefix;
    const ByteReader& m_read;
    const Glob& m_glob;
    const Limits& m_limits;
    qsizetype m_total = 0;
    qsizetype m_directives = 0;
};

struct WalkState
{
    QStringList context;
    QList<int> including; // the files being walked, outermost first (an include cycle is not followed)
    qsizetype visits = 0;
};

constexpr qsizetype kMaxVisits = 2'000'000;

void walkList(const Config& config, const QList<Directive>& directives, int file, WalkState& state,
              const std::function<bool(const Visit&)>& visit, const Limits& limits)
{
    for (const Directive& d : directives) {
        if (++state.visits > kMaxVisits)
            return;
        const bool descend = visit(Visit {&d, file, state.context});
        if (d.block && descend) {
            state.context << d.name;
            walkList(config, d.children, file, state, visit, limits);
            state.context.removeLast();
        }
        if (d.includes.isEmpty() || state.including.size() > limits.maxIncludeDepth)
            continue;
        for (int included : d.includes) {
            if (included < 0 || included >= config.files.size() || state.including.contains(included))
                continue;
            state.including << included;
            walkList(config, config.files.at(included).directives, included, state, visit, limits);
            state.including.removeLast();
        }
    }
}

} // namespace

Result<QList<Directive>> parseText(const QByteArray& text, const Limits& limits)
{
    if (text.size() > limits.maxFileBytes)
        return Error {Text::tr("the file is too large.")};
    Tokenizer tokens(text);
    QList<Directive> directives;
    qsizetype unused = 0;
    qsizetype unusedEnd = 0;
    qsizetype count = 0;
    if (auto parsed = parseBlock(tokens, directives, 0, limits, &unused, &unusedEnd, &count); !parsed)
        return parsed.error();
    return directives;
}

int Config::indexOf(const QString& path) const
{
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (files.at(i).path == path)
            return int(i);
    }
    return -1;
}

QString resolvePath(const QString& confPrefix, const QString& path)
{
    if (path.startsWith(QLatin1Char('/')) || confPrefix.isEmpty())
        return QDir::cleanPath(path);
    return QDir::cleanPath(confPrefix + QLatin1Char('/') + path);
}

Config parseConfig(const QString& mainConfig, const QString& confPrefix, const ByteReader& read, const Glob& glob,
                   const Limits& limits)
{
    Config config;
    const QString main = QDir::cleanPath(mainConfig);
    const QString prefix = confPrefix.isEmpty() ? QFileInfo(main).path() : QDir::cleanPath(confPrefix);
    ConfigReader reader(config, prefix, read, glob, limits);
    reader.load(main, 0);
    return config;
}

Config parseConfigFromDisk(const QString& mainConfig, const QString& confPrefix, const Limits& limits)
{
    const ByteReader read = [&limits](const QString& path) -> std::optional<QByteArray> {
        QFile file(path);
        if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
            return std::nullopt;
        // Never more than the limit (plus one byte, so that "too large" can be told).
        return file.read(limits.maxFileBytes + 1);
    };
    const Glob glob = [](const QString& pattern) {
        const QFileInfo info(pattern);
        const QString dir = info.path();
        QStringList files;
        if (hasWildcard(dir))
            return files;
        const QStringList names = QDir(dir).entryList({info.fileName()}, QDir::Files | QDir::Hidden, QDir::Name);
        for (const QString& name : names)
            files << dir + QLatin1Char('/') + name;
        return files;
    };
    return parseConfig(mainConfig, confPrefix, read, glob, limits);
}

void walk(const Config& config, const std::function<bool(const Visit&)>& visit, const Limits& limits)
{
    if (config.files.isEmpty())
        return;
    WalkState state;
    state.including << 0;
    walkList(config, config.files.first().directives, 0, state, visit, limits);
}

} // namespace mtls::nginxconf
