#include "ConfigHighlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>

namespace mtls::ui {

ConfigHighlighter::ConfigHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{
    const QPalette palette = QGuiApplication::palette();
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    m_comment.setForeground(palette.color(QPalette::PlaceholderText));
    m_comment.setFontItalic(true);
    m_directive.setForeground(dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x4f, 0xa0));
    m_directive.setFontWeight(QFont::Bold);
    m_section.setForeground(dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0x8e, 0x24, 0x1a));
    m_section.setFontWeight(QFont::Bold);
    m_string.setForeground(dark ? QColor(0x81, 0xc9, 0x95) : QColor(0x1e, 0x6b, 0x32));
}

void ConfigHighlighter::highlightBlock(const QString& text)
{
    static const QRegularExpression directive(QStringLiteral("^\\s*([A-Za-z_][A-Za-z0-9_]*)"));
    static const QRegularExpression section(QStringLiteral("</?[A-Za-z][^>]*>|[{}]"));
    static const QRegularExpression quoted(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\""));

    const qsizetype hash = text.indexOf(QLatin1Char('#'));
    const QString code = hash >= 0 && text.left(hash).count(QLatin1Char('"')) % 2 == 0 ? text.left(hash) : text;
    if (code.size() < text.size())
        setFormat(int(code.size()), int(text.size() - code.size()), m_comment);

    if (const QRegularExpressionMatch m = directive.match(code); m.hasMatch())
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_directive);
    for (auto it = section.globalMatch(code); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_section);
    }
    for (auto it = quoted.globalMatch(code); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_string);
    }
}

} // namespace mtls::ui
