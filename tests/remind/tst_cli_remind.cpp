#include "TestPki.h"
#include "TestProcess.h"
#include "pki/Certificate.h"
#include "setup/SetupStore.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace mtls;

// A notification server on the test's private session bus: records what it is asked to show.
class NotificationListener : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Shown
    {
        QString summary;
        QString body;
        QStringList actions;
    };
    QList<Shown> shown;

public slots:
    Q_SCRIPTABLE QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
    Q_SCRIPTABLE uint Notify(const QString& appName, uint replacesId, const QString& appIcon, const QString& summary,
                             const QString& body, const QStringList& actions, const QVariantMap& hints, int timeout)
    {
        Q_UNUSED(appName)
        Q_UNUSED(replacesId)
        Q_UNUSED(appIcon)
        Q_UNUSED(hints)
        Q_UNUSED(timeout)
        shown << Shown {summary, body, actions};
        return uint(shown.size());
    }
    Q_SCRIPTABLE void CloseNotification(uint id) { Q_UNUSED(id) }
};

// `mtls-assistant-cli remind` as the daily job runs it: a private session bus, a notification server listening on
// it, a saved setup whose certificate expires in 10 days, and the units installed into a temporary configuration
// folder (no systemd user instance here, nor in CI).
class TestCliRemind : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void notifiesAndRenews();
    void secondRunSaysNothingNew();
    void liveEndpointChanged();
    void mergeSetupCountsTheSiteCertificate();
    void installAndRemove();
    void usage();

private:
    QProcessEnvironment environment() const;
    // `click`: the user clicks Renew on a notification shown; else closes it.
    ProcessResult runRemind(const QStringList& arguments, bool click = true);
    static QList<qint64> processesOf(const QString& program);

    QTemporaryDir m_dir;
    QProcess m_bus;
    QString m_address;
    NotificationListener m_listener;
    QString m_setupId;
    QProcess m_liveServer;
};

QProcessEnvironment TestCliRemind::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("runtime"))); // no user manager
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")); // the wizard a click opens
    env.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    return env;
}

void TestCliRemind::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("runtime"))));
    QFile::setPermissions(m_dir.filePath(QStringLiteral("runtime")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    // A private session bus.
    m_bus.start(QStringLiteral("dbus-daemon"),
                {QStringLiteral("--session"), QStringLiteral("--print-address"), QStringLiteral("--nofork")});
    QVERIFY2(m_bus.waitForStarted(5000), qPrintable(m_bus.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 5000);
    m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
    QDBusConnection bus = QDBusConnection::connectToBus(m_address, QStringLiteral("test"));
    QVERIFY2(bus.isConnected(), qPrintable(bus.lastError().message()));
    QVERIFY(bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &m_listener,
                               QDBusConnection::ExportScriptableSlots));
    QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.Notifications")));

    // A saved setup whose certificate, made now, expires in 10 days; its live URL answers nothing.
    TestPki pki(m_dir.filePath(QStringLiteral("pki")));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("pki"))));
    QVERIFY(pki.makeCa(QStringLiteral("ca"), QStringLiteral("Remind Test CA")));
    TestPki::Options tenDays;
    tenDays.validToDays = 10;
    QVERIFY2(pki.makeServer(QStringLiteral("server"), {QStringLiteral("localhost")}, QStringLiteral("ca"), tenDays),
             qPrintable(pki.lastError()));
    const Result<Certificate> material = Certificate::fromPem(pki.read(QStringLiteral("server.crt")));
    QVERIFY(material.ok());
    SavedSetup setup;
    setup.domain = QStringLiteral("localhost");
    setup.webhookPath = QStringLiteral("/im/callback");
    setup.listen = QStringLiteral("127.0.0.1:%1").arg(freeLoopbackPort());
    setup.certificate = RememberedCertificate::of(material.value());
    m_setupId = setup.id();
    // Where the CLI (application and organization "mtls-assistant") keeps its setups on Linux.
    const SetupStore store(m_dir.filePath(QStringLiteral("data/mtls-assistant/mtls-assistant")));
    QVERIFY(store.save(setup).ok());
}

void TestCliRemind::cleanupTestCase()
{
    m_liveServer.kill();
    m_liveServer.waitForFinished(3000);
    m_bus.kill();
    m_bus.waitForFinished(3000);
}

ProcessResult TestCliRemind::runRemind(const QStringList& arguments, bool click)
{
    // Run with the event loop turning: the listener answers the CLI's calls on the bus meanwhile.
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(cliPath(), QStringList {QStringLiteral("remind")} + arguments);
    ProcessResult result;
    result.started = process.waitForStarted(10000);
    if (!result.started)
        return result;
    QSignalSpy finished(&process, &QProcess::finished);
    QElapsedTimer timer;
    timer.start();
    const qsizetype shownAtStart = m_listener.shown.size();
    bool clicked = false;
    while (finished.isEmpty() && timer.elapsed() < 30000) {
        if (!clicked && m_listener.shown.size() > shownAtStart) {
            // The user clicks "Renew" on the notification just shown, or closes it (reason 2: dismissed).
            QDBusMessage signal = QDBusMessage::createSignal(
                QStringLiteral("/org/freedesktop/Notifications"), QStringLiteral("org.freedesktop.Notifications"),
                click ? QStringLiteral("ActionInvoked") : QStringLiteral("NotificationClosed"));
            signal << uint(m_listener.shown.size());
            if (click)
                signal << QStringLiteral("renew");
            else
                signal << uint(2);
            QDBusConnection(QStringLiteral("test")).send(signal);
            clicked = true;
        }
        finished.wait(50);
    }
    result.finished = !finished.isEmpty();
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.elapsedMs = timer.elapsed();
    return result;
}

QList<qint64> TestCliRemind::processesOf(const QString& program)
{
    QList<qint64> found;
    for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> argv = cmdline.readAll().split('\0');
        if (!argv.isEmpty() && QString::fromLocal8Bit(argv.first()) == program)
            found << pid.toLongLong();
    }
    return found;
}

void TestCliRemind::notifiesAndRenews()
{
    const QString gui = qEnvironmentVariable("MTLS_GUI");
    const QList<qint64> before = gui.isEmpty() ? QList<qint64>() : processesOf(gui);
    const ProcessResult r = runRemind(
        {QStringLiteral("--run"), QStringLiteral("--json"), QStringLiteral("--wait"), QStringLiteral("20")});
    QVERIFY2(r.finished, r.err.constData());
    QCOMPARE(r.exitCode, 1); // a certificate expires within 30 days
    QVERIFY2(r.elapsedMs < 15000, "the run ends when the notification is answered");

    // What the notification server was asked to show.
    QCOMPARE(m_listener.shown.size(), 1);
    const NotificationListener::Shown& shown = m_listener.shown.first();
    QVERIFY2(shown.summary.contains(QLatin1String("localhost")), qPrintable(shown.summary));
    QVERIFY2(shown.body.contains(QLatin1String("localhost")), qPrintable(shown.body));
    QVERIFY2(shown.body.contains(QLatin1String("in 9 days")) || shown.body.contains(QLatin1String("in 10 days")),
             qPrintable(shown.body));
    const int renew = shown.actions.indexOf(QStringLiteral("renew"));
    QVERIFY(renew >= 0 && renew % 2 == 0);
    QCOMPARE(shown.actions.value(renew + 1), QStringLiteral("Renew"));

    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(json.value(QStringLiteral("notifications")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("renewals")).toArray(), QJsonArray {m_setupId});
    const QJsonObject setup = json.value(QStringLiteral("setups")).toArray().first().toObject();
    QCOMPARE(setup.value(QStringLiteral("reached")).toBool(), false); // nothing listens on the live URL
    QVERIFY(QFile::exists(json.value(QStringLiteral("state_file")).toString()));

    if (gui.isEmpty())
        QSKIP("built without the wizard: the renewal it would open is not checked");
    // The wizard started on the renewal of that setup, and is still running (it accepted the option).
    QList<qint64> started;
    QTRY_VERIFY_WITH_TIMEOUT(!(started = processesOf(gui)).isEmpty() && started != before, 5000);
    for (const qint64 pid : before)
        started.removeAll(pid);
    QCOMPARE(started.size(), 1);
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(started.first()));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    const QList<QByteArray> argv = cmdline.readAll().split('\0');
    QCOMPARE(argv.value(1), QByteArray("--renew"));
    QCOMPARE(QString::fromUtf8(argv.value(2)), m_setupId);
    QTest::qWait(700);
    QVERIFY2(QFile::exists(QStringLiteral("/proc/%1").arg(started.first())), "the wizard exited at once");
    ::kill(static_cast<pid_t>(started.first()), SIGTERM);
}

void TestCliRemind::secondRunSaysNothingNew()
{
    const int shownBefore = m_listener.shown.size();
    const ProcessResult r = runRemind(
        {QStringLiteral("--run"), QStringLiteral("--json"), QStringLiteral("--wait"), QStringLiteral("20")});
    QVERIFY2(r.finished, r.err.constData());
    QCOMPARE(r.exitCode, 1); // still expiring, but already said
    QCOMPARE(m_listener.shown.size(), shownBefore);
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(json.value(QStringLiteral("notifications")).toInt(), 0);
    QVERIFY(r.elapsedMs < 10000); // nothing to wait for
}

void TestCliRemind::liveEndpointChanged()
{
    // A second setup, far from expiry, whose live URL now serves another certificate and lets anybody in, as when
    // TLS ends somewhere else than where the setup was applied: a real nginx on loopback with that certificate,
    // asking no client certificate, answering 200.
    const QString nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin")});
    if (nginx.isEmpty())
        QSKIP("nginx is not installed");
    TestPki pki(m_dir.filePath(QStringLiteral("pki")));
    QVERIFY(pki.makeServer(QStringLiteral("applied"), {QStringLiteral("localhost")}, QStringLiteral("ca")));
    QVERIFY(pki.makeServer(QStringLiteral("elsewhere"), {QStringLiteral("localhost")}, QStringLiteral("ca")));
    const quint16 port = freeLoopbackPort();
    const QString prefix = m_dir.filePath(QStringLiteral("nginx"));
    QVERIFY(QDir().mkpath(prefix + QStringLiteral("/logs")));
    QFile conf(prefix + QStringLiteral("/nginx.conf"));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write(QStringLiteral("daemon off; master_process off; pid logs/nginx.pid; error_log logs/error.log;\n"
                              "events { worker_connections 16; }\n"
                              "http { access_log off; client_body_temp_path logs; proxy_temp_path logs;\n"
                              "  fastcgi_temp_path logs; uwsgi_temp_path logs; scgi_temp_path logs;\n"
                              "  server { listen 127.0.0.1:%1 ssl; server_name localhost;\n"
                              "    ssl_certificate %2; ssl_certificate_key %3;\n"
                              "    location / { return 200 '{\"ActionStatus\":\"OK\",\"ErrorCode\":0}'; } } }\n")
                   .arg(port)
                   .arg(pki.path(QStringLiteral("elsewhere.crt")), pki.path(QStringLiteral("elsewhere.key")))
                   .toUtf8());
    conf.close();
    m_liveServer.setProcessChannelMode(QProcess::MergedChannels);
    m_liveServer.start(
        nginx, {QStringLiteral("-p"), prefix + QLatin1Char('/'), QStringLiteral("-c"), QStringLiteral("nginx.conf")});
    QVERIFY(m_liveServer.waitForStarted(5000));
    QTRY_VERIFY2_WITH_TIMEOUT(
        [port] {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            return socket.waitForConnected(200);
        }(),
        m_liveServer.readAll().constData(), 5000);

    SavedSetup setup;
    setup.domain = QStringLiteral("localhost");
    setup.server = ServerKind::Apache; // another setup id than the first one
    setup.webhookPath = QStringLiteral("/im/callback");
    setup.listen = QStringLiteral("127.0.0.1:%1").arg(port);
    const Result<Certificate> applied = Certificate::fromPem(pki.read(QStringLiteral("applied.crt")));
    QVERIFY(applied.ok());
    setup.certificate = RememberedCertificate::of(applied.value());
    QVERIFY(SetupStore(m_dir.filePath(QStringLiteral("data/mtls-assistant/mtls-assistant"))).save(setup).ok());

    const int shownBefore = m_listener.shown.size();
    ProcessResult r = runRemind(
        {QStringLiteral("--run"), QStringLiteral("--json"), QStringLiteral("--wait"), QStringLiteral("20")}, false);
    QVERIFY2(r.finished, r.err.constData());
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(m_listener.shown.size(), shownBefore + 1); // the first setup's reminder was given already
    const NotificationListener::Shown& shown = m_listener.shown.last();
    QVERIFY2(shown.body.contains(QLatin1String("another certificate than the one applied")), qPrintable(shown.body));
    QVERIFY(shown.body.contains(QLatin1String("Tencent Cloud CLB")));
    QVERIFY(shown.body.contains(QLatin1String("no longer refuses callers")));
    const Result<Certificate> served = Certificate::fromPem(pki.read(QStringLiteral("elsewhere.crt")));
    QVERIFY(shown.body.contains(served->sha256Fingerprint()));
    QJsonObject json = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(json.value(QStringLiteral("renewals")).toArray().size(), 0); // closed, not clicked
    const QJsonObject checked = json.value(QStringLiteral("setups")).toArray().at(1).toObject();
    QCOMPARE(checked.value(QStringLiteral("setup")).toString(), setup.id());
    QCOMPARE(checked.value(QStringLiteral("reached")).toBool(), true);
    QCOMPARE(checked.value(QStringLiteral("live_sha256")).toString(), served->sha256Fingerprint());
    QCOMPARE(checked.value(QStringLiteral("strangers_refused")).toBool(true), false);

    // The same day again: both were said.
    r = runRemind({QStringLiteral("--run"), QStringLiteral("--json"), QStringLiteral("--wait"), QStringLiteral("20")},
                  false);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(m_listener.shown.size(), shownBefore + 1);
}

void TestCliRemind::mergeSetupCountsTheSiteCertificate()
{
    // The second setup shares a website whose manager (certbot) renewed its certificate: the site's file holds the one
    // the live URL serves, so that is no "another certificate" and its days are the site certificate's.
    if (m_liveServer.state() != QProcess::Running)
        QSKIP("needs the live server of liveEndpointChanged");
    TestPki pki(m_dir.filePath(QStringLiteral("pki")));
    const SetupStore store(m_dir.filePath(QStringLiteral("data/mtls-assistant/mtls-assistant")));
    SavedSetup setup = store.load()->setups.at(1);
    setup.mode = SetupMode::Merge;
    setup.siteFile = QStringLiteral("/etc/nginx/sites-enabled/localhost");
    setup.siteLine = 2;
    setup.siteCertificateFile = pki.path(QStringLiteral("elsewhere.crt"));
    QVERIFY(store.save(setup).ok());

    const ProcessResult r = runRemind(
        {QStringLiteral("--run"), QStringLiteral("--json"), QStringLiteral("--wait"), QStringLiteral("20")}, false);
    QVERIFY2(r.finished, r.err.constData());
    const QJsonObject checked
        = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("setups")).toArray().at(1).toObject();
    QCOMPARE(checked.value(QStringLiteral("setup")).toString(), setup.id());
    const Certificate served = Certificate::fromPem(pki.read(QStringLiteral("elsewhere.crt"))).value();
    QCOMPARE(checked.value(QStringLiteral("live_sha256")).toString(), served.sha256Fingerprint());
    QCOMPARE(checked.value(QStringLiteral("days_left")).toInt(), int(served.daysUntilExpiry()));
    for (const QJsonValue& finding : checked.value(QStringLiteral("findings")).toArray())
        QVERIFY2(finding[QStringLiteral("code")].toString() != QLatin1String("REMIND_LIVE_CERTIFICATE_DIFFERS"),
                 r.out.constData());
}

void TestCliRemind::installAndRemove()
{
    const QString units = m_dir.filePath(QStringLiteral("config/systemd/user"));
    const QString service = units + QStringLiteral("/mtls-assistant-remind.service");
    const QString timer = units + QStringLiteral("/mtls-assistant-remind.timer");
    ProcessResult r = runRemind({QStringLiteral("--install"), QStringLiteral("--json")});
    QVERIFY2(r.finished, r.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    // No systemd user instance: said, with where the units are.
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(json.value(QStringLiteral("active")).toBool(), false);
    const QJsonObject finding = json.value(QStringLiteral("findings")).toArray().first().toObject();
    QCOMPARE(finding.value(QStringLiteral("code")).toString(), QStringLiteral("REMIND_NO_SYSTEMD_USER"));
    QVERIFY(finding.value(QStringLiteral("message")).toString().contains(service));
    QVERIFY(finding.value(QStringLiteral("hint")).toString().contains(QLatin1String("crontab")));
    QCOMPARE(json.value(QStringLiteral("files")).toArray(), (QJsonArray {service, timer}));
    QFile file(service);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.contains(QStringLiteral("ExecStart=\"%1\" \"remind\" \"--run\"").arg(cliPath())));

    const QString analyze = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"));
    if (!analyze.isEmpty()) {
        QProcessEnvironment env = environment();
        const ProcessResult verify
            = runProcess(analyze, {QStringLiteral("verify"), QStringLiteral("--man=no"), service, timer}, env, 30000);
        QVERIFY2(verify.finished && verify.exitCode == 0, (verify.out + verify.err).constData());
        QVERIFY2(verify.err.trimmed().isEmpty(), verify.err.constData());
    } else {
        qInfo("systemd-analyze is not installed: the units are not verified by systemd");
    }

    r = runRemind({QStringLiteral("--remove"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!QFile::exists(service));
    QVERIFY(!QFile::exists(timer));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("config/systemd")))); // folders it made, empty
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("data/mtls-assistant/mtls-assistant/reminders.json"))));
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("data/mtls-assistant/mtls-assistant/setups.json"))));
    // Again: nothing left to remove.
    r = runRemind({QStringLiteral("--remove")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("no daily reminder to remove"));
}

void TestCliRemind::usage()
{
    QCOMPARE(runRemind({}).exitCode, 2);
    QCOMPARE(runRemind({QStringLiteral("--install"), QStringLiteral("--run")}).exitCode, 2);
    QCOMPARE(runRemind({QStringLiteral("--install"), QStringLiteral("--wait"), QStringLiteral("3")}).exitCode, 2);
    QCOMPARE(runRemind({QStringLiteral("--run"), QStringLiteral("--wait"), QStringLiteral("soon")}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliRemind)
#include "tst_cli_remind.moc"
