#include "SecretStore.h"

#include <QCryptographicHash>
#include <QFileInfo>

namespace mtls {

QString SecretStore::passphraseKey(const QString& filePath)
{
    // The absolute path identifies the file; hashed so the keychain entry does not spell out the user's folders.
    const QString absolute = QFileInfo(filePath).absoluteFilePath();
    const QByteArray hash = QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("passphrase:") + QString::fromLatin1(hash.left(32));
}

QString SecretStore::webhookTokenKey(const QString& domain)
{
    const QByteArray hash = QCryptographicHash::hash(domain.toLower().toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("webhook-token:") + QString::fromLatin1(hash.left(32));
}

} // namespace mtls
