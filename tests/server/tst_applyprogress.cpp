// The steps apply and rollback report as they happen, against a throwaway nginx: every step in order for a
// successful apply, the failed step and the rollback for a failing one (the engine's fault hooks), and the steps
// of a rollback.

#include "MtlsFixture.h"
#include "deploy/ApplyService.h"
#include "server/ThrowawayServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QTest>

using namespace mtls;
using Kind = ApplyProgress::Kind;
using Kinds = QList<ApplyProgress::Kind>;

namespace {

QString text(const char* source, const QString& arg)
{
    return QCoreApplication::translate("mtls::ApplyService", source).arg(QDir::toNativeSeparators(arg));
}

// What a progress callback was told, in order.
struct Recorder
{
    QList<ApplyProgress> steps;
    ApplyProgressCallback callback()
    {
        return [this](const ApplyProgress& step) { steps << step; };
    }
    QList<Kind> kinds() const
    {
        QList<Kind> list;
        for (const ApplyProgress& s : steps)
            list << s.kind;
        return list;
    }
    QStringList paths(Kind kind) const
    {
        QStringList list;
        for (const ApplyProgress& s : steps) {
            if (s.kind == kind)
                list << s.path;
        }
        return list;
    }
    QString describe() const
    {
        QStringList lines;
        for (const ApplyProgress& s : steps)
            lines << applyProgressKindName(s.kind) + QLatin1Char(' ') + s.text;
        return lines.join(QLatin1Char('\n'));
    }
};

QList<Kind> repeated(Kind kind, qsizetype n)
{
    return Kinds(n, kind);
}

QStringList reversed(QStringList list)
{
    std::reverse(list.begin(), list.end());
    return list;
}

// A throwaway nginx serving an old site, and the request to apply a new one next to it.
struct Installation
{
    std::unique_ptr<ThrowawayServer> server;
    QTemporaryDir stateDir;
    ServerInstallation installation;
    quint16 newPort = 0;

    Status start()
    {
        ThrowawayServerOptions options;
        options.kind = ServerKind::Nginx;
        options.port = freeLoopbackPort();
        options.siteConfig
            = QStringLiteral("server {\n    listen 127.0.0.1:%1;\n    location / { return 200 \"old-site\\n\"; }\n}\n")
                  .arg(options.port);
        server = std::make_unique<ThrowawayServer>(options);
        if (auto started = server->start(); !started)
            return started;
        do {
            newPort = freeLoopbackPort();
        } while (newPort == options.port);
        DiscoveryOptions discovery;
        discovery.binary = server->binary();
        discovery.configRoot = server->prefix();
        discovery.mainConfig = server->mainConfigPath();
        discovery.prefix = server->prefix();
        auto found = discoverServer(ServerKind::Nginx, discovery);
        if (!found)
            return found.error();
        installation = found.value();
        return {};
    }

    ApplyRequest request(const MtlsFixture& fixture, const ApplyProgressCallback& progress) const
    {
        ApplyRequest r;
        r.installation = installation;
        r.config.domain = QStringLiteral("localhost");
        r.config.listen = parseListen(QStringLiteral("127.0.0.1:%1").arg(newPort));
        r.config.upstreamUrl = QStringLiteral("http://127.0.0.1:9");
        r.config.webhookPath = QStringLiteral("/im/callback");
        r.material.fullChainPem = fixture.read(QStringLiteral("fullchain.pem"));
        r.material.chainPem = fixture.read(QStringLiteral("chain.pem"));
        r.material.keyPem = fixture.read(QStringLiteral("server.key"));
        r.material.clientCaPem = fixture.read(QStringLiteral("chatca.crt"));
        r.stateDir = stateDir.path();
        r.progress = progress;
        return r;
    }
};

} // namespace

class TestApplyProgress : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void successReportsEveryStepInOrder();
    void replacedFilesAreReportedBackedUp();
    void failureReportsTheRollback_data();
    void failureReportsTheRollback();
    void rollbackReportsItsSteps();
    void refusalBeforeAnyChangeIsOneFailedStep();

private:
    MtlsFixture m_fixture;
};

void TestApplyProgress::initTestCase()
{
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    QVERIFY(m_fixture.pki().makeServer(QStringLiteral("other"), {QStringLiteral("localhost")}, QStringLiteral("int")));
}

void TestApplyProgress::successReportsEveryStepInOrder()
{
    Installation inst;
    const Status started = inst.start();
    QVERIFY2(started, qPrintable(started.error().fullText()));
    Recorder recorder;
    const auto applied = applyConfiguration(inst.request(m_fixture, recorder.callback()));
    QVERIFY2(applied, qPrintable(applied.error().fullText()));

    // New directories, then each change in the order it was made, then the test, the reload and what was verified
    // from outside (our site as a client sees it; the server reads our file); nothing else.
    const QStringList dirs = recorder.paths(Kind::DirectoryMade);
    QVERIFY(dirs.contains(inst.server->prefix() + QStringLiteral("/mtls-assistant/localhost")));
    QCOMPARE(applied->changed.size(), 5); // fullchain, chain, key, client CA, site
    QCOMPARE(recorder.kinds(),
             repeated(Kind::DirectoryMade, dirs.size()) + repeated(Kind::Written, 5)
                 + Kinds({Kind::Tested, Kind::Reloaded, Kind::Verified, Kind::Verified}));
    QCOMPARE(recorder.paths(Kind::Written), applied->changed);
    for (const ApplyProgress& step : std::as_const(recorder.steps)) {
        if (step.kind == Kind::Written)
            QCOMPARE(step.text, text("Written: %1", step.path));
        QVERIFY(!step.text.isEmpty());
    }
    QCOMPARE(recorder.steps.at(recorder.steps.size() - 3).text,
             QCoreApplication::translate("mtls::ApplyService", "Reloaded: %1 read the new configuration.")
                 .arg(serverKindDisplayName(ServerKind::Nginx)));
    const QString address = QStringLiteral("127.0.0.1:%1").arg(inst.newPort);
    QVERIFY2(recorder.steps.at(recorder.steps.size() - 2).text.contains(QStringLiteral("localhost on ") + address),
             qPrintable(recorder.describe()));
}

void TestApplyProgress::replacedFilesAreReportedBackedUp()
{
    Installation inst;
    QVERIFY(inst.start());
    const auto first = applyConfiguration(inst.request(m_fixture, {}));
    QVERIFY2(first, qPrintable(first.error().fullText()));
    Recorder recorder;
    const auto second = applyConfiguration(inst.request(m_fixture, recorder.callback()));
    QVERIFY2(second, qPrintable(second.error().fullText()));
    // Every file is there already: each is backed up before the first write, and no directory is made.
    QCOMPARE(recorder.kinds(),
             repeated(Kind::BackedUp, 5) + repeated(Kind::Written, 5)
                 + Kinds({Kind::Tested, Kind::Reloaded, Kind::Verified, Kind::Verified}));
    QCOMPARE(recorder.paths(Kind::BackedUp), second->changed);
    QCOMPARE(recorder.steps.first().text, text("Backed up: %1", second->changed.first()));
}

void TestApplyProgress::failureReportsTheRollback_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("written"); // changes made before the failure
    QTest::addColumn<bool>("tested");
    QTest::newRow("write fails on the 3rd file") << QStringLiteral("write-3") << 2 << false;
    QTest::newRow("server test fails") << QStringLiteral("mismatched-key") << 5 << false;
    QTest::newRow("reload fails") << QStringLiteral("reload") << 5 << true;
}

void TestApplyProgress::failureReportsTheRollback()
{
    QFETCH(QString, fault);
    QFETCH(int, written);
    QFETCH(bool, tested);
    Installation inst;
    QVERIFY(inst.start());
    Recorder recorder;
    ApplyRequest request = inst.request(m_fixture, recorder.callback());
    if (fault == QLatin1String("mismatched-key"))
        request.material.keyPem = m_fixture.read(QStringLiteral("other.key"));
    if (fault == QLatin1String("reload"))
        qputenv("MTLS_TEST_FAIL_RELOAD", "1");
    if (fault.startsWith(QLatin1String("write-")))
        qputenv("MTLS_APPLY_FAIL_WRITE_AT", fault.mid(6).toLatin1());
    const auto applied = applyConfiguration(request);
    qunsetenv("MTLS_TEST_FAIL_RELOAD");
    qunsetenv("MTLS_APPLY_FAIL_WRITE_AT");
    QVERIFY(!applied);

    const QStringList dirs = recorder.paths(Kind::DirectoryMade);
    QList<Kind> expected = repeated(Kind::DirectoryMade, dirs.size()) + repeated(Kind::Written, written);
    if (tested)
        expected << Kind::Tested;
    expected << Kind::Failed << Kind::RollingBack;
    expected += repeated(Kind::Restored, written) + repeated(Kind::DirectoryRemoved, dirs.size());
    expected << Kind::RolledBack;
    if (fault == QLatin1String("reload"))
        expected << Kind::Failed; // the hook refuses the reload of the previous configuration too, so nothing is
                                  // verified
    QCOMPARE(recorder.kinds(), expected);

    // The failed step says what failed (the file, when a write failed), in words.
    const ApplyProgress failed = recorder.steps.at(expected.indexOf(Kind::Failed));
    QVERIFY2(failed.text.startsWith(text("Failed: %1", QString()).trimmed()), qPrintable(recorder.describe()));
    if (fault.startsWith(QLatin1String("write-"))) {
        QVERIFY(failed.path.endsWith(QLatin1String("/privkey.pem")));
        QVERIFY(failed.text.contains(QDir::toNativeSeparators(failed.path)));
    }
    // What was written is removed again, last first; the directories made are removed too, deepest first.
    QCOMPARE(recorder.paths(Kind::Restored), reversed(recorder.paths(Kind::Written)));
    QCOMPARE(recorder.paths(Kind::DirectoryRemoved), reversed(dirs));
    for (const ApplyProgress& step : std::as_const(recorder.steps)) {
        if (step.kind == Kind::Restored)
            QCOMPARE(step.text, text("Removed: %1", step.path)); // none of them existed before
    }
}

void TestApplyProgress::rollbackReportsItsSteps()
{
    Installation inst;
    QVERIFY(inst.start());
    Recorder applying;
    const auto applied = applyConfiguration(inst.request(m_fixture, applying.callback()));
    QVERIFY2(applied, qPrintable(applied.error().fullText()));

    Recorder recorder;
    const Status rolledBack = rollbackLastApply(inst.installation, inst.stateDir.path(), recorder.callback());
    QVERIFY2(rolledBack, qPrintable(rolledBack.error().fullText()));
    const QStringList dirs = applying.paths(Kind::DirectoryMade);
    QCOMPARE(recorder.kinds(),
             Kinds({Kind::RollingBack}) + repeated(Kind::Restored, 5) + repeated(Kind::DirectoryRemoved, dirs.size())
                 + Kinds({Kind::RolledBack, Kind::Tested, Kind::Reloaded, Kind::Verified}));
    QCOMPARE(recorder.paths(Kind::Restored), reversed(applied->changed));
    QCOMPARE(recorder.paths(Kind::DirectoryRemoved), reversed(dirs));
}

void TestApplyProgress::refusalBeforeAnyChangeIsOneFailedStep()
{
    Installation inst;
    QVERIFY(inst.start());
    Recorder recorder;
    const Status rolledBack = rollbackLastApply(inst.installation, inst.stateDir.path(), recorder.callback());
    QVERIFY(!rolledBack);
    QCOMPARE(recorder.kinds(), Kinds({Kind::Failed}));
    QCOMPARE(recorder.steps.first().text,
             QCoreApplication::translate("mtls::ApplyService", "Failed: %1").arg(rolledBack.error().message));
}

QTEST_GUILESS_MAIN(TestApplyProgress)
#include "tst_applyprogress.moc"
