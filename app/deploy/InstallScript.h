#pragma once

#include "server/ServerDiscovery.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace mtls {

// What the bundle's install.sh installs, and how it tests, reloads and checks the server: written by the export
// into install.data beside the script (plain values that the script reads and checks, never runs).
struct InstallScriptParams
{
    ServerKind kind = ServerKind::Nginx;
    QString domain;
    QString configRoot; // every target is below it
    QString certDir; // <configRoot>/mtls-assistant/<domain>
    // Bundle file (relative to the script) -> target path, the file mode ("600", "644") and the SHA-256 (hex) of
    // the bundled file.
    struct File
    {
        QString source;
        QString target;
        QString mode;
        QString sha256;
    };
    QList<File> files;
    // Bundle files of the certificate, its key and the client CA: install.sh checks with openssl that the key
    // belongs to the certificate before anything changes, and after the reload that the server serves the
    // certificate and asks for a client certificate from the CA.
    QString certificateSource;
    QString keySource;
    QString clientCaSource;
    QString siteSource; // the site file of the bundle
    QList<QPair<QString, QString>> links; // target -> what it points to (Debian enabling)
    QString binary; // the server program on the target server (absolute)
    QStringList arguments; // what selects the installation for the program (-p/-c, -d/-f); empty for *ctl
    QString connectHost; // where install.sh checks the served site (an address, IPv6 without brackets)
    quint16 connectPort = 443;
    QString backupDir;

    // The merge mode: the bundle edits the site that already answers the name instead of adding one. The edited file
    // is a File whose mode is "keep" (it keeps the owner, group and mode the file has on the server), and install.sh
    // refuses unless each `expected` target has the given SHA-256 when the run starts (the file the plan was made
    // from). No certificate or key is installed (certificateSource and keySource empty). After the reload install.sh
    // checks that the site still serves its own certificate (`siteLeafSha256`, hex SHA-256 of its DER), answers 403
    // on `webhookPath` to a caller without a client certificate, and answers "/" as it did before the change.
    bool merge = false;
    QString siteLeafSha256;
    QString webhookPath;
    QList<QPair<QString, QString>> expected; // target -> SHA-256 (hex) of its file now
};

// The script (app/deploy/install.sh, embedded as a resource): checks, backups in a numbered step, atomic
// installs, the server's test, a reload, a check of what is served, and the automatic rollback on any failure;
// `--rollback` undoes one run, `--remove` every run.
QByteArray installScript();

// The text of install.data. Empty with `error` set when a value has characters the script refuses.
QString installData(const InstallScriptParams& params, QString* error = nullptr);

// The test and reload commands install.sh runs, for the README.
QString installTestCommand(const InstallScriptParams& params);
QString installReloadCommand(const InstallScriptParams& params);

// A value in single quotes for sh ('\'' for a quote inside).
QString shellQuote(const QString& value);

} // namespace mtls
