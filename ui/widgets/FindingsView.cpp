#include "FindingsView.h"

#include "PlainText.h"

#include <QStyle>

namespace mtls::ui {

FindingsView::FindingsView(QWidget* parent)
    : QListWidget(parent)
{
    setWordWrap(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setTextElideMode(Qt::ElideNone);
    setUniformItemSizes(false);
    setAccessibleName(tr("Findings"));
}

QString FindingsView::severityLabel(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return tr("Error");
    case Severity::Warning:
        return tr("Warning");
    case Severity::Info:
        break;
    }
    return tr("Note");
}

QString FindingsView::findingText(const Finding& finding)
{
    //: A finding: its severity, then its message ("Error: The key does not fit.").
    QString text = tr("%1: %2").arg(severityLabel(finding.severity), shownText(finding.message));
    if (!finding.hint.isEmpty())
        text += QLatin1Char('\n') + tr("How to fix: %1").arg(shownText(finding.hint));
    text += QStringLiteral("\n[%1]").arg(shownText(finding.code));
    return text;
}

void FindingsView::setFindings(const Findings& findings)
{
    m_findings = sortedBySeverity(findings);
    clear();
    for (const Finding& finding : m_findings) {
        QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
        if (finding.severity == Severity::Error)
            pixmap = QStyle::SP_MessageBoxCritical;
        else if (finding.severity == Severity::Warning)
            pixmap = QStyle::SP_MessageBoxWarning;
        auto* item = new QListWidgetItem(style()->standardIcon(pixmap), findingText(finding), this);
        item->setData(Qt::UserRole, finding.code);
        item->setData(Qt::AccessibleTextRole, findingText(finding));
        if (!finding.subject.isEmpty())
            item->setToolTip(plainToolTip(finding.subject));
    }
}

} // namespace mtls::ui
