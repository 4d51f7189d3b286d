// The webhook log's line parser (hostile lines included) and the verdict on each call.

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

QTEST_GUILESS_MAIN(TestWebhookCall)
#include "tst_webhookcall.moc"
