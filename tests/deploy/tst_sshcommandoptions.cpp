// The SSH options of the command line: what is accepted, what is a usage error (exit 2), and the sudo password read
// once from its variable, which leaves the environment at once.

#include "cli/SshCommandOptions.h"
#include "core/ChildProcess.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mtls;
using namespace mtls::cli;

namespace {

// Parses `arguments` (after the program name) with the SSH options; the exit code when they were refused.
std::optional<int> parse(const QStringList& arguments, SshOptions& options)
{
    QCommandLineParser parser;
    addSshOptions(parser);
    if (!parser.parse(QStringList {QStringLiteral("mtls-assistant-cli")} + arguments))
        return -1;
    return sshOptions(parser, QStringLiteral("apply"), options);
}

} // namespace

class TestSshCommandOptions : public QObject
{
    Q_OBJECT

private slots:
    void accepted();
    void refused_data();
    void refused();
    void passwordTakenFromTheEnvironment();
};

void TestSshCommandOptions::accepted()
{
    QTemporaryDir dir;
    const QString key = dir.filePath(QStringLiteral("id_ed25519"));
    QFile file(key);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    SshOptions options;
    const QString fingerprint = QStringLiteral("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
    QCOMPARE(parse({QStringLiteral("--ssh"), QStringLiteral("deploy@[::1]:2222"), QStringLiteral("--identity"), key,
                    QStringLiteral("--known-hosts"), dir.filePath(QStringLiteral("kh")),
                    QStringLiteral("--accept-host-key"), fingerprint},
                   options),
             std::nullopt);
    QCOMPARE(options.target.user, QStringLiteral("deploy"));
    QCOMPARE(options.target.host, QStringLiteral("::1"));
    QCOMPARE(options.target.port, 2222);
    QCOMPARE(options.identityFile, key);
    QCOMPARE(options.knownHostsFile, dir.filePath(QStringLiteral("kh")));
    QCOMPARE(options.acceptedFingerprint, fingerprint);
    QVERIFY(options.sudoPassword.isEmpty());
}

void TestSshCommandOptions::refused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no --ssh") << QStringList();
    QTest::newRow("--identity without --ssh") << QStringList {QStringLiteral("--identity"), QStringLiteral("/k")};
    QTest::newRow("option as target") << QStringList {QStringLiteral("--ssh"), QStringLiteral("-oProxyCommand=x")};
    QTest::newRow("target with a line break") << QStringList {QStringLiteral("--ssh"), QStringLiteral("h\nx")};
    QTest::newRow("missing key file") << QStringList {QStringLiteral("--ssh"), QStringLiteral("h"),
                                                      QStringLiteral("--identity"), QStringLiteral("/nonexistent/k")};
    QTest::newRow("fingerprint in MD5") << QStringList {QStringLiteral("--ssh"), QStringLiteral("h"),
                                                        QStringLiteral("--accept-host-key"),
                                                        QStringLiteral("MD5:12:34:56")};
    QTest::newRow("unset password variable")
        << QStringList {QStringLiteral("--ssh"), QStringLiteral("h"), QStringLiteral("--sudo-password-env"),
                        QStringLiteral("MTLS_TEST_UNSET_SUDO_PASSWORD")};
}

void TestSshCommandOptions::refused()
{
    QFETCH(QStringList, arguments);
    SshOptions options;
    QCOMPARE(parse(arguments, options), std::optional<int>(2));
}

void TestSshCommandOptions::passwordTakenFromTheEnvironment()
{
    qputenv("MTLS_TEST_SUDO_PASSWORD", "correct horse");
    SshOptions options;
    QCOMPARE(parse({QStringLiteral("--ssh"), QStringLiteral("h"), QStringLiteral("--sudo-password-env"),
                    QStringLiteral("MTLS_TEST_SUDO_PASSWORD")},
                   options),
             std::nullopt);
    QCOMPARE(options.sudoPassword, QByteArray("correct horse"));
    QVERIFY(!qEnvironmentVariableIsSet("MTLS_TEST_SUDO_PASSWORD"));
    QVERIFY(!childEnvironment().contains(QStringLiteral("MTLS_TEST_SUDO_PASSWORD")));
}

QTEST_GUILESS_MAIN(TestSshCommandOptions)
#include "tst_sshcommandoptions.moc"
