#include "SetupStore.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace mtls {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::SetupStore)
};

constexpr int kFormatVersion = 1;
const char* const kFileName = "setups.json";
} // namespace

SetupStore::SetupStore(QString directory)
    : m_directory(directory.isEmpty() ? defaultDirectory() : std::move(directory))
{
}

QString SetupStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString SetupStore::filePath() const
{
    return QDir(m_directory).filePath(QLatin1String(kFileName));
}

Result<SetupStoreContent> SetupStore::load() const
{
    SetupStoreContent content;
    QFile file(filePath());
    if (!file.exists())
        return content;
    if (!file.open(QIODevice::ReadOnly))
        return Error(Text::tr("The saved setups in %1 cannot be read.").arg(filePath()), file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error(Text::tr("The file of saved setups %1 is damaged. It was left as it is; move it aside to start a "
                              "new one.")
                         .arg(filePath()),
                     parseError.error != QJsonParseError::NoError
                         ? Text::tr("JSON error at offset %1: %2").arg(parseError.offset).arg(parseError.errorString())
                         : Text::tr("The file does not hold a JSON object."));
    const QJsonObject root = document.object();
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version != kFormatVersion)
        return Error(
            Text::tr("The file of saved setups %1 was written by another version of the assistant (format %2).")
                .arg(filePath())
                .arg(version));
    for (const QJsonValue& value : root.value(QStringLiteral("setups")).toArray()) {
        Result<SavedSetup> setup = SavedSetup::fromJson(value.toObject());
        if (!setup)
            return Error(
                Text::tr("The file of saved setups %1 is damaged. It was left as it is; move it aside to start a "
                         "new one.")
                    .arg(filePath()),
                setup.error().message);
        content.setups << std::move(setup).value();
    }
    const QJsonObject clientCa = root.value(QStringLiteral("client_ca")).toObject();
    content.clientCaPath = clientCa.value(QStringLiteral("path")).toString();
    content.clientCa = RememberedCertificate::fromJson(clientCa);
    return content;
}

Status SetupStore::write(const SetupStoreContent& content) const
{
    if (!QDir().mkpath(m_directory))
        return Error(Text::tr("The folder %1 for saved setups cannot be created.").arg(m_directory));
    QJsonArray setups;
    for (const SavedSetup& setup : content.setups)
        setups.append(setup.toJson());
    QJsonObject clientCa = content.clientCa.toJson();
    clientCa.insert(QStringLiteral("path"), content.clientCaPath);
    const QJsonObject root {{QStringLiteral("version"), kFormatVersion},
                            {QStringLiteral("setups"), setups},
                            {QStringLiteral("client_ca"), clientCa}};

    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly))
        return Error(Text::tr("The saved setups cannot be written to %1.").arg(filePath()), file.errorString());
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error(Text::tr("The saved setups cannot be written to %1.").arg(filePath()), file.errorString());
    qCDebug(lcSetup) << "saved" << content.setups.size() << "setups to" << filePath();
    return {};
}

Result<SetupStoreContent> SetupStore::loadServed() const
{
    Result<SetupStoreContent> content = load();
    if (content)
        for (SavedSetup& setup : content->setups)
            setup.certificate = servedCertificate(setup);
    return content;
}

Status SetupStore::save(const SavedSetup& setup) const
{
    Result<SetupStoreContent> content = load();
    if (!content)
        return content.error();
    QList<SavedSetup>& setups = content.value().setups;
    bool replaced = false;
    for (SavedSetup& existing : setups) {
        if (existing.id() == setup.id()) {
            existing = setup;
            replaced = true;
        }
    }
    if (!replaced)
        setups << setup;
    return write(content.value());
}

Status SetupStore::remove(const QString& id) const
{
    Result<SetupStoreContent> content = load();
    if (!content)
        return content.error();
    QList<SavedSetup>& setups = content.value().setups;
    const auto removed = setups.removeIf([&](const SavedSetup& s) { return s.id() == id; });
    if (removed == 0)
        return Error(Text::tr("There is no saved setup %1.").arg(id));
    return write(content.value());
}

Status SetupStore::rememberClientCa(const QString& path, const RememberedCertificate& certificate) const
{
    Result<SetupStoreContent> content = load();
    if (!content)
        return content.error();
    content.value().clientCaPath = path;
    content.value().clientCa = certificate;
    return write(content.value());
}

Result<QString> SetupStore::moveDamagedAside() const
{
    const QString target = filePath() + QStringLiteral(".damaged-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (!QFile::rename(filePath(), target))
        return Error(Text::tr("The file %1 cannot be renamed.").arg(filePath()));
    return target;
}

} // namespace mtls
