#pragma once

#include "core/Result.h"

#include <QString>

namespace mtls {

// Where the programs are, for the reminder job: the command line (the job runs it) and the wizard (a click on a
// notification opens it). MTLS_CLI / MTLS_GUI name them when set (a build tree, tests); else the program beside
// this one; else the one on PATH. Absolute paths; empty when not found.
QString commandLineProgram();
QString wizardProgram();

// Starts the wizard's renewal of the saved setup `setupId` (`mtls-assistant --renew <id>`), detached.
Status startRenewalWizard(const QString& setupId);

} // namespace mtls
