#include "RemoteServerFiles.h"

#include "InstallScript.h"
#include "ShellSession.h"
#include "server/ConfigIncludes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <memory>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::RemoteServerFiles)
};

using namespace std::chrono_literals;

constexpr auto kTimeout = 30s;

QByteArray quoted(const QString& value)
{
    return shellQuote(value).toUtf8();
}

struct Cache
{
    explicit Cache(ShellSession& s)
        : shell(s)
    {
    }
    ShellSession& shell;
    QHash<QString, std::optional<QByteArray>> files;
    QHash<QString, QString> canonical;
    QHash<QString, QStringList> folders; // folder -> the regular files in it, sorted

    // The output of `command` in a subshell when it exits with 0.
    std::optional<QByteArray> output(const QByteArray& command, qsizetype maxOutput = 64 * 1024 * 1024)
    {
        auto run = shell.run("(\nLC_ALL=C; export LC_ALL\n" + command + "\n)", kTimeout, {}, maxOutput);
        if (!run || run->exitCode != 0)
            return std::nullopt;
        return run->output;
    }
};

} // namespace

ServerFiles remoteServerFiles(ShellSession& shell, const QString& nginxDump, const QByteArray& virtualHostsCommand)
{
    auto cache = std::make_shared<Cache>(shell);
    const QHash<QString, QString> dumped = splitNginxDump(nginxDump);
    for (auto it = dumped.cbegin(); it != dumped.cend(); ++it) {
        // A file that is not UTF-8 (a panel's comments in GBK) did not survive the text: read as it is instead.
        if (it.value().contains(QChar::ReplacementCharacter))
            continue;
        QByteArray text = it.value().toUtf8();
        if (text.endsWith('\n'))
            text.chop(1);
        cache->files.insert(it.key(), text);
    }
    ServerFiles files;
    files.read = [cache](const QString& pathIn, qint64 maxBytes) -> std::optional<QByteArray> {
        const QString path = QDir::cleanPath(pathIn);
        if (auto it = cache->files.constFind(path); it != cache->files.cend()) {
            if (it->has_value() && it->value().size() > maxBytes + 1)
                return it->value().left(maxBytes + 1);
            return *it;
        }
        // In base64: the bytes exactly, whatever they are.
        const QByteArray command = "f=" + quoted(path) + "\n[ -f \"$f\" ] || exit 3\nhead -c "
            + QByteArray::number(maxBytes + 1) + " -- \"$f\" | base64";
        std::optional<QByteArray> text;
        if (const auto out = cache->output(command, (maxBytes + 1) * 4 / 3 + 64 * 1024))
            text = QByteArray::fromBase64(*out);
        cache->files.insert(path, text);
        return text;
    };
    // As globOnDisk: the folder's regular files whose names match the last component (no wildcard in the folder).
    files.glob = [cache](const QString& pattern) -> QStringList {
        const QFileInfo info(pattern);
        const QString dir = QDir::cleanPath(info.path());
        if (dir.contains(QLatin1Char('*')) || dir.contains(QLatin1Char('?')) || dir.contains(QLatin1Char('[')))
            return {};
        if (!cache->folders.contains(dir)) {
            const auto out = cache->output("cd -- " + quoted(dir)
                                           + " 2>/dev/null || exit 0\nfor f in * .[!.]* ..?*; do [ -f \"$f\" ] && "
                                             "printf '%s\\n' \"$f\"; done; exit 0");
            QStringList names
                = out ? QString::fromUtf8(*out).split(QLatin1Char('\n'), Qt::SkipEmptyParts) : QStringList();
            names.sort();
            cache->folders.insert(dir, names);
        }
        const QRegularExpression match(QRegularExpression::wildcardToRegularExpression(info.fileName()));
        QStringList found;
        for (const QString& name : cache->folders.value(dir)) {
            if (match.match(name).hasMatch())
                found << dir + QLatin1Char('/') + name;
        }
        return found;
    };
    files.canonical = [cache](const QString& pathIn) -> QString {
        const QString path = QDir::cleanPath(pathIn);
        if (!cache->canonical.contains(path)) {
            const auto out = cache->output("readlink -f -- " + quoted(path));
            const QString resolved = out ? QString::fromUtf8(*out).trimmed() : QString();
            cache->canonical.insert(path, resolved.startsWith(QLatin1Char('/')) ? resolved : path);
        }
        return cache->canonical.value(path);
    };
    files.ownership = [cache](const QString& path) -> std::optional<FileOwnership> {
        const auto out = cache->output("stat -L -c '%a %u %g' -- " + quoted(QDir::cleanPath(path)));
        const QStringList fields = out ? QString::fromUtf8(*out).simplified().split(QLatin1Char(' ')) : QStringList();
        bool modeOk = false, uidOk = false, gidOk = false;
        if (fields.size() != 3)
            return std::nullopt;
        const FileOwnership owner {fields.at(0).toInt(&modeOk, 8), fields.at(1).toInt(&uidOk),
                                   fields.at(2).toInt(&gidOk)};
        if (!modeOk || !uidOk || !gidOk)
            return std::nullopt;
        return owner;
    };
    files.virtualHosts = [cache, virtualHostsCommand]() -> Result<QString> {
        if (virtualHostsCommand.isEmpty())
            return Error {Text::tr("The server's virtual hosts cannot be read: its program is not known."), {}};
        auto run = cache->shell.run("(\n" + virtualHostsCommand + "\n)", 60s, {}, 32 * 1024 * 1024);
        if (!run)
            return run.error();
        if (run->exitCode != 0)
            return Error {Text::tr("Apache on the server could not show its virtual hosts."),
                          QString::fromUtf8(run->output.right(4000))};
        return QString::fromUtf8(run->output);
    };
    return files;
}

} // namespace mtls
