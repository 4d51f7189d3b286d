#include "TestProcess.h"
#include "sandbox/WebhookUpstream.h"

#include <QTcpSocket>
#include <QTest>

using namespace mtls;

namespace {

// curl is run with a blocking wait: the upstream must answer from its own thread.
ProcessResult curl(const QStringList& arguments)
{
    return runProcess(QStringLiteral("curl"),
                      QStringList {QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("10"),
                                   QStringLiteral("-w"), QStringLiteral("\n%{http_code}")}
                          + arguments);
}

} // namespace

class TestWebhookUpstream : public QObject
{
    Q_OBJECT

private slots:
    void answersLikeChatAndRecords_data();
    void answersLikeChatAndRecords();
    void configuredAnswer();
    void stopClosesThePort();
    void portInUse();
};

void TestWebhookUpstream::answersLikeChatAndRecords_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("content-length") << QStringList() << QByteArray(R"({"CallbackCommand":"State.StateChange"})");
    QTest::newRow("chunked") << QStringList {QStringLiteral("-H"), QStringLiteral("Transfer-Encoding: chunked")}
                             << QByteArray(R"({"CallbackCommand":"State.StateChange","Info":{"Action":"Login"}})");
    QTest::newRow("empty body") << QStringList() << QByteArray();
}

void TestWebhookUpstream::answersLikeChatAndRecords()
{
    QFETCH(QStringList, extra);
    QFETCH(QByteArray, body);
    WebhookUpstream upstream;
    const Status started = upstream.start();
    QVERIFY2(started, qPrintable(started.error().fullText()));
    QVERIFY(upstream.port() != 0);
    QCOMPARE(upstream.url(), QStringLiteral("http://127.0.0.1:%1").arg(upstream.port()));

    const QString url
        = upstream.url() + QStringLiteral("/im/callback?SdkAppid=1400000000&CallbackCommand=State.StateChange");
    const ProcessResult result = curl(QStringList {QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("-H"),
                                                   QStringLiteral("X-Client-Verify: SUCCESS"), QStringLiteral("-H"),
                                                   QStringLiteral("Content-Type: application/json"),
                                                   QStringLiteral("--data-binary"), QString::fromUtf8(body), url}
                                      + extra);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, WebhookUpstream::chatOkBody() + "\n200");

    QVERIFY(upstream.waitForRequests(1, 5000));
    const QList<WebhookRequest> requests = upstream.requests();
    QCOMPARE(requests.size(), 1);
    const WebhookRequest& request = requests.first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path(), QByteArray("/im/callback"));
    QCOMPARE(request.target, QByteArray("/im/callback?SdkAppid=1400000000&CallbackCommand=State.StateChange"));
    QCOMPARE(request.header("x-client-verify"), QByteArray("SUCCESS"));
    QVERIFY(request.hasHeader("Content-Type"));
    QVERIFY(!request.hasHeader("X-Nothing"));
    QCOMPARE(request.body, body);

    upstream.clearRequests();
    QCOMPARE(upstream.requestCount(), 0);
}

void TestWebhookUpstream::configuredAnswer()
{
    WebhookUpstream upstream;
    QVERIFY(upstream.start());
    upstream.setResponse(503, QByteArrayLiteral("busy"));
    upstream.setResponseDelay(50);
    const ProcessResult result = curl({upstream.url() + QStringLiteral("/x")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QByteArray("busy\n503"));
    QCOMPARE(upstream.requestCount(), 1);
    QCOMPARE(upstream.requests().first().method, QByteArray("GET"));
    QVERIFY(!upstream.waitForRequests(2, 50));
}

void TestWebhookUpstream::stopClosesThePort()
{
    WebhookUpstream upstream;
    QVERIFY(upstream.start());
    const quint16 port = upstream.port();
    QVERIFY(upstream.isRunning());
    QVERIFY(curl({upstream.url()}).exitCode == 0);
    upstream.stop();
    QVERIFY(!upstream.isRunning());
    QCOMPARE(upstream.port(), quint16(0));
    QCOMPARE(upstream.requestCount(), 1); // kept after stop
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    QVERIFY(!socket.waitForConnected(500));
}

void TestWebhookUpstream::portInUse()
{
    WebhookUpstream first;
    QVERIFY(first.start());
    WebhookUpstream second;
    const Status started = second.start(QHostAddress::LocalHost, first.port());
    QVERIFY(!started);
    QVERIFY2(started.error().message.contains(QString::number(first.port())), qPrintable(started.error().message));
    QVERIFY(!second.isRunning());
}

QTEST_GUILESS_MAIN(TestWebhookUpstream)
#include "tst_webhookupstream.moc"
