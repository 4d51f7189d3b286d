#include "FindingsView.h"

#include "PlainText.h"
#include "TextLines.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTextLayout>

#include <cmath>

namespace mtls::ui {
namespace {

// The text rectangle of a row `width` wide, as the style places it beside the icon.
QRect textArea(const QStyleOptionViewItem& option, int width)
{
    QStyleOptionViewItem opt = option;
    opt.rect = QRect(option.rect.x(), option.rect.y(), width, QWIDGETSIZE_MAX / 2);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : nullptr;
    if (!style)
        return opt.rect;
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, &opt, widget) + 1;
    return style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(margin, margin, -margin, 0);
}

// Findings' rows sized and drawn from the lines their text really takes, in whatever script.
class FindingDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const auto* view = qobject_cast<const QAbstractItemView*>(option.widget);
        const int width = view ? view->viewport()->width() : option.rect.width();
        const QRect rect = textArea(opt, width);
        QTextLayout layout;
        const int textHeight = int(std::ceil(layOutLines(layout, opt.text, opt.font, rect.width())));
        const int margin = rect.top() - opt.rect.top();
        const int iconHeight = opt.decorationSize.height() + 2 * margin;
        return QSize(width, std::max(textHeight + 2 * margin, iconHeight));
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString text = opt.text;
        const QWidget* widget = option.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        const QRect rect = textArea(opt, opt.rect.width());
        opt.text.clear(); // background, selection, icon and focus frame from the style; the text below
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        QTextLayout layout;
        layOutLines(layout, text, opt.font, rect.width());
        painter->save();
        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette::ColorGroup group = (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
        painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
        painter->setClipRect(opt.rect);
        layout.draw(painter, rect.topLeft());
        painter->restore();
    }
};

} // namespace

FindingsView::FindingsView(QWidget* parent)
    : QListWidget(parent)
{
    setWordWrap(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setTextElideMode(Qt::ElideNone);
    setUniformItemSizes(false);
    setResizeMode(QListView::Adjust); // rows are measured again when the width changes
    setItemDelegate(new FindingDelegate(this));
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

QRect FindingsView::textRect(int row) const
{
    QStyleOptionViewItem opt;
    initViewItemOption(&opt);
    opt.rect = visualRect(model()->index(row, 0));
    opt.text = item(row)->text();
    opt.icon = item(row)->icon();
    opt.features
        |= QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::WrapText;
    return textArea(opt, opt.rect.width()).intersected(opt.rect);
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
