// apply and rollback on servers that are not clean, judged from outside (curl, openssl s_client, tree digests) as
// well as by the exit code: another site's broken certificate, an existing site for the same name and port, a
// server that dies at the reload, a rollback after the server died, the chat-guide profile, other names on the
// same port, a run holding the installation's lock, `status` after a CLI apply, `probe --connect-to`.

#include "MtlsFixture.h"
#include "ThrowawayInstallation.h"
#include "sandbox/WebhookUpstream.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace mtls;

namespace {

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QJsonObject jsonOf(const ProcessResult& r)
{
    return QJsonDocument::fromJson(r.out).object();
}

QStringList stepNames(const QJsonObject& o)
{
    QStringList names;
    for (const QJsonValue& step : o.value(QStringLiteral("steps")).toArray())
        names << step[QStringLiteral("step")].toString();
    return names;
}

// The SHA-256 fingerprint of the certificate a TLS server presents for `name` on 127.0.0.1:port, as
// `openssl x509 -fingerprint` prints it ("sha256 Fingerprint=AB:CD:..."), or empty.
QByteArray servedFingerprint(quint16 port, const QString& name)
{
    const ProcessResult shown
        = runProcess(QStringLiteral("openssl"),
                     {QStringLiteral("s_client"), QStringLiteral("-connect"), QStringLiteral("127.0.0.1:%1").arg(port),
                      QStringLiteral("-servername"), name},
                     QProcessEnvironment::systemEnvironment(), 20000, "Q\n");
    return runProcess(QStringLiteral("openssl"),
                      {QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-fingerprint"),
                       QStringLiteral("-sha256")},
                      QProcessEnvironment::systemEnvironment(), 20000, shown.out)
        .out.trimmed();
}

QByteArray fileFingerprint(const QString& path)
{
    return runProcess(QStringLiteral("openssl"),
                      {QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-fingerprint"),
                       QStringLiteral("-sha256"), QStringLiteral("-in"), path})
        .out.trimmed();
}

} // namespace

class TestApplyVerified : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void existingSiteForTheSameName_data();
    void existingSiteForTheSameName();
    void brokenCertificateOfAnotherSite_data();
    void brokenCertificateOfAnotherSite();
    void serverDiesAtTheReload();
    void rollbackAfterTheServerDied();
    void chatGuideProfile();
    void otherNamesOnThePortUnchanged();
    void runHoldingTheLock();
    void statusAndProbeAfterACliApply();

private:
    QStringList applyArgs(const Throwaway& t) const
    {
        return cliApplyArguments(t, m_material.path(), m_upstream.url());
    }
    // A TLS site of another owner in conf.d/NAME.conf on `port`, for `serverName`, with certificate `cert`
    // (a name of the fixture: CERT.crt, CERT.key, copied into the prefix), then a reload.
    Status addTlsSite(Throwaway& t, const QString& name, quint16 port, const QString& serverName, const QString& cert,
                      bool addListen = true) const;

    MtlsFixture m_fixture;
    QTemporaryDir m_material;
    WebhookUpstream m_upstream;
};

void TestApplyVerified::initTestCase()
{
    QVERIFY2(m_fixture.make(), qPrintable(m_fixture.error()));
    QVERIFY(m_fixture.pki().makeServer(QStringLiteral("other"), {QStringLiteral("localhost")}, QStringLiteral("int")));
    QVERIFY(
        m_fixture.pki().makeServer(QStringLiteral("shop"), {QStringLiteral("other.localhost")}, QStringLiteral("int")));
    QVERIFY(shareApplyMaterial(m_fixture, m_material.path()));
    QVERIFY(m_upstream.start());
}

Status TestApplyVerified::addTlsSite(Throwaway& t, const QString& name, quint16 port, const QString& serverName,
                                     const QString& cert, bool addListen) const
{
    const QString prefix = t.server->prefix();
    // The certificate with its intermediate, as a real site sends it.
    if (!writeFile(prefix + QLatin1Char('/') + cert + QStringLiteral(".crt"),
                   m_fixture.read(cert + QStringLiteral(".crt")) + m_fixture.read(QStringLiteral("int.crt")))
        || !writeFile(prefix + QLatin1Char('/') + cert + QStringLiteral(".key"),
                      m_fixture.read(cert + QStringLiteral(".key"))))
        return Error {QStringLiteral("cannot copy ") + cert};
    const QString text = t.kind == ServerKind::Nginx
        ? QStringLiteral("server {\n    listen 127.0.0.1:%1 ssl;\n    server_name %2;\n"
                         "    ssl_certificate %3.crt;\n    ssl_certificate_key %3.key;\n"
                         "    location / { return 200 \"%4\\n\"; }\n}\n")
              .arg(port)
              .arg(serverName, prefix + QLatin1Char('/') + cert, name)
        : QStringLiteral("%5<VirtualHost 127.0.0.1:%1>\n    ServerName %2\n    SSLEngine on\n"
                         "    SSLCertificateFile %3.crt\n    SSLCertificateKeyFile %3.key\n"
                         "    DocumentRoot htdocs\n    <Directory htdocs>\n        Require all granted\n"
                         "    </Directory>\n</VirtualHost>\n")
              .arg(port)
              .arg(serverName, prefix + QLatin1Char('/') + cert,
                   addListen ? QStringLiteral("Listen 127.0.0.1:%1\n").arg(port) : QString());
    if (!writeFile(prefix + QStringLiteral("/conf.d/") + name + QStringLiteral(".conf"), text.toUtf8()))
        return Error {QStringLiteral("cannot write the site")};
    return t.server->reload();
}

// A site of its own (certbot's, say) already answers the webhook name on the port: refused before any change, exit 1,
// SERVER_NAME_CONFLICT as an error naming the file and line (and, on nginx, MODE_CHOICE_NEEDED: merge or dedicated);
// the site keeps being served as it was.
void TestApplyVerified::existingSiteForTheSameName_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::newRow("nginx") << ServerKind::Nginx;
    QTest::newRow("apache") << ServerKind::Apache;
}

void TestApplyVerified::existingSiteForTheSameName()
{
    QFETCH(ServerKind, kind);
    Throwaway t(kind);
    QVERIFY(t.start());
    const Status added
        = addTlsSite(t, QStringLiteral("certbot"), t.newPort, QStringLiteral("localhost"), QStringLiteral("other"));
    QVERIFY2(added, qPrintable(added.error().fullText()));
    const QByteArray servedBefore = m_fixture.curl(t.newPort, QStringLiteral("/"), QString()).out;
    QVERIFY2(servedBefore.endsWith("\n200"), servedBefore.constData());
    const QStringList before = treeDigest(t.server->prefix());

    const ProcessResult applied = runCli(applyArgs(t) << QStringLiteral("--json"));
    QCOMPARE(applied.exitCode, 1);
    const QJsonObject o = jsonOf(applied);
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(true), false);
    const QJsonArray findings = o.value(QStringLiteral("findings")).toArray();
    // Without --mode, apply also asks for a choice of mode (MODE_CHOICE_NEEDED): merge into that site or a name of
    // the webhook's own.
    QCOMPARE(findings.size(), 2);
    QCOMPARE(findings.last()[QStringLiteral("code")].toString(), QStringLiteral("MODE_CHOICE_NEEDED"));
    QCOMPARE(findings.first()[QStringLiteral("code")].toString(), QStringLiteral("SERVER_NAME_CONFLICT"));
    QCOMPARE(findings.first()[QStringLiteral("severity")].toString(), QStringLiteral("error"));
    QVERIFY(findings.first()[QStringLiteral("message")].toString().contains(t.server->prefix()
                                                                            + QStringLiteral("/conf.d/certbot.conf:")));
    QVERIFY(!stepNames(o).contains(QStringLiteral("written")));
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QCOMPARE(m_fixture.curl(t.newPort, QStringLiteral("/"), QString()).out, servedBefore);

    // In text: the refusal, then the finding with its place.
    const ProcessResult text = runCli(applyArgs(t));
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.err.contains("nothing was changed"), text.err.constData());
    QVERIFY2(text.out.contains("SERVER_NAME_CONFLICT") || text.err.contains("SERVER_NAME_CONFLICT"),
             (text.out + text.err).constData());
}

// The certificate of another site on the same server can no longer be read (it was replaced by something broken
// after the server started). nginx's own test catches it; Apache's does not, but a reload would stop Apache, so the
// assistant loads every certificate file itself. Either way: refused before any change, naming the file.
void TestApplyVerified::brokenCertificateOfAnotherSite_data()
{
    QTest::addColumn<ServerKind>("kind");
    QTest::newRow("nginx") << ServerKind::Nginx;
    QTest::newRow("apache") << ServerKind::Apache;
}

void TestApplyVerified::brokenCertificateOfAnotherSite()
{
    QFETCH(ServerKind, kind);
    Throwaway t(kind);
    QVERIFY(t.start());
    const quint16 shopPort = freeLoopbackPort();
    QVERIFY(addTlsSite(t, QStringLiteral("shop"), shopPort, QStringLiteral("other.localhost"), QStringLiteral("shop")));
    const QString broken = t.server->prefix() + QStringLiteral("/shop.crt");
    QVERIFY(writeFile(broken, "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n"));
    const QStringList before = treeDigest(t.server->prefix());

    const ProcessResult applied = runCli(applyArgs(t));
    QCOMPARE(applied.exitCode, 2);
    QVERIFY2(applied.err.contains("nothing was changed"), applied.err.constData());
    QVERIFY2(applied.err.contains(broken.toUtf8()), applied.err.constData());
    if (kind == ServerKind::Apache) {
        QVERIFY2(applied.err.contains("SSLCertificateFile"), applied.err.constData());
        QVERIFY2(applied.err.contains("conf.d/shop.conf"), applied.err.constData());
    }
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QVERIFY(!waitForPortState(t.newPort, true, 300));
    QCOMPARE(plainGet(t.oldPort), QByteArray("old-site\n")); // the server still runs, as it was
}

// Should a broken file slip past the checks before the change (the test hook skips them), Apache dies at the
// reload. The verification sees nothing answering, everything is put back, and the message says the previous
// configuration does not run either: never "reloaded" or "verified".
void TestApplyVerified::serverDiesAtTheReload()
{
    Throwaway t(ServerKind::Apache);
    QVERIFY(t.start());
    QVERIFY(addTlsSite(t, QStringLiteral("shop"), freeLoopbackPort(), QStringLiteral("other.localhost"),
                       QStringLiteral("shop")));
    QVERIFY(writeFile(t.server->prefix() + QStringLiteral("/shop.crt"), "broken\n"));
    const QStringList before = treeDigest(t.server->prefix());

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MTLS_TEST_SKIP_PREFLIGHT"), QStringLiteral("1"));
    const ProcessResult applied = runCli(applyArgs(t) << QStringLiteral("--json"), env);
    QCOMPARE(applied.exitCode, 2);
    const QJsonObject o = jsonOf(applied);
    const QString error = o.value(QStringLiteral("error")).toString();
    QVERIFY2(error.contains(QStringLiteral("Nothing answers TLS on 127.0.0.1:%1").arg(t.newPort)), qPrintable(error));
    QVERIFY2(!error.contains(QStringLiteral("(verified)")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("previous configuration")), qPrintable(error));
    const QStringList steps = stepNames(o);
    QVERIFY(steps.contains(QStringLiteral("rolled_back")));
    QVERIFY2(!steps.contains(QStringLiteral("verified")), qPrintable(steps.join(QLatin1Char(' '))));
    QCOMPARE(treeDigest(t.server->prefix()), before);
    // What the message says is what a client sees: nothing serves.
    QCOMPARE(plainGet(t.oldPort), QByteArray());
}

// The server was stopped after the apply: rollback puts the files back but does not claim the server runs them.
void TestApplyVerified::rollbackAfterTheServerDied()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(t.start());
    const QStringList before = treeDigest(t.server->prefix());
    const ProcessResult applied = runCli(applyArgs(t));
    QVERIFY2(applied.exitCode == 0, applied.err.constData());
    QVERIFY2(applied.out.contains("Verified: localhost on 127.0.0.1:"), applied.out.constData());
    t.server->stop();

    const ProcessResult rolledBack = runCli(QStringList {QStringLiteral("rollback")} + t.installationArgs());
    QCOMPARE(rolledBack.exitCode, 2);
    QVERIFY2(rolledBack.err.contains("The files were put back, but"), rolledBack.err.constData());
    QVERIFY2(!rolledBack.out.contains("Verified:"), rolledBack.out.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    QCOMPARE(plainGet(t.oldPort), QByteArray());
}

// chat-guide (TLS 1.0/1.1 only) cannot complete a handshake with a server built with OpenSSL 3: refused with
// LEGACY_TLS as an error unless --force-legacy-tls, and then the handshake is reported as not verified.
void TestApplyVerified::chatGuideProfile()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(t.start());
    const QStringList before = treeDigest(t.server->prefix());
    const QStringList args = applyArgs(t) << QStringLiteral("--tls") << QStringLiteral("chat-guide");
    const ProcessResult refused = runCli(QStringList(args) << QStringLiteral("--json"));
    QCOMPARE(refused.exitCode, 1);
    const QJsonArray findings = jsonOf(refused).value(QStringLiteral("findings")).toArray();
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first()[QStringLiteral("code")].toString(), QStringLiteral("LEGACY_TLS"));
    QCOMPARE(findings.first()[QStringLiteral("severity")].toString(), QStringLiteral("error"));
    QCOMPARE(treeDigest(t.server->prefix()), before);

    const ProcessResult forced = runCli(QStringList(args) << QStringLiteral("--force-legacy-tls"));
    QVERIFY2(forced.exitCode == 0, forced.err.constData());
    QVERIFY2(forced.out.contains("Not verified: the chat-guide profile"), forced.out.constData());
    QVERIFY2(!forced.out.contains("Verified: localhost"), forced.out.constData());
    // What it says: a current client cannot complete a handshake.
    QVERIFY(m_fixture.curl(t.newPort, QStringLiteral("/im/callback"), QStringLiteral("chat")).exitCode != 0);
}

// Another name on the same port keeps presenting its own certificate, and the apply says it checked that.
void TestApplyVerified::otherNamesOnThePortUnchanged()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(t.start());
    QVERIFY(
        addTlsSite(t, QStringLiteral("shop"), t.newPort, QStringLiteral("other.localhost"), QStringLiteral("shop")));
    const QByteArray shop = fileFingerprint(m_fixture.path(QStringLiteral("shop.crt")));
    QVERIFY(!shop.isEmpty());
    QCOMPARE(servedFingerprint(t.newPort, QStringLiteral("other.localhost")), shop);

    const ProcessResult applied = runCli(applyArgs(t));
    QVERIFY2(applied.exitCode == 0, applied.err.constData());
    QVERIFY2(applied.out.contains("Verified: the same certificate as before for 1 other name on the same port."),
             applied.out.constData());
    // Our file comes first in conf.d, so callers without SNI now get our site: said, as a warning.
    QVERIFY2(applied.out.contains("DEFAULT_SITE_CHANGED"), applied.out.constData());
    QCOMPARE(servedFingerprint(t.newPort, QStringLiteral("other.localhost")), shop);
    QCOMPARE(servedFingerprint(t.newPort, QStringLiteral("localhost")),
             fileFingerprint(m_fixture.path(QStringLiteral("server.crt"))));
    QCOMPARE(m_fixture.curl(t.newPort, QStringLiteral("/im/callback"), QStringLiteral("chat")).out,
             WebhookUpstream::chatOkBody() + "\n200");
}

// Another run (under another account or HOME, so with another state directory) holds the installation: this one
// stops at once, before any change, and says so.
void TestApplyVerified::runHoldingTheLock()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(t.start());
    const QStringList before = treeDigest(t.server->prefix());
    const int fd = ::open(QFile::encodeName(t.server->prefix()).constData(), O_RDONLY | O_DIRECTORY);
    QVERIFY(fd >= 0);
    QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
    QTemporaryDir otherState;
    QStringList args = applyArgs(t);
    args[args.indexOf(QStringLiteral("--state-dir")) + 1] = otherState.path();
    const ProcessResult applied = runCli(args);
    ::close(fd);
    QCOMPARE(applied.exitCode, 2);
    QVERIFY2(applied.err.contains("Another apply or rollback is running for this server"), applied.err.constData());
    QCOMPARE(treeDigest(t.server->prefix()), before);
    const ProcessResult free = runCli(args);
    QVERIFY2(free.exitCode == 0, free.err.constData());
}

// A CLI apply is a saved setup that `status` lists; `probe --connect-to` reaches the server while the URL keeps the
// webhook's name.
void TestApplyVerified::statusAndProbeAfterACliApply()
{
    Throwaway t(ServerKind::Nginx);
    QVERIFY(t.start());
    QTemporaryDir data;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
    const ProcessResult applied = runCli(applyArgs(t), env);
    QVERIFY2(applied.exitCode == 0, applied.err.constData());

    const ProcessResult status = runCli({QStringLiteral("status"), QStringLiteral("--json")}, env);
    QCOMPARE(status.exitCode, 0);
    const QJsonArray setups = jsonOf(status).value(QStringLiteral("setups")).toArray();
    QCOMPARE(setups.size(), 1);
    const QJsonObject setup = setups.first().toObject();
    QCOMPARE(setup.value(QStringLiteral("domain")).toString(), QStringLiteral("localhost"));
    QCOMPARE(setup.value(QStringLiteral("server")).toString(), QStringLiteral("nginx"));
    QCOMPARE(setup.value(QStringLiteral("config_file")).toString(),
             t.server->prefix() + QStringLiteral("/conf.d/mtls-assistant-localhost.conf"));
    QCOMPARE(setup.value(QStringLiteral("listen")).toString(), QStringLiteral("127.0.0.1:%1").arg(t.newPort));
    QVERIFY(setup.value(QStringLiteral("days_left")).toInt() > 300);

    const QString port = QString::number(t.newPort);
    const ProcessResult probed = runCli(
        {QStringLiteral("probe"), QStringLiteral("https://localhost/im/callback"), QStringLiteral("--connect-to"),
         QStringLiteral("127.0.0.1:") + port, QStringLiteral("--server-ca"), m_fixture.path(QStringLiteral("root.crt")),
         QStringLiteral("--client-ca"), m_fixture.path(QStringLiteral("chatca.crt")), QStringLiteral("--client-cert"),
         m_fixture.path(QStringLiteral("chat.crt")), QStringLiteral("--client-key"),
         m_fixture.path(QStringLiteral("chat.key")), QStringLiteral("--json")});
    QVERIFY2(probed.exitCode == 0, (probed.out + probed.err).constData());
    const QJsonObject report = jsonOf(probed);
    QCOMPARE(report.value(QStringLiteral("address")).toString(), QStringLiteral("127.0.0.1:") + port);
    QCOMPARE(report.value(QStringLiteral("with_client_certificate")).toString(), QStringLiteral("accepted"));

    const ProcessResult bad = runCli({QStringLiteral("probe"), QStringLiteral("https://localhost/im/callback"),
                                      QStringLiteral("--connect-to"), QStringLiteral("::1:443")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("is not HOST:PORT or [IPV6]:PORT"), bad.err.constData());
}

QTEST_GUILESS_MAIN(TestApplyVerified)
#include "tst_apply_verified.moc"
