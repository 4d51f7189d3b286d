#include "WebhookPathPicture.h"

#include <QPainter>
#include <QPainterPath>

namespace mtls::ui {

WebhookPathPicture::WebhookPathPicture(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleDescription(tr("Chat's servers call your webhook URL over HTTPS and show their client certificate. "
                                "Your Nginx or Apache checks that certificate against Chat's client CA and passes "
                                "the call on to your webhook application."));
}

QSize WebhookPathPicture::sizeHint() const
{
    return {640, fontMetrics().height() * 8};
}

QSize WebhookPathPicture::minimumSizeHint() const
{
    return {420, fontMetrics().height() * 8};
}

void WebhookPathPicture::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const int line = fontMetrics().height();
    const int boxHeight = line * 7;
    const int top = (height() - boxHeight) / 2;
    const int gap = qMax(40, width() / 9);
    const int boxWidth = (width() - 2 * gap - 2) / 3;

    struct Box
    {
        QString title;
        QString note;
    };
    const Box boxes[3] = {
        {tr("Chat's servers"), tr("present a client certificate from Chat's CA")},
        {tr("Your Nginx or Apache"), tr("shows your certificate and checks the caller's certificate")},
        {tr("Your webhook application"), tr("gets only verified calls")},
    };
    const QString arrows[2] = {tr("HTTPS"), tr("HTTP")};

    for (int i = 0; i < 3; ++i) {
        const QRectF box(1 + i * (boxWidth + gap), top, boxWidth, boxHeight);
        p.setPen(QPen(i == 1 ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), i == 1 ? 2.0 : 1.2));
        p.setBrush(pal.color(QPalette::Base));
        p.drawRoundedRect(box, 8, 8);
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(pal.color(QPalette::Text));
        const QRectF titleRect = box.adjusted(6, 6, -6, -box.height() / 2);
        p.drawText(titleRect, Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, boxes[i].title);
        // Notes get the lower half: three lines of the normal font.
        p.setFont(font());
        p.setPen(pal.color(QPalette::PlaceholderText));
        const QRectF noteRect = box.adjusted(6, box.height() / 2 + 2, -6, -4);
        p.drawText(noteRect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, boxes[i].note);

        if (i < 2) {
            const qreal y = top + boxHeight / 2.0;
            const qreal x0 = box.right() + 4;
            const qreal x1 = box.right() + gap - 4;
            p.setPen(QPen(pal.color(QPalette::Text), 1.5));
            p.drawLine(QPointF(x0, y), QPointF(x1, y));
            QPainterPath head;
            head.moveTo(x1, y);
            head.lineTo(x1 - 8, y - 5);
            head.lineTo(x1 - 8, y + 5);
            head.closeSubpath();
            p.fillPath(head, pal.color(QPalette::Text));
            p.drawText(QRectF(x0, y - line - 4, x1 - x0, line), Qt::AlignCenter, arrows[i]);
        }
    }
}

} // namespace mtls::ui
