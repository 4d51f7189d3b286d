#pragma once

#include <QLoggingCategory>

// One category per module. Never log a secret (passphrase, key material).
Q_DECLARE_LOGGING_CATEGORY(lcPki)
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcProbe)
Q_DECLARE_LOGGING_CATEGORY(lcSetup)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
