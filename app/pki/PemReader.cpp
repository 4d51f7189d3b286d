#include "PemReader.h"

namespace mtls {

namespace {
const QByteArray kBegin = QByteArrayLiteral("-----BEGIN ");
const QByteArray kDashes = QByteArrayLiteral("-----");

QByteArray normalize(const QByteArray& data)
{
    QByteArray text = data;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    text.replace("\r\n", "\n");
    text.replace('\r', '\n');
    return text;
}
} // namespace

bool looksLikePem(const QByteArray& data)
{
    return data.contains(kBegin);
}

QList<PemBlock> readPemBlocks(const QByteArray& data)
{
    QList<PemBlock> blocks;
    const QByteArray text = normalize(data);
    qsizetype pos = 0;
    while ((pos = text.indexOf(kBegin, pos)) >= 0) {
        const qsizetype labelStart = pos + kBegin.size();
        const qsizetype labelEnd = text.indexOf(kDashes, labelStart);
        const qsizetype lineEnd = text.indexOf('\n', labelStart);
        if (labelEnd < 0 || (lineEnd >= 0 && labelEnd > lineEnd)) {
            pos = labelStart;
            continue;
        }
        const QByteArray label = text.mid(labelStart, labelEnd - labelStart).trimmed();
        const QByteArray endLine = QByteArrayLiteral("-----END ") + label + kDashes;
        const qsizetype endPos = text.indexOf(endLine, labelEnd);
        if (endPos < 0)
            break; // truncated: no END line
        // Rebuild the block line by line, without indentation, so OpenSSL reads it whatever the spacing was.
        PemBlock block;
        block.label = label;
        block.text = QByteArrayLiteral("-----BEGIN ") + label + kDashes + '\n';
        const QByteArray body = text.mid(labelEnd + kDashes.size(), endPos - labelEnd - kDashes.size());
        for (const QByteArray& rawLine : body.split('\n')) {
            const QByteArray line = rawLine.trimmed();
            if (line.isEmpty())
                continue;
            if (line.startsWith("Proc-Type:") && line.contains("ENCRYPTED"))
                block.encryptedHeader = true;
            if (line.startsWith("DEK-Info:"))
                block.text += line + "\n\n"; // the blank line that ends the headers
            else
                block.text += line + '\n';
        }
        block.text += endLine + '\n';
        blocks.append(block);
        pos = endPos + endLine.size();
    }
    return blocks;
}

} // namespace mtls
