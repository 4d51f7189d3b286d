#include "ReminderState.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace mtls {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ReminderState)
};

constexpr int kFormatVersion = 1;
} // namespace

Result<ReminderState> ReminderState::load(const QString& directory)
{
    ReminderState state;
    QFile file(QDir(directory).filePath(fileName()));
    if (!file.exists())
        return state;
    if (!file.open(QIODevice::ReadOnly))
        return Error(Text::tr("The reminder state %1 cannot be read.").arg(file.fileName()), file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()
        || document.object().value(QStringLiteral("version")).toInt() != kFormatVersion)
        return Error(Text::tr("The reminder state %1 is damaged. Remove it: the reminders then start afresh.")
                         .arg(file.fileName()),
                     parseError.errorString());
    const QJsonObject setups = document.object().value(QStringLiteral("setups")).toObject();
    for (auto it = setups.begin(); it != setups.end(); ++it) {
        const QJsonObject object = it.value().toObject();
        Entry entry;
        entry.certificateSha256 = object.value(QStringLiteral("certificate_sha256")).toString();
        for (const QJsonValue& said : object.value(QStringLiteral("said")).toArray())
            entry.said.insert(said.toString());
        state.setups.insert(it.key(), entry);
    }
    return state;
}

Status ReminderState::save(const QString& directory) const
{
    if (!QDir().mkpath(directory))
        return Error(Text::tr("The folder %1 cannot be created.").arg(directory));
    QJsonObject setupsJson;
    for (auto it = setups.begin(); it != setups.end(); ++it) {
        QStringList said(it->said.begin(), it->said.end());
        std::sort(said.begin(), said.end());
        setupsJson.insert(it.key(),
                          QJsonObject {{QStringLiteral("certificate_sha256"), it->certificateSha256},
                                       {QStringLiteral("said"), QJsonArray::fromStringList(said)}});
    }
    QSaveFile file(QDir(directory).filePath(fileName()));
    if (!file.open(QIODevice::WriteOnly))
        return Error(Text::tr("The reminder state cannot be written to %1.").arg(file.fileName()), file.errorString());
    file.write(
        QJsonDocument(QJsonObject {{QStringLiteral("version"), kFormatVersion}, {QStringLiteral("setups"), setupsJson}})
            .toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error(Text::tr("The reminder state cannot be written to %1.").arg(file.fileName()), file.errorString());
    return {};
}

} // namespace mtls
