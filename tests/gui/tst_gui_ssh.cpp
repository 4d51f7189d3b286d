// The wizard's "another machine, over SSH" path against a real OpenSSH server on loopback (a throwaway host key, a
// user whose sudo asks for a password, one with NOPASSWD) and a throwaway nginx on that "server": the unknown host
// key shown and trusted by its fingerprint, the sudo password asked on the page, the change made there and judged
// with curl and openssl s_client, the saved setup that remembers the host (never the password), the renewal over
// SSH, a dropped connection in the middle of the change (reconnect shows the outcome, roll back undoes it byte for
// byte), and a changed host key refused.
#include "Dialogs.h"
#include "MtlsFixture.h"
#include "SshServer.h"
#include "TestProcess.h"
#include "ThrowawayInstallation.h"
#include "WizardContext.h"
#include "WizardFlow.h"
#include "pages/ApplyPage.h"
#include "pages/FinishPage.h"
#include "pages/FirstCallPage.h"
#include "pages/RenewComparePage.h"
#include "pages/ReviewPage.h"
#include "pages/ServerPage.h"
#include "pages/TestPage.h"
#include "setup/SetupStore.h"
#include "widgets/FindingsView.h"
#include "widgets/SshConnectPanel.h"

#include <QCheckBox>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

using namespace mtls;
using namespace mtls::ui;
using namespace guitest;

namespace {

const QString kDomain = QStringLiteral("localhost");

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The `ssh` clients this process started: killed, the connection drops as when a laptop loses its network.
int killSshClients()
{
    int killed = 0;
    QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        bool number = false;
        const int pid = QFileInfo(dir).fileName().toInt(&number);
        if (!number)
            continue;
        const QByteArray stat = readFile(dir + QStringLiteral("/stat"));
        // pid (comm) state ppid ...
        const qsizetype close = stat.lastIndexOf(')');
        if (close < 0 || stat.mid(stat.indexOf('(') + 1, close - stat.indexOf('(') - 1) != "ssh")
            continue;
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toInt() == ::getpid() && ::kill(pid, SIGKILL) == 0)
            ++killed;
    }
    return killed;
}

} // namespace

class TestGuiSsh : public WizardFlowTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup() { tearDown(); }
    void applyOverSshThenRenew();
    void droppedConnectionThenReconnectAndRollBack();
    void mergeIntoTheWebsiteOverSsh();
    void ownKnownHostsFile();
    void changedHostKeyIsRefused(); // last: the server gets a new host key

private:
    void makeSshWizard();
    // From the endpoint to the server page connected as `user` (the host key trusted, the password typed when sudo
    // asks for one); `shots` names the screenshots. With `website`, a site answers the name there: the page waits for
    // the choice between merge and a name of its own.
    void connectOnServerPage(SshServer::User user, const QString& shots, bool website = false);
    // connectOnServerPage(), then the certificate path, the files and the client CA: on to the review page.
    void toReviewOverSsh(SshServer::User user, const QString& shots);
    // From the review page through apply over SSH (done and verified on the server) to the test page.
    void applyOnTheServer(const QString& shots);
    void checkServed(const QString& certificate);
    QString target(SshServer::User user) const
    {
        return QStringLiteral("%1@127.0.0.1:%2").arg(m_sshd.userName(user)).arg(m_sshd.port());
    }

    SshServer m_sshd;
    bool m_ownKnownHosts = false; // connectOnServerPage() ticks "use my own known-hosts file" first
    QTemporaryDir m_remoteState; // the assistant's folder on "the server" (root's, 0700)
    QTemporaryDir m_client; // this desktop's known-hosts file
    QTemporaryDir m_bin;
};

void TestGuiSsh::initTestCase()
{
    const QString reason = SshServer::unavailableReason();
    if (!reason.isEmpty())
        QSKIP(qPrintable(reason));
    setUpCase();
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY2(m_sshd.start(), qPrintable(m_sshd.error()));
}

void TestGuiSsh::init()
{
    setUp();
    QFile::remove(m_client.filePath(QStringLiteral("known_hosts")));
    QVERIFY(m_installation.start(ServerKind::Nginx).ok());
}

void TestGuiSsh::makeSshWizard()
{
    makeWizard();
    WizardContext& ctx = m_wizard->context();
    ctx.sshKnownHosts = m_client.filePath(QStringLiteral("known_hosts"));
    ctx.remoteStateDir = m_remoteState.path();
}

void TestGuiSsh::connectOnServerPage(SshServer::User user, const QString& shots, bool website)
{
    endpoint(QStringLiteral("https://localhost:%1/im/callback").arg(m_installation.port));
    if (QTest::currentTestFailed())
        return;
    QWidget* page = m_wizard->currentPage();
    mnemonic(*m_wizard, 'v');
    QVERIFY(find<QRadioButton>(page, "sshRadio")->isChecked());
    auto* panel = find<SshConnectPanel>(page, "sshPanel");
    QVERIFY(panel->isVisible());
    QVERIFY(!find<QLabel>(page, "discoveryLabel")->isVisible());
    typeInto(find<QLineEdit>(page, "listenEdit"), QStringLiteral("127.0.0.1:%1").arg(m_installation.port));
    typeInto(find<QLineEdit>(panel, "sshHostEdit"), QStringLiteral("127.0.0.1"));
    typeInto(find<QLineEdit>(panel, "sshUserEdit"), m_sshd.userName(user));
    typeInto(find<QLineEdit>(panel, "sshPortEdit"), QString::number(m_sshd.port()));
    typeInto(find<QLineEdit>(panel, "sshKeyEdit"), m_sshd.clientKey(user));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    if (m_ownKnownHosts) {
        mnemonic(*m_wizard, 'f');
        QVERIFY(find<QCheckBox>(panel, "sshOwnKnownHostsCheck")->isChecked());
    }

    // The first connection: the host key, shown as ssh-keygen -l prints it, trusted only by the user's word.
    mnemonic(*m_wizard, 'e');
    QTRY_VERIFY_WITH_TIMEOUT(find<QWidget>(panel, "sshHostKeyBox")->isVisible(), 20000);
    QVERIFY(!panel->isBusy());
    const QString fingerprint = find<QLabel>(panel, "sshFingerprintLabel")->text();
    QVERIFY2(fingerprint.contains(m_sshd.hostKeyFingerprint()) && fingerprint.contains(QLatin1String("ED25519")),
             qPrintable(fingerprint));
    QVERIFY(!QFileInfo::exists(panel->knownHostsFile()));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    screenshot(*m_wizard, shots + QStringLiteral("01-host-key"));
    mnemonic(*m_wizard, 'i');
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), 30000);
    QVERIFY(readFile(panel->knownHostsFile()).contains("ssh-ed25519"));

    if (user == SshServer::User::SudoPassword) {
        // sudo asks for a password: asked on the page, kept in memory only.
        auto* password = find<QLineEdit>(panel, "sshPasswordEdit");
        QVERIFY(password->isVisible());
        QVERIFY(!panel->isReady());
        QCOMPARE(find<QLabel>(panel, "sshStatusLabel")->text(),
                 tt("mtls::ui::SshConnectPanel",
                    "The user needs a password for sudo on this server: type it above and connect again. The "
                    "assistant keeps it in memory until it closes and never saves it."));
        screenshot(*m_wizard, shots + QStringLiteral("02-password"));
        // A wrong one first: its own message, nothing connected.
        typeInto(password, QStringLiteral("not-the-password"));
        mnemonic(*m_wizard, 'e');
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), 30000);
        QVERIFY(!panel->isReady());
        QCOMPARE(find<FindingsView>(panel, "sshFindings")->findings().value(0).code,
                 QStringLiteral("SSH_SUDO_PASSWORD_WRONG"));
        // The account edited: the password typed for the other one is gone (it never goes to another's sudo).
        typeInto(find<QLineEdit>(panel, "sshUserEdit"), m_sshd.userName(user));
        QVERIFY(password->text().isEmpty());
        QVERIFY(!password->isVisible());
        QVERIFY(panel->password().isEmpty());
        mnemonic(*m_wizard, 'e');
        QTRY_VERIFY_WITH_TIMEOUT(password->isVisible(), 30000);
        QTRY_VERIFY(!panel->isBusy());
        typeInto(password, m_sshd.password());
        mnemonic(*m_wizard, 'e');
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), 30000);
    }
    QTRY_VERIFY(panel->isReady());
    const QString status = find<QLabel>(panel, "sshStatusLabel")->text();
    QVERIFY2(status.startsWith(lead("mtls::ui::SshConnectPanel",
                                    "Connected to %1 (%2). Found %3 %4 there, "
                                    "configuration in %5.")),
             qPrintable(status));
    QVERIFY2(status.contains(m_installation.discovery.configRoot), qPrintable(status));
    QTRY_COMPARE(m_wizard->button(QWizard::NextButton)->isEnabled(), !website);
    screenshot(*m_wizard, shots + QStringLiteral("03-connected"));
}

void TestGuiSsh::toReviewOverSsh(SshServer::User user, const QString& shots)
{
    connectOnServerPage(user, shots);
    if (QTest::currentTestFailed())
        return;
    // No password field unless sudo asked for one.
    QCOMPARE(find<QLineEdit>(m_wizard->currentPage(), "sshPasswordEdit")->isVisible(),
             user == SshServer::User::SudoPassword);
    QVERIFY(next(*m_wizard));
    certificatePath(false);
    if (QTest::currentTestFailed())
        return;
    importFiles({QStringLiteral("bundle.crt"), QStringLiteral("server.key")});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(next(*m_wizard));
    clientCa();
}

void TestGuiSsh::applyOnTheServer(const QString& shots)
{
    QCOMPARE(m_wizard->currentId(), int(ReviewPageId));
    auto* review = find<ReviewPage>(m_wizard.get(), "ReviewPage");
    QTRY_VERIFY_WITH_TIMEOUT(!review->isBusy(), 30000);
    // The paths on the server, from the installation found there.
    const QString files = find<QLabel>(review, "filesLabel")->text();
    QVERIFY2(files.contains(m_installation.discovery.configRoot + QStringLiteral("/mtls-assistant/localhost/")),
             qPrintable(files));
    screenshot(*m_wizard, shots + QStringLiteral("04-review"));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ApplyPageId));
    auto* apply = find<ApplyPage>(m_wizard.get(), "ApplyPage");
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    mnemonic(*m_wizard, 'a');
    QTRY_VERIFY_WITH_TIMEOUT(!apply->isBusy(), 90000);
    QVERIFY2(m_wizard->context().remoteJob.has_value(), qPrintable(find<QLabel>(apply, "errorMessage")->text()));
    QCOMPARE(m_wizard->context().remoteJob->serverState(), QStringLiteral("after"));
    // install.sh's own lines, as they came, and its verdict last.
    const QStringList steps = stepTexts(apply);
    QVERIFY2(steps.size() > 3, qPrintable(steps.join(QLatin1Char('\n'))));
    QCOMPARE(steps.last(),
             tt("mtls::RemoteDeploy",
                "Verified on the server by install.sh: the new configuration is served at the "
                "listen address and asks for a client certificate from the Chat client CA."));
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    screenshot(*m_wizard, shots + QStringLiteral("05-applied"));

    // Judged by real clients: Chat's certificate passes to the application, none is refused, the old site answers.
    // (No application listens behind it here: nginx answers 502 once the caller's certificate passed.)
    QVERIFY(curl(m_installation.port, QStringLiteral("/im/callback"), QStringLiteral("chatclient")).endsWith("\n502"));
    QVERIFY(curl(m_installation.port, QStringLiteral("/im/callback")).endsWith("\n400"));

    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(TestPageId));
    auto* test = find<TestPage>(m_wizard.get(), "TestPage");
    auto* connectThere = find<QCheckBox>(test, "connectLocallyCheck");
    QVERIFY(connectThere->isVisible());
    QVERIFY2(connectThere->text().contains(QStringLiteral("127.0.0.1:%1").arg(m_installation.port)),
             qPrintable(connectThere->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!test->isRunning(), 30000);
    QVERIFY(m_wizard->context().probe.has_value());
    QVERIFY(m_wizard->context().probe->serverCertificate.trusted);
    QVERIFY(m_wizard->context().probe->withoutClientCertificate == CallerOutcome::RejectedByHttpStatus);
}

void TestGuiSsh::checkServed(const QString& certificate)
{
    const ProcessResult r
        = runProcess(QStringLiteral("openssl"),
                     {QStringLiteral("s_client"), QStringLiteral("-connect"),
                      QStringLiteral("127.0.0.1:%1").arg(m_installation.port), QStringLiteral("-servername"), kDomain,
                      QStringLiteral("-CAfile"), m_pki->path(QStringLiteral("root.crt")), QStringLiteral("-cert"),
                      m_pki->path(QStringLiteral("chatclient.crt")), QStringLiteral("-key"),
                      m_pki->path(QStringLiteral("chatclient.key"))},
                     QProcessEnvironment::systemEnvironment(), 20000, QByteArrayLiteral("Q\n"));
    QVERIFY2(r.out.contains("Verification: OK"), r.out.constData());
    const qsizetype begin = r.out.indexOf("-----BEGIN CERTIFICATE-----");
    const qsizetype end = r.out.indexOf("-----END CERTIFICATE-----");
    QVERIFY2(begin >= 0 && end > begin, r.out.constData());
    const auto served = Certificate::fromPem(r.out.mid(begin, end - begin + 25));
    const auto expected = Certificate::fromPem(m_pki->pki.read(certificate));
    QVERIFY(served.ok() && expected.ok());
    QCOMPARE(served->sha256Fingerprint(), expected->sha256Fingerprint());
}

void TestGuiSsh::applyOverSshThenRenew()
{
    const QStringList before = treeDigest(m_installation.discovery.configRoot);
    makeSshWizard();
    toReviewOverSsh(SshServer::User::SudoPassword, QStringLiteral("ssh-"));
    if (QTest::currentTestFailed())
        return;
    applyOnTheServer(QStringLiteral("ssh-"));
    if (QTest::currentTestFailed())
        return;
    checkServed(QStringLiteral("server.crt"));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(FirstCallPageId));
    // The calls on the server appear here as they come: the log is followed there, over SSH.
    auto* firstCall = find<FirstCallPage>(m_wizard.get(), "FirstCallPage");
    QTRY_VERIFY_WITH_TIMEOUT(firstCall->isWatching(), 30000);
    QVERIFY(firstCall->accessLog().startsWith(m_installation.discovery.configRoot));
    QVERIFY(curl(m_installation.port, QStringLiteral("/im/callback")).endsWith("\n400"));
    QVERIFY(curl(m_installation.port, QStringLiteral("/im/callback"), QStringLiteral("chatclient")).endsWith("\n502"));
    auto* calls = find<QListWidget>(firstCall, "callsView");
    QTRY_COMPARE_WITH_TIMEOUT(calls->count(), 2, 10000);
    QCOMPARE(calls->item(0)->data(Qt::UserRole).toString(), QStringLiteral("CALL_NO_CLIENT_CERT"));
    QVERIFY(calls->item(1)->data(Qt::UserRole).toString() != QLatin1String("CALL_NO_CLIENT_CERT"));
    screenshot(*m_wizard, QStringLiteral("ssh-05b-first-call"));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(FinishPageId));
    QTRY_VERIFY(find<FinishPage>(m_wizard.get(), "FinishPage")->isSaved());
    screenshot(*m_wizard, QStringLiteral("ssh-06-finish"));

    // The saved setup remembers the server and the key, never the password.
    const SetupStore store(m_setups->path());
    const auto content = store.load();
    QVERIFY(content.ok());
    QCOMPARE(content->setups.size(), 1);
    QCOMPARE(content->setups.first().target, SetupTarget::Ssh);
    QCOMPARE(content->setups.first().sshTarget, target(SshServer::User::SudoPassword));
    QCOMPARE(content->setups.first().sshIdentity, m_sshd.clientKey(SshServer::User::SudoPassword));
    QCOMPARE(content->setups.first().serverRoot, m_installation.discovery.configRoot);

    // The renewal deploys the same way: to the same server, the password asked again.
    m_wizard.reset();
    makeSshWizard();
    mnemonic(*m_wizard, 'r');
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(RenewSelectPageId));
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(next(*m_wizard));
    importFiles({QStringLiteral("renewed_bundle.crt"), QStringLiteral("renewed.key")});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(RenewComparePageId));
    auto* compare = find<RenewComparePage>(m_wizard.get(), "RenewComparePage");
    auto* panel = find<SshConnectPanel>(compare, "sshPanel");
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->targetText(), target(SshServer::User::SudoPassword));
    QTRY_VERIFY_WITH_TIMEOUT(find<QLineEdit>(panel, "sshPasswordEdit")->isVisible(), 30000);
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    screenshot(*m_wizard, QStringLiteral("ssh-07-renew-password"));
    typeInto(find<QLineEdit>(panel, "sshPasswordEdit"), m_sshd.password());
    mnemonic(*m_wizard, 'e');
    QTRY_VERIFY_WITH_TIMEOUT(panel->isReady(), 30000);
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ClientCaPageId));
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(next(*m_wizard));
    applyOnTheServer(QStringLiteral("ssh-renew-"));
    if (QTest::currentTestFailed())
        return;
    checkServed(QStringLiteral("renewed.crt"));

    // No password or key material left in a file on either side: the setups, the settings, the known-hosts file,
    // the assistant's folder on the server and the server's configuration.
    const QString keyLine = QString::fromLatin1(m_pki->pki.read(QStringLiteral("renewed.key")).split('\n').value(1));
    QVERIFY(!keyLine.isEmpty());
    for (const QString& dir : {m_setups->path(), m_client.path(), m_remoteState.path(),
                               QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)}) {
        if (!QFileInfo::exists(dir))
            continue;
        const ProcessResult password
            = runProcess(QStringLiteral("grep"), {QStringLiteral("-rlF"), m_sshd.password(), dir});
        QVERIFY2(password.exitCode == 1,
                 (dir + QLatin1Char(' ') + QString::fromUtf8(password.out)).toUtf8().constData());
    }
    const ProcessResult key
        = runProcess(QStringLiteral("grep"), {QStringLiteral("-rlF"), keyLine, m_remoteState.path()});
    QVERIFY2(key.exitCode == 1, key.out.constData());

    // Back as it was: the remote rollbacks, one apply at a time.
    auto* apply = find<ApplyPage>(m_wizard.get(), "ApplyPage");
    for (int i = 0; i < 2; ++i) {
        apply->rollBackRemotely();
        QTRY_VERIFY_WITH_TIMEOUT(!apply->isBusy(), 90000);
    }
    QCOMPARE(treeDigest(m_installation.discovery.configRoot), before);
}

void TestGuiSsh::droppedConnectionThenReconnectAndRollBack()
{
    const QStringList before = treeDigest(m_installation.discovery.configRoot);
    m_installation.discovery.binary = slowReloader(m_installation.discovery.binary, m_bin.path());
    QVERIFY(!m_installation.discovery.binary.isEmpty());
    makeSshWizard();
    toReviewOverSsh(SshServer::User::SudoNoPassword, QStringLiteral("ssh-nopw-"));
    if (QTest::currentTestFailed())
        return;
    auto* review = find<ReviewPage>(m_wizard.get(), "ReviewPage");
    QTRY_VERIFY_WITH_TIMEOUT(!review->isBusy(), 30000);
    QVERIFY(next(*m_wizard));
    auto* apply = find<ApplyPage>(m_wizard.get(), "ApplyPage");
    mnemonic(*m_wizard, 'a');
    // The connection drops while install.sh is at work on the server (its reload takes 3 seconds).
    QTRY_VERIFY_WITH_TIMEOUT(stepTexts(apply).join(QLatin1Char('\n')).contains(QLatin1String("Reloading the server.")),
                             30000);
    QVERIFY(killSshClients() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!apply->isBusy(), 60000);
    QVERIFY(!m_wizard->context().remoteJob.has_value());
    auto* reconnect = find<QPushButton>(apply, "reconnectButton");
    QVERIFY(reconnect->isVisible());
    QVERIFY(!find<QPushButton>(apply, "applyButton")->isEnabled());
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY2(find<QLabel>(apply, "resultLabel")
                 ->text()
                 .startsWith(lead("mtls::ui::ApplyPage",
                                  "The connection to %1 dropped while the job ran. The job goes on there and ends "
                                  "fully done or fully put back: reconnect to see which.")),
             qPrintable(find<QLabel>(apply, "resultLabel")->text()));
    screenshot(*m_wizard, QStringLiteral("ssh-08-connection-lost"));

    // Reconnect: the job went on and ended fully after; the outcome is shown and the way back offered.
    mnemonic(*m_wizard, 'r');
    QTRY_VERIFY_WITH_TIMEOUT(!apply->isBusy(), 60000);
    QVERIFY(m_wizard->context().remoteJob.has_value());
    QCOMPARE(m_wizard->context().remoteJob->serverState(), QStringLiteral("after"));
    QVERIFY(!reconnect->isVisible());
    QVERIFY(find<QPushButton>(apply, "remoteRollbackButton")->isVisible());
    // The job's whole log once, from its first line to install.sh's verdict.
    const QStringList steps = stepTexts(apply);
    QCOMPARE(steps.filter(QLatin1String("Installing the files")).size(), 1);
    QCOMPARE(steps.filter(QLatin1String("Installed, reloaded and checked")).size(), 1);
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(curl(m_installation.port, QStringLiteral("/im/callback")).endsWith("\n400"));
    checkServed(QStringLiteral("server.crt"));
    screenshot(*m_wizard, QStringLiteral("ssh-09-reconnected"));

    mnemonic(*m_wizard, 'o');
    QTRY_VERIFY_WITH_TIMEOUT(!apply->isBusy(), 60000);
    QCOMPARE(m_wizard->context().remoteJob->action, RemoteJobAction::Rollback);
    QCOMPARE(m_wizard->context().remoteJob->serverState(), QStringLiteral("before"));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(treeDigest(m_installation.discovery.configRoot), before);
    QVERIFY(waitForPortState(m_installation.port, false));
}

void TestGuiSsh::mergeIntoTheWebsiteOverSsh()
{
    // The server already serves a website for the name, with its own certificate, in a file of its owner's: read over
    // SSH when connecting, offered for merge, applied there; judged by curl, then rolled back byte for byte.
    Installation& server = m_installation;
    const QString site = QStringLiteral("server {\n    listen 127.0.0.1:%1 ssl;\n    server_name localhost;\n"
                                        "    ssl_certificate %2;\n    ssl_certificate_key %3;\n"
                                        "    location / { return 200 \"website\\n\"; }\n}\n"
                                        "server {\n    listen 127.0.0.1:%4;\n    return 200 \"old-site\\n\";\n}\n")
                             .arg(server.port)
                             .arg(m_pki->path(QStringLiteral("bundle.crt")), m_pki->path(QStringLiteral("server.key")))
                             .arg(server.server->port());
    QVERIFY(server.server->setSiteConfig(site).ok());
    const QString siteFile = server.discovery.configRoot + QStringLiteral("/site.conf");
    QVERIFY(::chown(QFile::encodeName(siteFile).constData(), 1234, 1234) == 0);
    QVERIFY(::chmod(QFile::encodeName(siteFile).constData(), 0640) == 0);
    const Status reloaded = server.server->reload();
    QVERIFY2(reloaded.ok(), reloaded ? "" : qPrintable(reloaded.error().fullText()));
    const QStringList before = treeDigest(server.discovery.configRoot);
    const QByteArray rootBefore = curl(server.port, QStringLiteral("/"));
    QCOMPARE(rootBefore, QByteArray("website\n\n200"));

    makeSshWizard();
    connectOnServerPage(SshServer::User::SudoNoPassword, QStringLiteral("ssh-merge-"), true);
    if (QTest::currentTestFailed())
        return;
    auto* page = find<ServerPage>(m_wizard.get(), "ServerPage");
    QTRY_VERIFY(find<QWidget>(page, "siteGroup")->isVisible());
    QVERIFY2(find<QLabel>(page, "siteLabel")->text().contains(QStringLiteral("site.conf:1")),
             qPrintable(find<QLabel>(page, "siteLabel")->text()));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled()); // merge or a name of its own: the user's choice
    mnemonic(*m_wizard, 'c');
    QVERIFY(find<QRadioButton>(page, "dedicatedRadio")->isChecked());
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled()); // the name is the website's on that server
    mnemonic(*m_wizard, 'm');
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    screenshot(*m_wizard, QStringLiteral("ssh-merge-04-choice"));
    QVERIFY(next(*m_wizard));
    clientCa(); // the site keeps its certificate: straight to Chat's client CA
    if (QTest::currentTestFailed())
        return;
    auto* review = find<ReviewPage>(m_wizard.get(), "ReviewPage");
    QTRY_VERIFY_WITH_TIMEOUT(!review->isBusy(), 30000);
    const QString diff = find<QPlainTextEdit>(review, "configView")->toPlainText();
    QVERIFY2(diff.contains(QLatin1String("+ ")) && diff.contains(QLatin1String("/im/callback")), qPrintable(diff));
    screenshot(*m_wizard, QStringLiteral("ssh-merge-05-review"));
    QVERIFY(next(*m_wizard));
    auto* apply = find<ApplyPage>(m_wizard.get(), "ApplyPage");
    mnemonic(*m_wizard, 'a');
    QTRY_VERIFY_WITH_TIMEOUT(!apply->isBusy(), 90000);
    QVERIFY2(m_wizard->context().remoteJob.has_value(), qPrintable(find<QLabel>(apply, "errorMessage")->text()));
    QCOMPARE(m_wizard->context().remoteJob->serverState(), QStringLiteral("after"));
    QCOMPARE(stepTexts(apply).last(),
             tt("mtls::RemoteDeploy",
                "Verified on the server by install.sh: the site still serves its own "
                "certificate, the webhook path refuses callers without a client certificate, "
                "and the site's other pages answer as before."));
    screenshot(*m_wizard, QStringLiteral("ssh-merge-06-applied"));

    // Judged by real clients: the website as before, the webhook path closed to strangers and open to Chat's
    // certificate (no application behind it here: 502), the file still its owner's.
    QCOMPARE(curl(server.port, QStringLiteral("/")), rootBefore);
    QVERIFY(curl(server.port, QStringLiteral("/im/callback")).endsWith("\n403"));
    QVERIFY(curl(server.port, QStringLiteral("/im/callback"), QStringLiteral("chatclient")).endsWith("\n502"));
    checkServed(QStringLiteral("server.crt"));
    QFileInfo info(siteFile);
    QCOMPARE(info.ownerId(), 1234u);
    QVERIFY(info.permissions()
            == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadUser | QFile::WriteUser));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(TestPageId));
    QTRY_VERIFY_WITH_TIMEOUT(!find<TestPage>(m_wizard.get(), "TestPage")->isRunning(), 30000);
    QCOMPARE(m_wizard->context().probe->withoutClientCertificate, CallerOutcome::RejectedByHttpStatus);
    QVERIFY(next(*m_wizard));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(FinishPageId));
    QTRY_VERIFY(find<FinishPage>(m_wizard.get(), "FinishPage")->isSaved());
    const auto saved = SetupStore(m_setups->path()).load();
    QVERIFY(saved.ok() && saved->setups.size() == 1);
    QCOMPARE(saved->setups.first().mode, SetupMode::Merge);
    QCOMPARE(saved->setups.first().target, SetupTarget::Ssh);
    QCOMPARE(saved->setups.first().siteFile, siteFile);
    QCOMPARE(saved->setups.first().certificate.sha256,
             Certificate::fromPem(m_pki->pki.read(QStringLiteral("server.crt")))->sha256Fingerprint());

    // The renewal connects to the same server and plans the merge again from the site's file there: it has the lines
    // already, so nothing is added, and the site answers as before.
    QMetaObject::invokeMethod(m_wizard->button(QWizard::FinishButton), "click");
    makeSshWizard();
    mnemonic(*m_wizard, 'r');
    QVERIFY(next(*m_wizard));
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(RenewComparePageId));
    QTRY_VERIFY_WITH_TIMEOUT(find<SshConnectPanel>(m_wizard->currentPage(), "sshPanel")->isReady(), 30000);
    screenshot(*m_wizard, QStringLiteral("ssh-merge-07-renew"));
    QVERIFY(next(*m_wizard));
    QCOMPARE(m_wizard->currentId(), int(ClientCaPageId));
    QTRY_VERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(next(*m_wizard));
    QTRY_VERIFY_WITH_TIMEOUT(!find<ReviewPage>(m_wizard.get(), "ReviewPage")->isBusy(), 30000);
    QVERIFY(find<QPlainTextEdit>(m_wizard->currentPage(), "configView")
                ->toPlainText()
                .startsWith(lead("mtls::ui::ReviewPage", "# %1 has these lines already: nothing to add.")));
    QVERIFY(next(*m_wizard));
    mnemonic(*m_wizard, 'a');
    QTRY_VERIFY_WITH_TIMEOUT(!find<ApplyPage>(m_wizard.get(), "ApplyPage")->isBusy(), 90000);
    QVERIFY(m_wizard->context().remoteJob.has_value());
    QCOMPARE(m_wizard->context().remoteJob->serverState(), QStringLiteral("after"));
    QCOMPARE(curl(server.port, QStringLiteral("/")), rootBefore);
    QVERIFY(curl(server.port, QStringLiteral("/im/callback")).endsWith("\n403"));

    // Both rolled back on the server: the tree byte for byte, the webhook path the website's again.
    QStringList rollback {QStringLiteral("rollback"),
                          QStringLiteral("--ssh"),
                          target(SshServer::User::SudoNoPassword),
                          QStringLiteral("--identity"),
                          m_sshd.clientKey(SshServer::User::SudoNoPassword),
                          QStringLiteral("--known-hosts"),
                          m_wizard->context().sshKnownHosts,
                          QStringLiteral("--state-dir"),
                          m_remoteState.path()};
    for (int i = 0; i < 2; ++i) {
        const ProcessResult rolledBack = runCli(rollback, QProcessEnvironment::systemEnvironment(), 120000);
        QVERIFY2(rolledBack.exitCode == 0, (rolledBack.out + rolledBack.err).constData());
    }
    QCOMPARE(treeDigest(server.discovery.configRoot), before);
    QTRY_COMPARE_WITH_TIMEOUT(curl(server.port, QStringLiteral("/im/callback")), QByteArray("website\n\n200"), 10000);
}

void TestGuiSsh::ownKnownHostsFile()
{
    // By choice, the user's own ~/.ssh/known_hosts (a home of the test's here): the key trusted on the page goes there,
    // where their terminal's ssh finds it, and not into the assistant's file; the connection checks against it.
    QTemporaryDir home;
    const QByteArray previousHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(home.path()));
    m_ownKnownHosts = true;
    makeSshWizard();
    connectOnServerPage(SshServer::User::SudoNoPassword, QStringLiteral("ssh-own-"));
    const bool connected = !QTest::currentTestFailed();
    m_ownKnownHosts = false;
    if (auto* own = m_wizard->currentPage()->findChild<QCheckBox*>(QStringLiteral("sshOwnKnownHostsCheck")))
        own->setChecked(false); // remembered: the next cases use the assistant's file again
    qputenv("HOME", previousHome);
    QVERIFY(connected);
    QVERIFY(readFile(home.filePath(QStringLiteral(".ssh/known_hosts"))).contains("ssh-ed25519"));
    QCOMPARE(QFileInfo(home.filePath(QStringLiteral(".ssh"))).permissions(),
             QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadUser | QFile::WriteUser
                 | QFile::ExeUser);
    QVERIFY(!QFileInfo::exists(m_wizard->context().sshKnownHosts));
}

void TestGuiSsh::changedHostKeyIsRefused()
{
    makeSshWizard();
    // Accepted once, then the server answers with another key (reinstalled, or someone in between).
    SshOptions options = m_sshd.options(SshServer::User::SudoNoPassword, m_wizard->context().sshKnownHosts);
    options.acceptedFingerprint = m_sshd.hostKeyFingerprint();
    QVERIFY(verifyHostKey(options).ok());
    QVERIFY(m_sshd.restartWithNewHostKey());
    const QByteArray known = readFile(m_wizard->context().sshKnownHosts);

    endpoint(QStringLiteral("https://localhost:%1/im/callback").arg(m_installation.port));
    QWidget* page = m_wizard->currentPage();
    mnemonic(*m_wizard, 'v');
    auto* panel = find<SshConnectPanel>(page, "sshPanel");
    // A key file that is not there: said at once, nothing connected.
    panel->setTarget(target(SshServer::User::SudoNoPassword), m_client.filePath(QStringLiteral("no-such-key")));
    mnemonic(*m_wizard, 'e');
    QVERIFY(!panel->isBusy());
    QCOMPARE(find<FindingsView>(panel, "sshFindings")->findings().value(0).code,
             QStringLiteral("SSH_IDENTITY_MISSING"));
    panel->setTarget(target(SshServer::User::SudoNoPassword), m_sshd.clientKey(SshServer::User::SudoNoPassword));
    mnemonic(*m_wizard, 'e');
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), 30000);
    const Findings findings = find<FindingsView>(panel, "sshFindings")->findings();
    QCOMPARE(findings.value(0).code, QStringLiteral("SSH_HOST_KEY_CHANGED"));
    QVERIFY(!find<QWidget>(panel, "sshHostKeyBox")->isVisible());
    QVERIFY(!panel->isReady());
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(readFile(m_wizard->context().sshKnownHosts), known); // never replaced behind the user's back
    screenshot(*m_wizard, QStringLiteral("ssh-10-key-changed"));
}

QTEST_MAIN(TestGuiSsh)
#include "tst_gui_ssh.moc"
