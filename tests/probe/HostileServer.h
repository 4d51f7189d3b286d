#pragma once

#include <QString>

#include <atomic>
#include <thread>
#include <vector>

// A small misbehaving endpoint on 127.0.0.1 for the probe's tests, on its own thread (no event loop needed).
class HostileServer
{
public:
    enum class Behaviour {
        NotListening, // the port is held (bound) but nothing listens: connections are refused
        Silent, // accepts and never answers
        Garbage, // answers any connection with random bytes
        StallHalfway, // reads the ClientHello, sends half a ServerHello, then nothing
        PlainHttp, // a plain HTTP server where TLS is expected
        TlsWithoutHttp, // the reverse: TLS, then a non-HTTP banner and close
        HugeChain, // a real TLS server sending a certificate chain of several hundred KB
    };

    // `certFile`/`keyFile` (PEM) are needed by the TLS behaviours.
    explicit HostileServer(Behaviour behaviour, const QString& certFile = QString(),
                           const QString& keyFile = QString());
    ~HostileServer(); // stops the thread and closes every socket
    HostileServer(const HostileServer&) = delete;
    HostileServer& operator=(const HostileServer&) = delete;

    bool start(); // listens on 127.0.0.1:<any>, returns once it accepts connections
    quint16 port() const { return m_port; }
    int connectionsAccepted() const { return m_accepted.load(); }

private:
    void serve();
    void handle(int fd);
    void handleTls(int fd);

    Behaviour m_behaviour;
    QString m_certFile;
    QString m_keyFile;
    int m_listenFd = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stop {false};
    std::atomic<int> m_accepted {0};
    std::vector<int> m_openFds; // kept open until the end (silent and stalled connections)
    std::thread m_thread;
};
