#include "ThrowawayInstallation.h"

#include <QFile>

using namespace mtls;

namespace {

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

QByteArray plainGet(quint16 port)
{
    return runProcess(QStringLiteral("curl"),
                      {QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("10"),
                       QStringLiteral("http://127.0.0.1:%1/").arg(port)})
        .out;
}

Throwaway::Throwaway(ServerKind serverKind)
    : kind(serverKind)
{
}

Status Throwaway::start(const QString& extraFile)
{
    ThrowawayServerOptions options;
    options.kind = kind;
    options.port = oldPort;
    options.siteConfig = kind == ServerKind::Nginx
        ? QStringLiteral("server {\n    listen 127.0.0.1:%1;\n    location / { return 200 \"old-site\\n\"; }\n}\n")
              .arg(oldPort)
        : QStringLiteral("<VirtualHost 127.0.0.1:%1>\n    DocumentRoot htdocs\n    <Directory htdocs>\n"
                         "        Require all granted\n    </Directory>\n</VirtualHost>\n")
              .arg(oldPort);
    server = std::make_unique<ThrowawayServer>(options);
    if (auto prepared = server->prepare(); !prepared)
        return prepared;
    writeFile(server->prefix() + QStringLiteral("/htdocs/index.html"), "old-site\n");
    QFile::setPermissions(server->prefix() + QStringLiteral("/htdocs/index.html"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    if (!extraFile.isEmpty())
        writeFile(server->prefix() + QStringLiteral("/conf.d/00-user.conf"), extraFile.toUtf8());
    do {
        newPort = freeLoopbackPort();
    } while (newPort == oldPort);
    // Readable by every user (apply may run as another user), writable by its owner alone: apply refuses a state
    // directory others can write into.
    QFile::setPermissions(stateDir.path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                              | QFile::ReadOther | QFile::ExeOther);
    return server->start();
}

QString startWithOtherTlsSite(Throwaway& t, const MtlsFixture& fixture, const QString& dir)
{
    const quint16 other = freeLoopbackPort();
    const QString cert = dir + QStringLiteral("/other.crt");
    const QString key = dir + QStringLiteral("/other.key");
    if (!QFile::copy(fixture.path(QStringLiteral("server.crt")), cert)
        || !QFile::copy(fixture.path(QStringLiteral("server.key")), key))
        return {};
    const Status started
        = t.start(QStringLiteral("Listen 127.0.0.1:%1\n<VirtualHost 127.0.0.1:%1>\n    SSLEngine on\n"
                                 "    SSLCertificateFile %2\n    SSLCertificateKeyFile %3\n</VirtualHost>\n")
                      .arg(other)
                      .arg(cert, key));
    return started ? cert : QString();
}

bool damageCertificate(const QString& path)
{
    return writeFile(path, "-----BEGIN CERTIFICATE-----\ndamaged\n-----END CERTIFICATE-----\n");
}

QStringList Throwaway::installationArgs() const
{
    QStringList args {
        QStringLiteral("--server"),      serverKindName(kind),     QStringLiteral("--server-root"), server->prefix(),
        QStringLiteral("--main-config"), server->mainConfigPath(), QStringLiteral("--binary"),      server->binary(),
        QStringLiteral("--state-dir"),   stateDir.path()};
    if (kind == ServerKind::Nginx)
        args << QStringLiteral("--prefix") << server->prefix();
    return args;
}

QStringList cliApplyArguments(const Throwaway& t, const QString& materialDir, const QString& upstream)
{
    const auto file = [&materialDir](const char* name) { return materialDir + QLatin1Char('/') + QLatin1String(name); };
    return QStringList {QStringLiteral("apply"),
                        QStringLiteral("--domain"),
                        QStringLiteral("localhost"),
                        QStringLiteral("--cert"),
                        file("server.crt"),
                        QStringLiteral("--key"),
                        file("server.key"),
                        QStringLiteral("--chain"),
                        file("chain.pem"),
                        QStringLiteral("--client-ca"),
                        file("chatca.crt"),
                        QStringLiteral("--roots"),
                        file("root.crt"),
                        QStringLiteral("--listen"),
                        QStringLiteral("127.0.0.1:%1").arg(t.newPort),
                        QStringLiteral("--upstream"),
                        upstream,
                        QStringLiteral("--path"),
                        QStringLiteral("/im/callback")}
    + t.installationArgs();
}

bool shareApplyMaterial(const MtlsFixture& fixture, const QString& dir)
{
    QFile::setPermissions(dir,
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
    for (const char* name : {"server.crt", "server.key", "chain.pem", "chatca.crt", "root.crt"}) {
        const QString target = dir + QLatin1Char('/') + QLatin1String(name);
        if (!QFile::copy(fixture.path(QLatin1String(name)), target)
            || !QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther))
            return false;
    }
    return true;
}

QString slowReloader(const QString& real, const QString& dir)
{
    const QString path = dir + QStringLiteral("/slow-") + QFileInfo(real).fileName();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\ncase \" $* \" in *\" reload \"* | *\" graceful \"*) sleep 3 ;; esac\nexec " + real.toUtf8()
               + " \"$@\"\n");
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
    return path;
}
