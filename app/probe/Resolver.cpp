#include "Resolver.h"

#include <QCoreApplication>

#include <arpa/inet.h>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>
#include <netdb.h>
#include <thread>

namespace mtls {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("mtls::Prober", text);
}

struct Lookup
{
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
    int rc = 0;
    std::vector<SocketAddress> addresses;
};

void runLookup(const std::shared_ptr<Lookup>& lookup, const QByteArray& host, const QByteArray& service)
{
    addrinfo hints {};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_ADDRCONFIG;
    addrinfo* list = nullptr;
    const int rc = getaddrinfo(host.constData(), service.constData(), &hints, &list);
    std::vector<SocketAddress> addresses;
    for (addrinfo* ai = list; rc == 0 && ai; ai = ai->ai_next) {
        if (ai->ai_addrlen > sizeof(sockaddr_storage))
            continue;
        SocketAddress address;
        std::memcpy(&address.storage, ai->ai_addr, ai->ai_addrlen);
        address.length = ai->ai_addrlen;
        addresses.push_back(address);
    }
    if (list)
        freeaddrinfo(list);
    std::lock_guard<std::mutex> lock(lookup->mutex);
    lookup->rc = rc;
    lookup->addresses = std::move(addresses);
    lookup->finished = true;
    lookup->done.notify_all();
}

// An address literal (RFC 6761 names the loopback addresses for "localhost": never a question to DNS).
SocketAddress literalAddress(const char* text, quint16 port)
{
    SocketAddress address;
    auto* in = reinterpret_cast<sockaddr_in*>(&address.storage);
    auto* in6 = reinterpret_cast<sockaddr_in6*>(&address.storage);
    if (inet_pton(AF_INET, text, &in->sin_addr) == 1) {
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        address.length = sizeof(sockaddr_in);
    } else if (inet_pton(AF_INET6, text, &in6->sin6_addr) == 1) {
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        address.length = sizeof(sockaddr_in6);
    }
    return address;
}

} // namespace

QString SocketAddress::toString() const
{
    char text[INET6_ADDRSTRLEN] = {};
    if (family() == AF_INET) {
        const auto* in = reinterpret_cast<const sockaddr_in*>(&storage);
        inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
        return QStringLiteral("%1:%2").arg(QString::fromLatin1(text)).arg(ntohs(in->sin_port));
    }
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&storage);
    inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    return QStringLiteral("[%1]:%2").arg(QString::fromLatin1(text)).arg(ntohs(in6->sin6_port));
}

Result<std::vector<SocketAddress>> resolveHost(const QString& host, quint16 port, const Deadline& deadline)
{
    QString bare = host;
    if (bare.startsWith(QLatin1Char('[')) && bare.endsWith(QLatin1Char(']')))
        bare = bare.mid(1, bare.size() - 2);
    const QByteArray name = bare.toUtf8();
    const QByteArray service = QByteArray::number(port);
    in6_addr scratch {};
    const bool numeric
        = inet_pton(AF_INET, name.constData(), &scratch) == 1 || inet_pton(AF_INET6, name.constData(), &scratch) == 1;

    const QString lower = bare.toLower();
    if (lower == QLatin1String("localhost") || lower.endsWith(QLatin1String(".localhost")))
        return std::vector<SocketAddress> {literalAddress("127.0.0.1", port), literalAddress("::1", port)};
    if (numeric)
        return std::vector<SocketAddress> {literalAddress(name.constData(), port)}; // no I/O, no system resolver

    auto lookup = std::make_shared<Lookup>();
    std::thread(runLookup, lookup, name, service).detach();
    {
        std::unique_lock<std::mutex> lock(lookup->mutex);
        while (!lookup->finished && !deadline.expired() && !deadline.cancelled())
            lookup->done.wait_for(lock, std::chrono::milliseconds(deadline.sliceMs()));
        if (!lookup->finished)
            return Error {deadline.cancelled() ? tr("The probe was cancelled.")
                                               : tr("Looking up %1 took longer than the time limit.").arg(bare),
                          QString()};
    }
    std::lock_guard<std::mutex> lock(lookup->mutex);
    if (lookup->rc != 0 || lookup->addresses.empty())
        return Error {tr("The name %1 could not be resolved to an address.").arg(bare),
                      QString::fromLocal8Bit(gai_strerror(lookup->rc))};
    return lookup->addresses;
}

} // namespace mtls
