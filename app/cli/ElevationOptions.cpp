#include "ElevationOptions.h"

#include "Command.h"
#include "Output.h"
#include "core/Translations.h"
#include "deploy/ApplyRequestJson.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

namespace mtls::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::ElevationOptions)
};

constexpr qint64 kMaxRequestBytes = 4 * 1024 * 1024;

} // namespace

void addElevationOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("elevate"),
         Text::tr("When the server's files are not yours to write, ask for administrator rights with the system's "
                  "own prompt (pkexec, User Account Control, macOS authorization) instead of stopping.")},
        {QStringLiteral("request"),
         Text::tr("Internal: act on the request FILE that an unprivileged run prepared (used by --elevate)."),
         QStringLiteral("FILE")},
        {QStringLiteral("request-fd"),
         Text::tr("Internal: read the request that an unprivileged run prepared from the open file descriptor N "
                  "(used by --elevate: the request never touches a disk)."),
         QStringLiteral("N")},
        {QStringLiteral("result-file"), Text::tr("Internal: write the JSON outcome to FILE (used by --elevate)."),
         QStringLiteral("FILE")},
    });
}

int failElevated(const QCommandLineParser& parser, const Error& error, const QJsonArray& steps)
{
    writeElevatedResult(parser, applyErrorToJson(error, steps));
    return Output::failure(error.message, error.detail);
}

std::optional<int> readElevatedRequest(const QCommandLineParser& parser, const QString& command, QJsonObject& request)
{
    for (const char* other : {"server", "cert", "key", "chain", "client-ca", "domain", "server-root", "binary"}) {
        if (parser.isSet(QLatin1String(other)))
            return Output::usageError(command,
                                      Text::tr("--request cannot be combined with --%1: the request file "
                                               "holds everything.")
                                          .arg(QLatin1String(other)));
    }
    if (parser.isSet(QStringLiteral("request")) && parser.isSet(QStringLiteral("request-fd")))
        return Output::usageError(command, Text::tr("--request and --request-fd cannot be combined."));
    QFile file;
    const bool fromDescriptor = parser.isSet(QStringLiteral("request-fd"));
    if (fromDescriptor) {
        bool ok = false;
        const int fd = parser.value(QStringLiteral("request-fd")).toInt(&ok);
        if (!ok || fd < 0)
            return Output::usageError(command, Text::tr("--request-fd needs a file descriptor number."));
        if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
            return failElevated(
                parser, Error {Text::tr("Cannot read the request from descriptor %1.").arg(fd), file.errorString()});
    } else {
        file.setFileName(parser.value(QStringLiteral("request")));
        if (!file.open(QIODevice::ReadOnly))
            return failElevated(
                parser, Error {Text::tr("Cannot read the request file %1.").arg(file.fileName()), file.errorString()});
    }
    QByteArray data; // a pipe gives its data in pieces: read to its end
    while (data.size() < kMaxRequestBytes) {
        const QByteArray chunk = file.read(kMaxRequestBytes - data.size());
        if (chunk.isEmpty())
            break;
        data += chunk;
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return failElevated(parser,
                            Error {fromDescriptor
                                       ? Text::tr("The request handed over by the unprivileged run is not "
                                                  "valid JSON.")
                                       : Text::tr("The request file %1 is not valid JSON.").arg(file.fileName()),
                                   parseError.errorString()});
    request = document.object();
    const QString language = request.value(QLatin1String("language")).toString();
    if (!language.isEmpty())
        installTranslations(language);
    return std::nullopt;
}

bool writeElevatedResult(const QCommandLineParser& parser, const QJsonObject& result)
{
    const QString path = parser.value(QStringLiteral("result-file"));
    if (path.isEmpty())
        return true;
    QFile file(path);
    const QByteArray data = QJsonDocument(result).toJson(QJsonDocument::Compact);
    // NewOnly: never follow a link or reuse a file someone put there.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther)
        || file.write(data) != data.size() || !file.flush()) {
        Output::err(Text::tr("Cannot write the result file %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

} // namespace mtls::cli
