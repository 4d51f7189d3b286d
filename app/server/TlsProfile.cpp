#include "TlsProfile.h"

#include <QCoreApplication>

namespace mtls {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("mtls::TlsProfile", text);
}

} // namespace

QString tlsProfileName(TlsProfile profile)
{
    switch (profile) {
    case TlsProfile::Modern:
        return QStringLiteral("modern");
    case TlsProfile::ChatGuide:
        return QStringLiteral("chat-guide");
    case TlsProfile::Intermediate:
        break;
    }
    return QStringLiteral("intermediate");
}

std::optional<TlsProfile> tlsProfileFromName(const QString& name)
{
    for (TlsProfile profile : {TlsProfile::Intermediate, TlsProfile::Modern, TlsProfile::ChatGuide}) {
        if (tlsProfileName(profile) == name.trimmed().toLower())
            return profile;
    }
    return std::nullopt;
}

QStringList tlsProfileNames()
{
    return {tlsProfileName(TlsProfile::Intermediate), tlsProfileName(TlsProfile::Modern),
            tlsProfileName(TlsProfile::ChatGuide)};
}

QStringList tlsProfileProtocols(TlsProfile profile)
{
    switch (profile) {
    case TlsProfile::Modern:
        return {QStringLiteral("TLSv1.3")};
    case TlsProfile::ChatGuide:
        return {QStringLiteral("TLSv1"), QStringLiteral("TLSv1.1")};
    case TlsProfile::Intermediate:
        break;
    }
    return {QStringLiteral("TLSv1.2"), QStringLiteral("TLSv1.3")};
}

QString tlsProfileCiphers(TlsProfile profile)
{
    if (profile == TlsProfile::Modern)
        return {};
    // Mozilla's intermediate list without the DHE suites (they need a dhparam file the user would have to make).
    return QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                          "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                          "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305");
}

Findings tlsProfileFindings(TlsProfile profile)
{
    if (profile != TlsProfile::ChatGuide)
        return {};
    Finding finding;
    finding.code = QStringLiteral("LEGACY_TLS");
    finding.severity = Severity::Warning;
    finding.message = tr("The chat-guide profile allows only TLS 1.0 and TLS 1.1, as the Chat guide's sample does. "
                         "Those versions are deprecated (RFC 8996) and refused by OpenSSL 3 at its default security "
                         "level, so a current server with this configuration cannot complete a handshake with them.");
    finding.hint = tr("Use the intermediate profile (TLS 1.2 and 1.3, the default) or modern (TLS 1.3 only).");
    return {finding};
}

} // namespace mtls
