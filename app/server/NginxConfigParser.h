#pragma once

// nginx's configuration as nginx reads it (the model of `nginx -T` and crossplane): each file a list of directives
// with their arguments, blocks with their children, comments kept as directives named "#", and every `include`
// followed the way nginx does (globs sorted, relative paths against the configuration prefix). Every directive
// knows its byte offsets in its file, so an edit can change only the bytes it means to. Bounded on hostile input:
// file size, total size, number of files, block depth and include depth are limited.

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace mtls::nginxconf {

struct Limits
{
    qsizetype maxFileBytes = 8 * 1024 * 1024;
    qsizetype maxTotalBytes = 64 * 1024 * 1024;
    int maxFiles = 4096;
    int maxBlockDepth = 64;
    int maxIncludeDepth = 16;
    int maxArguments = 1024;
    qsizetype maxDirectives = 200000; // in all files together (comments count too)
};

struct Directive
{
    QString name; // "#" for a comment
    QStringList args; // unquoted and unescaped as nginx reads them; a comment: its text after "#"
    int line = 0; // 1-based line of the name
    qsizetype start = 0; // byte offset of the name's first byte (or of "#")
    qsizetype end = 0; // byte offset just past its ";" or the "}" of its block (a comment: the end of its line)
    bool block = false;
    qsizetype blockOpen = -1; // offset of "{"
    qsizetype blockClose = -1; // offset of the "}" that closes it
    QList<Directive> children;
    QList<int> includes; // `include`: the files it reads (indices into Config::files), in nginx's order

    bool isComment() const { return name == QLatin1String("#"); }
    // The first argument, or empty.
    QString arg(int i = 0) const { return args.value(i); }
};

// Parses one file's text. An Error names the line and what is wrong (as `nginx -t` would refuse it).
Result<QList<Directive>> parseText(const QByteArray& text, const Limits& limits = {});

struct File
{
    QString path;
    QByteArray text;
    QList<Directive> directives;
    QString error; // empty: parsed
    int errorLine = 0;
};

struct Config
{
    QList<File> files; // the main configuration first; each file once, whatever reads it
    QStringList errors; // files that could not be read or parsed, limits reached ("file:line: what")
    int indexOf(const QString& path) const;
};

using ByteReader = std::function<std::optional<QByteArray>(const QString& path)>;
using Glob = std::function<QStringList(const QString& pattern)>;

// Reads `mainConfig` and every file its includes name. `confPrefix` is where relative paths resolve (nginx: the
// directory of the main configuration file).
Config parseConfig(const QString& mainConfig, const QString& confPrefix, const ByteReader& read, const Glob& glob,
                   const Limits& limits = {});
// The same with the files on the disk (globs sorted as nginx's glob() does).
Config parseConfigFromDisk(const QString& mainConfig, const QString& confPrefix = QString(), const Limits& limits = {});

// A path as nginx resolves it against the configuration prefix.
QString resolvePath(const QString& confPrefix, const QString& path);

// A directive met while walking the configuration from the main file, includes followed.
struct Visit
{
    const Directive* directive = nullptr;
    int file = 0; // index into Config::files
    QStringList context; // the names of the enclosing blocks: {}, {"http"}, {"http", "server"}...
};
// Calls `visit` for every directive in the order nginx reads them; includes are followed (each include at most
// Limits::maxIncludeDepth deep), the include directive itself is visited too. Returning false from `visit` for a
// block skips its children.
void walk(const Config& config, const std::function<bool(const Visit&)>& visit, const Limits& limits = {});

} // namespace mtls::nginxconf
