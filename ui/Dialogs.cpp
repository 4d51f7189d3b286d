#include "Dialogs.h"

#include <QFileDialog>

namespace mtls::ui {

namespace {
struct Hooks
{
    bool testMode = false;
    std::optional<QStringList> files;
    std::optional<QString> saveFile;
    std::optional<QString> directory;
    std::optional<QMessageBox::StandardButton> button;
    QString lastMessage;
    int messageCount = 0;
};

Hooks& hooks()
{
    static Hooks instance;
    return instance;
}

template <typename T>
std::optional<T> take(std::optional<T>& slot)
{
    std::optional<T> value = std::move(slot);
    slot.reset();
    return value;
}
} // namespace

bool Dialogs::testMode()
{
    return hooks().testMode;
}

void Dialogs::setTestMode(bool on)
{
    hooks() = Hooks();
    hooks().testMode = on;
}

void Dialogs::setNextFiles(const QStringList& files)
{
    hooks().files = files;
}

void Dialogs::setNextSaveFile(const QString& path)
{
    hooks().saveFile = path;
}

void Dialogs::setNextDirectory(const QString& path)
{
    hooks().directory = path;
}

void Dialogs::setNextButton(QMessageBox::StandardButton button)
{
    hooks().button = button;
}

QString Dialogs::lastMessage()
{
    return hooks().lastMessage;
}

int Dialogs::messageCount()
{
    return hooks().messageCount;
}

QStringList Dialogs::openFiles(QWidget* parent, const QString& title, const QString& directory, const QString& filter)
{
    if (auto answer = take(hooks().files))
        return *answer;
    if (testMode())
        return {};
    return QFileDialog::getOpenFileNames(parent, title, directory, filter);
}

QString Dialogs::saveFile(QWidget* parent, const QString& title, const QString& path, const QString& filter)
{
    if (auto answer = take(hooks().saveFile))
        return *answer;
    if (testMode())
        return {};
    return QFileDialog::getSaveFileName(parent, title, path, filter);
}

QString Dialogs::existingDirectory(QWidget* parent, const QString& title, const QString& directory)
{
    if (auto answer = take(hooks().directory))
        return *answer;
    if (testMode())
        return {};
    return QFileDialog::getExistingDirectory(parent, title, directory);
}

QMessageBox::StandardButton Dialogs::message(QWidget* parent, QMessageBox::Icon icon, const QString& title,
                                             const QString& text, const QString& detail,
                                             QMessageBox::StandardButtons buttons,
                                             QMessageBox::StandardButton defaultButton)
{
    hooks().lastMessage = text;
    ++hooks().messageCount;
    if (auto answer = take(hooks().button))
        return *answer;
    if (testMode())
        return buttons.testFlag(QMessageBox::Cancel) ? QMessageBox::Cancel : QMessageBox::Ok;
    QMessageBox box(icon, title, text, buttons, parent);
    box.setTextFormat(Qt::PlainText); // the text may name files or quote a server
    if (!detail.isEmpty())
        box.setDetailedText(detail);
    if (defaultButton != QMessageBox::NoButton)
        box.setDefaultButton(defaultButton);
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

} // namespace mtls::ui
