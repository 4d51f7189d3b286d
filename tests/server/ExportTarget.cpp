#include "ExportTarget.h"

#include <QDeadlineTimer>
#include <QProcess>

#include <csignal>

using namespace mtls;

QStringList ExportTarget::exportArgs(const MtlsFixture& fixture, const QString& layout, const QString& upstream,
                                     const QString& out) const
{
    QStringList args {QStringLiteral("export"),
                      QStringLiteral("--server"),
                      serverKindName(kind),
                      QStringLiteral("--domain"),
                      QStringLiteral("localhost"),
                      QStringLiteral("--cert"),
                      fixture.path(QStringLiteral("server.crt")),
                      QStringLiteral("--key"),
                      fixture.path(QStringLiteral("server.key")),
                      QStringLiteral("--chain"),
                      fixture.path(QStringLiteral("chain.pem")),
                      QStringLiteral("--client-ca"),
                      fixture.path(QStringLiteral("chatca.crt")),
                      QStringLiteral("--roots"),
                      fixture.path(QStringLiteral("root.crt")),
                      QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:%1").arg(newPort),
                      QStringLiteral("--upstream"),
                      upstream,
                      QStringLiteral("--path"),
                      QStringLiteral("/im/callback"),
                      QStringLiteral("--server-root"),
                      server->prefix(),
                      QStringLiteral("--layout"),
                      layout,
                      QStringLiteral("--binary"),
                      server->binary(),
                      QStringLiteral("--main-config"),
                      server->mainConfigPath(),
                      QStringLiteral("--backup-dir"),
                      backupDir(),
                      QStringLiteral("--out"),
                      out};
    if (kind == ServerKind::Nginx)
        args << QStringLiteral("--prefix") << server->prefix();
    return args;
}

ProcessResult ExportTarget::install(const QString& bundle, const QStringList& args, const QProcessEnvironment& env,
                                    const QString& workingDirectory) const
{
    return runProcess(QStringLiteral("sh"), QStringList {bundle + QStringLiteral("/install.sh")} + args, env, 60000,
                      QByteArray(), workingDirectory);
}

ProcessResult runSignalledAt(const QString& program, const QStringList& arguments, const QByteArray& marker, int signal)
{
    ProcessResult result;
    QProcess process;
    process.start(program, arguments);
    result.started = process.waitForStarted(10000);
    if (!result.started)
        return result;
    QDeadlineTimer deadline(60000);
    bool signalled = false;
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        process.waitForReadyRead(50);
        result.out += process.readAllStandardOutput();
        if (!signalled && result.out.contains(marker)) {
            ::kill(static_cast<pid_t>(process.processId()), signal);
            signalled = true;
        }
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    result.finished = true;
    result.out += process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}
