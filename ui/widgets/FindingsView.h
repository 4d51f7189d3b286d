#pragma once

#include "core/Finding.h"

#include <QListWidget>

namespace mtls::ui {

// Findings as a list, errors first, each with its severity in words and an icon (never colour alone) and its hint.
class FindingsView : public QListWidget
{
    Q_OBJECT
public:
    explicit FindingsView(QWidget* parent = nullptr);

    void setFindings(const Findings& findings);
    const Findings& findings() const { return m_findings; }

    static QString severityLabel(Severity severity);
    static QString findingText(const Finding& finding);

private:
    Findings m_findings;
};

} // namespace mtls::ui
