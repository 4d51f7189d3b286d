#pragma once

// Child processes (servers, openssl, pkexec, shells) never inherit a secret. A passphrase named by an environment
// variable is taken once, removed from this process's environment at once, and left out of every child's
// environment; throwaway servers are tied to this process's life (see ChildLifetime).

#include <QByteArray>
#include <QProcessEnvironment>

#include <optional>

class QProcess;

namespace mtls {

// The value of the environment variable `name`, read once: the variable is removed from this process's environment
// (so nothing started later inherits it) and its name is remembered as a secret that childEnvironment() leaves out.
// nullopt when it is not set.
std::optional<QByteArray> takeSecretVariable(const QByteArray& name);
// Whether `name` was taken by takeSecretVariable().
bool isSecretVariable(const QString& name);

// This process's environment without the secret variables: the environment of every child process.
QProcessEnvironment childEnvironment();
// `environment` without the secret variables.
QProcessEnvironment withoutSecrets(QProcessEnvironment environment);

enum class ChildLifetime {
    Independent, // an ordinary child: ends on its own (a test run, a reload command, pkexec)
    // Its own process group, and on Linux SIGTERM when this process dies (PR_SET_PDEATHSIG), even by SIGKILL:
    // a throwaway server never outlives the program that started it. SIGTERM rather than SIGKILL: nginx and
    // Apache answer it by ending their workers and children, which a killed master would leave behind.
    BoundToParent,
};

// Gives `process` the environment without secrets (childEnvironment(), or the one already set on it with the
// secrets removed) and, for BoundToParent, the child-side setup. Call before start().
void prepareChild(QProcess& process, ChildLifetime lifetime = ChildLifetime::Independent);

} // namespace mtls
