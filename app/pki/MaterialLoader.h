#pragma once

#include "Certificate.h"
#include "PrivateKey.h"
#include "WorkBudget.h"
#include "ZipArchive.h"
#include "core/Finding.h"

#include <QList>
#include <QString>

typedef struct X509_sig_st X509_SIG;

namespace mtls {

struct SourcedCertificate
{
    Certificate certificate;
    QString origin; // "server.pem", "package.zip:Nginx/1_x_bundle.crt"
};

struct SourcedKey
{
    PrivateKey key;
    QString origin;
};

// Everything read from one or more inputs, in the order read, with the findings of reading.
struct Material
{
    QList<SourcedCertificate> certificates;
    QList<SourcedKey> keys;
    Findings findings;

    void append(const Material& other);
    bool hasCertificateOrKey() const { return !certificates.isEmpty() || !keys.isEmpty(); }
    Certificates allCertificates() const;
};

struct LoadOptions
{
    QByteArray passphrase; // for encrypted keys and PKCS#12; never logged
    qint64 maxFileBytes = 64 * 1024 * 1024;
    ZipLimits zip;
    WorkLimits work; // one budget per file, across every nesting level
};

// Reads certificates and keys from what users have on disk, whatever the file is called: PEM (one or many blocks,
// CRLF, BOM, surrounding text), DER, PKCS#12/PFX, PKCS#7, PKCS#8 (plain and encrypted), traditional (encrypted)
// PEM keys, and zip packages holding any of these. Reading never fails: problems become findings
// (FILE_UNREADABLE, FILE_TOO_LARGE, FORMAT_UNRECOGNIZED, PASSPHRASE_REQUIRED, PASSPHRASE_WRONG, ARCHIVE_REFUSED,
// WORK_LIMIT, KEY_FILE_PERMISSIONS). Only regular files are read (a FIFO or device is refused without waiting on
// it), and each file is read within one WorkBudget: hostile files are refused in bounded time and memory.
class MaterialLoader
{
public:
    explicit MaterialLoader(LoadOptions options = LoadOptions());

    Material loadFile(const QString& path) const;
    Material loadData(const QByteArray& data, const QString& origin) const;

private:
    Material load(const QByteArray& data, const QString& origin, int depth, WorkBudget& budget) const;
    Material loadZip(const QByteArray& data, const QString& origin, int depth, WorkBudget& budget) const;
    Material loadPem(const QByteArray& data, const QString& origin, WorkBudget& budget) const;
    Material loadDer(const QByteArray& data, const QString& origin, WorkBudget& budget) const;
    void addEncryptedPkcs8(Material& material, const X509_SIG* encrypted, const QString& origin,
                           WorkBudget& budget) const;

    LoadOptions m_options;
};

} // namespace mtls
