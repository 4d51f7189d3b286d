#pragma once

#include <QString>
#include <QStringList>

namespace mtls {

// The languages the product ships, as locale names: "en", "zh_CN".
QStringList availableLanguages();

// The language to use for `requested` ("" or "system": the system's locale), among availableLanguages().
QString resolveLanguage(const QString& requested);

// Installs the product's translator and Qt's own (qtbase_*, so standard buttons and dialogs follow) for
// `requested` into the running QCoreApplication; replaces translators installed by an earlier call.
// Returns the language installed.
QString installTranslations(const QString& requested = QString());
// The language installTranslations() installed last ("en" before any call).
QString installedLanguage();

} // namespace mtls
