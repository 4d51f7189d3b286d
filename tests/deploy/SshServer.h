#pragma once

// A throwaway OpenSSH server on loopback for the tests of deploying over SSH: `/usr/sbin/sshd -D -e -f CONFIG` on
// 127.0.0.1 and a free port, with a throwaway ed25519 host key, and test users made for it (each with a fresh client
// key in its own authorized_keys file, and a password): one with password-protected sudo, one with NOPASSWD, one
// without sudo rights, one with `Defaults:USER requiretty`; root logs in with a key too. Needs root (useradd,
// /etc/sudoers.d); everything it made (users, sudoers file, sudo's records for the users, processes) goes when it
// is destroyed. The user names end with this process's id, so two test executables never share one; what a killed
// run left is removed at the next start. Start one per test executable (in initTestCase) and share it.
//
// Also a "black hole": a loopback TCP port that accepts connections and never answers.

#include "deploy/SshTarget.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTcpServer>
#include <QTemporaryDir>

#include <memory>

class SshServer
{
public:
    enum class User {
        SudoPassword, // mtls-sshpw-PID: USER ALL=(ALL) ALL
        SudoNoPassword, // mtls-sshnopw-PID: USER ALL=(ALL) NOPASSWD: ALL
        NoSudo, // mtls-sshnone-PID: no rule
        RequireTty, // mtls-sshtty-PID: Defaults:USER requiretty, NOPASSWD: ALL
        Root,
    };

    SshServer();
    ~SshServer();
    SshServer(const SshServer&) = delete;
    SshServer& operator=(const SshServer&) = delete;

    // Why the fixture cannot run here (not root, no sshd): the QSKIP message; empty when it can.
    static QString unavailableReason();

    // Makes the users, the keys and the sudoers file, and starts sshd. False with error() when something failed.
    bool start();
    // Stops sshd, makes a new host key and starts it again on the same port (the "reinstalled server").
    bool restartWithNewHostKey();
    QString error() const { return m_error; }

    quint16 port() const { return m_port; }
    QString userName(User user) const;
    QString password() const { return QString::fromLatin1(m_password); } // every test user's password
    QByteArray passwordBytes() const { return m_password; }
    QString clientKey(User user) const; // the private key file
    QString otherClientKey() const; // a key no user accepts
    QString hostKeyFingerprint() const; // "SHA256:…" of the current host key
    // Options for `user` with its key, the known-hosts file `knownHosts` and short timeouts.
    mtls::SshOptions options(User user, const QString& knownHosts) const;
    QString dir() const { return m_dir.path(); }
    // Stops (SIGSTOP) or resumes (SIGCONT) every process of sshd's open connections: a server that stops answering
    // in the middle of a session, as behind a dropped route.
    void freezeConnections(bool frozen) const;

private:
    bool makeUsers();
    bool makeHostKey();
    bool startSshd();
    void stopSshd();
    void removeUsers();
    static void removeStaleUsers();

    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QByteArray m_password;
    QString m_suffix;
    QString m_sudoersFile;
    QString m_error;
    std::unique_ptr<QProcess> m_sshd;
    QStringList m_madeUsers;
};

// A TCP listener on 127.0.0.1 that accepts connections (the kernel completes them) and never sends a byte.
class BlackHole
{
public:
    BlackHole();
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
};
