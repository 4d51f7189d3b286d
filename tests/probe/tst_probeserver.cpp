// The probe against the real nginx or Apache (MTLS_TEST_SERVER picks which), on loopback, with generated
// certificates: it tells a correct setup from each broken one and agrees with curl and openssl s_client.
#include "RealServerFixture.h"
#include "probe/ProbeWorker.h"
#include "probe/Prober.h"
#include "sandbox/WebhookUpstream.h"
#include "server/ServerBinary.h"
#include "server/ThrowawayServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace mtls;

Q_DECLARE_METATYPE(SiteSpec)

class TestProbeServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void judgesTheSetup_data();
    void judgesTheSetup();
    void guideSampleProtocolsAreNamed();
    void cliJsonContract_data();
    void cliJsonContract();
    void workerReportsEachStep();
    void untrustedChain_data();
    void untrustedChain();

private:
    std::unique_ptr<ThrowawayServer> startServer(const SiteSpec& spec, quint16* port);

    ServerKind m_kind = ServerKind::Nginx;
    RealServerFixture m_fixture;
    WebhookUpstream m_upstream;
};

void TestProbeServer::initTestCase()
{
    m_kind = serverKindFromName(QStringLiteral(MTLS_TEST_SERVER)).value_or(ServerKind::Nginx);
    if (!findServerBinary(m_kind))
        QSKIP("the server binary is not installed");
    QString error;
    QVERIFY2(m_fixture.init(&error), qPrintable(error));
    const Status up = m_upstream.start();
    QVERIFY2(up, qPrintable(up.error().fullText()));
}

void TestProbeServer::judgesTheSetup_data()
{
    QTest::addColumn<SiteSpec>("spec");
    QTest::addColumn<QString>("client"); // test client certificate, empty: none
    QTest::addColumn<QStringList>("codes"); // every finding expected, exactly
    QTest::addColumn<QString>("withoutCert"); // JSON name of the outcome; "refused": how this server refuses
    QTest::addColumn<QString>("withCert");
    QTest::addColumn<QString>("tlsVersion"); // empty: any

    const QString refused = QStringLiteral("refused");
    const QString accepted = QStringLiteral("accepted");
    const QString client = QStringLiteral("client");
    SiteSpec correct;
    QTest::newRow("correct") << correct << client << QStringList() << refused << accepted << QString();
    QTest::newRow("correct, probe without a client certificate")
        << correct << QString() << QStringList() << refused << QStringLiteral("not_tested") << QString();

    SiteSpec optional;
    optional.verify = QStringLiteral("optional");
    QTest::newRow("verify client optional")
        << optional << client << QStringList {QStringLiteral("CLIENT_CERT_NOT_ENFORCED")} << accepted << accepted
        << QString();

    SiteSpec otherCa;
    otherCa.clientCa = QStringLiteral("otherca");
    QTest::newRow("server trusts another CA")
        << otherCa << client
        << QStringList {QStringLiteral("EXPECTED_CA_NOT_LISTED"), QStringLiteral("CLIENT_CERT_REJECTED")} << refused
        << refused << QString();
    QTest::newRow("test certificate from another CA")
        << correct << QStringLiteral("otherclient") << QStringList {QStringLiteral("CLIENT_CERT_REJECTED")} << refused
        << refused << QString();

    SiteSpec otherName;
    otherName.serverCert = QStringLiteral("othername");
    QTest::newRow("server certificate for another name")
        << otherName << client << QStringList {QStringLiteral("SERVER_NAME_MISMATCH")} << refused << accepted
        << QString();

    SiteSpec expired;
    expired.serverCert = QStringLiteral("expired");
    QTest::newRow("expired server certificate")
        << expired << client << QStringList {QStringLiteral("SERVER_CERT_EXPIRED")} << refused << accepted << QString();

    SiteSpec tls12;
    tls12.protocols = QStringLiteral("TLSv1.2");
    QTest::newRow("TLS 1.2 only") << tls12 << client << QStringList() << refused << accepted
                                  << QStringLiteral("TLSv1.2");

    SiteSpec tls13;
    tls13.protocols = QStringLiteral("TLSv1.3");
    QTest::newRow("TLS 1.3 only") << tls13 << client << QStringList() << refused << accepted
                                  << QStringLiteral("TLSv1.3");

    SiteSpec legacy;
    legacy.protocols = QStringLiteral("TLSv1 TLSv1.1 TLSv1.2");
    legacy.weakCiphers = true;
    QTest::newRow("TLS 1.0 and 1.1 really enabled") << legacy << client << QStringList {QStringLiteral("LEGACY_TLS")}
                                                    << refused << accepted << QStringLiteral("TLSv1.2");

    SiteSpec guideSample;
    guideSample.protocols = QStringLiteral("TLSv1 TLSv1.1 TLSv1.2");
    QTest::newRow("old versions listed, refused by the security level")
        << guideSample << client << QStringList() << refused << accepted << QString();

    SiteSpec none;
    none.verify = QStringLiteral("none");
    QTest::newRow("no client verification")
        << none << client << QStringList {QStringLiteral("CLIENT_CERT_NOT_REQUESTED")} << accepted << accepted
        << QString();
}

// The Chat guide's own sample (TLS 1.0 and 1.1 only): a server built with OpenSSL 3 cannot complete a handshake,
// and answers "handshake failure". The probe's advice names the protocol list first, not only the ciphers.
void TestProbeServer::guideSampleProtocolsAreNamed()
{
    SiteSpec guide;
    guide.protocols = QStringLiteral("TLSv1 TLSv1.1");
    quint16 port = 0;
    const auto server = startServer(guide, &port);
    QVERIFY(server);
    const Result<ProbeReport> report = Prober(m_fixture.probeOptions(port, QStringLiteral("client"))).run();
    QVERIFY2(report, qPrintable(report.error().fullText()));
    const auto failed = std::find_if(report->findings.cbegin(), report->findings.cend(),
                                     [](const Finding& f) { return f.code == QLatin1String("TLS_HANDSHAKE_FAILED"); });
    QVERIFY2(failed != report->findings.cend(), QJsonDocument(report->toJson()).toJson().constData());
    QVERIFY2(failed->hint.contains(m_kind == ServerKind::Nginx ? QStringLiteral("`ssl_protocols`")
                                                               : QStringLiteral("`SSLProtocol`")),
             qPrintable(failed->hint));
    QVERIFY2(failed->hint.contains(QStringLiteral("TLS 1.2")), qPrintable(failed->hint));
}

void TestProbeServer::judgesTheSetup()
{
    QFETCH(SiteSpec, spec);
    QFETCH(QString, client);
    QFETCH(QStringList, codes);
    QFETCH(QString, withoutCert);
    QFETCH(QString, withCert);
    QFETCH(QString, tlsVersion);
    const QString refusal = m_kind == ServerKind::Nginx ? QStringLiteral("rejected_by_http_status")
                                                        : QStringLiteral("rejected_in_handshake");
    if (withoutCert == QLatin1String("refused"))
        withoutCert = refusal;
    if (withCert == QLatin1String("refused"))
        withCert = refusal;

    const quint16 port = freeLoopbackPort();
    ThrowawayServerOptions options;
    options.kind = m_kind;
    options.port = port;
    options.siteConfig = m_fixture.siteConfig(m_kind, port, m_upstream.port(), spec);
    ThrowawayServer server(options);
    const Status started = server.start();
    QVERIFY2(started, qPrintable(started.error().fullText()));

    Prober prober(m_fixture.probeOptions(port, client));
    const Result<ProbeReport> result = prober.run();
    QVERIFY2(result, qPrintable(result.error().fullText()));
    const ProbeReport& report = result.value();
    const QByteArray json = QJsonDocument(report.toJson()).toJson();

    QStringList found;
    for (const Finding& f : report.findings)
        found << f.code;
    found.sort();
    codes.sort();
    QVERIFY2(found == codes, json.constData());
    QCOMPARE(callerOutcomeName(report.withoutClientCertificate), withoutCert);
    QCOMPARE(callerOutcomeName(report.withClientCertificate), withCert);
    if (!tlsVersion.isEmpty())
        QCOMPARE(report.tlsVersion, tlsVersion);
    QCOMPARE(report.address, QStringLiteral("127.0.0.1:%1").arg(port));
    QVERIFY(report.timings.total >= 0 && report.timings.handshake >= 0);

    // The same endpoint seen by curl: refusals, HTTP status and certificate checks agree.
    const CurlView bare = m_fixture.curl(port, true);
    if (report.withoutClientCertificate == CallerOutcome::RejectedInHandshake) {
        QVERIFY2(bare.exitCode == 35 || bare.exitCode == 56, qPrintable(QString::number(bare.exitCode)));
    } else {
        QCOMPARE(bare.exitCode, 0);
        QCOMPARE(bare.httpStatus, report.httpStatusWithoutCertificate.value_or(-1));
    }
    if (!client.isEmpty()) {
        const CurlView withClient = m_fixture.curl(port, true, client);
        if (report.withClientCertificate == CallerOutcome::Accepted) {
            QCOMPARE(withClient.exitCode, 0);
            QCOMPARE(withClient.httpStatus, 200);
        } else if (report.withClientCertificate == CallerOutcome::RejectedInHandshake) {
            QVERIFY(withClient.exitCode == 35 || withClient.exitCode == 56);
        } else {
            QCOMPARE(withClient.httpStatus, 400);
        }
    }
    const bool certificateProblem = hasCode(report.findings, QStringLiteral("SERVER_NAME_MISMATCH"))
        || hasCode(report.findings, QStringLiteral("SERVER_CERT_EXPIRED"));
    const CurlView verified = m_fixture.curl(port, false);
    QCOMPARE(verified.exitCode == 60, certificateProblem);

    // ... and by openssl s_client: protocol, the CA names of the CertificateRequest, the chain's verification.
    const SClientView sclient = m_fixture.sClient(port);
    QVERIFY(sclient.connected);
    QCOMPARE(sclient.caNamesSent, report.clientCertificateRequested);
    QCOMPARE(sclient.caNames, report.acceptableClientCaNames);
    QCOMPARE(sclient.verified, !certificateProblem);
    if (!sclient.protocol.isEmpty())
        QCOMPARE(sclient.protocol, report.tlsVersion);
}

std::unique_ptr<ThrowawayServer> TestProbeServer::startServer(const SiteSpec& spec, quint16* port)
{
    *port = freeLoopbackPort();
    ThrowawayServerOptions options;
    options.kind = m_kind;
    options.port = *port;
    options.siteConfig = m_fixture.siteConfig(m_kind, *port, m_upstream.port(), spec);
    auto server = std::make_unique<ThrowawayServer>(options);
    const Status started = server->start();
    if (!started) {
        qWarning("%s", qPrintable(started.error().fullText()));
        return nullptr;
    }
    return server;
}

void TestProbeServer::cliJsonContract_data()
{
    QTest::addColumn<QString>("verify");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("clientCaFile");
    QTest::newRow("correct, CA as downloaded (zip)")
        << QStringLiteral("require") << 0 << QStringLiteral("chatca.crt.zip");
    QTest::newRow("optional") << QStringLiteral("optional") << 1 << QStringLiteral("chatca.crt");
}

void TestProbeServer::cliJsonContract()
{
    QFETCH(QString, verify);
    QFETCH(int, exitCode);
    QFETCH(QString, clientCaFile);
    SiteSpec spec;
    spec.verify = verify;
    quint16 port = 0;
    const auto server = startServer(spec, &port);
    QVERIFY(server);
    const ProcessResult r
        = runCli({QStringLiteral("probe"), QStringLiteral("https://localhost:%1/im/callback").arg(port),
                  QStringLiteral("--server-ca"), m_fixture.pkiPath(QStringLiteral("serverca.crt")),
                  QStringLiteral("--client-ca"), m_fixture.pkiPath(clientCaFile), QStringLiteral("--client-cert"),
                  m_fixture.pkiPath(QStringLiteral("client.crt")), QStringLiteral("--client-key"),
                  m_fixture.pkiPath(QStringLiteral("client.key")), QStringLiteral("--timeout"), QStringLiteral("5"),
                  QStringLiteral("--json")});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, exitCode);
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(r.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, r.out.constData());
    QStringList keys = json.keys();
    QStringList expected {QStringLiteral("ok"),
                          QStringLiteral("url"),
                          QStringLiteral("address"),
                          QStringLiteral("tls_version"),
                          QStringLiteral("cipher"),
                          QStringLiteral("server_certificate"),
                          QStringLiteral("client_certificate_requested"),
                          QStringLiteral("acceptable_client_ca_names"),
                          QStringLiteral("expected_client_ca_listed"),
                          QStringLiteral("without_client_certificate"),
                          QStringLiteral("with_client_certificate"),
                          QStringLiteral("http_status_without_certificate"),
                          QStringLiteral("timings_ms"),
                          QStringLiteral("findings")};
    keys.sort();
    expected.sort();
    QCOMPARE(keys, expected);
    QStringList certKeys = json.value(QStringLiteral("server_certificate")).toObject().keys();
    certKeys.sort();
    QCOMPARE(certKeys,
             (QStringList {QStringLiteral("days_left"), QStringLiteral("issuer"), QStringLiteral("name_match"),
                           QStringLiteral("not_after"), QStringLiteral("subject"), QStringLiteral("trusted")}));
    QStringList timingKeys = json.value(QStringLiteral("timings_ms")).toObject().keys();
    timingKeys.sort();
    QCOMPARE(timingKeys,
             (QStringList {QStringLiteral("connect"), QStringLiteral("handshake"), QStringLiteral("request"),
                           QStringLiteral("resolve"), QStringLiteral("total")}));
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(), exitCode == 0);
    QCOMPARE(json.value(QStringLiteral("address")).toString(), QStringLiteral("127.0.0.1:%1").arg(port));
    QVERIFY(json.value(QStringLiteral("client_certificate_requested")).toBool());
    QCOMPARE(json.value(QStringLiteral("acceptable_client_ca_names")).toArray(),
             QJsonArray {QStringLiteral("CN=Stand-in Chat Client CA")});
    QCOMPARE(json.value(QStringLiteral("expected_client_ca_listed")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("with_client_certificate")).toString(), QStringLiteral("accepted"));
    const QJsonObject cert = json.value(QStringLiteral("server_certificate")).toObject();
    QCOMPARE(cert.value(QStringLiteral("subject")).toString(), QStringLiteral("CN=localhost"));
    QCOMPARE(cert.value(QStringLiteral("trusted")).toBool(), true);
    QCOMPARE(cert.value(QStringLiteral("name_match")).toBool(), true);
    if (exitCode == 1) {
        QCOMPARE(json.value(QStringLiteral("without_client_certificate")).toString(), QStringLiteral("accepted"));
        QCOMPARE(json.value(QStringLiteral("http_status_without_certificate")).toInt(), 200);
        const QJsonObject finding = json.value(QStringLiteral("findings")).toArray().first().toObject();
        QCOMPARE(finding.value(QStringLiteral("code")).toString(), QStringLiteral("CLIENT_CERT_NOT_ENFORCED"));
        QVERIFY(finding.value(QStringLiteral("hint"))
                    .toString()
                    .contains(m_kind == ServerKind::Nginx ? QLatin1String("ssl_verify_client optional")
                                                          : QLatin1String("SSLVerifyClient optional")));
    }
}

void TestProbeServer::workerReportsEachStep()
{
    quint16 port = 0;
    const auto server = startServer(SiteSpec(), &port);
    QVERIFY(server);
    ProbeWorker worker;
    QSignalSpy steps(&worker, &ProbeWorker::stepStarted);
    QSignalSpy finished(&worker, &ProbeWorker::finished);
    QVERIFY(worker.start(m_fixture.probeOptions(port)));
    QVERIFY(finished.wait(15000));
    QList<ProbeStep> seen;
    for (const QList<QVariant>& s : std::as_const(steps))
        seen << s.at(0).value<ProbeStep>();
    QCOMPARE(seen,
             (QList<ProbeStep> {ProbeStep::Resolve, ProbeStep::Connect, ProbeStep::Handshake, ProbeStep::Request,
                                ProbeStep::WithClientCertificate, ProbeStep::ProtocolVersions, ProbeStep::Done}));
    const ProbeReport report = finished.first().at(0).value<ProbeReport>();
    QVERIFY(report.ok());
    QCOMPARE(report.withClientCertificate, CallerOutcome::Accepted);
    QVERIFY(!worker.isRunning());
}

void TestProbeServer::untrustedChain_data()
{
    QTest::addColumn<QString>("anchor"); // TestPki name of the CA the probe trusts; empty: the system store
    QTest::newRow("another CA given") << QStringLiteral("otherca");
    QTest::newRow("system store") << QString();
}

void TestProbeServer::untrustedChain()
{
    QFETCH(QString, anchor);
    quint16 port = 0;
    const auto server = startServer(SiteSpec(), &port);
    QVERIFY(server);
    ProbeOptions options = m_fixture.probeOptions(port);
    options.serverCas.clear();
    if (!anchor.isEmpty())
        options.serverCas << m_fixture.certificate(anchor);
    const Result<ProbeReport> report = Prober(options).run();
    QVERIFY(report);
    QVERIFY(!report->ok());
    QCOMPARE(report->findings.size(), 1);
    QCOMPARE(report->findings.first().code, QStringLiteral("SERVER_CERT_UNTRUSTED"));
    QVERIFY(!report->serverCertificate.trusted);
    QVERIFY(report->serverCertificate.nameMatch);
    // The rest of the judgement does not depend on trust.
    QCOMPARE(report->withClientCertificate, CallerOutcome::Accepted);
    // curl, trusting the same, refuses the chain too.
    const QStringList args {QStringLiteral("-sS"),
                            QStringLiteral("-o"),
                            QStringLiteral("/dev/null"),
                            QStringLiteral("--resolve"),
                            QStringLiteral("localhost:%1:127.0.0.1").arg(port),
                            QStringLiteral("https://localhost:%1/").arg(port)};
    const QStringList trust = anchor.isEmpty()
        ? QStringList()
        : QStringList {QStringLiteral("--cacert"), m_fixture.pkiPath(anchor + QStringLiteral(".crt"))};
    const ProcessResult curl = runProcess(QStringLiteral("curl"), trust + args);
    QCOMPARE(curl.exitCode, 60);
}

QTEST_GUILESS_MAIN(TestProbeServer)
#include "tst_probeserver.moc"
