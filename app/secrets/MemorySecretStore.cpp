#include "MemorySecretStore.h"

#include <QCoreApplication>
#include <QMetaObject>

namespace mtls {

MemorySecretStore::MemorySecretStore(QObject* parent)
    : SecretStore(parent)
{
}

MemorySecretStore::~MemorySecretStore()
{
    for (QByteArray& secret : m_secrets)
        secret.fill('\0');
}

QString MemorySecretStore::description() const
{
    return tr("a keychain in memory");
}

void MemorySecretStore::finish(QObject* context, Callback done, SecretResult result)
{
    // Always later, from the event loop, as the real keychain does.
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    QMetaObject::invokeMethod(
        this,
        [guard, hadContext, done = std::move(done), result = std::move(result)] {
            if (hadContext && !guard)
                return;
            if (done)
                done(result);
        },
        Qt::QueuedConnection);
}

void MemorySecretStore::read(const QString& key, QObject* context, Callback done)
{
    SecretResult result;
    if (!m_available) {
        result.status = SecretResult::Status::Unavailable;
        result.message = tr("No system keychain is available.");
    } else if (const auto it = m_secrets.constFind(key); it != m_secrets.constEnd()) {
        result.status = SecretResult::Status::Ok;
        result.secret = *it;
    } else {
        result.status = SecretResult::Status::NotFound;
        result.message = tr("Nothing is stored under this name.");
    }
    finish(context, std::move(done), std::move(result));
}

void MemorySecretStore::write(const QString& key, const QByteArray& secret, QObject* context, Callback done)
{
    SecretResult result;
    if (!m_available) {
        result.status = SecretResult::Status::Unavailable;
        result.message = tr("No system keychain is available.");
    } else {
        m_secrets.insert(key, secret);
        result.status = SecretResult::Status::Ok;
    }
    finish(context, std::move(done), std::move(result));
}

void MemorySecretStore::remove(const QString& key, QObject* context, Callback done)
{
    SecretResult result;
    if (!m_available) {
        result.status = SecretResult::Status::Unavailable;
        result.message = tr("No system keychain is available.");
    } else if (m_secrets.remove(key) > 0) {
        result.status = SecretResult::Status::Ok;
    } else {
        result.status = SecretResult::Status::NotFound;
        result.message = tr("Nothing is stored under this name.");
    }
    finish(context, std::move(done), std::move(result));
}

} // namespace mtls
