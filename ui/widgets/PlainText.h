#pragma once

// Untrusted text in the wizard (file and zip entry names, certificate subjects, a server's output): never read as
// rich text, and with control characters shown escaped ("\x1b", "\n") as in the CLI (core/TextEscape.h).

#include "core/TextEscape.h"

#include <QString>

class QWidget;

namespace mtls::ui {

// `untrusted` ready for a label or a list: control characters escaped (line breaks too, unless kept).
inline QString shownText(const QString& untrusted, LineBreaks lineBreaks = LineBreaks::Escape)
{
    return escapeControlCharacters(untrusted, lineBreaks);
}
// A tooltip showing `untrusted` as it is (tooltips would otherwise take text that looks like HTML as HTML).
QString plainToolTip(const QString& untrusted);
// Every label under `root` left to guess its format (Qt::AutoText) shows plain text; labels set to rich text on
// purpose (which escape what they insert) keep it.
void makeLabelsPlain(QWidget* root);

} // namespace mtls::ui
