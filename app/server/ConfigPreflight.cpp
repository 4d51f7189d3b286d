#include "ConfigPreflight.h"

#include "ServerControl.h"
#include "pki/OpenSslHandles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ConfigPreflight)
};

constexpr qint64 kMaxConfigFile = 4 * 1024 * 1024;
constexpr qint64 kMaxPemFile = 1024 * 1024;

int noPassphrase(char*, int, int, void*)
{
    return -1; // an encrypted key is not loaded here (the server asks for its passphrase itself)
}

bool isKeyDirective(const QString& directive)
{
    return directive.compare(QLatin1String("SSLCertificateKeyFile"), Qt::CaseInsensitive) == 0;
}

} // namespace

QList<NamedFile> apacheCertificateFiles(const QString& text, const QString& configFile, const QString& serverRoot)
{
    static const QStringList directives {QStringLiteral("SSLCertificateFile"), QStringLiteral("SSLCertificateKeyFile"),
                                         QStringLiteral("SSLCertificateChainFile"),
                                         QStringLiteral("SSLCACertificateFile")};
    QList<NamedFile> files;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype space = line.indexOf(QRegularExpression(QStringLiteral("\\s")));
        if (space < 0)
            continue;
        const QString directive = line.left(space);
        const auto known = std::find_if(directives.cbegin(), directives.cend(), [&](const QString& d) {
            return d.compare(directive, Qt::CaseInsensitive) == 0;
        });
        if (known == directives.cend())
            continue;
        QString value = line.mid(space).trimmed();
        if (value.startsWith(QLatin1Char('"'))) {
            const qsizetype end = value.indexOf(QLatin1Char('"'), 1);
            value = end > 0 ? value.mid(1, end - 1) : value.mid(1);
        } else {
            value = value.section(QRegularExpression(QStringLiteral("\\s")), 0, 0);
        }
        if (value.isEmpty() || value.contains(QLatin1String("${")))
            continue;
        const QString path = QDir::isAbsolutePath(value) ? value : QDir(serverRoot).absoluteFilePath(value);
        files << NamedFile {*known, QDir::cleanPath(path), configFile, i + 1};
    }
    return files;
}

Status loadNamedFile(const NamedFile& file)
{
    QFile f(file.path);
    const QFileInfo info(file.path);
    if (!info.exists())
        return Error {Text::tr("the file does not exist")};
    if (!info.isFile())
        return Error {Text::tr("it is not a regular file")};
    if (info.size() > kMaxPemFile)
        return Error {Text::tr("it is larger than 1 MB")};
    if (!f.open(QIODevice::ReadOnly))
        return Error {Text::tr("it cannot be read (%1)").arg(f.errorString())};
    const QByteArray content = f.readAll();
    BioPtr bio(BIO_new_mem_buf(content.constData(), int(content.size())));
    if (isKeyDirective(file.directive)) {
        if (content.contains("ENCRYPTED"))
            return {}; // Apache asks for the passphrase (SSLPassPhraseDialog)
        EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr));
        if (!key)
            return Error {Text::tr("it holds no private key OpenSSL can read"), drainOpenSslErrors()};
        return {};
    }
    X509Ptr certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!certificate) {
        clearOpenSslErrors();
        const unsigned char* der = reinterpret_cast<const unsigned char*>(content.constData());
        certificate.reset(d2i_X509(nullptr, &der, long(content.size())));
    }
    if (!certificate)
        return Error {Text::tr("it holds no certificate OpenSSL can read"), drainOpenSslErrors()};
    clearOpenSslErrors();
    return {};
}

Status preflightConfiguration(const ServerInstallation& installation, const QString& skipDir)
{
    const QString server = serverKindDisplayName(installation.kind);
    const ServerControl control(installation);
    if (auto tested = control.test(); !tested)
        return Error {Text::tr("The current %1 configuration does not pass its own test, so nothing was changed. "
                               "Fix what the server reports below, then apply again.")
                          .arg(server),
                      tested.error().fullText().trimmed()};
    if (installation.kind != ServerKind::Apache)
        return {}; // nginx -t loads every certificate and key
    auto files = control.configurationFiles();
    if (!files)
        return files.error();
    const QString skip = skipDir.isEmpty() ? QString() : QDir::cleanPath(skipDir) + QLatin1Char('/');
    for (const QString& configFile : files.value()) {
        QFile f(configFile);
        if (f.size() > kMaxConfigFile || !f.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(f.readAll());
        for (const NamedFile& named : apacheCertificateFiles(text, configFile, installation.configRoot)) {
            if (!skip.isEmpty() && named.path.startsWith(skip))
                continue;
            if (auto loaded = loadNamedFile(named); !loaded)
                return Error {Text::tr("Apache would not start again: %1 names %2 (line %3 of %4), and %5. A reload "
                                       "now would stop every site on this server, so nothing was changed. Fix or "
                                       "remove that site's files first.")
                                  .arg(named.directive, named.path)
                                  .arg(named.line)
                                  .arg(named.configFile, loaded.error().message),
                              loaded.error().detail};
        }
    }
    return {};
}

} // namespace mtls
