#include "TextJoin.h"

#include <QCoreApplication>

namespace mtls {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::TextJoin)
};

QString joined(const QStringList& items, const QString& pattern)
{
    QString text;
    for (const QString& item : items) {
        if (item.isEmpty())
            continue;
        text = text.isEmpty() ? item : pattern.arg(text, item);
    }
    return text;
}

} // namespace

QString joinSentences(const QStringList& sentences)
{
    //: Two sentences one after the other. Chinese: "%1%2" (the first ends in "。", no space).
    return joined(sentences, Text::tr("%1 %2"));
}

QString joinList(const QStringList& items)
{
    //: Between the items of a list of names or files. Chinese: "、".
    const QString separator = Text::tr(", ");
    return joined(items, QStringLiteral("%1") + separator + QStringLiteral("%2"));
}

QString joinListOfNames(const QStringList& items)
{
    //: Between the items of a list whose items may hold commas themselves (certificate subjects). Chinese: "；".
    const QString separator = Text::tr("; ");
    return joined(items, QStringLiteral("%1") + separator + QStringLiteral("%2"));
}

QString millisecondsText(qint64 value)
{
    //: A duration in milliseconds. Chinese: "%1 毫秒".
    return Text::tr("%1 ms").arg(value);
}

} // namespace mtls
