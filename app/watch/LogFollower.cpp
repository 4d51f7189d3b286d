#include "LogFollower.h"

#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace mtls {

namespace {

constexpr int kPollMs = 200;
constexpr qint64 kReadChunk = 64 * 1024;

quint64 fileIdentity(const QString& path)
{
#ifdef Q_OS_UNIX
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return (quint64(st.st_dev) << 40) ^ quint64(st.st_ino);
#else
    const QFileInfo info(path);
    return info.exists() ? quint64(info.birthTime().toMSecsSinceEpoch()) + 1 : 0;
#endif
}

} // namespace

LogFollower::LogFollower(QString path, qsizetype maxLine, QObject* parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_maxLine(maxLine)
    , m_watcher(this) // children: the follower can be moved to another thread with them
    , m_poll(this)
{
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &LogFollower::poll);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &LogFollower::poll);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &LogFollower::poll);
}

void LogFollower::start()
{
    openFile(true);
    const QString folder = QFileInfo(m_path).absolutePath();
    if (QFileInfo::exists(folder))
        m_watcher.addPath(folder);
    m_poll.start();
}

bool LogFollower::openFile(bool atEnd)
{
    m_file.close();
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_identity = 0;
        return false;
    }
    m_identity = fileIdentity(m_path);
    if (atEnd)
        m_file.seek(m_file.size());
    m_pending.clear();
    m_discarding = false;
    if (!m_watcher.files().contains(m_path))
        m_watcher.addPath(m_path);
    return true;
}

void LogFollower::poll()
{
    if (!m_file.isOpen()) {
        if (openFile(false))
            readAvailable();
        return;
    }
    readAvailable();
    const quint64 now = fileIdentity(m_path);
    if (now != m_identity) {
        // Rotated: what the old file still had was read above; the new one is read from its start.
        if (now != 0 && openFile(false))
            readAvailable();
        else if (now == 0)
            m_file.close();
        return;
    }
    if (m_file.size() < m_file.pos()) { // truncated
        m_file.seek(0);
        m_pending.clear();
        m_discarding = false;
        readAvailable();
    }
}

void LogFollower::readAvailable()
{
    while (true) {
        const QByteArray chunk = m_file.read(kReadChunk);
        if (chunk.isEmpty())
            return;
        takeBytes(chunk.constData(), chunk.size());
    }
}

void LogFollower::takeBytes(const char* data, qsizetype size)
{
    qsizetype pos = 0;
    while (pos < size) {
        const char* newline = static_cast<const char*>(memchr(data + pos, '\n', size_t(size - pos)));
        const qsizetype end = newline ? newline - data : size;
        if (!m_discarding) {
            if (m_pending.size() + (end - pos) > m_maxLine) {
                m_pending.clear();
                m_discarding = true;
            } else {
                m_pending.append(data + pos, end - pos);
            }
        }
        if (!newline)
            return;
        if (m_discarding) {
            ++m_skipped;
            emit lineSkipped();
        } else {
            if (m_pending.endsWith('\r'))
                m_pending.chop(1);
            const QByteArray line = m_pending;
            m_pending.clear();
            emit lineRead(line);
        }
        m_discarding = false;
        pos = end + 1;
    }
}

} // namespace mtls
