#include "ServerBinary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace mtls {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("mtls::ServerBinary", text);
}

QStringList extraDirectories(ServerKind kind)
{
    QStringList dirs {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"), QStringLiteral("/sbin"),
                      QStringLiteral("/opt/homebrew/bin"), QStringLiteral("/usr/local/bin")};
    if (kind == ServerKind::Nginx)
        dirs << QStringLiteral("C:/nginx") << QStringLiteral("/usr/local/nginx/sbin");
    else
        dirs << QStringLiteral("C:/Apache24/bin") << QStringLiteral("/usr/local/apache2/bin");
    return dirs;
}

} // namespace

QStringList serverProgramNames(ServerKind kind)
{
    if (kind == ServerKind::Nginx)
        return {QStringLiteral("nginx")};
    return {QStringLiteral("apache2"), QStringLiteral("httpd")};
}

QString serverDebianPackage(ServerKind kind)
{
    return kind == ServerKind::Nginx ? QStringLiteral("nginx") : QStringLiteral("apache2");
}

Result<QString> findServerBinary(ServerKind kind, const QString& hint)
{
    if (!hint.isEmpty()) {
        const QFileInfo info(hint);
        if (info.isFile() && info.isExecutable())
            return info.absoluteFilePath();
        return Error {tr("The %1 program \"%2\" does not exist or cannot be run. Give the right path, or install "
                         "%1, for example with \"apt-get install %3\" on Debian or Ubuntu.")
                          .arg(serverKindDisplayName(kind), QDir::toNativeSeparators(hint), serverDebianPackage(kind)),
                      {}};
    }
    for (const QString& name : serverProgramNames(kind)) {
        QString found = QStandardPaths::findExecutable(name);
        if (found.isEmpty())
            found = QStandardPaths::findExecutable(name, extraDirectories(kind));
        if (!found.isEmpty())
            return found;
    }
    return Error {tr("%1 is not installed (no \"%2\" program was found in PATH or in /usr/sbin). "
                     "Install it, for example with \"apt-get install %3\" on Debian or Ubuntu, "
                     "or give the path of the program.")
                      .arg(serverKindDisplayName(kind), serverProgramNames(kind).join(QStringLiteral("\" or \"")),
                           serverDebianPackage(kind)),
                  {}};
}

} // namespace mtls
