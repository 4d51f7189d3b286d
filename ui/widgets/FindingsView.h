#pragma once

#include "core/Finding.h"

#include <QListWidget>

namespace mtls::ui {

// Findings as a list, errors first, each with its severity in words and an icon (never colour alone) and its hint.
// Each row is as tall as its lines in the font that really draws them (a CJK fallback font is taller than the
// Latin one the widget names).
class FindingsView : public QListWidget
{
    Q_OBJECT
public:
    explicit FindingsView(QWidget* parent = nullptr);

    void setFindings(const Findings& findings);
    const Findings& findings() const { return m_findings; }

    static QString severityLabel(Severity severity);
    static QString findingText(const Finding& finding);
    // Where the text of row `row` is drawn (beside its icon, inside the row's margins).
    QRect textRect(int row) const;

private:
    Findings m_findings;
};

} // namespace mtls::ui
