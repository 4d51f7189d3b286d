#pragma once

#include "ServerDiscovery.h"

#include <QList>
#include <QPair>
#include <QString>

namespace mtls {

// What the bundle's install.sh installs, and how it tests and reloads the server.
struct InstallScriptParams
{
    ServerKind kind = ServerKind::Nginx;
    QString domain;
    // Bundle file (relative to the script) -> target path, and the file mode ("600", "644").
    struct File
    {
        QString source;
        QString target;
        QString mode;
    };
    QList<File> files;
    // Bundle files of the certificate and its key: install.sh checks with openssl that they belong together before
    // anything changes (Apache's configtest does not load them, and a graceful restart would stop the server).
    QString certificateSource;
    QString keySource;
    QList<QPair<QString, QString>> links; // target -> what it points to (Debian enabling)
    QString testCommand; // default for MTLS_TEST_CMD
    QString reloadCommand; // default for MTLS_RELOAD_CMD
    QString backupDir; // default for MTLS_BACKUP_DIR
};

// A POSIX sh script: checks (the current configuration passes the server's test, the targets are writable),
// backups of every file it replaces, atomic installs (copy to a temporary name, then rename; the key is never
// readable by others), the server's test, a reload, and the automatic rollback when the test or the reload
// fails or the script is interrupted; `install.sh --rollback` undoes the last install on request.
QString installScript(const InstallScriptParams& params);

// A value in single quotes for sh ('\'' for a quote inside).
QString shellQuote(const QString& value);

} // namespace mtls
