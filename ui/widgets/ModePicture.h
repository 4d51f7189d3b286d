#pragma once

#include <QWidget>

namespace mtls::ui {

// Who gets asked for a client certificate in one way of setting up the webhook, drawn with the palette and sized
// from the fonts: browsers and Chat's servers, each with the address they call and what the server asks of them.
// Merge: browsers are not asked, only the webhook path requires Chat's certificate. Dedicated: the whole name
// requires it, so the name serves nothing else.
class ModePicture : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Merge, Dedicated };

    explicit ModePicture(QWidget* parent = nullptr);

    void setMode(Mode mode);
    // The webhook's name and path as the pictures show them ("www.example.com", "/im/callback").
    void setAddress(const QString& domain, const QString& path);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Row
    {
        QString caller;
        QString address;
        QString verdict;
        bool asked = false;
    };
    QList<Row> rows() const;
    int lineHeight() const;
    void describe();

    Mode m_mode = Mode::Merge;
    QString m_domain = QStringLiteral("www.example.com");
    QString m_path = QStringLiteral("/im/callback");
};

} // namespace mtls::ui
