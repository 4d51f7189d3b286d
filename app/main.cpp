#include "WizardHost.h"
#include "core/SignalCleanup.h"
#include "core/Translations.h"
#include "core/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

#include <cstdio>
#include <cstring>

int main(int argc, char* argv[])
{
    // Answered before any window system is touched, so it works on a machine without a display.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("mtls-assistant %s\n", MTLS_VERSION);
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mtls-assistant"));
    QApplication::setOrganizationName(QStringLiteral("mtls-assistant"));
    QApplication::setApplicationDisplayName(QStringLiteral(MTLS_APP_NAME));
    QApplication::setApplicationVersion(QStringLiteral(MTLS_VERSION));
    // MTLS_LANGUAGE, else the language chosen last time, else the system's locale.
    mtls::installTranslations(
        qEnvironmentVariable("MTLS_LANGUAGE", QSettings().value(QStringLiteral("language")).toString()));

    mtls::installCleanupOnSignals(); // a killed wizard leaves no sandbox server or key copy behind

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Sets up HTTPS mutual TLS for Tencent Cloud Chat webhooks."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption renewOption(
        QStringLiteral("renew"),
        QCoreApplication::translate("main", "Open the renewal of the saved setup ID (as the reminders name it)."),
        QStringLiteral("ID"));
    parser.addOption(renewOption);
    parser.process(app);

    mtls::ui::WizardHost host; // builds the wizard again when the user switches languages
    if (parser.isSet(renewOption))
        host.openRenewal(parser.value(renewOption));
    host.show();
    return QApplication::exec();
}
