#pragma once

#include <QByteArray>
#include <QList>

namespace mtls {

// One "-----BEGIN LABEL-----" ... "-----END LABEL-----" block of a PEM text.
struct PemBlock
{
    QByteArray label; // "CERTIFICATE", "PRIVATE KEY", "RSA PRIVATE KEY", ...
    QByteArray text; // the whole block, normalized (LF line ends), as OpenSSL's PEM readers want it
    bool encryptedHeader = false; // "Proc-Type: 4,ENCRYPTED" (a traditional encrypted key)
};

// Whether `data` looks like PEM text (holds a BEGIN line).
bool looksLikePem(const QByteArray& data);

// Every block of a PEM text. Tolerates a UTF-8 BOM, CRLF or CR line ends, indentation, and text before,
// between and after the blocks. A block without its END line is left out.
QList<PemBlock> readPemBlocks(const QByteArray& data);

} // namespace mtls
