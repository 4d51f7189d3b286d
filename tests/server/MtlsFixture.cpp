#include "MtlsFixture.h"

#include "pki/Certificate.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTcpSocket>
#include <QThread>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

bool MtlsFixture::make()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    m_pki = std::make_unique<TestPki>(m_dir.path());
    TestPki& p = *m_pki;
    const bool ok = p.makeCa(QStringLiteral("root"), QStringLiteral("Test Server Root"))
        && p.makeCa(QStringLiteral("int"), QStringLiteral("Test Server Intermediate"), QStringLiteral("root"))
        && p.makeServer(QStringLiteral("server"), {QStringLiteral("localhost")}, QStringLiteral("int"))
        && p.concat({QStringLiteral("server.crt"), QStringLiteral("int.crt")}, QStringLiteral("fullchain.pem"))
        && p.concat({QStringLiteral("int.crt")}, QStringLiteral("chain.pem"))
        && p.makeCa(QStringLiteral("chatca"), QStringLiteral("Test Chat Client CA"))
        && p.makeClient(QStringLiteral("chat"), QStringLiteral("Test Chat Client"), QStringLiteral("chatca"))
        && p.makeCa(QStringLiteral("otherca"), QStringLiteral("Test Other CA"))
        && p.makeClient(QStringLiteral("intruder"), QStringLiteral("Test Intruder"), QStringLiteral("otherca"));
    if (!ok)
        m_error = p.lastError();
    return ok;
}

ProcessResult MtlsFixture::curl(quint16 port, const QString& pathAndQuery, const QString& client,
                                const QStringList& extra) const
{
    QStringList args {QStringLiteral("-sS"),
                      QStringLiteral("--max-time"),
                      QStringLiteral("10"),
                      QStringLiteral("--cacert"),
                      path(QStringLiteral("root.crt")),
                      QStringLiteral("--resolve"),
                      QStringLiteral("localhost:%1:127.0.0.1").arg(port),
                      QStringLiteral("-w"),
                      QStringLiteral("\n%{http_code}")};
    if (!client.isEmpty())
        args << QStringLiteral("--cert") << path(client + QStringLiteral(".crt")) << QStringLiteral("--key")
             << path(client + QStringLiteral(".key"));
    args << extra << QStringLiteral("https://localhost:%1%2").arg(port).arg(pathAndQuery);
    return runProcess(QStringLiteral("curl"), args);
}

ProcessResult MtlsFixture::sClient(quint16 port, const QString& client, const QStringList& extra) const
{
    QStringList args {
        QStringLiteral("s_client"),      QStringLiteral("-connect"),  QStringLiteral("127.0.0.1:%1").arg(port),
        QStringLiteral("-servername"),   QStringLiteral("localhost"), QStringLiteral("-CAfile"),
        path(QStringLiteral("root.crt"))};
    if (!client.isEmpty())
        args << QStringLiteral("-cert") << path(client + QStringLiteral(".crt")) << QStringLiteral("-key")
             << path(client + QStringLiteral(".key"));
    args << extra;
    return runProcess(QStringLiteral("openssl"), args, QProcessEnvironment::systemEnvironment(), 20000,
                      QByteArrayLiteral("Q\n"));
}

QByteArray MtlsFixture::read(const QString& name) const
{
    QFile file(path(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList treeDigest(const QString& root, const QStringList& skip)
{
    QStringList lines;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = path.mid(root.size() + 1);
        if (skip.contains(relative.section(QLatin1Char('/'), 0, 0)))
            continue;
        const QFileInfo info(path);
        QString line = relative + QStringLiteral(" mode=") + QString::number(int(info.permissions()), 16);
#ifdef Q_OS_UNIX
        struct stat st;
        if (::lstat(QFile::encodeName(path).constData(), &st) == 0)
            line += QStringLiteral(" owner=%1:%2 bits=%3").arg(st.st_uid).arg(st.st_gid).arg(st.st_mode & 07777, 0, 8);
#endif
        if (info.isSymLink()) {
            line += QStringLiteral(" link=") + info.symLinkTarget();
        } else if (info.isDir()) {
            line += QStringLiteral(" dir");
        } else {
            QFile file(path);
            file.open(QIODevice::ReadOnly);
            line += QStringLiteral(" sha256=")
                + QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
        }
        lines << line;
    }
    lines.sort();
    return lines;
}

bool waitForPortState(quint16 port, bool accepting, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        const bool accepts = socket.waitForConnected(500);
        if (accepts == accepting)
            return true;
        if (deadline.hasExpired())
            return false;
        QThread::msleep(20);
    }
}

QString servedLeaf(const ProcessResult& handshake)
{
    const qsizetype begin = handshake.out.indexOf("-----BEGIN CERTIFICATE-----");
    const qsizetype end = handshake.out.indexOf("-----END CERTIFICATE-----", begin);
    if (begin < 0 || end < 0)
        return {};
    auto served = mtls::Certificate::fromPem(handshake.out.mid(begin, end - begin + 25));
    return served ? served->sha256Hex() : QString();
}

QString ownerMode(const QString& path)
{
    struct stat st
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return QStringLiteral("%1:%2 %3").arg(st.st_uid).arg(st.st_gid).arg(st.st_mode & 07777, 0, 8);
}
