#include "Logging.h"

Q_LOGGING_CATEGORY(lcPki, "mtls.pki", QtWarningMsg)
Q_LOGGING_CATEGORY(lcServer, "mtls.server", QtWarningMsg)
Q_LOGGING_CATEGORY(lcProbe, "mtls.probe", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSetup, "mtls.setup", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSecrets, "mtls.secrets", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSandbox, "mtls.sandbox", QtWarningMsg)
