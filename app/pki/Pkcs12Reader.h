#pragma once

#include "MaterialLoader.h"
#include "WorkBudget.h"

typedef struct PKCS12_st PKCS12;

namespace mtls {

// Reads the keys and certificates of a PKCS#12 file into `material`. Every key derivation (the MAC, once per
// passphrase tried; each encrypted safe; each shrouded key bag, however deep in safeContents bags) is checked
// against the per-item caps and charged to `budget` before it runs, and every bag counts as an item: the first one
// over a limit stops the read with a finding.
void readPkcs12(const PKCS12* p12, const QByteArray& passphrase, const QString& origin, WorkBudget& budget,
                Material& material);

} // namespace mtls
