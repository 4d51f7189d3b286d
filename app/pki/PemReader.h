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

// Walks the blocks of a PEM text one at a time, in time linear in the size of the text whatever it holds (every
// byte is looked at a bounded number of times), so that the caller can stop early. Tolerates a UTF-8 BOM, CRLF or
// CR line ends, indentation, and text before, between and after the blocks. A block without its END line is left
// out, with everything after it.
class PemScanner
{
public:
    explicit PemScanner(const QByteArray& data);

    // The next block, or false at the end.
    bool next(PemBlock* block);

private:
    QByteArray m_text; // normalized
    qsizetype m_pos = 0;
};

// Every block of a PEM text (see PemScanner).
QList<PemBlock> readPemBlocks(const QByteArray& data);

} // namespace mtls
