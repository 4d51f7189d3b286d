#pragma once

// For the elevation tests: what a run leaves in TMPDIR and which processes it starts.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QThread>

#include <atomic>

// Watches, while a run goes on, every file under a folder (TMPDIR) for the private key, and the command lines of
// the elevated runs: the request must travel through a descriptor, never a file.
class KeyWatcher : public QThread
{
public:
    KeyWatcher(QString dir, QByteArray needle)
        : m_dir(std::move(dir))
        , m_needle(std::move(needle))
    {
        start();
    }
    ~KeyWatcher() override { finish(); }
    void finish()
    {
        m_stop = true;
        wait();
    }
    QStringList filesWithKey;
    QStringList elevatedCommandLines;
    int entriesSeen = 0; // files and folders seen under the folder (the run's private folder at least)

protected:
    void run() override;

private:
    QString m_dir;
    QByteArray m_needle;
    std::atomic<bool> m_stop {false};
};

// A line from the middle of a PEM key: it is in the request as it is (JSON escapes only the line breaks).
QByteArray keyNeedle(const QByteArray& pem);
// Whether a process's command line names `marker`.
bool processNaming(const QString& marker);
