#include "KeychainSecretStore.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace mtls {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::KeychainSecretStore)
};

// A keychain that cannot be reached at all (no secret service, no session bus) shows up as one of these.
bool looksUnavailable(const QKeychain::Job& job)
{
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return true;
    case QKeychain::OtherError: {
        const QString text = job.errorString();
        return text.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive)
            || text.contains(QLatin1String("DBus"), Qt::CaseInsensitive)
            || text.contains(QLatin1String("org.freedesktop.secrets"), Qt::CaseInsensitive)
            || text.contains(QLatin1String("wallet"), Qt::CaseInsensitive)
            || text.contains(QLatin1String("keyring"), Qt::CaseInsensitive);
    }
    default:
        return false;
    }
}

SecretResult resultOf(const QKeychain::Job& job)
{
    SecretResult result;
    result.detail = job.errorString();
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = SecretResult::Status::Ok;
        result.detail.clear();
        return result;
    case QKeychain::EntryNotFound:
        result.status = SecretResult::Status::NotFound;
        result.message = Text::tr("Nothing is stored in the system keychain under this name.");
        return result;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.status = SecretResult::Status::Denied;
        result.message = Text::tr("The system keychain refused access. Nothing was stored; you will be asked again "
                                  "next time.");
        return result;
    default:
        break;
    }
    if (looksUnavailable(job)) {
        result.status = SecretResult::Status::Unavailable;
        result.message
            = Text::tr("No system keychain is available in this session (on Linux: no Secret Service such as "
                       "GNOME Keyring or KWallet is running). Nothing was stored; you will be asked again "
                       "next time.");
    } else {
        result.status = SecretResult::Status::Failed;
        result.message = Text::tr("The system keychain reported an error. Nothing was stored; you will be asked again "
                                  "next time.");
    }
    return result;
}

void start(QKeychain::Job* job, const QString& key, QObject* context, SecretStore::Callback done, QObject* receiver)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain file or setting
    job->setKey(key);
    const bool hadContext = context != nullptr;
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, receiver,
                     [guard, hadContext, done = std::move(done)](QKeychain::Job* finished) {
                         SecretResult result = resultOf(*finished);
                         if (auto* reader = qobject_cast<QKeychain::ReadPasswordJob*>(finished); reader && result.ok())
                             result.secret = reader->binaryData();
                         if (!result.ok())
                             qCInfo(lcSecrets) << "keychain operation ended:" << int(result.status) << result.detail;
                         if (hadContext && !guard)
                             return;
                         if (done)
                             done(result);
                     });
    job->start();
}
} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject* parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{
}

QString KeychainSecretStore::description() const
{
    return Text::tr("the system keychain");
}

void KeychainSecretStore::read(const QString& key, QObject* context, Callback done)
{
    start(new QKeychain::ReadPasswordJob(m_service, this), key, context, std::move(done), this);
}

void KeychainSecretStore::write(const QString& key, const QByteArray& secret, QObject* context, Callback done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setBinaryData(secret);
    start(job, key, context, std::move(done), this);
}

void KeychainSecretStore::remove(const QString& key, QObject* context, Callback done)
{
    start(new QKeychain::DeletePasswordJob(m_service, this), key, context, std::move(done), this);
}

} // namespace mtls
