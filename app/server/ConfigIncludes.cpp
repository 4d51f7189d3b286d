#include "ConfigIncludes.h"

#include "ConfigSyntax.h"
#include "NginxConfigParser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ConfigIncludes)
};

constexpr int kMaxDepth = 16;

bool hasWildcard(const QString& path)
{
    return path.contains(QLatin1Char('*')) || path.contains(QLatin1Char('?')) || path.contains(QLatin1Char('['));
}

bool isAbsolute(const QString& path)
{
    static const QRegularExpression drive(QStringLiteral("^[A-Za-z]:[/\\\\]"));
    return path.startsWith(QLatin1Char('/')) || drive.match(path).hasMatch();
}

QString resolve(const QString& root, const QString& path)
{
    if (isAbsolute(path))
        return QDir::cleanPath(path);
    return QDir::cleanPath(root + QLatin1Char('/') + path);
}

class Reader
{
public:
    Reader(ConfigGraph& graph, const ConfigFileReader& read, const ConfigGlob& glob,
           const QHash<QString, QString>& variables)
        : m_graph(graph)
        , m_read(read)
        , m_glob(glob)
        , m_variables(variables)
    {
    }

    void readNginx(const QString& file, const QString& root, const QString& context, int depth);
    void walkNginx(const QString& file, const QByteArray& bytes, const QList<nginxconf::Directive>& directives,
                   const QString& root, QStringList& stack, int depth);
    void readApache(const QString& file, QString& root, const QString& context, int depth);

private:
    QStringList filesOf(const QString& pattern) const
    {
        return hasWildcard(pattern) ? m_glob(pattern) : QStringList {pattern};
    }
    QString expand(QString text) const;
    void addApacheAddresses(QList<ConfigAddress>& into, const QString& file, int line, const QStringList& words);

    ConfigGraph& m_graph;
    const ConfigFileReader& m_read;
    const ConfigGlob& m_glob;
    QHash<QString, QString> m_variables; // Apache: given, and those of Define
};

void Reader::readNginx(const QString& file, const QString& root, const QString& context, int depth)
{
    if (depth > kMaxDepth)
        return;
    const auto text = m_read(file);
    if (!text)
        return;
    m_graph.files << file;
    // Parsed as nginx parses it (NginxConfigParser); a file nginx could not read adds nothing.
    const QByteArray bytes = text->toUtf8();
    auto parsed = nginxconf::parseText(bytes);
    if (!parsed)
        return;
    QStringList stack;
    if (!context.isEmpty())
        stack = context.split(QLatin1Char('/'));
    walkNginx(file, bytes, parsed.value(), root, stack, depth);
}

void Reader::walkNginx(const QString& file, const QByteArray& bytes, const QList<nginxconf::Directive>& directives,
                       const QString& root, QStringList& stack, int depth)
{
    for (const nginxconf::Directive& d : directives) {
        if (d.block) {
            if (stack.isEmpty() && d.name == QLatin1String("http") && m_graph.httpBlockEnd < 0) {
                m_graph.httpFile = file;
                // An offset in the text as read (QString), for withIncludeLine().
                m_graph.httpBlockEnd = QString::fromUtf8(bytes.left(d.blockClose)).size();
            }
            stack << d.name;
            walkNginx(file, bytes, d.children, root, stack, depth);
            stack.removeLast();
        } else if (d.name == QLatin1String("include") && !d.args.isEmpty()) {
            const QString here = stack.join(QLatin1Char('/'));
            const QString pattern = resolve(root, d.arg());
            m_graph.includes << ConfigInclude {file, d.line, pattern, here};
            for (const QString& included : filesOf(pattern))
                readNginx(included, root, here, depth + 1);
        }
    }
}

QString Reader::expand(QString text) const
{
    static const QRegularExpression variable(QStringLiteral("\\$\\{([A-Za-z0-9_]+)\\}"));
    for (auto it = variable.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (m_variables.contains(m.captured(1)))
            text.replace(m.captured(0), m_variables.value(m.captured(1)));
    }
    return text;
}

QStringList apacheWords(const QString& line)
{
    QStringList words;
    QString word;
    bool inWord = false;
    QChar quote;
    for (const QChar c : line) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else
                word += c;
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words << word;
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words << word;
    return words;
}

// "443", "*:443", "[::1]:443", "192.0.2.1:443", "_default_:443", "*".
std::optional<ConfigAddress> apacheAddress(const QString& text)
{
    static const QRegularExpression form(
        QStringLiteral("^(?:(\\d{1,5})|(\\[[0-9A-Fa-f:.]+\\]|[0-9.]+|\\*|_default_|[A-Za-z0-9.-]+)(?::(\\d{1,5}))?)$"));
    const auto m = form.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    ConfigAddress address;
    if (!m.captured(1).isEmpty()) {
        address.host = QStringLiteral("*");
        address.port = quint16(m.captured(1).toUInt());
        return address;
    }
    QString host = m.captured(2);
    if (host.startsWith(QLatin1Char('[')))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("_default_") || host == QLatin1String("0.0.0.0") || host == QLatin1String("::"))
        host = QStringLiteral("*");
    address.host = host;
    address.port = quint16(m.captured(3).toUInt());
    return address;
}

void Reader::addApacheAddresses(QList<ConfigAddress>& into, const QString& file, int line, const QStringList& words)
{
    for (const QString& word : words) {
        if (auto address = apacheAddress(word)) {
            address->file = file;
            address->line = line;
            into << *address;
        }
    }
}

void Reader::readApache(const QString& file, QString& root, const QString& context, int depth)
{
    if (depth > kMaxDepth)
        return;
    const auto text = m_read(file);
    if (!text)
        return;
    m_graph.files << file;
    QStringList sections; // only those that are not conditional
    QList<bool> conditional;
    const QStringList lines = text->split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const int number = i + 1;
        QString line = lines.at(i).trimmed();
        while (line.endsWith(QLatin1Char('\\')) && i + 1 < lines.size())
            line = line.chopped(1) + QLatin1Char(' ') + lines.at(++i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1String("</"))) {
            if (!conditional.isEmpty() && !conditional.takeLast())
                sections.removeLast();
            continue;
        }
        if (line.startsWith(QLatin1Char('<'))) {
            QString inner = line.mid(1);
            if (inner.endsWith(QLatin1Char('>')))
                inner.chop(1);
            const QStringList words = apacheWords(expand(inner));
            const QString name = words.value(0);
            const bool isConditional = name.startsWith(QLatin1String("If"), Qt::CaseInsensitive);
            conditional << isConditional;
            if (!isConditional)
                sections << name;
            if (name.compare(QLatin1String("VirtualHost"), Qt::CaseInsensitive) == 0)
                addApacheAddresses(m_graph.virtualHosts, file, number, words.mid(1));
            continue;
        }
        const QStringList words = apacheWords(expand(line));
        const QString name = words.value(0).toLower();
        const QStringList here = (context.isEmpty() ? QStringList() : QStringList {context}) + sections;
        const QString where = here.join(QLatin1Char('/'));
        if (name == QLatin1String("define") && words.size() >= 3 && where.isEmpty()) {
            m_variables.insert(words.at(1), words.at(2));
        } else if (name == QLatin1String("serverroot") && words.size() >= 2 && where.isEmpty()) {
            root = QDir::cleanPath(words.at(1));
        } else if (name == QLatin1String("listen") && words.size() >= 2 && where.isEmpty()) {
            addApacheAddresses(m_graph.listens, file, number, {words.at(1)});
        } else if ((name == QLatin1String("include") || name == QLatin1String("includeoptional"))
                   && words.size() >= 2) {
            const QString pattern = resolve(root, words.at(1));
            m_graph.includes << ConfigInclude {file, number, pattern, where};
            QStringList files = filesOf(pattern);
            if (!hasWildcard(pattern) && !m_read(pattern))
                files = m_glob(pattern + QStringLiteral("/*")); // a whole directory
            for (const QString& included : std::as_const(files))
                readApache(included, root, where, depth + 1);
        }
    }
}

int nameRank(const QString& dir)
{
    const QString name = QFileInfo(dir).fileName().toLower();
    static const QStringList modules {QStringLiteral("mods-enabled"),   QStringLiteral("mods-available"),
                                      QStringLiteral("conf.modules.d"), QStringLiteral("modules-enabled"),
                                      QStringLiteral("modules.d"),      QStringLiteral("modules")};
    if (modules.contains(name))
        return -1; // never: modules are loaded there
    static const QRegularExpression sites(QStringLiteral("vhost|site|server|conf\\.d|http\\.d"));
    return sites.match(name).hasMatch() ? 1 : 0;
}

} // namespace

ConfigGraph readConfigGraph(ServerKind kind, const QString& mainConfig, const QString& serverRoot,
                            const ConfigFileReader& read, const ConfigGlob& glob,
                            const QHash<QString, QString>& variables)
{
    ConfigGraph graph;
    graph.kind = kind;
    graph.mainConfig = QDir::cleanPath(mainConfig);
    Reader reader(graph, read, glob, variables);
    if (kind == ServerKind::Nginx) {
        reader.readNginx(graph.mainConfig, QDir::cleanPath(serverRoot), QString(), 0);
    } else {
        QString root = QDir::cleanPath(serverRoot);
        reader.readApache(graph.mainConfig, root, QString(), 0);
    }
    return graph;
}

QStringList globOnDisk(const QString& pattern)
{
    const QFileInfo info(pattern);
    if (!hasWildcard(pattern))
        return info.isFile() ? QStringList {pattern} : QStringList();
    const QString dir = info.path();
    if (hasWildcard(dir))
        return {};
    QStringList files;
    const QStringList names = QDir(dir).entryList({info.fileName()}, QDir::Files | QDir::Hidden, QDir::Name);
    for (const QString& name : names)
        files << dir + QLatin1Char('/') + name;
    return files;
}

ConfigGraph readConfigGraphFromDisk(ServerKind kind, const QString& mainConfig, const QString& serverRoot,
                                    const QHash<QString, QString>& variables)
{
    const ConfigFileReader read = [](const QString& path) -> std::optional<QString> {
        QFile file(path);
        if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
            return std::nullopt;
        return QString::fromUtf8(file.readAll());
    };
    return readConfigGraph(kind, mainConfig, serverRoot, read, globOnDisk, variables);
}

QHash<QString, QString> splitNginxDump(const QString& dump)
{
    QHash<QString, QString> files;
    static const QRegularExpression header(QStringLiteral("^# configuration file (.+):$"),
                                           QRegularExpression::MultilineOption);
    QString current;
    qsizetype start = -1;
    for (auto it = header.globalMatch(dump); it.hasNext();) {
        const auto m = it.next();
        if (!current.isEmpty())
            files.insert(current, dump.mid(start, m.capturedStart() - start));
        current = QDir::cleanPath(m.captured(1));
        start = m.capturedEnd() + 1;
    }
    if (!current.isEmpty())
        files.insert(current, dump.mid(start));
    return files;
}

QStringList parseApacheIncludeDump(const QString& output)
{
    static const QRegularExpression line(QStringLiteral("^\\s+\\((?:\\*|\\d+)\\) (.+)$"),
                                         QRegularExpression::MultilineOption);
    QStringList files;
    if (!output.contains(QLatin1String("Included configuration files:")))
        return files;
    for (auto it = line.globalMatch(output); it.hasNext();)
        files << QDir::cleanPath(it.next().captured(1).trimmed());
    return files;
}

void keepReadFiles(ConfigGraph& graph, const QStringList& readFiles, const ConfigGlob& glob)
{
    if (readFiles.isEmpty())
        return;
    const auto read = [&readFiles](const QString& file) { return readFiles.contains(file); };
    QList<ConfigInclude> includes;
    for (const ConfigInclude& include : std::as_const(graph.includes)) {
        if (!read(include.file))
            continue;
        const QStringList files = hasWildcard(include.pattern) ? glob(include.pattern) : QStringList();
        if (!files.isEmpty() && std::none_of(files.cbegin(), files.cend(), read))
            continue;
        includes << include;
    }
    graph.includes = includes;
    for (QList<ConfigAddress>* addresses : {&graph.listens, &graph.virtualHosts})
        addresses->removeIf([&read](const ConfigAddress& a) { return !read(a.file); });
}

std::optional<SitePlacement> chooseSiteDirectory(const ConfigGraph& graph, const QString& fileName,
                                                 const QStringList& preferred,
                                                 const std::function<bool(const QString&)>& isDirectory)
{
    const QString wanted = graph.kind == ServerKind::Nginx ? QStringLiteral("http") : QString();
    std::optional<SitePlacement> best;
    int bestRank = -1;
    for (const ConfigInclude& include : graph.includes) {
        if (include.context != wanted)
            continue;
        QString dir;
        if (hasWildcard(include.pattern)) {
            const QFileInfo info(include.pattern);
            const QRegularExpression glob(QRegularExpression::wildcardToRegularExpression(info.fileName()));
            if (hasWildcard(info.path()) || !glob.match(fileName).hasMatch())
                continue;
            dir = info.path();
        } else if (graph.kind == ServerKind::Apache && isDirectory(include.pattern)) {
            dir = include.pattern;
        } else {
            continue;
        }
        int rank = nameRank(dir);
        if (rank < 0)
            continue;
        for (const QString& p : preferred) {
            if (QDir::cleanPath(p) == dir)
                rank = 2;
        }
        if (rank <= bestRank)
            continue;
        bestRank = rank;
        SitePlacement placement {dir, QString(), include};
        const QString available = QFileInfo(dir).path() + QStringLiteral("/sites-available");
        if (QFileInfo(dir).fileName() == QLatin1String("sites-enabled") && isDirectory(available)) {
            placement.siteDir = available;
            placement.enabledDir = dir;
        }
        best = placement;
    }
    return best;
}

Result<QString> includeLineFor(ServerKind kind, const QString& dir)
{
    const QString pattern = QDir::cleanPath(dir) + QStringLiteral("/*.conf");
    if (kind == ServerKind::Nginx) {
        auto quoted = configsyntax::quoteNginx(pattern, Text::tr("site directory"));
        if (!quoted)
            return quoted.error();
        return QStringLiteral("include %1;").arg(quoted.value());
    }
    auto quoted = configsyntax::quoteApache(pattern, Text::tr("site directory"));
    if (!quoted)
        return quoted.error();
    return QStringLiteral("IncludeOptional %1").arg(quoted.value());
}

Result<QString> withIncludeLine(const ConfigGraph& graph, const QString& mainText, const QString& line)
{
    if (graph.kind == ServerKind::Apache) {
        QString text = mainText;
        if (!text.isEmpty() && !text.endsWith(QLatin1Char('\n')))
            text += QLatin1Char('\n');
        return text + QStringLiteral("# Added by mTLS Assistant: the sites it writes.\n") + line + QLatin1Char('\n');
    }
    if (graph.httpFile != graph.mainConfig || graph.httpBlockEnd < 0 || graph.httpBlockEnd >= mainText.size())
        return Error {Text::tr("The http { } block is not in %1, so the include line cannot be added there.")
                          .arg(QDir::toNativeSeparators(graph.mainConfig)),
                      {}};
    QString text = mainText;
    const qsizetype at = graph.httpBlockEnd;
    const qsizetype lineStart = text.lastIndexOf(QLatin1Char('\n'), at - 1) + 1;
    const bool ownLine = text.mid(lineStart, at - lineStart).trimmed().isEmpty();
    const QString insert
        = QStringLiteral("    # Added by mTLS Assistant: the sites it writes.\n    ") + line + QLatin1Char('\n');
    if (ownLine)
        text.insert(lineStart, insert);
    else
        text.insert(at, QLatin1Char('\n') + insert);
    return text;
}

} // namespace mtls
