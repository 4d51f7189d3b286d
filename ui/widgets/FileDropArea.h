#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;
class QPushButton;

namespace mtls::ui {

// A place to drop files on, with a Browse button for the keyboard. Emits filesChosen() with local paths.
class FileDropArea : public QFrame
{
    Q_OBJECT
public:
    explicit FileDropArea(QWidget* parent = nullptr);

    void setPrompt(const QString& text);
    void setDialog(const QString& title, const QString& filter, bool multiple);
    void setDirectory(const QString& directory) { m_directory = directory; }
    QString directory() const { return m_directory; } // where Browse starts
    QPushButton* browseButton() const { return m_browse; }

signals:
    void filesChosen(const QStringList& paths);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void browse();
    void setHighlighted(bool on);

    QLabel* m_prompt;
    QPushButton* m_browse;
    QString m_title;
    QString m_filter;
    QString m_directory;
    bool m_multiple = true;
};

} // namespace mtls::ui
