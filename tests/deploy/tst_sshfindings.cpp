// What ssh and sudo print, as the real programs print it (OpenSSH 9.2, sudo 1.9.13), turned into the finding codes
// of the SSH transport.

#include "deploy/SshFindings.h"

#include <QTest>

using namespace mtls;

class TestSshFindings : public QObject
{
    Q_OBJECT

private slots:
    void connection_data();
    void connection();
    void sudo_data();
    void sudo();
};

void TestSshFindings::connection_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<bool>("timedOut");
    QTest::addColumn<QString>("code");
    QTest::newRow("no key accepted") << QByteArray(
        "bob@127.0.0.1: Permission denied (publickey,keyboard-interactive).\n")
                                     << false << "SSH_AUTH_FAILED";
    QTest::newRow("refused") << QByteArray("ssh: connect to host 127.0.0.1 port 2297: Connection refused\n") << false
                             << "SSH_UNREACHABLE";
    QTest::newRow("unknown name") << QByteArray(
        "ssh: Could not resolve hostname nosuchhost.invalid: Name or service not known\n")
                                  << false << "SSH_UNREACHABLE";
    QTest::newRow("no route") << QByteArray("ssh: connect to host 10.9.9.9 port 22: No route to host\n") << false
                              << "SSH_UNREACHABLE";
    QTest::newRow("banner never came") << QByteArray(
        "Connection timed out during banner exchange\nConnection to 127.0.0.1 port 2295 timed out\n")
                                       << false << "SSH_TIMEOUT";
    QTest::newRow("keep-alives unanswered")
        << QByteArray("Timeout, server 127.0.0.1 not responding.\n") << false << "SSH_TIMEOUT";
    QTest::newRow("killed after the bound") << QByteArray() << true << "SSH_TIMEOUT";
    QTest::newRow("changed key") << QByteArray("@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
                                               "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n"
                                               "Host key verification failed.\n")
                                 << false << "SSH_HOST_KEY_CHANGED";
    QTest::newRow("unknown key") << QByteArray(
        "No ED25519 host key is known for [127.0.0.1]:2299 and you have requested strict checking.\r\n"
        "Host key verification failed.\r\n")
                                 << false << "SSH_HOST_KEY_UNKNOWN";
    QTest::newRow("closed") << QByteArray("kex_exchange_identification: Connection closed by remote host\n") << false
                            << "SSH_CONNECTION_FAILED";
}

void TestSshFindings::connection()
{
    QFETCH(QByteArray, output);
    QFETCH(bool, timedOut);
    SshOptions options;
    options.target.host = QStringLiteral("example.com");
    const Finding finding = sshConnectionFinding(options, output, timedOut);
    QTEST(finding.code, "code");
    QCOMPARE(finding.severity, Severity::Error);
    QVERIFY(!finding.hint.isEmpty());
}

void TestSshFindings::sudo_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("code");
    QTest::newRow("password needed") << QByteArray("sudo: a password is required\n") << "SSH_SUDO_PASSWORD_NEEDED";
    QTest::newRow("requiretty") << QByteArray("sudo: sorry, you must have a tty to run sudo\n")
                                << "SSH_SUDO_REQUIRETTY";
    QTest::newRow("not in sudoers") << QByteArray("bob is not in the sudoers file.\n") << "SSH_SUDO_NOT_ALLOWED";
    QTest::newRow("may not run sudo") << QByteArray("Sorry, user bob may not run sudo on web1.\n")
                                      << "SSH_SUDO_NOT_ALLOWED";
    QTest::newRow("wrong password") << QByteArray("Sorry, try again.\n") << "SSH_SUDO_PASSWORD_WRONG";
    QTest::newRow("attempts") << QByteArray("sudo: 3 incorrect password attempts\n") << "SSH_SUDO_PASSWORD_WRONG";
    QTest::newRow("no sudo") << QByteArray("sh: 1: sudo: not found\n") << "SSH_SUDO_MISSING";
    QTest::newRow("nothing said") << QByteArray("Could not chdir to home directory /home/bob\n") << QString();
}

void TestSshFindings::sudo()
{
    QFETCH(QByteArray, output);
    SshOptions options;
    options.target.user = QStringLiteral("bob");
    options.target.host = QStringLiteral("example.com");
    const auto finding = sudoRefusalFinding(options, output);
    QTEST(finding ? finding->code : QString(), "code");
}

QTEST_GUILESS_MAIN(TestSshFindings)
#include "tst_sshfindings.moc"
