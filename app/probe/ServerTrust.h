#pragma once

#include "ProbeTypes.h"

namespace mtls {

// Judges the chain a server sent: trust (the system store, or `trustAnchors` when given; dates are left to
// daysLeft), whether it names `host`, and the days until the leaf expires.
ServerCertificateInfo judgeServerChain(const Certificates& chain, const QString& host,
                                       const Certificates& trustAnchors);

} // namespace mtls
