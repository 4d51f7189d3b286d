#pragma once

#include <QWidget>

namespace mtls::ui {

// The path a webhook takes, drawn with the palette (readable in light and dark themes) and translated labels:
// Chat's servers with their client certificate -> your Nginx/Apache, which checks it -> your webhook application.
class WebhookPathPicture : public QWidget
{
    Q_OBJECT
public:
    explicit WebhookPathPicture(QWidget* parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    // One line of the labels in the fonts that draw them (a CJK font is taller than the Latin one).
    int lineHeight() const;
};

} // namespace mtls::ui
