#pragma once

#include "pki/Certificate.h"

#include <QDateTime>
#include <QString>

namespace mtls::ui {

// Short texts about certificates, shared by the pages.
QString daysLeftText(qint64 days); // "12 days left", "expired 3 days ago"
QString validityText(const QDateTime& notBefore, const QDateTime& notAfter); // "2026-01-01 to 2027-01-01 (...)"
QString certificateSummary(const Certificate& certificate); // several lines: subject, names, validity, key, SHA-256

} // namespace mtls::ui
