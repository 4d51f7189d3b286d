// Writes one file per class of hostile certificate material into a folder, for the benchmark (full size) and the
// fuzz seed corpus (--small: each under the fuzzer's 64 KB input size). Nothing it writes holds a real key.
// Usage: make_hostile_material FOLDER [--small]
#include "HostileMaterial.h"
#include "TestZip.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>

namespace {
bool write(const QDir& dir, const QString& name, const QByteArray& data)
{
    QFile file(dir.filePath(name));
    if (file.open(QIODevice::WriteOnly) && file.write(data) == data.size())
        return true;
    std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
    return false;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: make_hostile_material FOLDER [--small]\n");
        return 2;
    }
    const bool small = args.contains(QStringLiteral("--small"));
    QDir dir(args.at(1));
    if (!dir.mkpath(QStringLiteral(".")))
        return 2;
    const quint64 hostileRounds = 2'147'483'647;
    bool ok = hostile::writeNestedZipBomb(dir.filePath(QStringLiteral("zip-of-zips.zip")), small ? 8 : 64, 4, 15 << 20);
    ok = ok && write(dir, QStringLiteral("pkcs12-nested-rounds.p12"), hostile::pkcs12WithRounds(hostileRounds, 1));
    ok = ok && write(dir, QStringLiteral("pkcs12-mac-rounds.p12"), hostile::pkcs12WithMacIterations(hostileRounds));
    ok = ok
        && write(dir, QStringLiteral("scrypt-p16000.p8"),
                 hostile::encryptedKeyPem(hostile::scryptPkcs8(16384, 8, 16000)));
    ok = ok && write(dir, QStringLiteral("thirty-keys.pem"), hostile::manyEncryptedKeys(30, 600'000));
    ok = ok && write(dir, QStringLiteral("thirty-heavy-keys.pem"), hostile::manyEncryptedKeys(30, 2'000'000));
    ok = ok && write(dir, QStringLiteral("pem-flood.pem"), hostile::pemFlood(small ? 60'000 : 16 << 20));
    ok = ok
        && write(dir, QStringLiteral("certs-and-keys.pem"),
                 small ? hostile::certificatesAndKeys(20, 20) : hostile::certificatesAndKeys(2000, 2000));
    // The same classes one nesting level further.
    ok = ok
        && write(dir, QStringLiteral("pkcs12-encrypted-safe-rounds.p12"),
                 hostile::pkcs12WithKeyBagInEncryptedSafe(hostile::pbkdf2Pkcs8(hostileRounds), 1, "s3cret"));
    ok = ok
        && write(dir, QStringLiteral("pkcs12-scrypt-bag.p12"),
                 hostile::pkcs12WithKeyBag(hostile::scryptPkcs8(16384, 8, 16000), 2));
    ok = ok
        && writeTestZip(dir.filePath(QStringLiteral("pem-flood.zip")),
                        {{QStringLiteral("flood.pem"), hostile::pemFlood(small ? 60'000 : 16 << 20)}});
    QList<TestZipEntry> keys;
    for (int i = 0; i < 30; ++i)
        keys.append({QStringLiteral("key%1.pem").arg(i), hostile::manyEncryptedKeys(1, 600'000)});
    ok = ok && writeTestZip(dir.filePath(QStringLiteral("thirty-keys.zip")), keys);
    return ok ? 0 : 1;
}
