#include "PlainText.h"

#include <QLabel>
#include <QTextDocument>

namespace mtls::ui {

QString plainToolTip(const QString& untrusted)
{
    return untrusted.isEmpty() ? QString() : Qt::convertFromPlainText(shownText(untrusted), Qt::WhiteSpaceNormal);
}

void makeLabelsPlain(QWidget* root)
{
    const QList<QLabel*> labels = root->findChildren<QLabel*>();
    for (QLabel* label : labels) {
        if (label->textFormat() == Qt::AutoText)
            label->setTextFormat(Qt::PlainText);
    }
}

} // namespace mtls::ui
