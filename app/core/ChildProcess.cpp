#include "ChildProcess.h"

#include <QMutex>
#include <QProcess>
#include <QSet>

#ifdef Q_OS_UNIX
#include <csignal>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace mtls {

namespace {

QMutex& secretsMutex()
{
    static QMutex mutex;
    return mutex;
}

QSet<QString>& secretNames()
{
    static QSet<QString> names;
    return names;
}

} // namespace

std::optional<QByteArray> takeSecretVariable(const QByteArray& name)
{
    if (name.isEmpty())
        return std::nullopt;
    {
        const QMutexLocker lock(&secretsMutex());
        secretNames().insert(QString::fromLocal8Bit(name));
    }
    if (!qEnvironmentVariableIsSet(name.constData()))
        return std::nullopt;
    const QByteArray value = qgetenv(name.constData());
    qunsetenv(name.constData());
    return value;
}

bool isSecretVariable(const QString& name)
{
    const QMutexLocker lock(&secretsMutex());
    return secretNames().contains(name);
}

QProcessEnvironment withoutSecrets(QProcessEnvironment environment)
{
    const QMutexLocker lock(&secretsMutex());
    for (const QString& name : std::as_const(secretNames()))
        environment.remove(name);
    return environment;
}

QProcessEnvironment childEnvironment()
{
    return withoutSecrets(QProcessEnvironment::systemEnvironment());
}

void prepareChild(QProcess& process, ChildLifetime lifetime)
{
    const QProcessEnvironment set = process.processEnvironment();
    // An empty environment means "inherit this process's": make it explicit, without the secrets.
    process.setProcessEnvironment(set.isEmpty() ? childEnvironment() : withoutSecrets(set));
    if (lifetime != ChildLifetime::BoundToParent)
        return;
#ifdef Q_OS_UNIX
    const pid_t parent = ::getpid();
    // Runs in the child between fork and exec: async-signal-safe calls only.
    process.setChildProcessModifier([parent] {
        ::setsid(); // its own process group: the whole server can be signalled at once
#ifdef Q_OS_LINUX
        ::prctl(PR_SET_PDEATHSIG, SIGTERM); // the server then ends its workers and children itself
#endif
        if (::getppid() != parent) // the parent died before the line above took effect
            ::_exit(127);
    });
#endif
}

} // namespace mtls
