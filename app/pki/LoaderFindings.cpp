#include "LoaderFindings.h"

#include <QCoreApplication>

namespace mtls::loader {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::MaterialLoader)
};
} // namespace

Finding make(const char* code, Severity severity, const QString& message, const QString& hint, const QString& subject)
{
    return Finding {QString::fromLatin1(code), severity, message, hint, subject};
}

Finding unrecognized(const QString& origin, const QString& message)
{
    return make("FORMAT_UNRECOGNIZED", Severity::Error, message,
                Text::tr("Choose the certificate (.crt, .pem, .cer, .der), key (.key, .pem), PKCS#12 (.pfx, .p12) or "
                         "the .zip package as downloaded. If the file was cut short, download it again."),
                origin);
}

Finding passphraseRequired(const QString& origin)
{
    return make("PASSPHRASE_REQUIRED", Severity::Error,
                Text::tr("The private key in this file is protected by a passphrase."),
                Text::tr("Enter the passphrase (on the command line: put it in an environment variable and name it "
                         "with --passphrase-env)."),
                origin);
}

Finding passphraseWrong(const QString& origin)
{
    return make("PASSPHRASE_WRONG", Severity::Error, Text::tr("The passphrase does not open this file."),
                Text::tr("Check the passphrase: it is case-sensitive. For a package downloaded from Tencent Cloud, "
                         "the passphrase of a .pfx is in keystorePass.txt beside it."),
                origin);
}

Finding tooManyRounds(const QString& origin)
{
    return make("FORMAT_UNRECOGNIZED", Severity::Error,
                Text::tr("\"%1\" asks for an unreasonable number of encryption rounds and was not opened (such a file "
                         "could keep the program busy for hours).")
                    .arg(origin),
                Text::tr("Export the key again with the usual settings of your tool."), origin);
}

bool isTooManyRounds(const Finding& finding)
{
    return finding.code == QLatin1String("FORMAT_UNRECOGNIZED")
        && finding.message == tooManyRounds(finding.subject).message;
}

Finding budgetExceeded(const WorkBudget& budget, const QString& origin)
{
    const WorkLimits& limits = budget.limits();
    switch (budget.exceeded()) {
    case WorkBudget::Limit::Items:
        return make("FILE_TOO_LARGE", Severity::Error,
                    Text::tr("\"%1\" holds more than %2 certificates, keys, archive entries and other blocks: reading "
                             "stopped there.")
                        .arg(origin)
                        .arg(limits.maxItems),
                    Text::tr("Choose the certificate, key or .zip package itself."), origin);
    case WorkBudget::Limit::KeyDerivation:
        return make("WORK_LIMIT", Severity::Error,
                    Text::tr("\"%1\" asks for more than %2 encryption rounds in all (every encrypted key, bag and "
                             "integrity check counted): reading stopped there (such a file could keep the program "
                             "busy for hours).")
                        .arg(origin)
                        .arg(limits.maxKeyDerivationWork),
                    Text::tr("Export the certificate and key again with the usual settings of your tool, or give "
                             "them as separate files."),
                    origin);
    case WorkBudget::Limit::InflatedBytes:
    case WorkBudget::Limit::None:
        break;
    }
    return make("ARCHIVE_REFUSED", Severity::Error,
                Text::tr("\"%1\" unpacks to more than %2 MB in all, archives inside archives included: refused.")
                    .arg(origin)
                    .arg(limits.maxInflatedBytes / (1024 * 1024)),
                Text::tr("Download the package again from the console, or extract it and choose the certificate and "
                         "key files."),
                origin);
}

} // namespace mtls::loader
