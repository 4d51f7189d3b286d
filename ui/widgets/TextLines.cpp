#include "TextLines.h"

#include <QFontMetrics>
#include <QGlyphRun>
#include <QRawFont>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace mtls::ui {

qreal layOutLines(QTextLayout& layout, const QString& text, const QFont& font, qreal width)
{
    QString shown = text;
    shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
    layout.setText(shown);
    layout.setFont(font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(textOption);
    qreal y = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        qreal ascent = line.ascent();
        qreal descent = line.descent();
        for (const QGlyphRun& run : line.glyphRuns()) {
            const QRawFont raw = run.rawFont();
            ascent = std::max(ascent, raw.ascent());
            descent = std::max(descent, raw.descent());
        }
        // A line is placed by its top: a taller font moves the baseline down by what it adds above.
        line.setPosition(QPointF(0, y + ascent - line.ascent()));
        y += std::max(line.height(), std::ceil(ascent + descent));
    }
    layout.endLayout();
    return y;
}

int lineHeight(const QFont& font, const QString& sample)
{
    QTextLayout layout;
    QString oneLine = sample;
    oneLine.replace(QLatin1Char('\n'), QLatin1Char(' '));
    const qreal height = layOutLines(layout, oneLine, font, 1e6);
    return std::max(QFontMetrics(font).height(), int(std::ceil(height)));
}

} // namespace mtls::ui
