#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

struct TestPkiOptions
{
    QString keyType = QStringLiteral("ec"); // "ec" or "rsa"
    int rsaBits = 2048;
    QString curve = QStringLiteral("prime256v1");
    int validFromDays = -1; // relative to now
    int validToDays = 365;
    QStringList extensions; // extra lines for the extension section, e.g. "extendedKeyUsage=clientAuth"
    QString digest = QStringLiteral("sha256");
    QString organization;
};

// A throwaway PKI for tests, made at run time with the real `openssl` command in a directory the test owns.
// Files: <name>.key (unencrypted PKCS#8 PEM) and <name>.crt (PEM). No private key is ever committed.
class TestPki
{
public:
    using Options = TestPkiOptions;

    explicit TestPki(const QString& directory);

    QString path(const QString& fileName) const;
    QString lastError() const { return m_lastError; }

    // A CA certificate; self-signed when `issuer` is empty, else signed by the CA named `issuer`.
    bool makeCa(const QString& name, const QString& commonName, const QString& issuer = QString(),
                const Options& options = TestPkiOptions());
    // A server certificate (EKU serverAuth) for `dnsNames` (first one is the CN), signed by `issuer`.
    bool makeServer(const QString& name, const QStringList& dnsNames, const QString& issuer,
                    const Options& options = TestPkiOptions());
    // A client certificate (EKU clientAuth) signed by `issuer`.
    bool makeClient(const QString& name, const QString& commonName, const QString& issuer,
                    const Options& options = TestPkiOptions());
    // Any certificate with exactly the given extension lines.
    bool makeCertificate(const QString& name, const QString& commonName, const QString& issuer,
                         const QStringList& extensions, const Options& options = TestPkiOptions());

    // Conversions, each into `outFile` in the directory.
    bool toDer(const QString& name, const QString& outFile); // certificate to DER
    bool keyToDer(const QString& name, const QString& outFile); // unencrypted PKCS#8 DER
    bool encryptKeyPkcs8(const QString& name, const QString& passphrase, const QString& outFile, bool der = false);
    bool encryptKeyTraditional(const QString& name, const QString& passphrase, const QString& outFile);
    bool keyToTraditional(const QString& name, const QString& outFile); // "BEGIN RSA/EC PRIVATE KEY"
    bool toPkcs12(const QString& name, const QStringList& chain, const QString& passphrase, const QString& outFile,
                  bool legacyAlgorithms = false);
    bool toPkcs7(const QStringList& names, const QString& outFile, bool der = false);

    QByteArray read(const QString& fileName) const;
    bool write(const QString& fileName, const QByteArray& data) const;
    // Concatenates PEM files into one.
    bool concat(const QStringList& fileNames, const QString& outFile) const;

    // Runs `openssl` with `arguments` in the directory; stdout into *output when given.
    bool openssl(const QStringList& arguments, QByteArray* output = nullptr, const QByteArray& input = QByteArray());

private:
    bool makeKey(const QString& name, const Options& options);
    bool sign(const QString& name, const QString& commonName, const QString& issuer, const QStringList& extensions,
              const Options& options);

    QString m_dir;
    QString m_lastError;
    int m_serial = 1;
};
