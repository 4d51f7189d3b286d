#pragma once

#include "core/Result.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace mtls::ui {

// An error in plain words, with the technical detail one click away ("Show details").
class ErrorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ErrorPanel(QWidget* parent = nullptr);

    void setError(const Error& error);
    void clear();
    QString message() const;

private:
    QLabel* m_message;
    QToolButton* m_toggle;
    QPlainTextEdit* m_detail;
};

} // namespace mtls::ui
