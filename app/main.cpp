#include "MainWizard.h"
#include "core/Version.h"

#include <QApplication>

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

    mtls::ui::MainWizard wizard;
    wizard.show();
    return QApplication::exec();
}
