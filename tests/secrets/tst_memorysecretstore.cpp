#include "secrets/MemorySecretStore.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace mtls;

class TestMemorySecretStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTripIsAsynchronous();
    void unavailableStoresNothing();
    void callbackSkippedWhenContextIsGone();
    void passphraseKeyIsStablePerFile();
};

void TestMemorySecretStore::roundTripIsAsynchronous()
{
    MemorySecretStore store;
    std::optional<SecretResult> written;
    store.write(QStringLiteral("k"), "s3cret", this, [&](const SecretResult& r) { written = r; });
    QVERIFY(!written); // never synchronous
    QTRY_VERIFY(written);
    QVERIFY(written->ok());

    std::optional<SecretResult> read;
    store.read(QStringLiteral("k"), this, [&](const SecretResult& r) { read = r; });
    QTRY_VERIFY(read);
    QCOMPARE(read->status, SecretResult::Status::Ok);
    QCOMPARE(read->secret, QByteArray("s3cret"));

    std::optional<SecretResult> removed;
    store.remove(QStringLiteral("k"), this, [&](const SecretResult& r) { removed = r; });
    QTRY_VERIFY(removed);
    QVERIFY(removed->ok());

    read.reset();
    store.read(QStringLiteral("k"), this, [&](const SecretResult& r) { read = r; });
    QTRY_VERIFY(read);
    QCOMPARE(read->status, SecretResult::Status::NotFound);
    QVERIFY(read->secret.isEmpty());
}

void TestMemorySecretStore::unavailableStoresNothing()
{
    MemorySecretStore store;
    store.setAvailable(false);
    std::optional<SecretResult> written;
    store.write(QStringLiteral("k"), "s3cret", this, [&](const SecretResult& r) { written = r; });
    QTRY_VERIFY(written);
    QCOMPARE(written->status, SecretResult::Status::Unavailable);
    QVERIFY(!written->message.isEmpty());
    QCOMPARE(store.count(), 0);
}

void TestMemorySecretStore::callbackSkippedWhenContextIsGone()
{
    MemorySecretStore store;
    auto context = std::make_unique<QObject>();
    bool called = false;
    store.write(QStringLiteral("k"), "v", context.get(), [&](const SecretResult&) { called = true; });
    context.reset();
    // A later operation's callback proves the queue ran.
    bool second = false;
    store.read(QStringLiteral("k"), this, [&](const SecretResult&) { second = true; });
    QTRY_VERIFY(second);
    QVERIFY(!called);
    QVERIFY(store.contains(QStringLiteral("k")));
}

void TestMemorySecretStore::passphraseKeyIsStablePerFile()
{
    const QString a = SecretStore::passphraseKey(QStringLiteral("/tmp/a/server.pfx"));
    QCOMPARE(a, SecretStore::passphraseKey(QStringLiteral("/tmp/a/../a/server.pfx")));
    QVERIFY(a != SecretStore::passphraseKey(QStringLiteral("/tmp/b/server.pfx")));
    QVERIFY(!a.contains(QLatin1String("server.pfx")));
}

QTEST_GUILESS_MAIN(TestMemorySecretStore)
#include "tst_memorysecretstore.moc"
