#include "MainWizard.h"
#include "core/Version.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mtls-assistant"));
    QApplication::setOrganizationName(QStringLiteral("mtls-assistant"));
    QApplication::setApplicationDisplayName(QStringLiteral(MTLS_APP_NAME));
    QApplication::setApplicationVersion(QStringLiteral(MTLS_VERSION));

    mtls::ui::MainWizard wizard;
    wizard.show();
    return QApplication::exec();
}
