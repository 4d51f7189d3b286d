#include "KeyWatcher.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

void KeyWatcher::run()
{
    while (!m_stop) {
        QDirIterator it(m_dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            ++entriesSeen;
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(m_needle)
                && !filesWithKey.contains(file.fileName()))
                filesWithKey << file.fileName();
        }
        const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString& pid : pids) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            if (!pid.front().isDigit() || !cmdline.open(QIODevice::ReadOnly))
                continue;
            const QString line = QString::fromLocal8Bit(cmdline.readAll().replace('\0', ' '));
            if (line.contains(QLatin1String("--result-file")) && line.contains(m_dir)
                && !elevatedCommandLines.contains(line))
                elevatedCommandLines << line;
        }
    }
}

// A line from the middle of a PEM key: it is in the request as it is (JSON escapes only the line breaks).
QByteArray keyNeedle(const QByteArray& pem)
{
    const QList<QByteArray> lines = pem.split('\n');
    return lines.size() > 2 ? lines.at(1) : pem;
}

// Whether a process's command line names `marker`.
bool processNaming(const QString& marker)
{
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& pid : pids) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (pid.front().isDigit() && cmdline.open(QIODevice::ReadOnly)
            && cmdline.readAll().contains(marker.toLocal8Bit()))
            return true;
    }
    return false;
}
