#pragma once

#include "SavedSetup.h"
#include "core/Result.h"

#include <QList>
#include <QString>

namespace mtls {

// What the store file holds: the saved setups and the Chat client CA the user imported last.
struct SetupStoreContent
{
    QList<SavedSetup> setups;
    QString clientCaPath; // remembered for the next setups
    RememberedCertificate clientCa;
};

// The saved setups, as one JSON file in the platform's application data location (QStandardPaths::AppDataLocation:
// ~/.local/share/mtls-assistant/mtls-assistant on Linux). No secret is ever written there.
// Writes are atomic (QSaveFile). A file that cannot be read or parsed is reported as an Error and never overwritten:
// saving refuses until the user has moved it aside (moveDamagedAside() keeps it under another name).
// Blocking file I/O; small (a few kilobytes).
class SetupStore
{
public:
    // `directory` empty: the application data location.
    explicit SetupStore(QString directory = QString());

    QString filePath() const;

    // No file yet: empty content. A damaged file: an Error naming it.
    Result<SetupStoreContent> load() const;
    // load(), with each setup's certificate as it serves it now (servedCertificate(): a setup that shares a website,
    // the site's certificate file as its manager last renewed it).
    Result<SetupStoreContent> loadServed() const;
    // Adds the setup, or replaces the one with the same id().
    Status save(const SavedSetup& setup) const;
    Status remove(const QString& id) const;
    Status rememberClientCa(const QString& path, const RememberedCertificate& certificate) const;
    // Renames a damaged file to "<name>.damaged-<UTC time>" and returns the new path.
    Result<QString> moveDamagedAside() const;

    static QString defaultDirectory();

private:
    Status write(const SetupStoreContent& content) const;

    QString m_directory;
};

} // namespace mtls
