#include "InstallScript.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::InstallScript)
};

// The characters install.sh accepts in paths and words (no white space, quote, pattern or shell character).
bool plain(const QString& value)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._/+@:,=-]+$"));
    return re.match(value).hasMatch();
}

bool isCtl(const QString& binary)
{
    return binary.endsWith(QLatin1String("ctl"));
}

} // namespace

QString shellQuote(const QString& value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QByteArray installScript()
{
    QFile file(QStringLiteral(":/deploy/install.sh"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString installData(const InstallScriptParams& p, QString* error)
{
    const auto refuse = [error](const QString& value) {
        if (error)
            *error = Text::tr("install.sh cannot use \"%1\": only letters, digits and - . _ / + @ : , = are allowed.")
                         .arg(value);
        return QString();
    };
    // The address is checked from outside: an IP address (listen addresses are never names).
    static const QRegularExpression address(QStringLiteral("^[0-9A-Fa-f.:]+$"));
    if (!address.match(p.connectHost).hasMatch())
        return refuse(p.connectHost);
    QStringList values {p.configRoot, p.certDir, p.binary, p.backupDir};
    values << p.arguments;
    for (const auto& f : p.files)
        values << f.source << f.target;
    for (const auto& [target, to] : p.links)
        values << target << to;
    for (const auto& [target, sha256] : p.expected)
        values << target << sha256;
    if (p.merge)
        values << p.siteLeafSha256 << p.webhookPath;
    for (const QString& value : std::as_const(values)) {
        if (!plain(value))
            return refuse(value);
    }
    QString t;
    t += QStringLiteral("# What install.sh installs: values only, checked by install.sh before use.\n");
    t += QStringLiteral("format=1\n");
    t += QStringLiteral("server=%1\n").arg(serverKindName(p.kind));
    t += QStringLiteral("domain=%1\n").arg(p.domain);
    t += QStringLiteral("conf_root=%1\n").arg(p.configRoot);
    t += QStringLiteral("cert_dir=%1\n").arg(p.certDir);
    t += QStringLiteral("backup_dir=%1\n").arg(p.backupDir);
    t += QStringLiteral("binary=%1\n").arg(p.binary);
    for (const QString& a : p.arguments)
        t += QStringLiteral("arg=%1\n").arg(a);
    t += QStringLiteral("connect_host=%1\n").arg(p.connectHost);
    t += QStringLiteral("connect_port=%1\n").arg(p.connectPort);
    t += QStringLiteral("site_file=%1\n").arg(p.siteSource);
    if (p.merge) {
        t += QStringLiteral("mode=merge\n");
        t += QStringLiteral("site_leaf=%1\n").arg(p.siteLeafSha256);
        t += QStringLiteral("webhook_path=%1\n").arg(p.webhookPath);
    }
    if (!p.certificateSource.isEmpty())
        t += QStringLiteral("cert=%1\n").arg(p.certificateSource);
    if (!p.keySource.isEmpty())
        t += QStringLiteral("key=%1\n").arg(p.keySource);
    t += QStringLiteral("client_ca=%1\n").arg(p.clientCaSource);
    for (const auto& f : p.files)
        t += QStringLiteral("file=%1 %2 %3 %4\n").arg(f.source, f.target, f.mode, f.sha256);
    for (const auto& [target, to] : p.links)
        t += QStringLiteral("link=%1 %2\n").arg(target, to);
    for (const auto& [target, sha256] : p.expected)
        t += QStringLiteral("expect=%1 %2\n").arg(target, sha256);
    return t;
}

QString installTestCommand(const InstallScriptParams& p)
{
    QStringList words {p.binary};
    words << p.arguments;
    words << (isCtl(p.binary) ? QStringLiteral("configtest") : QStringLiteral("-t"));
    return words.join(QLatin1Char(' '));
}

QString installReloadCommand(const InstallScriptParams& p)
{
    QStringList words {p.binary};
    words << p.arguments;
    if (p.kind == ServerKind::Nginx)
        words << QStringLiteral("-s") << QStringLiteral("reload");
    else if (isCtl(p.binary))
        words << QStringLiteral("graceful");
    else
        words << QStringLiteral("-k") << QStringLiteral("graceful");
    return words.join(QLatin1Char(' '));
}

} // namespace mtls
