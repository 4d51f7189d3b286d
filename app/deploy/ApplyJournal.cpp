#include "ApplyJournal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
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
        {ApplyJournal::State::RolledBack, QStringLiteral("rolled-back")},
        {ApplyJournal::State::RollingBack, QStringLiteral("rolling-back")},
        {ApplyJournal::State::Restored, QStringLiteral("restored")}};
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
                                 {QStringLiteral("permissions"), e.permissions},
                                 {QStringLiteral("mode"), e.mode},
                                 {QStringLiteral("uid"), e.uid},
                                 {QStringLiteral("gid"), e.gid}});
    return {{QStringLiteral("version"), 1},
            {QStringLiteral("state"), journalStateName(state)},
            {QStringLiteral("server"), server},
            {QStringLiteral("domain"), domain},
            {QStringLiteral("config_root"), configRoot},
            {QStringLiteral("site_file"), siteFile},
            {QStringLiteral("cert_dir"), certDir},
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
    j.certDir = o.value(QStringLiteral("cert_dir")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("created_dirs")).toArray())
        j.createdDirs << v.toString();
    j.verification = o.value(QStringLiteral("verification")).toObject();
    for (const QJsonValue& v : o.value(QStringLiteral("entries")).toArray()) {
        const QJsonObject e = v.toObject();
        j.entries << JournalEntry {
            e.value(QStringLiteral("target")).toString(),    e.value(QStringLiteral("existed")).toBool(),
            e.value(QStringLiteral("was_symlink")).toBool(), e.value(QStringLiteral("link_target")).toString(),
            e.value(QStringLiteral("backup")).toString(),    e.value(QStringLiteral("permissions")).toInt(),
            e.value(QStringLiteral("mode")).toInt(-1),       e.value(QStringLiteral("uid")).toInt(-1),
            e.value(QStringLiteral("gid")).toInt(-1)};
    }
    return j;
}

namespace {

// `path` (made absolute and clean, with no ".." left) is `root` or lies inside it.
bool inside(const QString& path, const QString& root)
{
    if (root.isEmpty() || path.isEmpty() || !QDir::isAbsolutePath(path))
        return false;
    const QString clean = QDir::cleanPath(path);
    if (clean != path && clean + QLatin1Char('/') != path)
        return false;
    const QString r = QDir::cleanPath(root);
    return clean == r || clean.startsWith(r + QLatin1Char('/'));
}

} // namespace

Status ApplyJournal::validate(const ServerInstallation& installation, const QString& backupDir) const
{
    const auto refuse = [](const QString& path) {
        return Error {Text::tr("The apply journal names %1, which is not part of this server's configuration, so it "
                               "was not used and nothing was changed.")
                          .arg(QDir::toNativeSeparators(path)),
                      {}};
    };
    if (QDir::cleanPath(configRoot) != QDir::cleanPath(installation.configRoot))
        return refuse(configRoot);
    const QStringList roots {installation.configRoot, installation.siteDir, installation.enabledDir,
                             installation.certDir};
    const auto owned = [&](const QString& path) {
        if (path == installation.mainConfig && !path.isEmpty())
            return true;
        for (const QString& root : roots) {
            if (inside(path, root))
                return true;
        }
        return false;
    };
    if (!siteFile.isEmpty() && !owned(siteFile))
        return refuse(siteFile);
    if (!certDir.isEmpty() && !inside(certDir, installation.certDir))
        return refuse(certDir);
    for (const QString& dir : createdDirs) {
        if (!owned(dir))
            return refuse(dir);
    }
    for (const JournalEntry& entry : entries) {
        if (!owned(entry.target) || entry.target == installation.configRoot)
            return refuse(entry.target);
        if (entry.existed && !entry.wasSymlink
            && (!inside(entry.backup, backupDir) || QDir::cleanPath(entry.backup) == QDir::cleanPath(backupDir)))
            return refuse(entry.backup);
    }
    return {};
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
    // The folder was made (0700) and checked by ApplyHistory; a link in its place is not written through.
    if (auto written = fileops::writeAtomically(journalPath(), QJsonDocument(journal.toJson()).toJson(),
                                                fileops::FileMode {0600, -1, -1}, true);
        !written)
        return written;
    syncDirectory(m_path);
    return {};
}

Status ApplyStateDir::clear() const
{
    return fileops::removeTree(m_path);
}

} // namespace mtls
