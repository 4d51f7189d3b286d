#pragma once

#include "probe/ProbeTypes.h"

namespace mtls::cli {

// The probe's report as readable text on stdout (shared by `probe` and `sandbox`).
void printProbeReport(const ProbeReport& report, const QString& indent = QString());

} // namespace mtls::cli
