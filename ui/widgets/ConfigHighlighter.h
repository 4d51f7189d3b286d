#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace mtls::ui {

// Syntax highlighting for nginx and Apache configuration text: comments, directives, sections, quoted strings.
// Colours come from the palette so the text stays readable in dark themes.
class ConfigHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit ConfigHighlighter(QTextDocument* document);

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat m_comment;
    QTextCharFormat m_directive;
    QTextCharFormat m_section;
    QTextCharFormat m_string;
};

} // namespace mtls::ui
