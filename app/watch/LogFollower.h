#pragma once

// Follows a log file like "tail -F": starts at its end, hands over each complete line within a fraction of a second
// (QFileSystemWatcher, and a short poll when the watcher says nothing), and carries on when the file is rotated
// (renamed or removed and made again) or truncated. Memory stays bounded: a line longer than the limit is skipped.

#include <QByteArray>
#include <QFile>
#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace mtls {

class LogFollower : public QObject
{
    Q_OBJECT
public:
    explicit LogFollower(QString path, qsizetype maxLine, QObject* parent = nullptr);

    // Starts at the file's current end (a file that does not exist yet is read from its start once it appears).
    void start();
    // Reads what was written since the last read; called by the watcher and the poll, and by tests.
    void poll();
    qint64 skippedLines() const { return m_skipped; }

signals:
    void lineRead(const QByteArray& line);
    void lineSkipped(); // longer than the limit

private:
    bool openFile(bool atEnd);
    void readAvailable();
    void takeBytes(const char* data, qsizetype size);

    QString m_path;
    qsizetype m_maxLine;
    QFile m_file;
    quint64 m_identity = 0; // device and inode: a new file at the same path is a rotation
    QByteArray m_pending;
    bool m_discarding = false; // inside a line that was too long, until its end
    qint64 m_skipped = 0;
    QFileSystemWatcher m_watcher;
    QTimer m_poll;
};

} // namespace mtls
