#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace mtls {

// The outcome of one secret-store operation.
struct SecretResult
{
    enum class Status {
        Ok, // done (read: `secret` holds the value)
        NotFound, // nothing stored under that key (read, remove)
        Unavailable, // no system keychain on this machine or session (nothing was stored anywhere)
        Denied, // the user or the system refused access
        Failed, // another failure; `message` says what
    };

    Status status = Status::Failed;
    QByteArray secret; // read only; never logged
    QString message; // for the user, empty when ok
    QString detail; // the keychain's own words, for the technical detail

    bool ok() const { return status == Status::Ok; }
};

// Where the assistant keeps secrets (passphrases of keys and PKCS#12 files): the system keychain in the product,
// memory in tests. Every operation is asynchronous: it starts, returns at once and calls `done` later from the
// event loop of the store's thread. The callback is skipped when `context` has been destroyed by then.
// Never a nested event loop, never a file or setting as a fallback.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult&)>;

    explicit SecretStore(QObject* parent = nullptr)
        : QObject(parent)
    {
    }

    virtual void read(const QString& key, QObject* context, Callback done) = 0;
    virtual void write(const QString& key, const QByteArray& secret, QObject* context, Callback done) = 0;
    virtual void remove(const QString& key, QObject* context, Callback done) = 0;

    // A line for the user, e.g. "the system keychain".
    virtual QString description() const = 0;

    // The key under which the passphrase of a file is kept: stable for the same file.
    static QString passphraseKey(const QString& filePath);
    // The key under which the webhook authentication token of a domain is kept (for the rehearsal).
    static QString webhookTokenKey(const QString& domain);
};

} // namespace mtls
