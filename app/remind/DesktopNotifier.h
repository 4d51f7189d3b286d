#pragma once

#include "core/Result.h"

#include <QObject>
#include <QSet>
#include <QString>

namespace mtls {

// A desktop notification with actions, through the freedesktop notification interface
// (org.freedesktop.Notifications on the session bus) on Linux. Elsewhere notify() returns an Error: Windows and
// macOS notifications are not implemented yet.
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    struct Action
    {
        QString key; // "renew"; "default" is the click on the notification itself
        QString label;
    };

    explicit DesktopNotifier(QObject* parent = nullptr);
    ~DesktopNotifier() override;

    // Shows a notification; its id, or an Error saying why it could not be shown (no session bus, no
    // notification service). The body is escaped when the service reads markup.
    Result<uint> notify(const QString& summary, const QString& body, const QList<Action>& actions);
    // Notifications shown and not yet closed or answered.
    const QSet<uint>& open() const { return m_open; }

signals:
    void actionInvoked(uint id, const QString& key);
    void closed(uint id);

private slots:
    // Connected by name (QtDBus has no functor connect for bus signals).
    void onActionInvoked(uint id, const QString& key);
    void onNotificationClosed(uint id, uint reason);

private:
    bool m_connected = false;
    QSet<uint> m_open;
};

} // namespace mtls
