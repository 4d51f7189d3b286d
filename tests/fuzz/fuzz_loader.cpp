// libFuzzer target: arbitrary bytes into the certificate loader (PEM, DER, PKCS#12, PKCS#7, PKCS#8, zip) and
// everything that looks at what it read. Built with clang and sanitizers by run-fuzz.sh; ctest runs it.
#include "pki/CertificateChecks.h"
#include "pki/MaterialLoader.h"
#include "pki/ServerMaterialSelector.h"

#include <QDateTime>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace mtls;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    LoadOptions options;
    options.passphrase = "fuzz";
    // A smaller key-derivation budget than the product's, so that an input spending all of it stays well under
    // the fuzzer's 1 s per input on a loaded machine; what is checked is that the budget holds, at any depth.
    options.work.maxKeyDerivationWork = 500'000;
    const Material material = MaterialLoader(options).loadData(bytes, QStringLiteral("input"));
    const ServerSelection selection = selectServerMaterial(material, QStringLiteral("www.example.com"));
    CheckContext context;
    context.host = QStringLiteral("www.example.com");
    context.now = QDateTime::currentDateTimeUtc();
    const Findings findings = checkServerCertificate(selection, context);
    size_t total = static_cast<size_t>(findings.size());
    for (const SourcedCertificate& c : material.certificates)
        total += static_cast<size_t>(c.certificate.toJson().size());
    for (const SourcedKey& k : material.keys)
        total += static_cast<size_t>(k.key.description().size());
    return total == SIZE_MAX ? 1 : 0;
}
