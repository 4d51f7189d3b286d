// The rehearsal of the webhook application (probe/WebhookRehearsal, `mtls-assistant-cli rehearse`) against a real
// HTTP application on loopback (the sandbox's webhook application): one that answers as Chat expects, one that
// fails in each way Chat notices, one that checks the signature and one that ignores it.

#include "TestProcess.h"
#include "probe/WebhookRehearsal.h"
#include "sandbox/WebhookUpstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace mtls;

namespace {

const QByteArray kToken = "s3cret-token";

QStringList codes(const Findings& findings)
{
    QStringList result;
    for (const Finding& f : findings)
        result << f.code;
    return result;
}

QUrlQuery queryOf(const WebhookRequest& request)
{
    return QUrlQuery(QString::fromLatin1(request.target.mid(request.target.indexOf('?') + 1)));
}

} // namespace

class TestRehearsal : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void signVector();
    void applicationAsChatExpects();
    void applicationFailures_data();
    void applicationFailures();
    void unreachable();
    void signatureChecked();
    void signatureIgnored();
    void commandLine();
    void badOptions();

private:
    RehearsalOptions options() const;

    std::unique_ptr<WebhookUpstream> m_app;
};

void TestRehearsal::init()
{
    m_app = std::make_unique<WebhookUpstream>();
    QVERIFY(m_app->start());
}

RehearsalOptions TestRehearsal::options() const
{
    RehearsalOptions o;
    o.upstreamUrl = m_app->url();
    o.webhookPath = QStringLiteral("/im/callback");
    return o;
}

// A known answer: `printf %s s3cret-token1700000000 | sha256sum`.
void TestRehearsal::signVector()
{
    QCOMPARE(webhookSign(kToken, 1700000000),
             QByteArray("4fbdc107a7e29339b681ca36b2c205859ccbb0a0618d1064878be1b50b14f448"));
}

void TestRehearsal::applicationAsChatExpects()
{
    const auto report = rehearseWebhook(options());
    QVERIFY2(report, qPrintable(report.error().message));
    QCOMPARE(codes(report->findings), QStringList());
    QVERIFY(report->ok());
    QCOMPARE(report->calls.size(), 3);
    QCOMPARE(m_app->requestCount(), 3);
    const QList<WebhookRequest> got = m_app->requests();
    for (int i = 0; i < got.size(); ++i) {
        const WebhookRequest& r = got.at(i);
        const QString command = rehearsalCommands().at(i);
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path(), QByteArray("/im/callback"));
        const QUrlQuery query = queryOf(r);
        QCOMPARE(query.queryItemValue(QStringLiteral("SdkAppid")), QStringLiteral("1400000000"));
        QCOMPARE(query.queryItemValue(QStringLiteral("CallbackCommand")), command);
        QCOMPARE(query.queryItemValue(QStringLiteral("contenttype")), QStringLiteral("json"));
        QVERIFY(query.hasQueryItem(QStringLiteral("ClientIP")));
        QVERIFY(query.hasQueryItem(QStringLiteral("OptPlatform")));
        QVERIFY(!query.hasQueryItem(QStringLiteral("Sign"))); // no token given
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(QLatin1String("CallbackCommand")).toString(), command);
        QVERIFY(body.value(QLatin1String("EventTime")).toDouble() > 1.6e12);
        QCOMPARE(report->calls.at(i).status, 200);
    }
    QVERIFY(QJsonDocument::fromJson(got.at(0).body).object().contains(QLatin1String("Info")));
    QVERIFY(QJsonDocument::fromJson(got.at(1).body).object().contains(QLatin1String("MsgBody")));
    QVERIFY(QJsonDocument::fromJson(got.at(2).body).object().contains(QLatin1String("GroupId")));
}

void TestRehearsal::applicationFailures_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("delayMs");
    QTest::addColumn<QString>("code");
    QTest::newRow("HTTP 500") << 500 << WebhookUpstream::chatOkBody() << 0 << QStringLiteral("APPLICATION_STATUS");
    QTest::newRow("not JSON") << 200 << QByteArray("ok") << 0 << QStringLiteral("APPLICATION_ANSWER");
    QTest::newRow("ActionStatus FAIL") << 200 << QByteArray(R"({"ActionStatus":"FAIL","ErrorCode":0})") << 0
                                       << QStringLiteral("APPLICATION_ANSWER");
    QTest::newRow("ErrorCode 1") << 200 << QByteArray(R"({"ActionStatus":"OK","ErrorCode":1})") << 0
                                 << QStringLiteral("APPLICATION_ANSWER");
    QTest::newRow("ErrorCode missing") << 200 << QByteArray(R"({"ActionStatus":"OK"})") << 0
                                       << QStringLiteral("APPLICATION_ANSWER");
    QTest::newRow("late") << 200 << WebhookUpstream::chatOkBody() << 450 << QStringLiteral("APPLICATION_SLOW");
    QTest::newRow("far too late") << 200 << WebhookUpstream::chatOkBody() << 5000 << QStringLiteral("APPLICATION_SLOW");
}

void TestRehearsal::applicationFailures()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, delayMs);
    QFETCH(QString, code);
    m_app->setResponse(status, body);
    m_app->setResponseDelay(delayMs);
    RehearsalOptions o = options();
    o.answerLimitMs = 300; // Chat's 2 s, shortened so the test stays quick
    const auto report = rehearseWebhook(o);
    QVERIFY(report);
    QVERIFY(!report->ok());
    QCOMPARE(codes(report->findings), QStringList({code, code, code}));
    for (const RehearsalCall& call : report->calls)
        QCOMPARE(call.findings.first().severity, Severity::Error);
    if (delayMs > 1000) {
        QCOMPARE(report->calls.first().status, 0); // given up after the limit and a grace period
        QVERIFY(report->findings.first().message.contains(QLatin1String("no answer within 1300 ms")));
    } else if (delayMs > 0) {
        QVERIFY2(report->findings.first().message.contains(QLatin1String("answered after")),
                 qPrintable(report->findings.first().message));
    }
}

void TestRehearsal::unreachable()
{
    const QString url = m_app->url();
    m_app->stop();
    RehearsalOptions o = options();
    o.upstreamUrl = url;
    const auto report = rehearseWebhook(o);
    QVERIFY(report);
    QCOMPARE(codes(report->findings), QStringList {QStringLiteral("APPLICATION_UNREACHABLE")});
    QCOMPARE(report->calls.size(), 1);
}

void TestRehearsal::signatureChecked()
{
    m_app->setSignatureToken(kToken);
    RehearsalOptions o = options();
    o.token = kToken;
    const auto report = rehearseWebhook(o);
    QVERIFY(report);
    QCOMPARE(codes(report->findings), QStringList());
    QCOMPARE(report->calls.size(), 5);
    QCOMPARE(report->calls.at(3).kind, RehearsalCall::Kind::WrongSign);
    QCOMPARE(report->calls.at(3).status, 403);
    QCOMPARE(report->calls.at(4).kind, RehearsalCall::Kind::StaleRequest);
    QCOMPARE(report->calls.at(4).status, 403);
    // The calls carry RequestTime and a Sign computed as Chat does; the URL shown hides it.
    const QUrlQuery first = queryOf(m_app->requests().constFirst());
    const qint64 time = first.queryItemValue(QStringLiteral("RequestTime")).toLongLong();
    QVERIFY(std::abs(time - QDateTime::currentSecsSinceEpoch()) < 30);
    QCOMPARE(first.queryItemValue(QStringLiteral("Sign")).toLatin1(), webhookSign(kToken, time));
    QVERIFY(!report->calls.first().url.contains(first.queryItemValue(QStringLiteral("Sign"))));
    const QUrlQuery stale = queryOf(m_app->requests().constLast());
    QVERIFY(stale.queryItemValue(QStringLiteral("RequestTime")).toLongLong() < time - 60);
}

void TestRehearsal::signatureIgnored()
{
    RehearsalOptions o = options();
    o.token = kToken;
    const auto report = rehearseWebhook(o);
    QVERIFY(report);
    QCOMPARE(codes(report->findings),
             QStringList({QStringLiteral("SIGN_NOT_CHECKED"), QStringLiteral("STALE_REQUEST_ACCEPTED")}));
    QVERIFY(report->ok()); // warnings: Chat's own calls are answered as it expects
    for (const Finding& f : report->findings)
        QCOMPARE(f.severity, Severity::Warning);
}

// The command: exit codes, JSON, and the token taken from the environment without showing up anywhere.
void TestRehearsal::commandLine()
{
    m_app->setSignatureToken(kToken);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WEBHOOK_TOKEN"), QString::fromLatin1(kToken));
    const ProcessResult ok
        = runProcess(cliPath(),
                     {QStringLiteral("rehearse"), QStringLiteral("--upstream"), m_app->url(),
                      QStringLiteral("--token-env"), QStringLiteral("WEBHOOK_TOKEN"), QStringLiteral("--json")},
                     env);
    QCOMPARE(ok.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(ok.out).object();
    QCOMPARE(json.value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(json.value(QLatin1String("calls")).toArray().size(), 5);
    QVERIFY(!ok.out.contains(kToken) && !ok.err.contains(kToken));

    m_app->setResponse(500, "{}");
    const ProcessResult failed
        = runProcess(cliPath(), {QStringLiteral("rehearse"), QStringLiteral("--upstream"), m_app->url()});
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.out.contains("APPLICATION_STATUS"), failed.out.constData());
}

void TestRehearsal::badOptions()
{
    const ProcessResult none = runProcess(cliPath(), {QStringLiteral("rehearse")});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains("--upstream is required"), none.err.constData());
    const ProcessResult scheme
        = runProcess(cliPath(), {QStringLiteral("rehearse"), QStringLiteral("--upstream"), QStringLiteral("ftp://x")});
    QCOMPARE(scheme.exitCode, 2);
    const ProcessResult unset = runProcess(cliPath(),
                                           {QStringLiteral("rehearse"), QStringLiteral("--upstream"), m_app->url(),
                                            QStringLiteral("--token-env"), QStringLiteral("MTLS_TEST_UNSET_VARIABLE")});
    QCOMPARE(unset.exitCode, 2);
    QVERIFY2(unset.err.contains("MTLS_TEST_UNSET_VARIABLE"), unset.err.constData());
    QCOMPARE(m_app->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestRehearsal)
#include "tst_rehearsal.moc"
