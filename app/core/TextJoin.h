#pragma once

// Sentences, lists and units put together the way the language shown wants them: English joins sentences with a
// space and list items with ", "; Chinese joins sentences with nothing (each ends in "。") and list items with "、".
// The separators are translations, so every language decides its own.

#include <QString>
#include <QStringList>

namespace mtls {

// The sentences one after the other; empty ones are left out.
QString joinSentences(const QStringList& sentences);
// Names or files as a list ("a, b, c").
QString joinList(const QStringList& items);
// Items that may hold commas themselves (certificate subjects): "a; b".
QString joinListOfNames(const QStringList& items);
// A duration in milliseconds ("12 ms").
QString millisecondsText(qint64 value);

} // namespace mtls
