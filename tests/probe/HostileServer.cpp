#include "HostileServer.h"

#include "pki/OpenSslHandles.h"

#include <QRandomGenerator>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// Waits up to `ms` for data; true when some can be read.
bool waitReadable(int fd, int ms)
{
    pollfd p {fd, POLLIN, 0};
    return ::poll(&p, 1, ms) > 0;
}

void sendAll(int fd, const QByteArray& data)
{
    qsizetype sent = 0;
    while (sent < data.size()) {
        const ssize_t n = ::send(fd, data.constData() + sent, static_cast<size_t>(data.size() - sent), MSG_NOSIGNAL);
        if (n <= 0)
            return;
        sent += n;
    }
}

} // namespace

HostileServer::HostileServer(Behaviour behaviour, const QString& certFile, const QString& keyFile)
    : m_behaviour(behaviour)
    , m_certFile(certFile)
    , m_keyFile(keyFile)
{
}

HostileServer::~HostileServer()
{
    m_stop.store(true);
    if (m_thread.joinable())
        m_thread.join();
    for (int fd : m_openFds)
        ::close(fd);
    if (m_listenFd >= 0)
        ::close(m_listenFd);
}

bool HostileServer::start()
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listenFd < 0)
        return false;
    const int one = 1;
    ::setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof address;
    if (::bind(m_listenFd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0
        || ::getsockname(m_listenFd, reinterpret_cast<sockaddr*>(&address), &len) != 0)
        return false;
    m_port = ntohs(address.sin_port);
    if (m_behaviour == Behaviour::NotListening)
        return true; // no other program can take the port while it is held
    if (::listen(m_listenFd, 16) != 0)
        return false;
    m_thread = std::thread([this] { serve(); });
    return true;
}

void HostileServer::serve()
{
    // Writes to a client that went away raise SIGPIPE on this thread: keep it blocked here.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    while (!m_stop.load()) {
        if (!waitReadable(m_listenFd, 50))
            continue;
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        ++m_accepted;
        m_openFds.push_back(fd);
        handle(fd);
    }
}

void HostileServer::handle(int fd)
{
    switch (m_behaviour) {
    case Behaviour::NotListening:
    case Behaviour::Silent:
        return;
    case Behaviour::Garbage: {
        QByteArray junk(4096, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(junk.data()), junk.size() / 4);
        sendAll(fd, junk);
        return;
    }
    case Behaviour::StallHalfway: {
        char buffer[4096];
        if (waitReadable(fd, 2000))
            (void)::recv(fd, buffer, sizeof buffer, 0);
        // A handshake record announcing 122 bytes, of which only the first ten come.
        sendAll(fd, QByteArray::fromHex("160303007a020000760303") + QByteArray(6, '\x11'));
        return;
    }
    case Behaviour::PlainHttp: {
        char buffer[4096];
        if (waitReadable(fd, 2000))
            (void)::recv(fd, buffer, sizeof buffer, 0);
        sendAll(fd,
                "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n"
                "Connection: close\r\n\r\nBad Request");
        ::shutdown(fd, SHUT_WR);
        return;
    }
    case Behaviour::TlsWithoutHttp:
    case Behaviour::HugeChain:
        handleTls(fd);
        return;
    }
}

void HostileServer::handleTls(int fd)
{
    using namespace mtls;
    SslCtxPtr ctx(SSL_CTX_new(TLS_server_method()));
    if (!ctx || SSL_CTX_use_certificate_chain_file(ctx.get(), m_certFile.toLocal8Bit().constData()) != 1
        || SSL_CTX_use_PrivateKey_file(ctx.get(), m_keyFile.toLocal8Bit().constData(), SSL_FILETYPE_PEM) != 1) {
        clearOpenSslErrors();
        return;
    }
    if (m_behaviour == Behaviour::HugeChain) {
        X509* leaf = SSL_CTX_get0_certificate(ctx.get());
        for (int i = 0; i < 600; ++i) // ~600 x 500 bytes: far beyond a client's 100 KB limit
            SSL_CTX_add1_chain_cert(ctx.get(), leaf);
    }
    timeval tv {3, 0}; // the accept below blocks: never longer than this
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    SslPtr ssl(SSL_new(ctx.get()));
    if (ssl && SSL_set_fd(ssl.get(), fd) == 1 && SSL_accept(ssl.get()) == 1
        && m_behaviour == Behaviour::TlsWithoutHttp) {
        char buffer[1024];
        (void)SSL_read(ssl.get(), buffer, sizeof buffer);
        const char banner[] = "* OK IMAP4 server ready\r\n";
        (void)SSL_write(ssl.get(), banner, sizeof banner - 1);
        SSL_shutdown(ssl.get());
    }
    clearOpenSslErrors();
}
