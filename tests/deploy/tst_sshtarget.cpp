// The SSH target `[USER@]HOST[:PORT]` and the ssh command line made from it: nothing the user types can become an
// option of ssh, and the connection is always strict, bounded and unshared.

#include "deploy/SshTarget.h"

#include <QTest>

using namespace mtls;

class TestSshTarget : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void arguments();
};

void TestSshTarget::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("display");
    QTest::newRow("host") << "www.example.com"
                          << ""
                          << "www.example.com" << 0 << "www.example.com";
    QTest::newRow("user and host") << "deploy@www.example.com"
                                   << "deploy"
                                   << "www.example.com" << 0 << "deploy@www.example.com";
    QTest::newRow("port") << "root@10.0.0.5:2222"
                          << "root"
                          << "10.0.0.5" << 2222 << "root@10.0.0.5:2222";
    QTest::newRow("IPv6 with port") << "[::1]:2222"
                                    << ""
                                    << "::1" << 2222 << "[::1]:2222";
    QTest::newRow("IPv6 with user, no port") << "ops@[2001:db8::1]"
                                             << "ops"
                                             << "2001:db8::1" << 0 << "ops@2001:db8::1";
    QTest::newRow("bare IPv6") << "2001:db8::1"
                               << ""
                               << "2001:db8::1" << 0 << "2001:db8::1";
    QTest::newRow("config alias") << "web_1"
                                  << ""
                                  << "web_1" << 0 << "web_1";
    QTest::newRow("highest port") << "h:65535"
                                  << ""
                                  << "h" << 65535 << "h:65535";
}

void TestSshTarget::parses()
{
    QFETCH(QString, text);
    const auto target = parseSshTarget(text);
    QVERIFY2(target, qPrintable(target.error().message));
    QTEST(target->user, "user");
    QTEST(target->host, "host");
    QTEST(target->port, "port");
    QTEST(target->display(), "display");
}

void TestSshTarget::refuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("option") << "-oProxyCommand=touch /tmp/x";
    QTest::newRow("option as host") << "root@-oProxyCommand=x";
    QTest::newRow("option as host with port") << "-p:22";
    QTest::newRow("option as user") << "-l@host";
    QTest::newRow("newline") << "host\nProxyCommand x";
    QTest::newRow("escape") << QStringLiteral("host\x1b[2J");
    QTest::newRow("space") << "root@my host";
    QTest::newRow("empty user") << "@host";
    QTest::newRow("two @") << "a@b@host";
    QTest::newRow("empty port") << "host:";
    QTest::newRow("port 0") << "host:0";
    QTest::newRow("port too high") << "host:65536";
    QTest::newRow("port not a number") << "host:ssh";
    QTest::newRow("unclosed bracket") << "[::1:22";
    QTest::newRow("not IPv6 in brackets") << "[example.com]:22";
    QTest::newRow("after bracket") << "[::1]x";
    QTest::newRow("shell characters") << "host;reboot";
    QTest::newRow("bidirectional override") << QStringLiteral("host\u202e");
}

void TestSshTarget::refuses()
{
    QFETCH(QString, text);
    const auto target = parseSshTarget(text);
    QVERIFY(!target);
    QCOMPARE(target.error().findings.size(), 1);
    QCOMPARE(target.error().findings.first().code, QStringLiteral("SSH_TARGET_INVALID"));
    QVERIFY(!target.error().message.contains(QLatin1Char('\n'))); // control characters shown escaped
}

void TestSshTarget::arguments()
{
    SshOptions options;
    options.target = *parseSshTarget(QStringLiteral("deploy@[::1]:2222"));
    options.identityFile = QStringLiteral("/keys/100% id");
    options.knownHostsFile = QStringLiteral("/data/my known_hosts");
    options.connectTimeout = std::chrono::seconds(9);
    const QStringList arguments = sshArguments(options, QStringLiteral("exec sh -s"));
    QCOMPARE(arguments.mid(arguments.size() - 3),
             (QStringList {QStringLiteral("--"), QStringLiteral("::1"), QStringLiteral("exec sh -s")}));
    const QString joined = arguments.join(QLatin1Char('\n'));
    for (const char* expected :
         {"-T", "BatchMode=yes", "StrictHostKeyChecking=yes", "UserKnownHostsFile=\"/data/my known_hosts\"",
          "GlobalKnownHostsFile=\"/data/my known_hosts\"", "UpdateHostKeys=no", "ControlMaster=no", "ControlPath=none",
          "ConnectTimeout=9", "ServerAliveInterval=3", "ServerAliveCountMax=3", "IdentitiesOnly=yes"})
        QVERIFY2(arguments.contains(QLatin1String(expected)), expected);
    QCOMPARE(arguments.at(arguments.indexOf(QStringLiteral("-p")) + 1), QStringLiteral("2222"));
    QCOMPARE(arguments.at(arguments.indexOf(QStringLiteral("-l")) + 1), QStringLiteral("deploy"));
    QCOMPARE(arguments.at(arguments.indexOf(QStringLiteral("-i")) + 1), QStringLiteral("/keys/100%% id"));
    QVERIFY(!joined.contains(QStringLiteral("ControlMaster=auto")));
}

QTEST_GUILESS_MAIN(TestSshTarget)
#include "tst_sshtarget.moc"
