#include "MainWizard.h"
#include "core/Version.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mtls-assistant"));
    QApplication::setOrganizationName(QStringLiteral("mtls-assistant"));
    QApplication::setApplicationDisplayName(QStringLiteral(MTLS_APP_NAME));
    QApplication::setApplicationVersion(QStringLiteral(MTLS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Sets up HTTPS mutual TLS for Tencent Cloud Chat webhooks."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    mtls::ui::MainWizard wizard;
    wizard.show();
    return QApplication::exec();
}
