#include "secrets/KeychainSecretStore.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

#include <optional>

using namespace mtls;

// The real system keychain. Run by run-keychain-test.sh in two ways:
//   MTLS_KEYCHAIN=available   inside dbus-run-session with an unlocked gnome-keyring-daemon;
//   MTLS_KEYCHAIN=unavailable without any session bus: every operation must say so, and nothing may be written.
class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip();
    void binaryAndUnicodeSecrets();
    void unavailableIsReportedAndNothingIsWritten();

private:
    SecretResult wait(const std::function<void(SecretStore::Callback)>& start);
    bool m_available = false;
};

void TestKeychainSecretStore::initTestCase()
{
    const QByteArray mode = qgetenv("MTLS_KEYCHAIN");
    QVERIFY2(mode == "available" || mode == "unavailable", "run through run-keychain-test.sh");
    m_available = mode == "available";
}

SecretResult TestKeychainSecretStore::wait(const std::function<void(SecretStore::Callback)>& start)
{
    std::optional<SecretResult> result;
    start([&](const SecretResult& r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return SecretResult {SecretResult::Status::Failed, {}, QStringLiteral("timed out"), {}};
    return *result;
}

void TestKeychainSecretStore::roundTrip()
{
    if (!m_available)
        QSKIP("needs the secret service (MTLS_KEYCHAIN=available)");
    KeychainSecretStore store(QStringLiteral("mtls-assistant-test"));
    const QString key = SecretStore::passphraseKey(QStringLiteral("/srv/certs/server.pfx"));

    SecretResult r = wait([&](auto done) { store.write(key, "correct horse", this, done); });
    QVERIFY2(r.ok(), qPrintable(r.message + QLatin1Char(' ') + r.detail));

    r = wait([&](auto done) { store.read(key, this, done); });
    QVERIFY2(r.ok(), qPrintable(r.message + QLatin1Char(' ') + r.detail));
    QCOMPARE(r.secret, QByteArray("correct horse"));

    // A second store object (as after a restart) reads the same entry.
    KeychainSecretStore again(QStringLiteral("mtls-assistant-test"));
    r = wait([&](auto done) { again.read(key, this, done); });
    QCOMPARE(r.secret, QByteArray("correct horse"));

    r = wait([&](auto done) { store.remove(key, this, done); });
    QVERIFY2(r.ok(), qPrintable(r.message + QLatin1Char(' ') + r.detail));
    r = wait([&](auto done) { store.read(key, this, done); });
    QCOMPARE(r.status, SecretResult::Status::NotFound);
}

void TestKeychainSecretStore::binaryAndUnicodeSecrets()
{
    if (!m_available)
        QSKIP("needs the secret service (MTLS_KEYCHAIN=available)");
    KeychainSecretStore store(QStringLiteral("mtls-assistant-test"));
    const QByteArray secret = QStringLiteral("密码 pass\u00e9").toUtf8() + QByteArray("\x01\xff", 2);
    SecretResult r = wait([&](auto done) { store.write(QStringLiteral("k2"), secret, this, done); });
    QVERIFY2(r.ok(), qPrintable(r.detail));
    r = wait([&](auto done) { store.read(QStringLiteral("k2"), this, done); });
    QCOMPARE(r.secret, secret);
}

void TestKeychainSecretStore::unavailableIsReportedAndNothingIsWritten()
{
    if (m_available)
        QSKIP("needs a session without a secret service (MTLS_KEYCHAIN=unavailable)");
    const QString home = QDir::homePath();
    KeychainSecretStore store(QStringLiteral("mtls-assistant-test"));
    SecretResult r = wait([&](auto done) { store.write(QStringLiteral("k"), "secret", this, done); });
    QCOMPARE(r.status, SecretResult::Status::Unavailable);
    QVERIFY(r.message.contains(QLatin1String("keychain")));
    QVERIFY(!r.detail.isEmpty());

    r = wait([&](auto done) { store.read(QStringLiteral("k"), this, done); });
    QCOMPARE(r.status, SecretResult::Status::Unavailable);
    QVERIFY(r.secret.isEmpty());

    // No fallback: not a single file holds the secret under HOME (the script points HOME at an empty directory).
    QDirIterator it(home, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains("secret"), qPrintable(file.fileName()));
    }
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
