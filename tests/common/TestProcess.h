#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

struct ProcessResult
{
    bool started = false;
    bool finished = false; // false: killed after the timeout
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
};

// Runs a program to its end (or kills it after `timeoutMs`).
ProcessResult runProcess(const QString& program, const QStringList& arguments,
                         const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
                         int timeoutMs = 60000, const QByteArray& input = QByteArray(),
                         const QString& workingDirectory = QString());

// The command-line program under test (its path comes from the MTLS_CLI variable that ctest sets).
QString cliPath();
ProcessResult runCli(const QStringList& arguments,
                     const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
                     int timeoutMs = 60000);

// A TCP port on 127.0.0.1 that was free a moment ago.
quint16 freeLoopbackPort();
