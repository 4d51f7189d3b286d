// LogFollower: from the end of the file, complete lines only, long lines skipped, rotation and truncation.

#include "watch/LogFollower.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mtls;

namespace {

void append(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    QCOMPARE(f.write(bytes), bytes.size());
}

} // namespace

class TestLogFollower : public QObject
{
    Q_OBJECT

private slots:
    void followsFromTheEnd();
    void skipsLongLinesAndKeepsGoing();
    void followsRotationAndTruncation();
};

void TestLogFollower::followsFromTheEnd()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("webhook.log"));
    append(path, "old line\n");
    LogFollower follower(path, 100);
    QSignalSpy lines(&follower, &LogFollower::lineRead);
    follower.start();
    follower.poll();
    QCOMPARE(lines.count(), 0);
    append(path, "first\nsecond\r\nhalf");
    follower.poll();
    QCOMPARE(lines.count(), 2);
    QCOMPARE(lines.at(0).at(0).toByteArray(), QByteArray("first"));
    QCOMPARE(lines.at(1).at(0).toByteArray(), QByteArray("second"));
    append(path, " done\n");
    follower.poll();
    QCOMPARE(lines.count(), 3);
    QCOMPARE(lines.at(2).at(0).toByteArray(), QByteArray("half done"));
    // Without an explicit poll: the watcher or the timer reads it.
    append(path, "by itself\n");
    QTRY_COMPARE(lines.count(), 4);
}

void TestLogFollower::skipsLongLinesAndKeepsGoing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("webhook.log"));
    append(path, QByteArray());
    LogFollower follower(path, 100);
    QSignalSpy lines(&follower, &LogFollower::lineRead);
    follower.start();
    append(path, QByteArray(250, 'x'));
    follower.poll();
    append(path, QByteArray(1000 * 1000, '\xff') + "\nshort\n");
    follower.poll();
    QCOMPARE(follower.skippedLines(), 1);
    QCOMPARE(lines.count(), 1);
    QCOMPARE(lines.at(0).at(0).toByteArray(), QByteArray("short"));
}

void TestLogFollower::followsRotationAndTruncation()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("webhook.log"));
    append(path, "before\n");
    LogFollower follower(path, 100);
    QSignalSpy lines(&follower, &LogFollower::lineRead);
    follower.start();
    // Rotated: renamed away, a new file made at the same path.
    QVERIFY(QFile::rename(path, path + QStringLiteral(".1")));
    append(path, "after rotation\n");
    follower.poll();
    QCOMPARE(lines.count(), 1);
    QCOMPARE(lines.at(0).at(0).toByteArray(), QByteArray("after rotation"));
    // Truncated (copytruncate), then written again.
    QFile f(path);
    QVERIFY(f.resize(0));
    append(path, "x\n");
    follower.poll();
    QCOMPARE(lines.count(), 2);
    QCOMPARE(lines.at(1).at(0).toByteArray(), QByteArray("x"));
}

QTEST_GUILESS_MAIN(TestLogFollower)
#include "tst_logfollower.moc"
