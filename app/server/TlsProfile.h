#pragma once

#include "core/Finding.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mtls {

// The protocol and cipher settings written into a configuration.
enum class TlsProfile {
    Intermediate, // default: TLS 1.2 and 1.3, Mozilla's "intermediate" ECDHE ciphers
    Modern, // TLS 1.3 only
    ChatGuide, // TLSv1 and TLSv1.1 exactly as the Chat guide's sample: cannot work on a current server
};

// "intermediate", "modern", "chat-guide": stable names (command line, JSON).
QString tlsProfileName(TlsProfile profile);
std::optional<TlsProfile> tlsProfileFromName(const QString& name);
QStringList tlsProfileNames();

// Protocol names as nginx writes them: {"TLSv1.2", "TLSv1.3"}.
QStringList tlsProfileProtocols(TlsProfile profile);
// OpenSSL cipher list for TLS 1.2 and below; empty when the profile leaves the server's default (TLS 1.3 only).
QString tlsProfileCiphers(TlsProfile profile);

// The findings a profile brings with it: LEGACY_TLS (warning) for chat-guide, none otherwise.
Findings tlsProfileFindings(TlsProfile profile);

} // namespace mtls
