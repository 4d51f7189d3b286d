#include "ErrorPanel.h"

#include "PlainText.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace mtls::ui {

ErrorPanel::ErrorPanel(QWidget* parent)
    : QWidget(parent)
    , m_message(new QLabel(this))
    , m_toggle(new QToolButton(this))
    , m_detail(new QPlainTextEdit(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    auto* icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(24, 24));
    icon->setAccessibleName(tr("Error"));
    row->addWidget(icon, 0, Qt::AlignTop);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setObjectName(QStringLiteral("errorMessage"));
    row->addWidget(m_message, 1);
    layout->addLayout(row);
    m_toggle->setText(tr("Show details"));
    m_toggle->setCheckable(true);
    m_toggle->setAccessibleName(tr("Show technical details"));
    m_toggle->setObjectName(QStringLiteral("errorDetailsButton"));
    layout->addWidget(m_toggle, 0, Qt::AlignLeft);
    m_detail->setReadOnly(true);
    m_detail->setObjectName(QStringLiteral("errorDetails"));
    m_detail->setAccessibleName(tr("Technical details"));
    m_detail->setMaximumHeight(120);
    m_detail->hide();
    layout->addWidget(m_detail);
    connect(m_toggle, &QToolButton::toggled, this, [this](bool on) {
        m_detail->setVisible(on);
        m_toggle->setText(on ? tr("Hide details") : tr("Show details"));
    });
    hide();
}

void ErrorPanel::setError(const Error& error)
{
    m_message->setText(shownText(error.message));
    m_detail->setPlainText(shownText(error.detail, LineBreaks::Keep)); // a server's own lines
    m_toggle->setVisible(!error.detail.isEmpty());
    m_toggle->setChecked(false);
    show();
}

void ErrorPanel::clear()
{
    m_message->clear();
    m_detail->clear();
    hide();
}

QString ErrorPanel::message() const
{
    return m_message->text();
}

} // namespace mtls::ui
