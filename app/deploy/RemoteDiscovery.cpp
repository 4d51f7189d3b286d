#include "RemoteDiscovery.h"

#include "InstallScript.h"
#include "ShellSession.h"
#include "core/TextEscape.h"
#include "server/ServerBinary.h"
#include "server/SitePlacement.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::RemoteDiscovery)
};

using namespace std::chrono_literals;

constexpr auto kCommandTimeout = 30s;

// Where servers are installed outside the usual PATH (BaoTa's /www/server, source builds under /usr/local).
const QByteArray kSearchPath = "PATH=/usr/sbin:/usr/bin:/sbin:/bin:/usr/local/sbin:/usr/local/bin:"
                               "/www/server/nginx/sbin:/www/server/apache/bin:/usr/local/nginx/sbin:"
                               "/usr/local/apache2/bin; export PATH; LC_ALL=C; export LC_ALL\n"
                               "T=; command -v timeout >/dev/null 2>&1 && T='timeout 10'\n";

QByteArray quoted(const QString& value)
{
    return shellQuote(value).toUtf8();
}

// Runs `command` in a subshell of the session (its exit, cd and variables stay there), bounded in time.
Result<ShellRun> runAlone(ShellSession& shell, const QByteArray& command)
{
    return shell.run("(\n" + kSearchPath + command + "\n)", kCommandTimeout);
}

Result<QString> runText(ShellSession& shell, const QByteArray& command)
{
    auto run = runAlone(shell, command);
    if (!run)
        return run.error();
    return QString::fromUtf8(run->output);
}

// The command that finds the program of `kind` on the server: the one given, else the first of the usual names.
QByteArray programSearch(ServerKind kind, const QString& given)
{
    if (!given.isEmpty())
        return "[ -x " + quoted(given) + " ] && [ ! -d " + quoted(given) + " ] && printf '%s\\n' " + quoted(given);
    const QStringList names = kind == ServerKind::Nginx
        ? QStringList {QStringLiteral("nginx")}
        : QStringList {QStringLiteral("apache2ctl"), QStringLiteral("apachectl")} + serverProgramNames(kind);
    return "for p in " + names.join(QLatin1Char(' ')).toUtf8()
        + "; do command -v \"$p\" 2>/dev/null && break; done; true";
}

// The program from the search's output: its first line, an absolute path.
Result<QString> programFrom(ServerKind kind, const QString& given, const QString& found)
{
    const QString path = found.trimmed().section(QLatin1Char('\n'), 0, 0);
    if (!QDir::isAbsolutePath(path))
        return Error {!given.isEmpty() ? Text::tr("The program %1 does not exist on the server or cannot be run.")
                                             .arg(escapeControlCharacters(given))
                                       : Text::tr("%1 is not installed on the server (looked for %2).")
                                             .arg(serverKindDisplayName(kind),
                                                  kind == ServerKind::Nginx ? QStringLiteral("nginx")
                                                                            : QStringLiteral("apache2ctl, apachectl, "
                                                                                             "apache2, httpd")),
                      {}};
    return path;
}

// The program of `kind` on the server: the one given, else the first of the usual names found.
Result<QString> findProgram(ShellSession& shell, ServerKind kind, const QString& given)
{
    auto found = runText(shell, programSearch(kind, given));
    if (!found)
        return found.error();
    return programFrom(kind, given, found.value());
}

// The server's program, its version (-v) and, when asked, what it was built for (-V).
struct ProgramAnswers
{
    ServerKind kind = ServerKind::Nginx;
    Result<QString> program = QString();
    QString version;
    QString built;
};

// The same questions one after the other, a command each.
Result<ProgramAnswers> askProgramOneByOne(ShellSession& shell, std::optional<ServerKind> wanted, const QString& given,
                                          bool withBuilt)
{
    ProgramAnswers answers;
    answers.kind = wanted.value_or(ServerKind::Nginx);
    answers.program = findProgram(shell, answers.kind, given);
    if (!answers.program && !wanted) {
        answers.kind = ServerKind::Apache;
        answers.program = findProgram(shell, answers.kind, given);
    }
    if (!answers.program)
        return answers;
    const QByteArray bin = quoted(answers.program.value());
    auto version = runText(shell, "$T " + bin + " -v 2>&1 </dev/null | head -c 4096; true");
    if (!version)
        return version.error();
    answers.version = version.value();
    if (withBuilt) {
        auto built = runText(shell, "$T " + bin + " -V 2>&1 </dev/null | head -c 65536; true");
        if (!built)
            return built.error();
        answers.built = built.value();
    }
    return answers;
}

// The program, its version and what it was built for in one command (one round trip): the searches as
// findProgram() makes them, the program the shell takes from them (the first line, when it is an absolute path),
// then its -v and -V, each part after a random marker. The program is the one programFrom() takes from the same
// searches; should the two ever differ, the questions are asked again one by one.
Result<ProgramAnswers> askProgram(ShellSession& shell, std::optional<ServerKind> wanted, const QString& given,
                                  bool withBuilt)
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    const QByteArray marker = "__mtls_part_" + bytes.toHex();
    const ServerKind first = wanted.value_or(ServerKind::Nginx);
    QByteArray command = "NL='\n'\nA=$( (\n" + programSearch(first, given)
        + "\n) 2>&1 </dev/null)\nprintf '%s\\n%s\\n' \"$A\" '" + marker
        + "'\nP=${A%%\"$NL\"*}\ncase \"$P\" in /*) ;; *) P= ;; esac\nB=\n";
    if (!wanted)
        command += "if [ -z \"$P\" ]; then\nB=$( (\n" + programSearch(ServerKind::Apache, given)
            + "\n) 2>&1 </dev/null)\nP=${B%%\"$NL\"*}\ncase \"$P\" in /*) ;; *) P= ;; esac\nfi\n";
    command += "printf '%s\\n%s\\n%s\\n%s\\n' \"$B\" '" + marker + "' \"$P\" '" + marker
        + "'\n[ -n \"$P\" ] || exit 0\n"
          "$T \"$P\" -v 2>&1 </dev/null | head -c 4096\nprintf '\\n%s\\n' '"
        + marker + "'\n";
    if (withBuilt)
        command += "$T \"$P\" -V 2>&1 </dev/null | head -c 65536\nprintf '\\n%s\\n' '" + marker + "'\n";
    auto run = shell.run("(\n" + kSearchPath + command + "\n)", 3 * kCommandTimeout);
    if (!run)
        return run.error();
    QList<QByteArray> parts;
    const QByteArray text = run->output;
    const QByteArray separator = '\n' + marker + '\n';
    for (qsizetype from = 0;;) {
        const qsizetype at = text.indexOf(separator, from);
        parts << text.mid(from, at < 0 ? -1 : at - from);
        if (at < 0)
            break;
        from = at + separator.size();
    }
    ProgramAnswers answers;
    answers.kind = first;
    answers.program = programFrom(first, given, QString::fromUtf8(parts.value(0)));
    if (!answers.program && !wanted && parts.size() >= 2) {
        answers.kind = ServerKind::Apache;
        answers.program = programFrom(ServerKind::Apache, given, QString::fromUtf8(parts.value(1)));
    }
    const QString chosen = QString::fromUtf8(parts.value(2));
    const qsizetype expected = answers.program ? (withBuilt ? 6 : 5) : 4;
    if (parts.size() != expected || (answers.program ? chosen != answers.program.value() : !chosen.isEmpty()))
        return askProgramOneByOne(shell, wanted, given, withBuilt);
    if (answers.program) {
        answers.version = QString::fromUtf8(parts.value(3));
        if (withBuilt)
            answers.built = QString::fromUtf8(parts.value(4));
    }
    return answers;
}

// Every path detectLayout() may look at under `root`, whatever the answers: its rules run on each combination of
// answers (a handful of paths, so a few dozen runs here), so that one command can answer them all.
QStringList layoutPaths(ServerKind kind, const QString& root)
{
    QStringList all;
    QList<QHash<QString, bool>> pending {{}};
    while (!pending.isEmpty() && all.size() < 64) {
        const QHash<QString, bool> given = pending.takeLast();
        QString first;
        detectLayout(kind, root, [&](const QString& path, bool) {
            if (given.contains(path))
                return given.value(path);
            if (first.isEmpty())
                first = path;
            return false;
        });
        if (first.isEmpty())
            continue;
        if (!all.contains(first))
            all << first;
        for (bool answer : {false, true}) {
            QHash<QString, bool> next = given;
            next.insert(first, answer);
            pending << next;
        }
    }
    return all;
}

// What the server's disk holds, asked through the shell and remembered: whether paths are folders or files (until
// detectLayout() has every answer it needs), and the configuration files (for the include graph). The first
// failure of the shell is kept (callbacks cannot return it).
class RemotePaths
{
public:
    explicit RemotePaths(ShellSession& shell)
        : m_shell(shell)
    {
    }

    Result<ServerLayout> layout(ServerKind kind, const QString& root)
    {
        for (int round = 0; round < 10; ++round) {
            QStringList unknown;
            const ServerLayout found = detectLayout(kind, root, [&](const QString& path, bool directory) {
                if (!m_answers.contains(path)) {
                    unknown << path;
                    return false;
                }
                return m_answers.value(path) == (directory ? 'd' : 'f');
            });
            if (unknown.isEmpty())
                return found;
            if (auto asked = ask(unknown); !asked)
                return asked.error();
        }
        return Error {Text::tr("The layout of the server's configuration could not be told."), {}};
    }

    Result<bool> isDirectory(const QString& path)
    {
        if (!m_answers.contains(path)) {
            if (auto asked = ask({path}); !asked)
                return asked.error();
        }
        return m_answers.value(path) == 'd';
    }
    Result<bool> isFile(const QString& path)
    {
        if (!m_answers.contains(path)) {
            if (auto asked = ask({path}); !asked)
                return asked.error();
        }
        return m_answers.value(path) == 'f';
    }

    // A configuration file's text; nullopt when it is not a readable file (at most 4 MiB).
    std::optional<QString> read(const QString& path)
    {
        if (!m_failure.ok())
            return std::nullopt;
        auto read = runAlone(
            m_shell, "f=" + quoted(path) + "; [ -f \"$f\" ] && [ -r \"$f\" ] || exit 1; head -c 4194304 -- \"$f\"");
        if (!read) {
            m_failure = read.error();
            return std::nullopt;
        }
        if (read->exitCode != 0)
            return std::nullopt;
        return QString::fromUtf8(read->output);
    }

    // The files a pattern with a wildcard in its last part matches (or the file itself), sorted: globOnDisk()'s
    // answer for the server.
    QStringList glob(const QString& pattern)
    {
        const qsizetype slash = pattern.lastIndexOf(QLatin1Char('/'));
        const QString dir = pattern.left(slash);
        const QString name = pattern.mid(slash + 1);
        const auto wild = [](const QString& text) {
            return text.contains(QLatin1Char('*')) || text.contains(QLatin1Char('?'))
                || text.contains(QLatin1Char('['));
        };
        if (!wild(name)) {
            auto file = isFile(pattern);
            return file && file.value() ? QStringList {pattern} : QStringList();
        }
        if (slash <= 0 || wild(dir) || !m_failure.ok())
            return {};
        auto listed = runAlone(m_shell,
                               "cd -- " + quoted(dir)
                                   + " 2>/dev/null || exit 0; for f in * .[!.]* ..?*; do "
                                     "[ -f \"$f\" ] && printf '%s\\n' \"$f\"; done; true");
        if (!listed) {
            m_failure = listed.error();
            return {};
        }
        QStringList files;
        for (const QString& entry : QString::fromUtf8(listed->output).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (QDir::match(name, entry))
                files << dir + QLatin1Char('/') + entry;
        }
        files.sort();
        return files;
    }

    // Asks every path of `paths` not answered yet, in one command: what the rules may look at next, answered in one
    // round trip instead of one each.
    Status prefetch(const QStringList& paths)
    {
        QStringList unknown;
        for (const QString& path : paths) {
            if (!m_answers.contains(path) && !unknown.contains(path))
                unknown << path;
        }
        if (unknown.isEmpty())
            return {};
        return ask(unknown);
    }

    const Status& failure() const { return m_failure; }

private:
    Status ask(const QStringList& paths)
    {
        QByteArray command = "for p in";
        for (const QString& path : paths)
            command += ' ' + quoted(path);
        command += "; do if [ -d \"$p\" ]; then echo d; elif [ -f \"$p\" ]; then echo f; else echo -; fi; done";
        auto answers = runText(m_shell, command);
        if (!answers)
            return answers.error();
        const QStringList lines = answers->split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < paths.size(); ++i)
            m_answers.insert(paths.at(i),
                             i < lines.size() && !lines.at(i).isEmpty() ? lines.at(i).at(0).toLatin1() : '-');
        return {};
    }

    ShellSession& m_shell;
    QHash<QString, char> m_answers;
    Status m_failure;
};

} // namespace

Result<ServerInstallation> discoverRemoteServer(ShellSession& shell, std::optional<ServerKind> wanted,
                                                const DiscoveryOptions& options)
{
    QString root = options.configRoot.isEmpty() ? options.prefix : options.configRoot;
    if (root.isEmpty() && !options.mainConfig.isEmpty())
        root = rootOfMainConfig(wanted.value_or(ServerKind::Nginx), options.mainConfig);
    const bool findRoot = root.isEmpty();
    auto answers = askProgram(shell, wanted, options.binary, findRoot);
    if (!answers)
        return answers.error();
    const ServerKind kind = answers->kind;
    const Result<QString>& program = answers->program;
    if (!program)
        return program.error();
    if (!options.mainConfig.isEmpty() && !findRoot && options.configRoot.isEmpty() && options.prefix.isEmpty())
        root = rootOfMainConfig(kind, options.mainConfig);

    // The paths the rules below may look at (the roots that may be chosen, each one's layout and main
    // configuration), asked in one command; the rules then read the answers.
    RemotePaths paths(shell);
    QStringList roots;
    QString builtIn;
    if (findRoot) {
        builtIn = parseBuiltInConfigPath(kind, answers->built);
        if (QDir::isAbsolutePath(builtIn))
            roots << rootOfMainConfig(kind, builtIn);
        for (const QString& candidate : candidateConfigRoots(kind)) {
            if (candidate.startsWith(QLatin1Char('/')))
                roots << candidate;
        }
    } else {
        roots << root;
    }
    QStringList wantedPaths;
    if (QDir::isAbsolutePath(builtIn))
        wantedPaths << builtIn;
    for (const QString& candidate : std::as_const(roots)) {
        const QString clean = QDir::cleanPath(candidate);
        if (findRoot)
            wantedPaths << candidate;
        if (!QDir::isAbsolutePath(clean))
            continue;
        wantedPaths += layoutPaths(kind, clean);
        for (ServerLayout layout : {ServerLayout::Debian, ServerLayout::RedHat, ServerLayout::Alpine,
                                    ServerLayout::Homebrew, ServerLayout::Windows, ServerLayout::Custom})
            wantedPaths << installationForLayout(kind, clean, layout).mainConfig;
    }
    if (!options.mainConfig.isEmpty())
        wantedPaths << QDir::cleanPath(options.mainConfig);
    if (auto asked = paths.prefetch(wantedPaths); !asked)
        return asked.error();

    if (findRoot) {
        // What the program was built for (nginx -V, apache2ctl -V), else the usual places.
        if (QDir::isAbsolutePath(builtIn)) {
            auto exists = paths.isFile(builtIn);
            if (!exists)
                return exists.error();
            if (exists.value())
                root = rootOfMainConfig(kind, builtIn);
        }
        for (const QString& candidate : candidateConfigRoots(kind)) {
            if (!root.isEmpty())
                break;
            if (!candidate.startsWith(QLatin1Char('/')))
                continue;
            auto exists = paths.isDirectory(candidate);
            if (!exists)
                return exists.error();
            if (exists.value())
                root = candidate;
        }
    }
    root = QDir::cleanPath(root);
    if (!QDir::isAbsolutePath(root))
        return Error {
            Text::tr("The %1 configuration directory was not found on the server. Give it with --server-root.")
                .arg(serverKindDisplayName(kind)),
            {}};
    auto layout = paths.layout(kind, root);
    if (!layout)
        return layout.error();
    ServerInstallation installation = installationForLayout(kind, root, layout.value());
    if (!options.mainConfig.isEmpty())
        installation.mainConfig = QDir::cleanPath(options.mainConfig);
    installation.binary = program.value();
    installation.prefix = options.prefix;
    installation.version = parseServerVersion(kind, answers->version);
    auto mainExists = paths.isFile(installation.mainConfig);
    if (!mainExists)
        return mainExists.error();
    if (!mainExists.value())
        return Error {
            Text::tr("The %1 main configuration file %2 does not exist on the server. Give it with --main-config.")
                .arg(serverKindDisplayName(kind), escapeControlCharacters(installation.mainConfig)),
            {}};

    // Where the site goes: a folder the configuration already reads for sites, chosen as on this machine
    // (placeSite) from the include graph of the server's own files (a BaoTa panel's vhost folder, for example).
    const QString serverRoot = kind == ServerKind::Nginx ? QFileInfo(installation.mainConfig).path() : root;
    const ConfigGraph graph = readConfigGraph(
        kind, installation.mainConfig, serverRoot, [&paths](const QString& path) { return paths.read(path); },
        [&paths](const QString& pattern) { return paths.glob(pattern); });
    placeSite(installation, graph, [&paths](const QString& path) {
        auto directory = paths.isDirectory(path);
        return directory && directory.value();
    });
    if (!paths.failure())
        return paths.failure().error();
    if (installation.needsIncludeLine) {
        auto line = includeLineFor(kind, installation.siteDir);
        return Error {Text::tr("%1 on the server reads no folder for sites from %2, so a site file would never be "
                               "read. Nothing was changed. Add this line there, then apply again:\n    %3")
                          .arg(serverKindDisplayName(kind), escapeControlCharacters(installation.mainConfig),
                               line ? line.value() : QString()),
                      {}};
    }
    return installation;
}

} // namespace mtls
