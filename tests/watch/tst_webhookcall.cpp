// The webhook log's line parser (hostile lines included) and the verdict on each call.

#include "watch/HandshakeRefusals.h"
#include "watch/WebhookCall.h"

#include <QTest>

using namespace mtls;

class TestWebhookCall : public QObject
{
    Q_OBJECT

private slots:
    void parsesNginxLine();
    void parsesApacheLine();
    void refusesHostileLines_data();
    void refusesHostileLines();
    void verdicts_data();
    void verdicts();
    void handshakeRefusals();
};

void TestWebhookCall::parsesNginxLine()
{
    const QByteArray line
        = R"({"time":"2026-11-28T10:00:00+00:00","client":"10.0.0.1","sni":"im.example.com","verify":"SUCCESS",)"
          R"("subject":"CN=Chat \"x\"\\y","issuer":"CN=CA\u00e9","method":"POST","path":"/im/callback",)"
          R"("sdk_appid":"1400000000","callback_command":"State.StateChange","request_time":"1700000000",)"
          R"("status":"200","upstream_time":"0.012, 0.004","bytes":"42"})";
    const auto call = parseWebhookLogLine(line);
    QVERIFY(call);
    QCOMPARE(call->client, QStringLiteral("10.0.0.1"));
    QCOMPARE(call->subject, QStringLiteral("CN=Chat \"x\"\\y"));
    QCOMPARE(call->issuer, QStringLiteral("CN=CA\u00e9"));
    QCOMPARE(call->callbackCommand, QStringLiteral("State.StateChange"));
    QCOMPARE(call->status, 200);
    QCOMPARE(call->durationMs, 16);
    QCOMPARE(call->bytes, 42);
    QCOMPARE(judgeWebhookCall(*call).code, QStringLiteral("CALL_OK"));
}

void TestWebhookCall::parsesApacheLine()
{
    // Apache writes "-" for what is missing and \xHH for bytes it escapes.
    const QByteArray line = R"({"time":"2026-11-28T10:00:00+0000","client":"::1","sni":"-","verify":"NONE",)"
                            R"("subject":"-","issuer":"-","method":"GET","path":"/im/caf\xc3\xa9","sdk_appid":"-",)"
                            R"("callback_command":"-","request_time":"-","status":"403","duration_ms":"3",)"
                            R"("bytes":"-"})";
    const auto call = parseWebhookLogLine(line);
    QVERIFY(call);
    QCOMPARE(call->path, QStringLiteral("/im/caf\u00e9"));
    QVERIFY(call->sni.isEmpty());
    QVERIFY(call->sdkAppid.isEmpty());
    QCOMPARE(call->durationMs, 3);
    QCOMPARE(call->bytes, -1);
    QCOMPARE(judgeWebhookCall(*call).code, QStringLiteral("CALL_NO_CLIENT_CERT"));
}

void TestWebhookCall::refusesHostileLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("combined format") << QByteArray(
        R"(127.0.0.1 - - [28/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "curl")");
    QTest::newRow("no verify field") << QByteArray(R"({"status":"200"})");
    QTest::newRow("unterminated") << QByteArray(R"({"verify":"SUCCESS)");
    QTest::newRow("trailing junk") << QByteArray(R"({"verify":"SUCCESS"} x)");
    QTest::newRow("nested object") << QByteArray(R"({"verify":{"a":"b"}})");
    QTest::newRow("bad escape") << QByteArray(R"({"verify":"\q"})");
    QTest::newRow("short hex escape") << QByteArray(R"({"verify":"\x4"})");
    QTest::newRow("short unicode escape") << QByteArray(R"({"verify":"\u12"})");
    QTest::newRow("raw control character") << QByteArray("{\"verify\":\"SUC\x01\"}");
    QTest::newRow("binary junk") << QByteArray("\x00\xff\xfe{\x80\x81", 7);
    QTest::newRow("too long") << QByteArray(R"({"verify":"SUCCESS","subject":")") + QByteArray(kMaxWebhookLogLine, 'a')
            + QByteArray(R"("})");
    QByteArray many = "{";
    for (int i = 0; i < 100; ++i)
        many += "\"k" + QByteArray::number(i) + "\":\"v\",";
    many += "\"verify\":\"SUCCESS\"}";
    QTest::newRow("too many fields") << many;
}

void TestWebhookCall::refusesHostileLines()
{
    QFETCH(QByteArray, line);
    QVERIFY(!parseWebhookLogLine(line));
}

void TestWebhookCall::verdicts_data()
{
    QTest::addColumn<QString>("verify");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("durationMs");
    QTest::addColumn<QString>("code");
    QTest::newRow("ok") << "SUCCESS" << 200 << qint64(5) << "CALL_OK";
    QTest::newRow("no certificate") << "NONE" << 400 << qint64(-1) << "CALL_NO_CLIENT_CERT";
    QTest::newRow("failed") << "FAILED:certificate has expired" << 400 << qint64(-1) << "CALL_CERT_FAILED";
    QTest::newRow("no verification") << "" << 200 << qint64(5) << "CALL_NOT_VERIFIED";
    QTest::newRow("500") << "SUCCESS" << 500 << qint64(5) << "CALL_APP_STATUS";
    QTest::newRow("slow") << "SUCCESS" << 200 << qint64(2500) << "CALL_APP_SLOW";
}

void TestWebhookCall::verdicts()
{
    QFETCH(QString, verify);
    QFETCH(int, status);
    QFETCH(qint64, durationMs);
    QFETCH(QString, code);
    WebhookCall call;
    call.verify = verify;
    call.status = status;
    call.durationMs = durationMs;
    const Finding verdict = judgeWebhookCall(call);
    QCOMPARE(verdict.code, code);
    QCOMPARE(verdict.severity == Severity::Error, code != QLatin1String("CALL_OK"));
    const QJsonObject o = webhookCallToJson(call, verdict);
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), code);
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), code == QLatin1String("CALL_OK"));
}

void TestWebhookCall::handshakeRefusals()
{
    // Lines of Apache 2.4's error log at ssl:info (two handshakes interleaved, as two worker threads write them).
    const QList<QByteArray> lines {
        "[Sat Nov 28 12:29:41.796056 2026] [ssl:info] [pid 17607:tid 17613] [client 127.0.0.1:44716] AH01964: "
        "Connection to child 0 established (server localhost:443)",
        "[Sat Nov 28 12:29:41.917762 2026] [ssl:info] [pid 17607:tid 17614] [client 10.0.0.9:44718] AH02276: "
        "Certificate Verification: Error (20): unable to get local issuer certificate [subject: CN=Intruder / issuer: "
        "CN=Other CA / serial: 58 / notbefore: Nov 28 12:29:28 2026 GMT / notafter: Dec 28 12:29:28 2026 GMT]",
        "[Sat Nov 28 12:29:41.917801 2026] [ssl:info] [pid 17607:tid 17613] [client 127.0.0.1:44716] AH02008: SSL "
        "library error 1 in handshake (server localhost:443)",
        "[Sat Nov 28 12:29:41.917817 2026] [ssl:info] [pid 17607:tid 17614] [client 10.0.0.9:44718] AH02008: SSL "
        "library error 1 in handshake (server localhost:443)",
        "[Sat Nov 28 12:29:41.917828 2026] [ssl:info] [pid 17607:tid 17614] SSL Library Error: error:0A000086:SSL "
        "routines::certificate verify failed",
        "[Sat Nov 28 12:29:41.917829 2026] [ssl:info] [pid 17607:tid 17613] SSL Library Error: error:0A0000C7:SSL "
        "routines::peer did not return a certificate -- No CAs known to server for verification?",
        // Not a caller without a certificate: plain HTTP on the TLS port.
        "[Sat Nov 28 12:29:42.000000 2026] [ssl:info] [pid 1:tid 2] [client 10.0.0.7:1] AH02008: SSL library error 1 "
        "in handshake (server localhost:443)",
        "[Sat Nov 28 12:29:42.000001 2026] [ssl:info] [pid 1:tid 2] SSL Library Error: error:0A00009C:SSL "
        "routines::http request -- speaking HTTP to HTTPS port!?",
        "\x00\xff junk",
    };
    HandshakeRefusalReader reader;
    QList<WebhookCall> calls;
    for (const QByteArray& line : lines)
        if (auto call = reader.take(line))
            calls << *call;
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls[0].client, QStringLiteral("10.0.0.9"));
    QCOMPARE(calls[0].verify, QStringLiteral("FAILED:unable to get local issuer certificate"));
    QCOMPARE(calls[0].subject, QStringLiteral("CN=Intruder"));
    QCOMPARE(calls[0].issuer, QStringLiteral("CN=Other CA"));
    QVERIFY(calls[0].refusedInHandshake);
    QCOMPARE(judgeWebhookCall(calls[0]).code, QStringLiteral("CALL_CERT_FAILED"));
    QCOMPARE(calls[1].client, QStringLiteral("127.0.0.1"));
    QCOMPARE(calls[1].verify, QStringLiteral("NONE"));
    QVERIFY(calls[1].time.startsWith(QLatin1String("2026-11-28T12:29:41")));
    QCOMPARE(judgeWebhookCall(calls[1]).code, QStringLiteral("CALL_NO_CLIENT_CERT"));
    QVERIFY(
        webhookCallToJson(calls[1], judgeWebhookCall(calls[1])).value(QStringLiteral("refused_in_handshake")).toBool());

    // A flood of handshakes that never finish keeps memory bounded, and later refusals are still read.
    for (int i = 0; i < 10000; ++i)
        QVERIFY(!reader.take(QStringLiteral("[Sat Nov 28 12:30:00 2026] [ssl:info] [pid 1:tid %1] [client 10.0.0.1:%1] "
                                            "AH02008: SSL library error 1 in handshake (server x:443)")
                                 .arg(i)
                                 .toUtf8()));
    QVERIFY(!reader.take("[Sat Nov 28 12:30:01 2026] [ssl:info] [pid 1:tid 99999] [client 10.0.0.2:5] AH02008: SSL "
                         "library error 1 in handshake (server x:443)"));
    const auto last = reader.take("[Sat Nov 28 12:30:01 2026] [ssl:info] [pid 1:tid 99999] SSL Library Error: "
                                  "error:0A0000C7:SSL routines::peer did not return a certificate");
    QVERIFY(last);
    QCOMPARE(last->client, QStringLiteral("10.0.0.2"));
}

QTEST_GUILESS_MAIN(TestWebhookCall)
#include "tst_webhookcall.moc"
