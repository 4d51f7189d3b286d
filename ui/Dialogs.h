#pragma once

#include <QMessageBox>
#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace mtls::ui {

// Every file dialog and message box of the wizard goes through here, so GUI tests can answer them without a
// modal loop: a test sets the next answer, the next call returns it at once and records what was asked.
class Dialogs
{
public:
    static QStringList openFiles(QWidget* parent, const QString& title, const QString& directory,
                                 const QString& filter);
    static QString saveFile(QWidget* parent, const QString& title, const QString& path, const QString& filter);
    static QString existingDirectory(QWidget* parent, const QString& title, const QString& directory);
    // A message with optional technical detail behind a "Show Details..." button.
    static QMessageBox::StandardButton message(QWidget* parent, QMessageBox::Icon icon, const QString& title,
                                               const QString& text, const QString& detail = QString(),
                                               QMessageBox::StandardButtons buttons = QMessageBox::Ok,
                                               QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);

    // Test hooks. With test mode on, a dialog without a prepared answer is not shown: it returns "cancelled".
    static void setTestMode(bool on);
    static void setNextFiles(const QStringList& files);
    static void setNextSaveFile(const QString& path);
    static void setNextDirectory(const QString& path);
    static void setNextButton(QMessageBox::StandardButton button);
    static QString lastMessage(); // the text of the last message box asked for
    static int messageCount();

private:
    static bool testMode();
};

} // namespace mtls::ui
