#include "ProbeInputs.h"

#include "core/TextJoin.h"
#include "pki/MaterialLoader.h"

#include <QCoreApplication>
#include <QStringList>

namespace mtls {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::Prober)
};

QString findingsText(const Findings& findings)
{
    QStringList lines;
    for (const Finding& f : findings)
        lines << joinSentences({f.message, f.hint});
    return lines.join(QLatin1Char('\n'));
}

} // namespace

Result<Certificates> readCertificatesFile(const QString& path)
{
    const Material material = MaterialLoader().loadFile(path);
    const Certificates certificates = material.allCertificates();
    if (certificates.isEmpty())
        return Error {Text::tr("%1 holds no certificate.").arg(path), findingsText(material.findings)};
    return certificates;
}

Result<PrivateKey> readPrivateKeyFile(const QString& path)
{
    const Material material = MaterialLoader().loadFile(path);
    if (material.keys.isEmpty())
        return Error {Text::tr("%1 holds no private key that can be read without a passphrase.").arg(path),
                      findingsText(material.findings)};
    return material.keys.first().key;
}

Result<ConnectTarget> parseConnectTarget(const QString& input)
{
    const QString text = input.trimmed();
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    const Error wrong {
        Text::tr("--connect-to \"%1\" is not HOST:PORT or [IPV6]:PORT, such as 127.0.0.1:443.").arg(input), {}};
    if (colon <= 0)
        return wrong;
    QString host = text.left(colon);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return wrong;
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(QLatin1Char(':')))
        return wrong; // an IPv6 address needs brackets
    if (host.isEmpty() || host.contains(QLatin1Char('/')) || host.contains(QLatin1Char(' ')))
        return wrong;
    return ConnectTarget {host, quint16(port)};
}

} // namespace mtls
