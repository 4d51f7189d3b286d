// The probe against hostile or broken endpoints: each ends in a clear finding within the time limit.
#include "HostileServer.h"
#include "TestPki.h"
#include "TestProcess.h"
#include "probe/ProbeWorker.h"
#include "probe/Prober.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mtls;
using Behaviour = HostileServer::Behaviour;

Q_DECLARE_METATYPE(HostileServer::Behaviour)

class TestProbeHostile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void endsWithFinding_data();
    void endsWithFinding();
    void cliReturnsWithinTheTimeout();
    void cancelFromAnotherThread();
    void usageErrors_data();
    void usageErrors();

private:
    ProbeOptions options(quint16 port, int timeoutMs = 1500) const;

    QTemporaryDir m_dir;
    std::unique_ptr<TestPki> m_pki;
};

void TestProbeHostile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pki = std::make_unique<TestPki>(m_dir.path());
    QVERIFY2(m_pki->makeCa(QStringLiteral("ca"), QStringLiteral("Hostile CA")), qPrintable(m_pki->lastError()));
    QVERIFY2(m_pki->makeServer(QStringLiteral("server"), {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")},
                               QStringLiteral("ca")),
             qPrintable(m_pki->lastError()));
}

ProbeOptions TestProbeHostile::options(quint16 port, int timeoutMs) const
{
    ProbeOptions o;
    o.url = QUrl(QStringLiteral("https://127.0.0.1:%1/im/callback").arg(port));
    o.timeoutMs = timeoutMs;
    return o;
}

void TestProbeHostile::endsWithFinding_data()
{
    QTest::addColumn<int>("behaviour");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("hintMentions");

    QTest::newRow("nothing listening") << int(Behaviour::NotListening) << QStringLiteral("CONNECT_FAILED")
                                       << QStringLiteral("listen");
    QTest::newRow("accepts, never answers")
        << int(Behaviour::Silent) << QStringLiteral("TIMEOUT") << QStringLiteral("TLS handshake");
    QTest::newRow("garbage") << int(Behaviour::Garbage) << QStringLiteral("TLS_HANDSHAKE_FAILED") << QString();
    QTest::newRow("handshake stalls half way")
        << int(Behaviour::StallHalfway) << QStringLiteral("TIMEOUT") << QStringLiteral("TLS handshake");
    QTest::newRow("plain HTTP where TLS is expected")
        << int(Behaviour::PlainHttp) << QStringLiteral("TLS_HANDSHAKE_FAILED") << QStringLiteral("`ssl`");
    QTest::newRow("TLS without HTTP behind it")
        << int(Behaviour::TlsWithoutHttp) << QStringLiteral("TLS_HANDSHAKE_FAILED") << QStringLiteral("HTTPS");
    QTest::newRow("enormous certificate chain")
        << int(Behaviour::HugeChain) << QStringLiteral("TLS_HANDSHAKE_FAILED") << QStringLiteral("100 KB");
}

void TestProbeHostile::endsWithFinding()
{
    QFETCH(int, behaviour);
    QFETCH(QString, code);
    QFETCH(QString, hintMentions);

    HostileServer server(Behaviour(behaviour), m_pki->path(QStringLiteral("server.crt")),
                         m_pki->path(QStringLiteral("server.key")));
    QVERIFY(server.start());
    const quint16 port = server.port();
    const int timeoutMs = 1500;
    Prober prober(options(port, timeoutMs));
    QElapsedTimer clock;
    clock.start();
    const Result<ProbeReport> report = prober.run();
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(report.ok(), qPrintable(report.error().fullText()));
    QVERIFY(!report->ok());
    QVERIFY2(hasCode(report->findings, code), QJsonDocument(report->toJson()).toJson().constData());
    const Finding& first = report->findings.first();
    QCOMPARE(first.code, code);
    QVERIFY2(first.hint.contains(hintMentions), qPrintable(first.hint));
    QVERIFY2(elapsed <= timeoutMs + 1000, qPrintable(QString::number(elapsed)));
    QCOMPARE(report->withoutClientCertificate, CallerOutcome::NotTested);
    if (code != QLatin1String("CONNECT_FAILED"))
        QCOMPARE(report->address, QStringLiteral("127.0.0.1:%1").arg(port));
}

void TestProbeHostile::cliReturnsWithinTheTimeout()
{
    HostileServer server(Behaviour::Silent);
    QVERIFY(server.start());
    const ProcessResult r = runCli({QStringLiteral("probe"), QStringLiteral("https://127.0.0.1:%1/").arg(server.port()),
                                    QStringLiteral("--timeout"), QStringLiteral("1"), QStringLiteral("--json")},
                                   QProcessEnvironment::systemEnvironment(), 10000);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.elapsedMs <= 2000, qPrintable(QString::number(r.elapsedMs)));
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(json.value(QStringLiteral("findings")).toArray().first().toObject().value(QStringLiteral("code")),
             QStringLiteral("TIMEOUT"));
    QCOMPARE(json.value(QStringLiteral("without_client_certificate")).toString(), QStringLiteral("not_tested"));
    QVERIFY(json.value(QStringLiteral("http_status_without_certificate")).isNull());
}

void TestProbeHostile::cancelFromAnotherThread()
{
    HostileServer server(Behaviour::Silent);
    QVERIFY(server.start());
    ProbeWorker worker;
    QSignalSpy steps(&worker, &ProbeWorker::stepStarted);
    QSignalSpy failed(&worker, &ProbeWorker::failed);
    QSignalSpy finished(&worker, &ProbeWorker::finished);
    QVERIFY(worker.start(options(server.port(), 60000)));
    QVERIFY(worker.isRunning());
    QVERIFY(!worker.start(options(server.port(), 60000))); // one probe at a time
    // Waits in the handshake (the server never answers) until cancelled.
    QTRY_VERIFY_WITH_TIMEOUT(server.connectionsAccepted() >= 1, 5000);
    QTRY_VERIFY(!steps.isEmpty() && steps.last().at(0).value<ProbeStep>() == ProbeStep::Handshake);
    worker.cancel();
    QVERIFY(failed.wait(5000));
    QCOMPARE(finished.count(), 0);
    QVERIFY(failed.first().at(0).toString().contains(QLatin1String("cancelled")));
}

void TestProbeHostile::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no URL") << QStringList {};
    QTest::newRow("plain http URL") << QStringList {QStringLiteral("http://127.0.0.1:1/")};
    QTest::newRow("two URLs") << QStringList {QStringLiteral("https://a/"), QStringLiteral("https://b/")};
    QTest::newRow("bad timeout") << QStringList {QStringLiteral("https://127.0.0.1:1/"), QStringLiteral("--timeout"),
                                                 QStringLiteral("soon")};
    QTest::newRow("cert without key") << QStringList {QStringLiteral("https://127.0.0.1:1/"),
                                                      QStringLiteral("--client-cert"), QStringLiteral("x.crt")};
    QTest::newRow("missing CA file") << QStringList {QStringLiteral("https://127.0.0.1:1/"),
                                                     QStringLiteral("--client-ca"), QStringLiteral("/nonexistent")};
}

void TestProbeHostile::usageErrors()
{
    QFETCH(QStringList, arguments);
    const ProcessResult r = runCli(QStringList {QStringLiteral("probe")} + arguments);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestProbeHostile)
#include "tst_probehostile.moc"
