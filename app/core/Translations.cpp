#include "Translations.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace mtls {

namespace {
std::unique_ptr<QTranslator>& productTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

QString& installedLanguageSlot()
{
    static QString language = QStringLiteral("en");
    return language;
}

std::unique_ptr<QTranslator>& qtTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

// Qt's own translations: beside the program when deployed (Windows, macOS), else where Qt keeps them.
QStringList qtTranslationDirectories()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    return {appDir + QStringLiteral("/translations"), appDir + QStringLiteral("/../Resources/translations"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)};
}
} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString resolveLanguage(const QString& requested)
{
    if (!requested.isEmpty() && requested != QLatin1String("system")) {
        const QLocale locale(requested);
        if (locale.language() == QLocale::Chinese)
            return QStringLiteral("zh_CN");
        return QStringLiteral("en");
    }
    for (const QString& name : QLocale::system().uiLanguages()) {
        const QLocale locale(name);
        if (locale.language() == QLocale::Chinese)
            return QStringLiteral("zh_CN");
        if (locale.language() == QLocale::English)
            return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

QString installTranslations(const QString& requested)
{
    const QString language = resolveLanguage(requested);
    for (auto* slot : {&productTranslator(), &qtTranslator()}) {
        if (*slot) {
            QCoreApplication::removeTranslator(slot->get());
            slot->reset();
        }
    }
    // The English file carries only the plural forms ("1 day", "2 days") of the English source texts.
    auto product = std::make_unique<QTranslator>();
    if (product->load(QStringLiteral(":/i18n/mtls-assistant_%1.qm").arg(language))) {
        QCoreApplication::installTranslator(product.get());
        productTranslator() = std::move(product);
    } else {
        qCWarning(lcSetup) << "no translation for" << language;
    }
    if (language != QLatin1String("en")) {
        auto qt = std::make_unique<QTranslator>();
        for (const QString& dir : qtTranslationDirectories()) {
            if (qt->load(QStringLiteral("qtbase_") + language, dir)) {
                QCoreApplication::installTranslator(qt.get());
                qtTranslator() = std::move(qt);
                break;
            }
        }
    }
    installedLanguageSlot() = language;
    return language;
}

QString installedLanguage()
{
    return installedLanguageSlot();
}

} // namespace mtls
