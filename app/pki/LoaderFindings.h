#pragma once

#include "WorkBudget.h"
#include "core/Finding.h"

namespace mtls::loader {

// The findings the material loader writes, shared by its readers (PEM, DER, PKCS#12, zip).
Finding make(const char* code, Severity severity, const QString& message, const QString& hint, const QString& subject);
Finding unrecognized(const QString& origin, const QString& message);
Finding passphraseRequired(const QString& origin);
Finding passphraseWrong(const QString& origin);
// One encrypted item (or MAC) asks for more work than any real file: FORMAT_UNRECOGNIZED.
Finding tooManyRounds(const QString& origin);
// Whether `finding` is one made by tooManyRounds (worth reporting even from inside a package, where unreadable
// files are otherwise passed over).
bool isTooManyRounds(const Finding& finding);
// The budget of the whole input ran out (its first refusal): FILE_TOO_LARGE for items, WORK_LIMIT for key
// derivation, ARCHIVE_REFUSED for inflated bytes.
Finding budgetExceeded(const WorkBudget& budget, const QString& origin);

} // namespace mtls::loader
