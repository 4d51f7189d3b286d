#pragma once

#include "TestPki.h"

#include <QDir>
#include <QString>
#include <QTemporaryDir>
#include <QWidget>

class QWizard;

// Helpers for driving the wizard in tests: widgets by object name, the keyboard, and screenshots.
namespace guitest {

template <typename T>
T* find(QWidget* root, const char* name)
{
    return root->findChild<T*>(QString::fromLatin1(name));
}

// Alt+N (the Next button's mnemonic), as a keyboard user goes on. False when Next is disabled.
bool next(QWizard& wizard);
// The Back button, clicked. False when Back is disabled or hidden.
bool back(QWizard& wizard);
// Alt+<key>: a mnemonic (radio buttons, check boxes, buttons, buddies of labels); returns after the button's
// animated click has landed.
void mnemonic(QWidget& window, char key);
// Replaces the text of the focused line edit by typing.
void typeInto(QWidget* edit, const QString& text);
// A text in the language installed (the screenshot script runs these tests in Chinese too), and the part of a
// translated message before its first placeholder ("Error: %1" -> "Error: " or "错误："), so that checks hold in
// every language.
QString tt(const char* context, const char* source, int n = -1);
QString lead(const char* context, const char* source);
// Saves a picture of the window to $MTLS_SCREENSHOT_DIR/<name>.png when that variable is set.
void screenshot(QWidget& window, const QString& name);

// A throwaway PKI like the user's: a root and intermediate CA, a server certificate for localhost with its key,
// chain, PKCS#12 and a Chat-like package; Chat's client CA; and bad inputs.
struct Pki
{
    QTemporaryDir dir;
    TestPki pki {dir.path()};
    bool ok = false;

    Pki();
    QString path(const QString& name) const { return pki.path(name); }
};

} // namespace guitest
