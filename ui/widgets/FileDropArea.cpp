#include "FileDropArea.h"

#include "Dialogs.h"

#include <QDragEnterEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QUrl>

namespace mtls::ui {

FileDropArea::FileDropArea(QWidget* parent)
    : QFrame(parent)
    , m_prompt(new QLabel(this))
    , m_browse(new QPushButton(tr("Bro&wse..."), this))
{
    setAcceptDrops(true);
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Sunken);
    setMinimumHeight(64);
    auto* layout = new QHBoxLayout(this);
    m_prompt->setWordWrap(true);
    layout->addWidget(m_prompt, 1);
    layout->addWidget(m_browse, 0, Qt::AlignVCenter);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    m_browse->setAccessibleName(tr("Browse for files"));
    connect(m_browse, &QPushButton::clicked, this, &FileDropArea::browse);
}

void FileDropArea::setPrompt(const QString& text)
{
    m_prompt->setText(text);
    setAccessibleName(text);
}

void FileDropArea::setDialog(const QString& title, const QString& filter, bool multiple)
{
    m_title = title;
    m_filter = filter;
    m_multiple = multiple;
}

void FileDropArea::browse()
{
    QStringList files = Dialogs::openFiles(this, m_title, m_directory, m_filter);
    if (!m_multiple && files.size() > 1)
        files = files.mid(0, 1);
    if (!files.isEmpty()) {
        m_directory = QFileInfo(files.first()).absolutePath();
        emit filesChosen(files);
    }
}

void FileDropArea::setHighlighted(bool on)
{
    setFrameShadow(on ? QFrame::Raised : QFrame::Sunken);
    setLineWidth(on ? 2 : 1);
}

void FileDropArea::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls()) {
        setHighlighted(true);
        event->acceptProposedAction();
    }
}

void FileDropArea::dragLeaveEvent(QDragLeaveEvent* event)
{
    setHighlighted(false);
    QFrame::dragLeaveEvent(event);
}

void FileDropArea::dropEvent(QDropEvent* event)
{
    setHighlighted(false);
    QStringList files;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            files << url.toLocalFile();
    if (!m_multiple && files.size() > 1)
        files = files.mid(0, 1);
    if (!files.isEmpty()) {
        event->acceptProposedAction();
        emit filesChosen(files);
    }
}

} // namespace mtls::ui
