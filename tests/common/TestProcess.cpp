#include "TestProcess.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTcpServer>

ProcessResult runProcess(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment,
                         int timeoutMs, const QByteArray& input, const QString& workingDirectory)
{
    ProcessResult result;
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    result.started = process.waitForStarted(10000);
    if (!result.started)
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.elapsedMs = timer.elapsed();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString cliPath()
{
    return qEnvironmentVariable("MTLS_CLI");
}

ProcessResult runCli(const QStringList& arguments, const QProcessEnvironment& environment, int timeoutMs)
{
    return runProcess(cliPath(), arguments, environment, timeoutMs);
}

quint16 freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}
