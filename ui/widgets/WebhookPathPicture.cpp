#include "WebhookPathPicture.h"

#include "TextLines.h"

#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace mtls::ui {

WebhookPathPicture::WebhookPathPicture(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleDescription(tr("Chat's servers call your webhook URL over HTTPS and show their client certificate. "
                                "Your Nginx or Apache checks that certificate against Chat's client CA and passes "
                                "the call on to your webhook application."));
}

namespace {

struct Box
{
    QString title;
    QString note;
};

std::array<Box, 3> boxes()
{
    return {{
        {WebhookPathPicture::tr("Chat's servers"),
         WebhookPathPicture::tr("present a client certificate from Chat's CA")},
        {WebhookPathPicture::tr("Your Nginx or Apache"),
         WebhookPathPicture::tr("shows your certificate and checks the caller's certificate")},
        {WebhookPathPicture::tr("Your webhook application"), WebhookPathPicture::tr("gets only verified calls")},
    }};
}

// The widest piece of `text` that must not be broken: a word of a language that puts spaces between words, or a
// whole line of one that does not (Chinese: the translation breaks its lines with "\n" where a break reads well).
int widestUnbreakable(const QFontMetrics& metrics, const QString& text)
{
    static const QRegularExpression cjk(QStringLiteral("[\\x{3000}-\\x{9FFF}\\x{FF00}-\\x{FFEF}]"));
    int widest = 0;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const QStringList pieces = cjk.match(line).hasMatch() ? QStringList {line} : line.split(QLatin1Char(' '));
        for (const QString& piece : pieces)
            widest = std::max(widest, metrics.horizontalAdvance(piece));
    }
    return widest;
}

} // namespace

int WebhookPathPicture::lineHeight() const
{
    QString sample;
    for (const Box& box : boxes())
        sample += box.title + box.note;
    QFont bold = font();
    bold.setBold(true);
    return std::max(ui::lineHeight(font(), sample), ui::lineHeight(bold, sample));
}

QSize WebhookPathPicture::sizeHint() const
{
    return {std::max(640, minimumSizeHint().width()), lineHeight() * 8};
}

QSize WebhookPathPicture::minimumSizeHint() const
{
    // Each box holds its widest unbreakable piece: the boxes take 7/9 of the width, less two gaps' margins.
    QFont bold = font();
    bold.setBold(true);
    int widest = 0;
    for (const Box& box : boxes())
        widest = std::max(
            {widest, widestUnbreakable(QFontMetrics(bold), box.title), widestUnbreakable(fontMetrics(), box.note)});
    const int boxes = 3 * (widest + 12) + 2;
    return {std::max(420, boxes * 9 / 7 + 1), lineHeight() * 8};
}

void WebhookPathPicture::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const int line = lineHeight();
    const int boxHeight = line * 7;
    const int top = (height() - boxHeight) / 2;
    const int gap = qMax(40, width() / 9);
    const int boxWidth = (width() - 2 * gap - 2) / 3;

    const std::array<Box, 3> texts = boxes();
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
        p.drawText(titleRect, Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, texts[i].title);
        // Notes get the lower half: three lines of the normal font.
        p.setFont(font());
        p.setPen(pal.color(QPalette::PlaceholderText));
        const QRectF noteRect = box.adjusted(6, box.height() / 2 + 2, -6, -4);
        p.drawText(noteRect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, texts[i].note);

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
