#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Writes zip files for tests, including hostile ones (entries with "../", symbolic links, encryption).
struct TestZipEntry
{
    TestZipEntry(QString name_, QByteArray data_, bool symlink_ = false, QByteArray password_ = QByteArray())
        : name(std::move(name_))
        , data(std::move(data_))
        , symlink(symlink_)
        , password(std::move(password_))
    {
    }

    QString name;
    QByteArray data;
    bool symlink = false;
    QByteArray password; // non-empty: the entry is encrypted
};

bool writeTestZip(const QString& path, const QList<TestZipEntry>& entries);
