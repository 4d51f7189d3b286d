#include "ModePicture.h"

#include "TextLines.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace mtls::ui {

namespace {
constexpr int kArrow = 48; // the arrow between a caller and its address
constexpr int kGap = 12;
} // namespace

ModePicture::ModePicture(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    describe();
}

void ModePicture::setMode(Mode mode)
{
    m_mode = mode;
    describe();
    updateGeometry();
    update();
}

void ModePicture::setAddress(const QString& domain, const QString& path)
{
    m_domain = domain.isEmpty() ? QStringLiteral("www.example.com") : domain;
    m_path = path.isEmpty() ? QStringLiteral("/") : path;
    describe();
    updateGeometry();
    update();
}

QList<ModePicture::Row> ModePicture::rows() const
{
    if (m_mode == Mode::Merge)
        return {
            {tr("Browsers"), QStringLiteral("https://%1/").arg(m_domain), tr("not asked for a certificate"), false},
            {tr("Chat's servers"), QStringLiteral("https://%1%2").arg(m_domain, m_path),
             tr("Chat's certificate required"), true},
        };
    const QString name = QStringLiteral("im-callback.example.com");
    return {
        {tr("Browsers"), QStringLiteral("https://%1/").arg(name), tr("refused without Chat's certificate"), true},
        {tr("Chat's servers"), QStringLiteral("https://%1%2").arg(name, m_path), tr("Chat's certificate required"),
         true},
    };
}

void ModePicture::describe()
{
    // The same as the picture, for screen readers.
    QStringList lines;
    for (const Row& row : rows())
        lines << tr("%1 calling %2: %3").arg(row.caller, row.address, row.verdict);
    setAccessibleName(m_mode == Mode::Merge ? tr("Who is asked for a certificate with merge")
                                            : tr("Who is asked for a certificate with a dedicated name"));
    setAccessibleDescription(lines.join(QLatin1Char('\n')));
}

int ModePicture::lineHeight() const
{
    QString sample;
    for (const Row& row : rows())
        sample += row.caller + row.address + row.verdict;
    QFont bold = font();
    bold.setBold(true);
    return std::max(ui::lineHeight(font(), sample), ui::lineHeight(bold, sample));
}

QSize ModePicture::minimumSizeHint() const
{
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    int caller = 0;
    int address = 0;
    int verdict = 0;
    for (const Row& row : rows()) {
        caller = std::max(caller, boldMetrics.horizontalAdvance(row.caller));
        address = std::max(address, fontMetrics().horizontalAdvance(row.address));
        verdict = std::max(verdict, boldMetrics.horizontalAdvance(row.verdict));
    }
    const int width = 2 + caller + kArrow + address + 3 * kGap + lineHeight() + verdict + 2;
    return {width, int(rows().size()) * lineHeight() * 4 / 3 + 4};
}

QSize ModePicture::sizeHint() const
{
    return minimumSizeHint();
}

void ModePicture::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange) {
        describe();
        updateGeometry();
    }
    QWidget::changeEvent(event);
}

void ModePicture::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const int line = lineHeight();
    const QList<Row> all = rows();
    int callerWidth = 0;
    int addressWidth = 0;
    for (const Row& row : all) {
        callerWidth = std::max(callerWidth, boldMetrics.horizontalAdvance(row.caller));
        addressWidth = std::max(addressWidth, fontMetrics().horizontalAdvance(row.address));
    }
    for (int i = 0; i < all.size(); ++i) {
        const Row& row = all.at(i);
        const int top = 2 + i * line * 4 / 3;
        const qreal middle = top + line / 2.0;
        p.setFont(bold);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(2, top, callerWidth, line), Qt::AlignLeft | Qt::AlignVCenter, row.caller);

        // The arrow to the address.
        const qreal x0 = 2 + callerWidth + kGap / 2.0;
        const qreal x1 = x0 + kArrow;
        p.setPen(QPen(pal.color(QPalette::Text), 1.5));
        p.drawLine(QPointF(x0, middle), QPointF(x1 - 2, middle));
        QPainterPath head;
        head.moveTo(x1, middle);
        head.lineTo(x1 - 7, middle - 4);
        head.lineTo(x1 - 7, middle + 4);
        head.closeSubpath();
        p.fillPath(head, pal.color(QPalette::Text));

        const int addressLeft = int(x1) + kGap / 2;
        p.setFont(font());
        p.drawText(QRect(addressLeft, top, addressWidth, line), Qt::AlignLeft | Qt::AlignVCenter, row.address);

        // A badge: a padlock where a certificate is asked for, an open circle where it is not.
        const int badgeLeft = addressLeft + addressWidth + kGap;
        const QRectF badge(badgeLeft, top + line * 0.15, line * 0.7, line * 0.7);
        const QColor accent = row.asked ? pal.color(QPalette::Highlight) : pal.color(QPalette::PlaceholderText);
        p.setPen(QPen(accent, 1.5));
        if (row.asked) {
            const QRectF body(badge.left(), badge.top() + badge.height() * 0.45, badge.width(), badge.height() * 0.55);
            p.setBrush(accent);
            p.drawRoundedRect(body, 2, 2);
            p.setBrush(Qt::NoBrush);
            p.drawArc(
                QRectF(badge.left() + badge.width() * 0.2, badge.top(), badge.width() * 0.6, badge.height() * 0.8), 0,
                180 * 16);
        } else {
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(badge);
        }
        p.setFont(row.asked ? bold : font());
        p.setPen(row.asked ? pal.color(QPalette::Text) : pal.color(QPalette::PlaceholderText));
        const int verdictLeft = badgeLeft + line + kGap / 2;
        p.drawText(QRect(verdictLeft, top, width() - verdictLeft, line), Qt::AlignLeft | Qt::AlignVCenter, row.verdict);
    }
}

} // namespace mtls::ui
