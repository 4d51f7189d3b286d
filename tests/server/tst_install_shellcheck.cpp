// install.sh: the script of the repository and the one an export writes pass shellcheck without a single
// finding (so does remote-job.sh, which runs it as a job over SSH), and install.data is read as values only (a value
// that could carry code is refused, never run).

#include "TestProcess.h"
#include "deploy/ExportBundle.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace mtls;

class TestInstallShellcheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void repositoryScript();
    void remoteJobScript();
    void exportedScript();
    void dataIsNeverRun_data();
    void dataIsNeverRun();

private:
    QString exportTo(const QString& out);
    QTemporaryDir m_dir;
};

namespace {

ProcessResult shellcheck(const QString& file)
{
    return runProcess(QStringLiteral("shellcheck"), {QStringLiteral("--severity=style"), file});
}

} // namespace

void TestInstallShellcheck::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(runProcess(QStringLiteral("shellcheck"), {QStringLiteral("--version")}).exitCode == 0,
             "shellcheck is not installed (packaging/install-deps.sh installs it)");
}

QString TestInstallShellcheck::exportTo(const QString& out)
{
    ExportRequest request;
    request.config.server = ServerKind::Nginx;
    request.config.domain = QStringLiteral("webhook.example.com");
    request.config.upstreamUrl = QStringLiteral("http://127.0.0.1:8080");
    request.config.webhookPath = QStringLiteral("/im/callback");
    // Bytes only: the export writes them and their checksums, nothing here parses them.
    request.material.fullChainPem = "fullchain\n";
    request.material.keyPem = "key\n";
    request.material.clientCaPem = "client ca\n";
    request.serverRoot = m_dir.filePath(QStringLiteral("etc-nginx"));
    request.layout = ServerLayout::Debian;
    request.out = out;
    const auto exported = exportBundle(request);
    if (!exported)
        return {};
    return exported->out;
}

void TestInstallShellcheck::repositoryScript()
{
    const ProcessResult result = shellcheck(QStringLiteral(MTLS_INSTALL_SH));
    QVERIFY2(result.exitCode == 0 && result.out.isEmpty(), result.out.constData());
}

void TestInstallShellcheck::remoteJobScript()
{
    const ProcessResult result = shellcheck(QStringLiteral(MTLS_REMOTE_JOB_SH));
    QVERIFY2(result.exitCode == 0 && result.out.isEmpty(), result.out.constData());
}

void TestInstallShellcheck::exportedScript()
{
    const QString bundle = exportTo(m_dir.filePath(QStringLiteral("bundle")));
    QVERIFY(!bundle.isEmpty());
    const ProcessResult result = shellcheck(bundle + QStringLiteral("/install.sh"));
    QVERIFY2(result.exitCode == 0 && result.out.isEmpty(), result.out.constData());
    QFile data(bundle + QStringLiteral("/install.data"));
    QVERIFY(data.open(QIODevice::ReadOnly));
    const QByteArray text = data.readAll();
    QVERIFY(text.contains("binary=/usr/sbin/nginx\n"));
    QVERIFY(text.contains("connect_host=127.0.0.1\nconnect_port=443\n"));
    QVERIFY(text.contains("file=certs/privkey.pem "));
    QVERIFY(text.contains(" 600 " + QCryptographicHash::hash("key\n", QCryptographicHash::Sha256).toHex() + "\n"));
}

void TestInstallShellcheck::dataIsNeverRun_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::newRow("command in the binary")
        << QByteArray("binary=/usr/sbin/nginx\n") << QByteArray("binary=/usr/sbin/nginx;touch MARKER\n");
    QTest::newRow("substitution in an argument")
        << QByteArray("format=1\n") << QByteArray("format=1\narg=$(touch MARKER)\n");
    QTest::newRow("target outside the server's folder")
        << QByteArray("format=1\n") << QByteArray("format=1\nlink=/etc/cron.d/x ../MARKER\n");
    QTest::newRow("unknown key") << QByteArray("format=1\n") << QByteArray("format=1\nPATH=/tmp\n");
    QTest::newRow("dot-dot in a target") << QByteArray("format=1\n")
                                         << QByteArray("format=1\nlink=/etc/nginx/../../tmp/MARKER x\n");
}

void TestInstallShellcheck::dataIsNeverRun()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QTemporaryDir dir;
    const QString bundle = exportTo(dir.filePath(QStringLiteral("bundle")));
    QVERIFY(!bundle.isEmpty());
    const QString marker = dir.filePath(QStringLiteral("marker"));
    QFile data(bundle + QStringLiteral("/install.data"));
    QVERIFY(data.open(QIODevice::ReadOnly));
    QByteArray text = data.readAll();
    data.close();
    QVERIFY(text.contains(from));
    text.replace(from, QByteArray(to).replace("MARKER", marker.toUtf8()));
    QVERIFY(data.open(QIODevice::WriteOnly | QIODevice::Truncate));
    data.write(text);
    data.close();
    const ProcessResult result = runProcess(QStringLiteral("sh"), {bundle + QStringLiteral("/install.sh")},
                                            QProcessEnvironment::systemEnvironment(), 60000, {}, dir.path());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("install.data"), result.err.constData());
    QVERIFY(!QFileInfo::exists(marker));
}

QTEST_GUILESS_MAIN(TestInstallShellcheck)
#include "tst_install_shellcheck.moc"
