#include "SshPortForward.h"

#include "SshFindings.h"
#include "SshHostKey.h"
#include "core/ChildProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::SshPortForward)
};

// A port of 127.0.0.1 free at this moment (ssh binds it a moment later; ExitOnForwardFailure ends ssh when another
// program took it in between).
quint16 freeLocalPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool accepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    const bool connected = socket.waitForConnected(200);
    socket.abort();
    return connected;
}

} // namespace

SshPortForward::SshPortForward() = default;

SshPortForward::~SshPortForward()
{
    close();
}

void SshPortForward::close()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(2000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
    m_process.reset();
    m_localPort = 0;
}

Status SshPortForward::open(const SshOptions& options, const QString& host, quint16 port)
{
    close();
    if (Status known = verifyHostKey(options); !known)
        return known;
    auto ssh = findSshProgram(QStringLiteral("ssh"));
    if (!ssh)
        return ssh.error();
    const quint16 local = freeLocalPort();
    if (local == 0)
        return Error(Text::tr("No free port on this machine for the SSH port forward."));
    const QString destination = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    QStringList arguments = sshArguments(options, QString());
    const qsizetype dashes = arguments.lastIndexOf(QStringLiteral("--"));
    arguments.insert(dashes, QStringLiteral("-N"));
    arguments.insert(dashes + 1, QStringLiteral("-o"));
    arguments.insert(dashes + 2, QStringLiteral("ExitOnForwardFailure=yes"));
    arguments.insert(dashes + 3, QStringLiteral("-L"));
    arguments.insert(dashes + 4, QStringLiteral("127.0.0.1:%1:%2:%3").arg(local).arg(destination).arg(port));

    m_process = std::make_unique<QProcess>();
    m_process->setProgram(ssh.value());
    m_process->setArguments(arguments);
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setStandardOutputFile(QProcess::nullDevice());
    prepareChild(*m_process);
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        const QString why = m_process->errorString();
        m_process.reset();
        return Error(Text::tr("Could not start %1: %2").arg(ssh.value(), why));
    }
    const QDeadlineTimer deadline(std::chrono::milliseconds(options.connectTimeout) + std::chrono::seconds(5));
    while (!accepts(local)) {
        if (m_process->state() == QProcess::NotRunning || m_process->waitForFinished(100)) {
            const QByteArray errors = m_process->readAllStandardError();
            m_process.reset();
            if (errors.contains("forwarding failed") || errors.contains("cannot listen"))
                return sshError(
                    errorFinding(QStringLiteral("SSH_FORWARD_FAILED"),
                                 Text::tr("The SSH server of %1 did not forward a port to %2:%3.")
                                     .arg(options.target.display(), host)
                                     .arg(port),
                                 Text::tr("The server's sshd may forbid it (AllowTcpForwarding no): allow it "
                                          "for this user, or run the command on the server itself.")),
                    errors);
            if (auto changed = changedHostKeyError(options, errors))
                return *changed;
            return sshError(sshConnectionFinding(options, errors, false), errors);
        }
        if (deadline.hasExpired()) {
            close();
            return sshError(sshTimeoutFinding(options));
        }
    }
    m_localPort = local;
    return {};
}

} // namespace mtls
