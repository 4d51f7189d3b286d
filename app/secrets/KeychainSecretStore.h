#pragma once

#include "SecretStore.h"

namespace mtls {

// Secrets in the system keychain through QtKeychain (Secret Service/GNOME Keyring or KWallet on Linux, the Keychain
// on macOS, the Credential Manager on Windows). When there is none, operations end with Status::Unavailable and a
// message that says so; nothing is ever written to a file or a setting instead.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    // `service` names the application's entries in the keychain.
    explicit KeychainSecretStore(QString service = QStringLiteral("mtls-assistant"), QObject* parent = nullptr);

    void read(const QString& key, QObject* context, Callback done) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, Callback done) override;
    void remove(const QString& key, QObject* context, Callback done) override;
    QString description() const override;

private:
    QString m_service;
};

} // namespace mtls
