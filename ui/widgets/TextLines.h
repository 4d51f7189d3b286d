#pragma once

#include <QFont>
#include <QString>

class QTextLayout;

namespace mtls::ui {

// Text measured by the fonts that really draw it. A CJK character is drawn by a fallback font (Noto Sans CJK,
// Microsoft YaHei, PingFang) whose ascent and descent exceed those of the Latin font a widget names, and
// QFontMetrics and QTextLine::height() know only the latter: a height computed from them clips Chinese text.

// Lays `text` out `width` wide ("\n" breaks a line), each line as tall as the tallest font drawing it; returns the
// height of all lines.
qreal layOutLines(QTextLayout& layout, const QString& text, const QFont& font, qreal width);
// The height of one line of `sample` in `font`, at least the font's own line height.
int lineHeight(const QFont& font, const QString& sample);

} // namespace mtls::ui
