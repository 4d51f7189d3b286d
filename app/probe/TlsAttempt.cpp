#include "TlsAttempt.h"

#include "core/Logging.h"

#include <QElapsedTimer>

#include <openssl/err.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mtls {
namespace {

constexpr qsizetype kMaxResponse = 32 * 1024;

class SocketFd
{
public:
    explicit SocketFd(int fd = -1)
        : m_fd(fd)
    {
    }
    ~SocketFd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    SocketFd(const SocketFd&) = delete;
    SocketFd& operator=(const SocketFd&) = delete;
    int get() const { return m_fd; }
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

// Writing to a connection the server has closed raises SIGPIPE, which would end the whole program. The signal
// goes to the writing thread: block it there while the attempt runs, then discard one that came.
class SigpipeGuard
{
public:
    SigpipeGuard()
    {
        sigemptyset(&m_set);
        sigaddset(&m_set, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_set, &m_previous);
        sigset_t pending;
        sigemptyset(&pending);
        m_wasPending = sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1;
    }
    ~SigpipeGuard()
    {
        if (!m_wasPending) {
            const timespec zero {0, 0};
            while (sigtimedwait(&m_set, nullptr, &zero) > 0) { }
        }
        pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
    }
    SigpipeGuard(const SigpipeGuard&) = delete;
    SigpipeGuard& operator=(const SigpipeGuard&) = delete;

private:
    sigset_t m_set;
    sigset_t m_previous;
    bool m_wasPending = false;
};

enum class Wait { Ready, Timeout, Cancelled };

Wait waitFor(int fd, short events, const Deadline& deadline)
{
    for (;;) {
        if (deadline.cancelled())
            return Wait::Cancelled;
        if (deadline.expired())
            return Wait::Timeout;
        pollfd p {fd, events, 0};
        const int rc = ::poll(&p, 1, deadline.sliceMs());
        if (rc > 0)
            return Wait::Ready;
        if (rc < 0 && errno != EINTR)
            return Wait::Ready; // let the next read or write report the error
    }
}

void noteMessage(int writeP, int, int contentType, const void* buf, size_t len, SSL*, void* arg)
{
    auto* result = static_cast<AttemptResult*>(arg);
    if (writeP || contentType != SSL3_RT_HANDSHAKE || len < 1)
        return;
    const auto type = static_cast<const unsigned char*>(buf)[0];
    if (type == SSL3_MT_SERVER_HELLO)
        result->serverHelloSeen = true;
    else if (type == SSL3_MT_CERTIFICATE_REQUEST)
        result->certificateRequested = true;
}

void noteAlert(const SSL* ssl, int where, int ret)
{
    if (!(where & SSL_CB_READ_ALERT))
        return;
    auto* result = static_cast<AttemptResult*>(SSL_get_app_data(ssl));
    if (!result || (ret & 0xff) == SSL_AD_CLOSE_NOTIFY)
        return;
    result->alertReceived = ret & 0xff;
    result->alertText = QString::fromLatin1(SSL_alert_desc_string_long(ret));
    result->alertAfterHandshake = result->handshakeCompleted;
}

QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

// Returns the connected socket (owned by the caller), or -1 with result->failure set.
int connectAny(const AttemptPlan& plan, const Deadline& deadline, AttemptResult* result)
{
    QElapsedTimer clock;
    clock.start();
    for (const SocketAddress& address : plan.addresses) {
        SocketFd fd(::socket(address.family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
        if (fd.get() < 0) {
            result->error = systemError(errno);
            continue;
        }
        const int rc = ::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address.storage), address.length);
        if (rc != 0 && errno != EINPROGRESS) {
            result->error = QStringLiteral("%1: %2").arg(address.toString(), systemError(errno));
            continue;
        }
        if (rc != 0) {
            const Wait wait = waitFor(fd.get(), POLLOUT, deadline);
            if (wait != Wait::Ready) {
                result->failure
                    = wait == Wait::Timeout ? AttemptResult::Failure::Timeout : AttemptResult::Failure::Cancelled;
                result->address = address.toString();
                return -1;
            }
            int error = 0;
            socklen_t len = sizeof error;
            if (::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &error, &len) != 0 || error != 0) {
                result->error = QStringLiteral("%1: %2").arg(address.toString(), systemError(error ? error : errno));
                continue;
            }
        }
        result->address = address.toString();
        result->connectMs = clock.elapsed();
        return fd.release();
    }
    result->failure = AttemptResult::Failure::Connect;
    return -1;
}

// Drives one non-blocking OpenSSL call to completion. Returns false with result->failure set.
template <typename Call>
bool drive(SSL* ssl, int fd, const Deadline& deadline, AttemptResult* result, AttemptResult::Failure onError, Call call,
           int* value = nullptr, bool* eof = nullptr)
{
    for (;;) {
        ERR_clear_error();
        const int rc = call();
        if (rc > 0) {
            if (value)
                *value = rc;
            return true;
        }
        const int error = SSL_get_error(ssl, rc);
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
            const Wait wait = waitFor(fd, error == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline);
            if (wait == Wait::Ready)
                continue;
            result->failure
                = wait == Wait::Timeout ? AttemptResult::Failure::Timeout : AttemptResult::Failure::Cancelled;
            return false;
        }
        if (eof && (error == SSL_ERROR_ZERO_RETURN || (error == SSL_ERROR_SYSCALL && ERR_peek_error() == 0))) {
            *eof = true;
            return true;
        }
        result->failure = onError;
        QString text = drainOpenSslErrors();
        if (text.isEmpty())
            text = error == SSL_ERROR_SYSCALL ? QStringLiteral("the connection was closed by the server")
                                              : QStringLiteral("TLS error %1").arg(error);
        result->error = text;
        return false;
    }
}

int parseStatus(const QByteArray& response)
{
    // "HTTP/1.1 400 Bad Request"
    if (!response.startsWith("HTTP/"))
        return -1;
    const qsizetype space = response.indexOf(' ');
    bool ok = false;
    const int status = space > 0 ? response.mid(space + 1, 3).toInt(&ok) : -1;
    return ok ? status : -1;
}

bool responseComplete(const QByteArray& response)
{
    const qsizetype headerEnd = response.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return response.size() >= kMaxResponse;
    const QByteArray head = response.left(headerEnd).toLower();
    const qsizetype cl = head.indexOf("\r\ncontent-length:");
    if (cl < 0)
        return response.size() >= kMaxResponse;
    const qsizetype lineEnd = head.indexOf('\r', cl + 2);
    const qint64 length = head.mid(cl + 17, lineEnd < 0 ? -1 : lineEnd - cl - 17).trimmed().toLongLong();
    return response.size() - headerEnd - 4 >= std::min<qint64>(length, kMaxResponse);
}

void captureSession(SSL* ssl, AttemptResult* result)
{
    if (result->serverHelloSeen) {
        result->tlsVersion = QString::fromLatin1(SSL_get_version(ssl));
        if (const SSL_CIPHER* cipher = SSL_get_current_cipher(ssl))
            result->cipher = QString::fromLatin1(SSL_CIPHER_get_name(cipher));
    }
    if (result->peerChain.isEmpty()) {
        if (STACK_OF(X509)* chain = SSL_get_peer_cert_chain(ssl)) {
            for (int i = 0; i < sk_X509_num(chain); ++i)
                result->peerChain << Certificate::fromX509(sk_X509_value(chain, i));
        }
    }
    if (result->certificateRequested && result->acceptableCaNames.empty()) {
        if (const STACK_OF(X509_NAME)* names = SSL_get0_peer_CA_list(ssl)) {
            for (int i = 0; i < sk_X509_NAME_num(names); ++i)
                result->acceptableCaNames.emplace_back(X509_NAME_dup(sk_X509_NAME_value(names, i)));
        }
    }
}

} // namespace

QString x509NameToString(const X509_NAME* name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    const unsigned long flags = XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;
    if (!name || !bio || X509_NAME_print_ex(bio.get(), name, 0, flags) < 0) {
        clearOpenSslErrors();
        return {};
    }
    return QString::fromUtf8(bioContents(bio.get()));
}

AttemptResult runAttempt(const AttemptPlan& plan, const Deadline& deadline)
{
    const SigpipeGuard sigpipeGuard;
    AttemptResult result;
    const auto step = [&](ProbeStep which) {
        if (plan.stepStarted)
            plan.stepStarted(which);
    };
    step(ProbeStep::Connect);
    SocketFd fd(connectAny(plan, deadline, &result));
    if (fd.get() < 0)
        return result;

    step(ProbeStep::Handshake);
    QElapsedTimer clock;
    clock.start();
    SslPtr ssl(SSL_new(plan.context));
    if (!ssl || SSL_set_fd(ssl.get(), fd.get()) != 1) {
        result.failure = AttemptResult::Failure::Handshake;
        result.error = drainOpenSslErrors();
        return result;
    }
    SSL_set_app_data(ssl.get(), &result);
    SSL_set_msg_callback(ssl.get(), noteMessage);
    SSL_set_msg_callback_arg(ssl.get(), &result);
    SSL_set_info_callback(ssl.get(), noteAlert);
    SSL_set_post_handshake_auth(ssl.get(), 1);
    if (plan.legacyVersionsOnly) {
        // Offering TLS 1.0/1.1 at all needs the lowest security level on this side.
        SSL_set_security_level(ssl.get(), 0);
        if (SSL_set_cipher_list(ssl.get(), "DEFAULT:@SECLEVEL=0") != 1
            || SSL_set_min_proto_version(ssl.get(), TLS1_VERSION) != 1
            || SSL_set_max_proto_version(ssl.get(), TLS1_1_VERSION) != 1) {
            result.failure = AttemptResult::Failure::Handshake;
            result.error = drainOpenSslErrors();
            return result;
        }
    }
    if (!plan.serverName.isEmpty()) {
        const QByteArray sni = plan.serverName.toUtf8();
        if (SSL_set_tlsext_host_name(ssl.get(), sni.constData()) != 1)
            clearOpenSslErrors();
    }
    if (!plan.clientCertificate.isNull()) {
        bool loaded = SSL_use_certificate(ssl.get(), plan.clientCertificate.handle()) == 1
            && SSL_use_PrivateKey(ssl.get(), plan.clientKey.handle()) == 1;
        for (const Certificate& c : plan.clientChain)
            loaded = loaded && SSL_add1_chain_cert(ssl.get(), c.handle()) == 1;
        if (!loaded) {
            result.failure = AttemptResult::Failure::Handshake;
            result.error = drainOpenSslErrors();
            return result;
        }
    }

    SSL* s = ssl.get();
    const bool handshaken = drive(s, fd.get(), deadline, &result, AttemptResult::Failure::Handshake, [&] {
        if (plan.stopAfterServerHello && result.serverHelloSeen)
            return 1;
        return SSL_connect(s);
    });
    captureSession(s, &result);
    result.handshakeMs = clock.elapsed(); // also when the server refused the caller in the handshake
    if (!handshaken || plan.stopAfterServerHello) {
        if (plan.stopAfterServerHello && result.failure == AttemptResult::Failure::Handshake && result.serverHelloSeen)
            result.failure = AttemptResult::Failure::None;
        return result;
    }
    result.handshakeCompleted = true;
    if (plan.request.isEmpty())
        return result;

    step(ProbeStep::Request);
    clock.restart();
    qsizetype written = 0;
    while (written < plan.request.size()) {
        int n = 0;
        const char* data = plan.request.constData() + written;
        const int size = static_cast<int>(plan.request.size() - written);
        if (!drive(
                s, fd.get(), deadline, &result, AttemptResult::Failure::NoHttpAnswer,
                [&] { return SSL_write(s, data, size); }, &n))
            break;
        written += n;
    }
    if (result.failure == AttemptResult::Failure::NoHttpAnswer) {
        // The server may have refused the caller (TLS 1.3 alert) just before the write: read what it sent.
        char buffer[256];
        (void)SSL_read(s, buffer, sizeof buffer);
        clearOpenSslErrors();
    }
    while (result.failure == AttemptResult::Failure::None && !responseComplete(result.httpResponse)) {
        char buffer[4096];
        int n = 0;
        bool eof = false;
        if (!drive(
                s, fd.get(), deadline, &result, AttemptResult::Failure::NoHttpAnswer,
                [&] { return SSL_read(s, buffer, sizeof buffer); }, &n, &eof))
            break;
        if (eof)
            break;
        result.httpResponse.append(buffer, n);
    }
    // A refusal of the client certificate (TLS 1.3, post-handshake) also shows here.
    captureSession(s, &result);
    result.httpResponse.truncate(kMaxResponse);
    result.httpStatus = parseStatus(result.httpResponse);
    if (result.httpStatus >= 0 && result.failure == AttemptResult::Failure::Timeout)
        result.failure = AttemptResult::Failure::None; // the answer came; only its end was slow
    if (result.httpStatus < 0 && result.failure == AttemptResult::Failure::None) {
        result.failure = AttemptResult::Failure::NoHttpAnswer;
        if (result.error.isEmpty())
            result.error = result.httpResponse.isEmpty()
                ? QStringLiteral("the server closed the connection without an HTTP answer")
                : QStringLiteral("the answer is not HTTP");
    }
    result.requestMs = clock.elapsed();
    qCDebug(lcProbe) << "attempt" << result.address << result.tlsVersion << "status" << result.httpStatus << "alert"
                     << result.alertReceived << result.error;
    SSL_shutdown(s); // one polite try; the socket is non-blocking and closed right after
    clearOpenSslErrors();
    return result;
}

} // namespace mtls
