#pragma once

#include "ServerDiscovery.h"
#include "core/Result.h"

#include <QList>
#include <QString>

namespace mtls {

// A certificate or key file named by a server's configuration.
struct NamedFile
{
    QString directive; // "SSLCertificateFile"
    QString path; // absolute
    QString configFile; // the file that names it
    int line = 0;
};

// The SSLCertificateFile, SSLCertificateKeyFile, SSLCertificateChainFile and SSLCACertificateFile lines of an Apache
// configuration file's text (relative paths against `serverRoot`). Values with ${VARIABLES} are left out.
QList<NamedFile> apacheCertificateFiles(const QString& text, const QString& configFile, const QString& serverRoot);

// Whether the server could load `file` as its directive says (a certificate, or an unencrypted private key). An
// Error says why not.
Status loadNamedFile(const NamedFile& file);

// Before any change: the current configuration passes the server's own test and, for Apache (whose test does not
// load certificates, so a graceful reload would stop the server), every certificate and key file the effective
// configuration names can be loaded. Files under `skipDir` (the ones apply is about to replace) are not looked at.
// The Error names the file, the directive and the configuration line that points at it.
Status preflightConfiguration(const ServerInstallation& installation, const QString& skipDir = QString());

} // namespace mtls
