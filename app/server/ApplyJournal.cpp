#include "ApplyJournal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include <qt_windows.h>
#endif

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ApplyJournal)
};

const QList<QPair<ApplyJournal::State, QString>>& stateNames()
{
    static const QList<QPair<ApplyJournal::State, QString>> names {
        {ApplyJournal::State::Started, QStringLiteral("started")},
        {ApplyJournal::State::Written, QStringLiteral("written")},
        {ApplyJournal::State::Reloaded, QStringLiteral("reloaded")},
        {ApplyJournal::State::Done, QStringLiteral("done")},
        {ApplyJournal::State::RolledBack, QStringLiteral("rolled-back")}};
    return names;
}

void syncDirectory(const QString& dir)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(dir)
#endif
}

} // namespace

QString journalStateName(ApplyJournal::State state)
{
    for (const auto& [s, name] : stateNames()) {
        if (s == state)
            return name;
    }
    return QStringLiteral("started");
}

QJsonObject ApplyJournal::toJson() const
{
    QJsonArray list;
    for (const JournalEntry& e : entries)
        list.append(QJsonObject {{QStringLiteral("target"), e.target},
                                 {QStringLiteral("existed"), e.existed},
                                 {QStringLiteral("was_symlink"), e.wasSymlink},
                                 {QStringLiteral("link_target"), e.linkTarget},
                                 {QStringLiteral("backup"), e.backup},
                                 {QStringLiteral("permissions"), e.permissions}});
    return {{QStringLiteral("version"), 1},
            {QStringLiteral("state"), journalStateName(state)},
            {QStringLiteral("server"), server},
            {QStringLiteral("domain"), domain},
            {QStringLiteral("config_root"), configRoot},
            {QStringLiteral("site_file"), siteFile},
            {QStringLiteral("created_dirs"), QJsonArray::fromStringList(createdDirs)},
            {QStringLiteral("entries"), list},
            {QStringLiteral("verification"), verification}};
}

Result<ApplyJournal> ApplyJournal::fromJson(const QJsonObject& o)
{
    if (o.value(QStringLiteral("version")).toInt() != 1)
        return Error {Text::tr("The apply journal has an unknown format."), {}};
    ApplyJournal j;
    const QString state = o.value(QStringLiteral("state")).toString();
    bool known = false;
    for (const auto& [s, name] : stateNames()) {
        if (name == state) {
            j.state = s;
            known = true;
        }
    }
    if (!known)
        return Error {Text::tr("The apply journal has an unknown state \"%1\".").arg(state), {}};
    j.server = o.value(QStringLiteral("server")).toString();
    j.domain = o.value(QStringLiteral("domain")).toString();
    j.configRoot = o.value(QStringLiteral("config_root")).toString();
    j.siteFile = o.value(QStringLiteral("site_file")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("created_dirs")).toArray())
        j.createdDirs << v.toString();
    j.verification = o.value(QStringLiteral("verification")).toObject();
    for (const QJsonValue& v : o.value(QStringLiteral("entries")).toArray()) {
        const QJsonObject e = v.toObject();
        j.entries << JournalEntry {
            e.value(QStringLiteral("target")).toString(),    e.value(QStringLiteral("existed")).toBool(),
            e.value(QStringLiteral("was_symlink")).toBool(), e.value(QStringLiteral("link_target")).toString(),
            e.value(QStringLiteral("backup")).toString(),    e.value(QStringLiteral("permissions")).toInt()};
    }
    return j;
}

ApplyStateDir::ApplyStateDir(QString path)
    : m_path(std::move(path))
{
}

QString ApplyStateDir::journalPath() const
{
    return m_path + QStringLiteral("/journal.json");
}

QString ApplyStateDir::backupDir() const
{
    return m_path + QStringLiteral("/backups");
}

bool ApplyStateDir::hasJournal() const
{
    return QFileInfo::exists(journalPath());
}

Result<ApplyJournal> ApplyStateDir::load() const
{
    QFile file(journalPath());
    if (!file.open(QIODevice::ReadOnly))
        return Error {Text::tr("Cannot read the apply journal %1: %2").arg(journalPath(), file.errorString()), {}};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (!doc.isObject())
        return Error {Text::tr("The apply journal %1 is damaged: %2").arg(journalPath(), error.errorString()), {}};
    return ApplyJournal::fromJson(doc.object());
}

Status ApplyStateDir::save(const ApplyJournal& journal) const
{
    if (!QDir().mkpath(m_path))
        return Error {Text::tr("Cannot create the directory %1 for the apply journal.").arg(m_path), {}};
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (auto written = fileops::writeAtomically(journalPath(), QJsonDocument(journal.toJson()).toJson(),
                                                QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        !written)
        return written;
    syncDirectory(m_path);
    return {};
}

Status ApplyStateDir::clear() const
{
    QDir(backupDir()).removeRecursively();
    if (QFileInfo::exists(journalPath()) && !QFile::remove(journalPath()))
        return Error {Text::tr("Cannot remove the apply journal %1.").arg(journalPath()), {}};
    return {};
}

namespace fileops {

Status writeAtomically(const QString& path, const QByteArray& content, QFileDevice::Permissions permissions)
{
    const Error failed {Text::tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)), {}};
#ifdef Q_OS_UNIX
    // A temporary file in the same directory, created with the final permissions (a key is never readable by
    // others, not even for a moment), synced, then renamed over the target.
    mode_t mode = 0;
    const std::pair<QFileDevice::Permission, mode_t> bits[]
        = {{QFileDevice::ReadOwner, S_IRUSR}, {QFileDevice::WriteOwner, S_IWUSR}, {QFileDevice::ExeOwner, S_IXUSR},
           {QFileDevice::ReadGroup, S_IRGRP}, {QFileDevice::WriteGroup, S_IWGRP}, {QFileDevice::ExeGroup, S_IXGRP},
           {QFileDevice::ReadOther, S_IROTH}, {QFileDevice::WriteOther, S_IWOTH}, {QFileDevice::ExeOther, S_IXOTH}};
    for (const auto& [permission, bit] : bits) {
        if (permissions.testFlag(permission))
            mode |= bit;
    }
    const QFileInfo info(path);
    const QByteArray temporary
        = QFile::encodeName(info.absolutePath() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".mtls-")
                            + QUuid::createUuid().toString(QUuid::Id128).left(8));
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        return Error {failed.message, QString::fromLocal8Bit(std::strerror(errno))};
    qsizetype done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.constData() + done, size_t(content.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const QString why = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            ::unlink(temporary.constData());
            return Error {failed.message, why};
        }
        done += n;
    }
    ::fchmod(fd, mode); // the umask may have removed bits
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(temporary.constData());
        return failed;
    }
    if (std::rename(temporary.constData(), QFile::encodeName(path).constData()) != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        ::unlink(temporary.constData());
        return Error {failed.message, why};
    }
    syncDirectory(info.absolutePath());
    return {};
#elif defined(Q_OS_WIN)
    // As on Unix: a temporary file beside the target, created with the final permissions (Qt makes them the file's
    // own, non-inherited ACL, so a key is readable by its owner alone from the start), then moved over the target.
    // The move keeps the temporary file's ACL.
    const QFileInfo info(path);
    const QString temporary = info.absolutePath() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".mtls-")
        + QUuid::createUuid().toString(QUuid::Id128).left(8);
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions))
        return Error {failed.message, file.errorString()};
    if (file.write(content) != content.size() || !file.flush()) {
        const QString why = file.errorString();
        file.close();
        file.remove();
        return Error {failed.message, why};
    }
    file.close();
    const std::wstring from = QDir::toNativeSeparators(temporary).toStdWString();
    const std::wstring to = QDir::toNativeSeparators(path).toStdWString();
    if (!::MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        const QString why = qt_error_string(int(::GetLastError()));
        QFile::remove(temporary);
        return Error {failed.message, why};
    }
    return {};
#else
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return Error {failed.message, file.errorString()};
    if (!QFile::setPermissions(path, permissions))
        return failed;
    return {};
#endif
}

Status makeSymlink(const QString& target, const QString& linkTo)
{
    const QString temporary = target + QStringLiteral(".mtls-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    if (!QFile::link(linkTo, temporary))
        return Error {Text::tr("Cannot create the link %1.").arg(QDir::toNativeSeparators(target)), {}};
#ifdef Q_OS_UNIX
    if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(target).constData()) != 0) {
        QFile::remove(temporary);
        return Error {Text::tr("Cannot create the link %1.").arg(QDir::toNativeSeparators(target)), {}};
    }
#else
    QFile::remove(target);
    if (!QFile::rename(temporary, target))
        return Error {Text::tr("Cannot create the link %1.").arg(QDir::toNativeSeparators(target)), {}};
#endif
    return {};
}

Result<JournalEntry> backup(const QString& target, const QString& backupDir, const QString& name)
{
    JournalEntry entry;
    entry.target = target;
    const QFileInfo info(target);
    if (info.isSymLink()) {
        entry.existed = true;
        entry.wasSymlink = true;
        entry.linkTarget = info.symLinkTarget().isEmpty() ? QString() : QFile::symLinkTarget(target);
#ifdef Q_OS_UNIX
        // The link's own text (relative links stay relative).
        QByteArray buffer(4096, '\0');
        const ssize_t n = ::readlink(QFile::encodeName(target).constData(), buffer.data(), size_t(buffer.size()));
        if (n > 0)
            entry.linkTarget = QFile::decodeName(buffer.left(n));
#endif
        return entry;
    }
    if (!info.exists())
        return entry;
    if (!info.isFile())
        return Error {
            Text::tr("%1 exists and is not a file; it will not be replaced.").arg(QDir::toNativeSeparators(target)),
            {}};
    entry.existed = true;
    entry.permissions = int(info.permissions());
    if (!QDir().mkpath(backupDir))
        return Error {Text::tr("Cannot create the backup directory %1.").arg(backupDir), {}};
    entry.backup = backupDir + QLatin1Char('/') + name;
    QFile::remove(entry.backup);
    QFile source(target);
    if (!source.open(QIODevice::ReadOnly))
        return Error {
            Text::tr("Cannot read %1 to back it up: %2").arg(QDir::toNativeSeparators(target), source.errorString()),
            {}};
    if (auto written
        = writeAtomically(entry.backup, source.readAll(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        !written)
        return written.error();
    return entry;
}

Status restore(const JournalEntry& entry)
{
    const QFileInfo info(entry.target);
    if (!entry.existed) {
        if ((info.exists() || info.isSymLink()) && !QFile::remove(entry.target))
            return Error {Text::tr("Cannot remove %1.").arg(QDir::toNativeSeparators(entry.target)), {}};
        return {};
    }
    if (entry.wasSymlink)
        return makeSymlink(entry.target, entry.linkTarget);
    QFile source(entry.backup);
    if (!source.open(QIODevice::ReadOnly))
        return Error {Text::tr("Cannot read the backup %1: %2").arg(entry.backup, source.errorString()), {}};
    if (info.isSymLink())
        QFile::remove(entry.target); // QSaveFile would write through the link
    return writeAtomically(entry.target, source.readAll(), QFileDevice::Permissions(entry.permissions));
}

bool canWriteInto(const QString& dir)
{
    QString existing = QDir(dir).absolutePath();
    while (!QFileInfo(existing).exists()) {
        const QString parent = QFileInfo(existing).absolutePath();
        if (parent == existing)
            return false;
        existing = parent;
    }
#ifdef Q_OS_UNIX
    return ::access(QFile::encodeName(existing).constData(), W_OK | X_OK) == 0;
#else
    return QFileInfo(existing).isWritable();
#endif
}

} // namespace fileops

} // namespace mtls
