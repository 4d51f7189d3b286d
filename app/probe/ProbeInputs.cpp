#include "ProbeInputs.h"

#include "pki/OpenSslHandles.h"

#include <QCoreApplication>
#include <QFile>

#include <openssl/pem.h>

namespace mtls {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("mtls::Prober", text);
}

Result<QByteArray> readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {tr("Cannot read %1: %2").arg(path, file.errorString()), QString()};
    const QByteArray data = file.read(4 * 1024 * 1024);
    if (data.isEmpty())
        return Error {tr("%1 is empty.").arg(path), QString()};
    return data;
}

int noPassphrase(char*, int, int, void*)
{
    return -1; // never prompt on the terminal
}

} // namespace

Result<Certificates> readCertificatesFile(const QString& path)
{
    auto data = readFile(path);
    if (!data)
        return data.error();
    Certificates certificates;
    if (data->contains("-----BEGIN")) {
        BioPtr bio = memoryBio(*data);
        for (;;) {
            X509Ptr x509(PEM_read_bio_X509(bio.get(), nullptr, noPassphrase, nullptr));
            if (!x509)
                break;
            certificates << Certificate::fromX509(x509.get());
        }
        clearOpenSslErrors(); // the end of the text shows as an error
    } else if (auto der = Certificate::fromDer(*data)) {
        certificates << der.value();
    }
    if (certificates.isEmpty())
        return Error {tr("%1 holds no certificate in PEM or DER form.").arg(path), QString()};
    return certificates;
}

Result<PrivateKey> readPrivateKeyFile(const QString& path)
{
    auto data = readFile(path);
    if (!data)
        return data.error();
    BioPtr bio = memoryBio(*data);
    EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr);
    if (!key)
        return Error {tr("%1 holds no unencrypted private key in PEM form.").arg(path), drainOpenSslErrors()};
    return PrivateKey::adopt(key);
}

} // namespace mtls
