#include "ServerControl.h"

#include "SitePlacement.h"
#include "core/ChildProcess.h"
#include "core/Logging.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

namespace mtls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ServerControl)
};

} // namespace

ServerControl::ServerControl(ServerInstallation installation)
    : m_installation(std::move(installation))
{
}

QString ServerControl::controlScript() const
{
    // Debian's apache2 needs the variables apache2ctl sets (envvars); apache2ctl always works on /etc/apache2.
    if (m_installation.kind != ServerKind::Apache || m_installation.layout != ServerLayout::Debian
        || !m_installation.prefix.isEmpty() || m_installation.configRoot != QLatin1String("/etc/apache2"))
        return {};
    const QString dir = QFileInfo(m_installation.binary).absolutePath();
    for (const char* name : {"apache2ctl", "apachectl"}) {
        const QString path = dir + QLatin1Char('/') + QLatin1String(name);
        if (QFileInfo(path).isExecutable())
            return path;
    }
    return {};
}

Result<QString> ServerControl::run(const QStringList& arguments, bool useControlScript, int timeoutMs) const
{
    QString program = m_installation.binary;
    QStringList args = m_installation.selectArguments() + arguments;
    if (useControlScript) {
        program = controlScript();
        args = arguments;
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!useControlScript)
        process.setProcessEnvironment(serverProcessEnvironment(m_installation)); // a second Apache's envvars
    if (!m_installation.prefix.isEmpty())
        process.setWorkingDirectory(m_installation.prefix);
    prepareChild(process); // no secret variable, with or without the envvars above
    qCDebug(lcServer) << "running" << program << args;
    process.start(program, args);
    if (!process.waitForStarted(10000))
        return Error {Text::tr("Cannot run %1: %2").arg(program, process.errorString()), {}};
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return Error {Text::tr("%1 did not finish within %2 seconds.").arg(program).arg(timeoutMs / 1000), {}};
    }
    const QString output = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Error {QString(), output};
    return output;
}

Status ServerControl::test() const
{
    const bool script = !controlScript().isEmpty();
    auto result
        = run(script ? QStringList {QStringLiteral("configtest")} : QStringList {QStringLiteral("-t")}, script, 60000);
    if (!result)
        return Error {result.error().message.isEmpty()
                          ? Text::tr("%1 rejected the configuration.").arg(serverKindDisplayName(m_installation.kind))
                          : result.error().message,
                      result.error().detail};
    return {};
}

Status ServerControl::reload() const
{
    if (qEnvironmentVariable("MTLS_TEST_FAIL_RELOAD") == QLatin1String("1"))
        return Error {Text::tr("%1 did not reload (test hook).").arg(serverKindDisplayName(m_installation.kind)), {}};
    const bool script = !controlScript().isEmpty();
    QStringList args;
    if (script)
        args << QStringLiteral("graceful");
    else if (m_installation.kind == ServerKind::Nginx)
        args << QStringLiteral("-s") << QStringLiteral("reload");
    else
        args << QStringLiteral("-k") << QStringLiteral("graceful");
    auto result = run(args, script, 60000);
    if (!result)
        return Error {result.error().message.isEmpty() ? Text::tr("%1 did not reload its configuration. Is it running?")
                                                             .arg(serverKindDisplayName(m_installation.kind))
                                                       : result.error().message,
                      result.error().detail};
    return {};
}

Result<QString> ServerControl::dumpConfiguration() const
{
    const bool script = !controlScript().isEmpty();
    auto result
        = run({m_installation.kind == ServerKind::Nginx ? QStringLiteral("-T") : QStringLiteral("-S")}, script, 60000);
    if (!result)
        return Error {
            result.error().message.isEmpty()
                ? Text::tr("%1 could not show its configuration.").arg(serverKindDisplayName(m_installation.kind))
                : result.error().message,
            result.error().detail};
    return result;
}

Result<QStringList> ServerControl::configurationFiles() const
{
    const bool nginx = m_installation.kind == ServerKind::Nginx;
    const bool script = !controlScript().isEmpty();
    auto result = nginx
        ? dumpConfiguration()
        : run({QStringLiteral("-t"), QStringLiteral("-D"), QStringLiteral("DUMP_INCLUDES")}, script, 60000);
    if (!result)
        return Error {
            result.error().message.isEmpty()
                ? Text::tr("%1 could not list its configuration files.").arg(serverKindDisplayName(m_installation.kind))
                : result.error().message,
            result.error().detail};
    // nginx: "# configuration file /etc/nginx/nginx.conf:"; Apache: "  (*) /etc/apache2/apache2.conf" and
    // "    (146) /etc/apache2/mods-enabled/ssl.load".
    static const QRegularExpression nginxFile(QStringLiteral("^# configuration file (.+):$"),
                                              QRegularExpression::MultilineOption);
    static const QRegularExpression apacheFile(QStringLiteral("^\\s*\\((?:\\*|\\d+)\\)\\s+(.+?)\\s*$"),
                                               QRegularExpression::MultilineOption);
    QStringList files;
    for (auto it = (nginx ? nginxFile : apacheFile).globalMatch(result.value()); it.hasNext();) {
        const QString file = it.next().captured(1);
        if (!files.contains(file))
            files << file;
    }
    return files;
}

QString ServerControl::explainError(const QString& output, const QString& file, const QString& text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    static const QRegularExpression nginxLocation(QStringLiteral("in (\\S+):(\\d+)"));
    static const QRegularExpression apacheLocation(QStringLiteral("line (\\d+) of (\\S+?):?(?:\\s|$)"));
    QString explained = output;
    QList<int> seen;
    const auto add = [&](const QString& where, int number) {
        if (where != file || number < 1 || number > lines.size() || seen.contains(number))
            return;
        seen << number;
        explained += QLatin1Char('\n')
            + Text::tr("Line %1 of %2: %3").arg(number).arg(QFileInfo(file).fileName(), lines.at(number - 1).trimmed());
    };
    for (auto it = nginxLocation.globalMatch(output); it.hasNext();) {
        const auto m = it.next();
        add(m.captured(1), m.captured(2).toInt());
    }
    for (auto it = apacheLocation.globalMatch(output); it.hasNext();) {
        const auto m = it.next();
        add(m.captured(2), m.captured(1).toInt());
    }
    return explained;
}

} // namespace mtls
