#include "DesktopNotifier.h"

#include "core/Version.h"

#include <QCoreApplication>

#ifdef MTLS_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#endif

namespace mtls {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::DesktopNotifier)
};

#ifdef MTLS_HAVE_DBUS
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
#endif
} // namespace

DesktopNotifier::DesktopNotifier(QObject* parent)
    : QObject(parent)
{
}

DesktopNotifier::~DesktopNotifier() = default;

Result<uint> DesktopNotifier::notify(const QString& summary, const QString& body, const QList<Action>& actions)
{
#ifdef MTLS_HAVE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return Error(Text::tr("No desktop notification can be shown: there is no session bus (no desktop session "
                              "is running for this user)."),
                     bus.lastError().message());
    if (!m_connected) {
        // Before the first Notify, so that an answer that comes at once is not missed.
        bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                    SLOT(onActionInvoked(uint, QString)));
        bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                    SLOT(onNotificationClosed(uint, uint)));
        m_connected = true;
    }
    const QDBusMessage capabilities
        = bus.call(QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("GetCapabilities")),
                   QDBus::Block, 5000);
    const QStringList caps = capabilities.type() == QDBusMessage::ReplyMessage && !capabilities.arguments().isEmpty()
        ? capabilities.arguments().constFirst().toStringList()
        : QStringList();
    QStringList actionList;
    for (const Action& action : actions)
        actionList << action.key << action.label;
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    call << QStringLiteral(MTLS_APP_NAME) << uint(0) << QStringLiteral("mtls-assistant") << summary
         << (caps.contains(QStringLiteral("body-markup")) ? body.toHtmlEscaped() : body) << actionList
         << QVariantMap {{QStringLiteral("desktop-entry"), QStringLiteral(MTLS_APP_ID)},
                         {QStringLiteral("urgency"), QVariant::fromValue(uchar(1))}}
         << int(0); // 0: stays until the user closes it
    const QDBusReply<uint> reply = bus.call(call, QDBus::Block, 5000);
    if (!reply.isValid())
        return Error(Text::tr("No desktop notification can be shown: the notification service did not answer."),
                     reply.error().message());
    m_open.insert(reply.value());
    return reply.value();
#else
    Q_UNUSED(summary)
    Q_UNUSED(body)
    Q_UNUSED(actions)
    return Error(Text::tr("Desktop notifications are not available on this system yet: run mtls-assistant-cli status "
                          "to see the certificates' expiry."));
#endif
}

void DesktopNotifier::onActionInvoked(uint id, const QString& key)
{
    if (!m_open.contains(id))
        return;
    emit actionInvoked(id, key);
}

void DesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    if (!m_open.remove(id))
        return;
    emit closed(id);
}

} // namespace mtls
