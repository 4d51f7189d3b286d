#pragma once

#include "SecretStore.h"

#include <QHash>

namespace mtls {

// Secrets in memory, for tests. Behaves like the keychain: asynchronous callbacks; can play an unavailable keychain.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject* parent = nullptr);
    ~MemorySecretStore() override;

    void read(const QString& key, QObject* context, Callback done) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, Callback done) override;
    void remove(const QString& key, QObject* context, Callback done) override;
    QString description() const override;

    void setAvailable(bool available) { m_available = available; }
    bool contains(const QString& key) const { return m_secrets.contains(key); }
    int count() const { return int(m_secrets.size()); }

private:
    void finish(QObject* context, Callback done, SecretResult result);

    QHash<QString, QByteArray> m_secrets;
    bool m_available = true;
};

} // namespace mtls
