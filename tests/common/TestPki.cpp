#include "TestPki.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace {
QString stamp(int daysFromNow)
{
    return QDateTime::currentDateTimeUtc().addDays(daysFromNow).toString(QStringLiteral("yyyyMMddHHmmss'Z'"));
}
} // namespace

TestPki::TestPki(const QString& directory)
    : m_dir(directory)
{
    QDir().mkpath(m_dir + QStringLiteral("/newcerts"));
}

QString TestPki::path(const QString& fileName) const
{
    return m_dir + QLatin1Char('/') + fileName;
}

bool TestPki::openssl(const QStringList& arguments, QByteArray* output, const QByteArray& input)
{
    QProcess process;
    process.setWorkingDirectory(m_dir);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForStarted(10000)) {
        m_lastError = QStringLiteral("cannot start openssl: %1").arg(process.errorString());
        return false;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    const QByteArray out = process.readAllStandardOutput();
    if (output)
        *output = out;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_lastError
            = QStringLiteral("openssl %1 failed: %2")
                  .arg(arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    return true;
}

bool TestPki::makeKey(const QString& name, const Options& options)
{
    QStringList args {QStringLiteral("genpkey"), QStringLiteral("-out"), name + QStringLiteral(".key")};
    if (options.keyType == QLatin1String("rsa"))
        args << QStringLiteral("-algorithm") << QStringLiteral("RSA") << QStringLiteral("-pkeyopt")
             << QStringLiteral("rsa_keygen_bits:%1").arg(options.rsaBits);
    else
        args << QStringLiteral("-algorithm") << QStringLiteral("EC") << QStringLiteral("-pkeyopt")
             << QStringLiteral("ec_paramgen_curve:%1").arg(options.curve);
    return openssl(args);
}

bool TestPki::sign(const QString& name, const QString& commonName, const QString& issuer, const QStringList& extensions,
                   const Options& options)
{
    if (!makeKey(name, options))
        return false;
    const QString ext = QStringLiteral("ext-%1.cnf").arg(name);
    const QString db = QStringLiteral("index-%1.txt").arg(name);
    const QString cnf = QStringLiteral("ca-%1.cnf").arg(name);
    QByteArray config = "[ca]\ndefault_ca=testca\n[testca]\n"
                        "database="
        + db.toUtf8() + "\nnew_certs_dir=newcerts\nserial=serial-" + name.toUtf8()
        + "\ndefault_md=" + options.digest.toUtf8()
        + "\npolicy=anything\nunique_subject=no\ncopy_extensions=none\nemail_in_dn=no\n"
          "[anything]\ncommonName=supplied\norganizationName=optional\n"
          "[req]\ndistinguished_name=dn\n[dn]\n[ext]\n"
        + extensions.join(QLatin1Char('\n')).toUtf8() + "\n";
    write(cnf, config);
    write(db, QByteArray());
    write(QStringLiteral("serial-") + name, QByteArray::number(0x1000 + m_serial++, 16) + "\n");
    QString subject = QStringLiteral("/CN=") + commonName;
    if (!options.organization.isEmpty())
        subject = QStringLiteral("/O=") + options.organization + subject;
    const QString csr = name + QStringLiteral(".csr");
    if (!openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-utf8"), QStringLiteral("-key"),
                  name + QStringLiteral(".key"), QStringLiteral("-subj"), subject, QStringLiteral("-config"), cnf,
                  QStringLiteral("-out"), csr}))
        return false;
    QStringList args {QStringLiteral("ca"),          QStringLiteral("-batch"),
                      QStringLiteral("-utf8"),       QStringLiteral("-notext"),
                      QStringLiteral("-config"),     cnf,
                      QStringLiteral("-extensions"), QStringLiteral("ext"),
                      QStringLiteral("-extfile"),    cnf,
                      QStringLiteral("-md"),         options.digest,
                      QStringLiteral("-startdate"),  stamp(options.validFromDays),
                      QStringLiteral("-enddate"),    stamp(options.validToDays),
                      QStringLiteral("-in"),         csr,
                      QStringLiteral("-out"),        name + QStringLiteral(".crt")};
    if (issuer.isEmpty())
        args << QStringLiteral("-selfsign") << QStringLiteral("-keyfile") << name + QStringLiteral(".key");
    else
        args << QStringLiteral("-cert") << issuer + QStringLiteral(".crt") << QStringLiteral("-keyfile")
             << issuer + QStringLiteral(".key");
    return openssl(args);
}

bool TestPki::makeCa(const QString& name, const QString& commonName, const QString& issuer, const Options& options)
{
    QStringList ext {QStringLiteral("basicConstraints=critical,CA:TRUE"),
                     QStringLiteral("keyUsage=critical,keyCertSign,cRLSign"),
                     QStringLiteral("subjectKeyIdentifier=hash")};
    if (!issuer.isEmpty())
        ext << QStringLiteral("authorityKeyIdentifier=keyid:always");
    return sign(name, commonName, issuer, ext + options.extensions, options);
}

bool TestPki::makeServer(const QString& name, const QStringList& dnsNames, const QString& issuer,
                         const Options& options)
{
    QStringList sans;
    for (const QString& n : dnsNames)
        sans << (n.contains(QLatin1Char(':')) || n.at(0).isDigit() ? QStringLiteral("IP:") : QStringLiteral("DNS:"))
                + n;
    QStringList ext {QStringLiteral("basicConstraints=critical,CA:FALSE"),
                     QStringLiteral("keyUsage=critical,digitalSignature,keyEncipherment"),
                     QStringLiteral("extendedKeyUsage=serverAuth"), QStringLiteral("subjectKeyIdentifier=hash"),
                     QStringLiteral("authorityKeyIdentifier=keyid:always")};
    if (!sans.isEmpty())
        ext << QStringLiteral("subjectAltName=") + sans.join(QLatin1Char(','));
    return sign(name, dnsNames.value(0, name), issuer, ext + options.extensions, options);
}

bool TestPki::makeClient(const QString& name, const QString& commonName, const QString& issuer, const Options& options)
{
    const QStringList ext {
        QStringLiteral("basicConstraints=critical,CA:FALSE"), QStringLiteral("keyUsage=critical,digitalSignature"),
        QStringLiteral("extendedKeyUsage=clientAuth"), QStringLiteral("authorityKeyIdentifier=keyid:always")};
    return sign(name, commonName, issuer, ext + options.extensions, options);
}

bool TestPki::makeCertificate(const QString& name, const QString& commonName, const QString& issuer,
                              const QStringList& extensions, const Options& options)
{
    return sign(name, commonName, issuer, extensions, options);
}

bool TestPki::toDer(const QString& name, const QString& outFile)
{
    return openssl({QStringLiteral("x509"), QStringLiteral("-in"), name + QStringLiteral(".crt"),
                    QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"), outFile});
}

bool TestPki::keyToDer(const QString& name, const QString& outFile)
{
    return openssl({QStringLiteral("pkey"), QStringLiteral("-in"), name + QStringLiteral(".key"),
                    QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"), outFile});
}

bool TestPki::encryptKeyPkcs8(const QString& name, const QString& passphrase, const QString& outFile, bool der)
{
    QStringList args {QStringLiteral("pkcs8"),    QStringLiteral("-topk8"),
                      QStringLiteral("-in"),      name + QStringLiteral(".key"),
                      QStringLiteral("-v2"),      QStringLiteral("aes-256-cbc"),
                      QStringLiteral("-passout"), QStringLiteral("pass:") + passphrase,
                      QStringLiteral("-out"),     outFile};
    if (der)
        args << QStringLiteral("-outform") << QStringLiteral("DER");
    return openssl(args);
}

bool TestPki::encryptKeyTraditional(const QString& name, const QString& passphrase, const QString& outFile)
{
    // `openssl pkey -traditional` with a cipher writes "Proc-Type: 4,ENCRYPTED" + "DEK-Info" headers.
    return openssl({QStringLiteral("pkey"), QStringLiteral("-in"), name + QStringLiteral(".key"),
                    QStringLiteral("-traditional"), QStringLiteral("-aes256"), QStringLiteral("-passout"),
                    QStringLiteral("pass:") + passphrase, QStringLiteral("-out"), outFile});
}

bool TestPki::keyToTraditional(const QString& name, const QString& outFile)
{
    return openssl({QStringLiteral("pkey"), QStringLiteral("-in"), name + QStringLiteral(".key"),
                    QStringLiteral("-traditional"), QStringLiteral("-out"), outFile});
}

bool TestPki::toPkcs12(const QString& name, const QStringList& chain, const QString& passphrase, const QString& outFile,
                       bool legacyAlgorithms)
{
    QStringList args {QStringLiteral("pkcs12"),   QStringLiteral("-export"),
                      QStringLiteral("-in"),      name + QStringLiteral(".crt"),
                      QStringLiteral("-inkey"),   name + QStringLiteral(".key"),
                      QStringLiteral("-passout"), QStringLiteral("pass:") + passphrase,
                      QStringLiteral("-out"),     outFile};
    if (!chain.isEmpty()) {
        QStringList files;
        for (const QString& c : chain)
            files << c + QStringLiteral(".crt");
        if (!concat(files, QStringLiteral("p12-chain.pem")))
            return false;
        args << QStringLiteral("-certfile") << QStringLiteral("p12-chain.pem");
    }
    if (legacyAlgorithms)
        args << QStringLiteral("-legacy");
    return openssl(args);
}

bool TestPki::toPkcs7(const QStringList& names, const QString& outFile, bool der)
{
    QStringList args {QStringLiteral("crl2pkcs7"), QStringLiteral("-nocrl"), QStringLiteral("-out"), outFile};
    for (const QString& n : names)
        args << QStringLiteral("-certfile") << n + QStringLiteral(".crt");
    if (der)
        args << QStringLiteral("-outform") << QStringLiteral("DER");
    return openssl(args);
}

QByteArray TestPki::read(const QString& fileName) const
{
    QFile file(path(fileName));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool TestPki::write(const QString& fileName, const QByteArray& data) const
{
    QFile file(path(fileName));
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

bool TestPki::concat(const QStringList& fileNames, const QString& outFile) const
{
    QByteArray all;
    for (const QString& f : fileNames) {
        const QByteArray data = read(f);
        if (data.isEmpty())
            return false;
        all += data;
        if (!all.endsWith('\n'))
            all += '\n';
    }
    return write(outFile, all);
}
