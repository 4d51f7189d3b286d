#include "ProbeInputs.h"

#include "pki/MaterialLoader.h"

#include <QCoreApplication>
#include <QStringList>

namespace mtls {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("mtls::Prober", text);
}

QString findingsText(const Findings& findings)
{
    QStringList lines;
    for (const Finding& f : findings)
        lines << f.message + (f.hint.isEmpty() ? QString() : QStringLiteral(" ") + f.hint);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

Result<Certificates> readCertificatesFile(const QString& path)
{
    const Material material = MaterialLoader().loadFile(path);
    const Certificates certificates = material.allCertificates();
    if (certificates.isEmpty())
        return Error {tr("%1 holds no certificate.").arg(path), findingsText(material.findings)};
    return certificates;
}

Result<PrivateKey> readPrivateKeyFile(const QString& path)
{
    const Material material = MaterialLoader().loadFile(path);
    if (material.keys.isEmpty())
        return Error {tr("%1 holds no private key that can be read without a passphrase.").arg(path),
                      findingsText(material.findings)};
    return material.keys.first().key;
}

} // namespace mtls
