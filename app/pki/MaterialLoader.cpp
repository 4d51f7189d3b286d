#include "MaterialLoader.h"

#include "LoaderFindings.h"
#include "OpenSslHandles.h"
#include "PbeLimits.h"
#include "PemKeyDecoder.h"
#include "PemReader.h"
#include "Pkcs12Reader.h"
#include "RegularFile.h"
#include "core/TextJoin.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>

#include <openssl/pem.h>
#include <openssl/pkcs7.h>

#include <cstring>

namespace mtls {

using loader::make;
using loader::passphraseRequired;
using loader::passphraseWrong;
using loader::unrecognized;

namespace {
constexpr int kMaxZipDepth = 2; // a zip inside a zip (TencentQQAuthCA.crt.zip in a larger package)

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::MaterialLoader)
};

// Passes the passphrase (a const QByteArray*) to OpenSSL.
int passphraseCallback(char* buffer, int size, int /*rwflag*/, void* userData)
{
    const auto* passphrase = static_cast<const QByteArray*>(userData);
    if (!passphrase || passphrase->isEmpty() || passphrase->size() > size)
        return 0;
    std::memcpy(buffer, passphrase->constData(), static_cast<size_t>(passphrase->size()));
    return static_cast<int>(passphrase->size());
}

void addKey(Material& material, EVP_PKEY* key, const QString& origin)
{
    material.keys.append(SourcedKey {PrivateKey::adopt(key), origin});
}

void addCertificate(Material& material, X509* x509, const QString& origin)
{
    material.certificates.append(SourcedCertificate {Certificate::fromX509(x509), origin});
}

void addPkcs7(Material& material, PKCS7* p7, const QString& origin)
{
    if (!p7 || OBJ_obj2nid(p7->type) != NID_pkcs7_signed || !p7->d.sign)
        return;
    STACK_OF(X509)* certs = p7->d.sign->cert;
    for (int i = 0; certs && i < sk_X509_num(certs); ++i)
        addCertificate(material, sk_X509_value(certs, i), origin);
}

bool isIgnorablePemLabel(const QByteArray& label)
{
    return label == "CERTIFICATE REQUEST" || label == "NEW CERTIFICATE REQUEST" || label == "EC PARAMETERS"
        || label == "DH PARAMETERS" || label == "X509 CRL" || label == "PUBLIC KEY";
}
} // namespace

void Material::append(const Material& other)
{
    certificates += other.certificates;
    keys += other.keys;
    findings += other.findings;
}

Certificates Material::allCertificates() const
{
    Certificates result;
    for (const SourcedCertificate& c : certificates)
        result.append(c.certificate);
    return result;
}

MaterialLoader::MaterialLoader(LoadOptions options)
    : m_options(std::move(options))
{
}

Material MaterialLoader::loadFile(const QString& path) const
{
    Material material;
    const QFileInfo info(path);
    const QString name = info.fileName().isEmpty() ? path : info.fileName();
    const RegularFileRead read = readRegularFile(path, m_options.maxFileBytes);
    switch (read.status) {
    case RegularFileRead::Status::Ok:
        break;
    case RegularFileRead::Status::Missing:
        material.findings.append(make("FILE_UNREADABLE", Severity::Error,
                                      Text::tr("The file \"%1\" does not exist.").arg(path),
                                      Text::tr("Check the path and the spelling of the file name."), name));
        return material;
    case RegularFileRead::Status::Folder:
        material.findings.append(make("FILE_UNREADABLE", Severity::Error,
                                      Text::tr("\"%1\" is a folder, not a file.").arg(path),
                                      Text::tr("Choose the certificate, key or .zip file inside it."), name));
        return material;
    case RegularFileRead::Status::NotRegular:
        material.findings.append(
            make("FILE_UNREADABLE", Severity::Error,
                 Text::tr("\"%1\" is a %2, not a regular file: it was not read.").arg(path, read.kind),
                 Text::tr("Choose the certificate, key or .zip file itself; if a program writes it, save its output "
                          "to a file first."),
                 name));
        return material;
    case RegularFileRead::Status::TooLarge:
        if (read.size > m_options.maxFileBytes)
            material.findings.append(make("FILE_TOO_LARGE", Severity::Error,
                                          Text::tr("\"%1\" is %2 MB, far larger than any certificate or key file.")
                                              .arg(path)
                                              .arg(read.size / (1024 * 1024)),
                                          Text::tr("Choose the certificate, key or .zip package itself."), name));
        else // it grew while being read
            material.findings.append(make("FILE_TOO_LARGE", Severity::Error,
                                          Text::tr("\"%1\" is far larger than any certificate or key file.").arg(path),
                                          Text::tr("Choose the certificate, key or .zip package itself."), name));
        return material;
    case RegularFileRead::Status::Unreadable:
        material.findings.append(make("FILE_UNREADABLE", Severity::Error,
                                      Text::tr("\"%1\" cannot be read: %2.").arg(path, read.error),
                                      Text::tr("Check that your user may read the file (for a key owned by root, run "
                                               "with the rights of its owner or copy it somewhere you can read)."),
                                      name));
        return material;
    }
    WorkBudget budget(m_options.work);
    material = load(read.data, name, 0, budget);

#ifndef Q_OS_WIN
    if (!material.keys.isEmpty() && read.readableByOthers && !looksLikeZip(read.data)) {
        material.findings.append(
            make("KEY_FILE_PERMISSIONS", Severity::Warning,
                 Text::tr("The private key file \"%1\" can be read by other users of this computer.").arg(path),
                 Text::tr("Restrict it to its owner: chmod 600 \"%1\". The assistant installs its own copy with mode "
                          "600.")
                     .arg(path),
                 name));
    }
#endif
    return material;
}

Material MaterialLoader::loadData(const QByteArray& data, const QString& origin) const
{
    if (data.size() > m_options.maxFileBytes) {
        Material material;
        material.findings.append(make("FILE_TOO_LARGE", Severity::Error,
                                      Text::tr("\"%1\" is far larger than any certificate or key file.").arg(origin),
                                      Text::tr("Choose the certificate, key or .zip package itself."), origin));
        return material;
    }
    WorkBudget budget(m_options.work);
    return load(data, origin, 0, budget);
}

Material MaterialLoader::load(const QByteArray& data, const QString& origin, int depth, WorkBudget& budget) const
{
    Material material;
    if (budget.exhausted())
        return material;
    const bool blank
        = std::all_of(data.cbegin(), data.cend(), [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); });
    if (blank) {
        material.findings.append(unrecognized(origin, Text::tr("\"%1\" is empty.").arg(origin)));
        return material;
    }
    if (looksLikeZip(data))
        return loadZip(data, origin, depth, budget);
    if (looksLikePem(data))
        return loadPem(data, origin, budget);
    return loadDer(data, origin, budget);
}

Material MaterialLoader::loadZip(const QByteArray& data, const QString& origin, int depth, WorkBudget& budget) const
{
    Material material;
    if (depth >= kMaxZipDepth) {
        material.findings.append(make("ARCHIVE_REFUSED", Severity::Error,
                                      Text::tr("\"%1\" is a zip inside a zip inside a zip: refused.").arg(origin),
                                      Text::tr("Extract the package and choose the files inside it."), origin));
        return material;
    }
    const Result<QList<ZipEntry>> entries = readZip(data, m_options.zip, &budget);
    if (!entries) {
        material.findings.append(make("ARCHIVE_REFUSED", Severity::Error, entries.error().message,
                                      Text::tr("Download the package again from the console, or extract it and choose "
                                               "the certificate and key files."),
                                      origin));
        return material;
    }
    Findings passphraseFindings;
    for (const ZipEntry& entry : *entries) {
        const QString entryOrigin = origin + QLatin1Char(':') + entry.name;
        Material part = load(entry.data, entryOrigin, depth + 1, budget);
        material.certificates += part.certificates;
        material.keys += part.keys;
        // Packages hold files that are not certificates (readme, .csr, .jks, keystorePass.txt): not worth a word,
        // unless one is a hostile encrypted item.
        for (const Finding& f : std::as_const(part.findings)) {
            if (f.code == QLatin1String("PASSPHRASE_REQUIRED") || f.code == QLatin1String("PASSPHRASE_WRONG"))
                passphraseFindings.append(f);
            else if (f.code != QLatin1String("FORMAT_UNRECOGNIZED") || loader::isTooManyRounds(f))
                material.findings.append(f);
        }
        if (budget.exhausted())
            break; // the finding that says why came with `part`
    }
    // A package repeats its key for each server type (Nginx/, Apache/, IIS/ .pfx with its own password): a locked
    // copy matters only when no usable key was found elsewhere in it.
    if (material.keys.isEmpty())
        material.findings += passphraseFindings;
    if (!material.hasCertificateOrKey() && !hasError(material.findings)) {
        QStringList names;
        for (const ZipEntry& e : *entries)
            names << e.name;
        material.findings.append(
            unrecognized(origin,
                         Text::tr("The zip archive \"%1\" holds no certificate or key (it has: %2).")
                             .arg(origin, names.isEmpty() ? Text::tr("nothing") : joinList(names))));
    }
    return material;
}

// An encrypted PKCS#8 key (PEM "ENCRYPTED PRIVATE KEY" or DER): the passphrase decides; the work it costs is checked
// and charged first.
void MaterialLoader::addEncryptedPkcs8(Material& material, const X509_SIG* encrypted, const QString& origin,
                                       WorkBudget& budget) const
{
    const X509_ALGOR* algorithm = nullptr;
    X509_SIG_get0(encrypted, &algorithm, nullptr);
    const PbeCost cost = pbeCost(algorithm);
    if (!cost.acceptable) {
        material.findings.append(loader::tooManyRounds(origin));
        return;
    }
    const QByteArray& passphrase = m_options.passphrase;
    if (passphrase.isEmpty()) {
        material.findings.append(passphraseRequired(origin));
        return;
    }
    if (!budget.spendKeyDerivation(cost.work)) {
        material.findings.append(loader::budgetExceeded(budget, origin));
        return;
    }
    std::unique_ptr<PKCS8_PRIV_KEY_INFO, OpenSslDeleter<PKCS8_PRIV_KEY_INFO_free>> info(
        PKCS8_decrypt(encrypted, passphrase.constData(), static_cast<int>(passphrase.size())));
    EVP_PKEY* key = info ? EVP_PKCS82PKEY(info.get()) : nullptr;
    if (key)
        addKey(material, key, origin);
    else
        material.findings.append(passphraseWrong(origin));
    clearOpenSslErrors();
}

Material MaterialLoader::loadPem(const QByteArray& data, const QString& origin, WorkBudget& budget) const
{
    Material material;
    QSet<QByteArray> leftAside; // labels already reported: one finding per kind of block, not per block
    PemKeyDecoder keyDecoder;
    PemScanner scanner(data);
    PemBlock block;
    while (scanner.next(&block)) {
        if (!budget.spendItems()) {
            material.findings.append(loader::budgetExceeded(budget, origin));
            break;
        }
        clearOpenSslErrors();
        BioPtr bio = memoryBio(block.text);
        const QByteArray& label = block.label;
        if (label == "CERTIFICATE" || label == "X509 CERTIFICATE" || label == "TRUSTED CERTIFICATE") {
            X509Ptr x509(label == "TRUSTED CERTIFICATE" ? PEM_read_bio_X509_AUX(bio.get(), nullptr, nullptr, nullptr)
                                                        : PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
            if (x509)
                addCertificate(material, x509.get(), origin);
            else
                material.findings.append(unrecognized(
                    origin, Text::tr("A certificate in \"%1\" is damaged and cannot be read.").arg(origin)));
        } else if (label == "PKCS7") {
            std::unique_ptr<PKCS7, OpenSslDeleter<PKCS7_free>> p7(
                PEM_read_bio_PKCS7(bio.get(), nullptr, nullptr, nullptr));
            if (p7)
                addPkcs7(material, p7.get(), origin);
            else
                material.findings.append(unrecognized(
                    origin, Text::tr("A PKCS#7 block in \"%1\" is damaged and cannot be read.").arg(origin)));
        } else if (label == "ENCRYPTED PRIVATE KEY") {
            Pkcs8Ptr encrypted(PEM_read_bio_PKCS8(bio.get(), nullptr, nullptr, nullptr));
            if (encrypted)
                addEncryptedPkcs8(material, encrypted.get(), origin, budget);
            else
                material.findings.append(
                    unrecognized(origin, Text::tr("An encrypted private key in \"%1\" is damaged.").arg(origin)));
            if (budget.exhausted())
                break;
        } else if (label.endsWith("PRIVATE KEY")) {
            const bool encrypted = block.encryptedHeader;
            if (encrypted && m_options.passphrase.isEmpty()) {
                material.findings.append(passphraseRequired(origin));
                continue;
            }
            if (!encrypted) { // one decoder for every such key: no passphrase to ask for
                EvpPkeyPtr key = keyDecoder.decode(block.text);
                if (key)
                    addKey(material, key.release(), origin);
                else
                    material.findings.append(unrecognized(
                        origin, Text::tr("A private key in \"%1\" is damaged or of an unsupported kind.").arg(origin)));
                continue;
            }
            EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, passphraseCallback,
                                                   const_cast<QByteArray*>(&m_options.passphrase)));
            if (key)
                addKey(material, key.release(), origin);
            else
                material.findings.append(passphraseWrong(origin));
        } else if (!isIgnorablePemLabel(label) && !leftAside.contains(label)) {
            leftAside.insert(label);
            material.findings.append(make(
                "FORMAT_UNRECOGNIZED", Severity::Info,
                Text::tr("\"%1\" holds a \"%2\" block, which was left aside.").arg(origin, QString::fromLatin1(label)),
                QString(), origin));
        }
        clearOpenSslErrors();
    }
    if (!material.hasCertificateOrKey() && !hasError(material.findings))
        material.findings.append(
            unrecognized(origin, Text::tr("\"%1\" holds no certificate or private key in PEM form.").arg(origin)));
    return material;
}

Material MaterialLoader::loadDer(const QByteArray& data, const QString& origin, WorkBudget& budget) const
{
    Material material;
    if (!budget.spendItems()) {
        material.findings.append(loader::budgetExceeded(budget, origin));
        return material;
    }
    clearOpenSslErrors();
    const auto* begin = reinterpret_cast<const unsigned char*>(data.constData());
    const long size = static_cast<long>(data.size());
    const auto consumedAll = [&](const unsigned char* p) { return p == begin + size; };

    if (static_cast<unsigned char>(data.at(0)) == 0x30) { // every DER structure here is a SEQUENCE
        const unsigned char* p = begin;
        X509Ptr x509(d2i_X509(nullptr, &p, size));
        if (x509 && consumedAll(p)) {
            addCertificate(material, x509.get(), origin);
            return material;
        }
        p = begin;
        Pkcs12Ptr p12(d2i_PKCS12(nullptr, &p, size));
        if (p12) {
            readPkcs12(p12.get(), m_options.passphrase, origin, budget, material);
            return material;
        }

        p = begin;
        std::unique_ptr<PKCS7, OpenSslDeleter<PKCS7_free>> p7(d2i_PKCS7(nullptr, &p, size));
        if (p7 && consumedAll(p)) {
            addPkcs7(material, p7.get(), origin);
            if (material.hasCertificateOrKey())
                return material;
        }

        p = begin;
        Pkcs8Ptr encrypted(d2i_X509_SIG(nullptr, &p, size));
        if (encrypted && consumedAll(p)) {
            addEncryptedPkcs8(material, encrypted.get(), origin, budget);
            return material;
        }

        p = begin;
        EvpPkeyPtr key(d2i_AutoPrivateKey(nullptr, &p, size));
        if (key && consumedAll(p)) {
            addKey(material, key.release(), origin);
            return material;
        }
    }
    clearOpenSslErrors();
    material.findings.append(unrecognized(
        origin,
        Text::tr("\"%1\" is not a certificate, private key, PKCS#12 or zip package that can be read (it may be "
                 "truncated or damaged).")
            .arg(origin)));
    return material;
}

} // namespace mtls
