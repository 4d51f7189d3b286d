#include "PemReader.h"

#include <cstring>

namespace mtls {

namespace {
const QByteArray kBegin = QByteArrayLiteral("-----BEGIN ");
const QByteArray kDashes = QByteArrayLiteral("-----");
constexpr qsizetype kMaxLabel = 80; // real labels are under 30 characters ("NEW CERTIFICATE REQUEST")

// LF line ends and no BOM, in one pass.
QByteArray normalize(const QByteArray& data)
{
    qsizetype start = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    if (!data.contains('\r'))
        return start == 0 ? data : data.mid(start);
    QByteArray text(data.size() - start, Qt::Uninitialized);
    char* out = text.data();
    const char* in = data.constData();
    const qsizetype size = data.size();
    for (qsizetype i = start; i < size; ++i) {
        if (in[i] == '\r') {
            *out++ = '\n';
            if (i + 1 < size && in[i + 1] == '\n')
                ++i;
        } else {
            *out++ = in[i];
        }
    }
    text.truncate(out - text.constData());
    return text;
}

// Where the label of a BEGIN line starting at `labelStart` ends (its closing dashes), looking no further than
// kMaxLabel characters and never past the end of the line; -1 when there is none.
qsizetype findLabelEnd(const QByteArray& text, qsizetype labelStart)
{
    const qsizetype limit = std::min(text.size(), labelStart + kMaxLabel + kDashes.size());
    const char* data = text.constData();
    for (qsizetype i = labelStart; i < limit; ++i) {
        if (data[i] == '\n')
            return -1;
        if (data[i] == '-' && i + kDashes.size() <= text.size()
            && std::memcmp(data + i, kDashes.constData(), static_cast<size_t>(kDashes.size())) == 0)
            return i;
    }
    return -1;
}
} // namespace

bool looksLikePem(const QByteArray& data)
{
    return data.contains(kBegin);
}

PemScanner::PemScanner(const QByteArray& data)
    : m_text(normalize(data))
{
}

bool PemScanner::next(PemBlock* block)
{
    const QByteArray& text = m_text;
    while (m_pos >= 0 && (m_pos = text.indexOf(kBegin, m_pos)) >= 0) {
        const qsizetype labelStart = m_pos + kBegin.size();
        const qsizetype labelEnd = findLabelEnd(text, labelStart);
        if (labelEnd < 0) {
            m_pos = labelStart;
            continue;
        }
        const QByteArray label = text.mid(labelStart, labelEnd - labelStart).trimmed();
        const QByteArray endLine = QByteArrayLiteral("-----END ") + label + kDashes;
        const qsizetype endPos = text.indexOf(endLine, labelEnd + kDashes.size());
        if (endPos < 0) {
            m_pos = -1; // truncated: no END line
            return false;
        }
        // Rebuild the block line by line, without indentation, so OpenSSL reads it whatever the spacing was.
        *block = PemBlock();
        block->label = label;
        block->text = QByteArrayLiteral("-----BEGIN ") + label + kDashes + '\n';
        const qsizetype bodyStart = labelEnd + kDashes.size();
        qsizetype lineStart = bodyStart;
        while (lineStart < endPos) {
            // memchr bounded by the END line: never a look past this block
            const void* newline
                = std::memchr(text.constData() + lineStart, '\n', static_cast<size_t>(endPos - lineStart));
            const qsizetype lineEnd = newline ? static_cast<const char*>(newline) - text.constData() : endPos;
            const QByteArray line = text.mid(lineStart, lineEnd - lineStart).trimmed();
            lineStart = lineEnd + 1;
            if (line.isEmpty())
                continue;
            if (line.startsWith("Proc-Type:") && line.contains("ENCRYPTED"))
                block->encryptedHeader = true;
            if (line.startsWith("DEK-Info:"))
                block->text += line + "\n\n"; // the blank line that ends the headers
            else
                block->text += line + '\n';
        }
        block->text += endLine + '\n';
        m_pos = endPos + endLine.size();
        return true;
    }
    m_pos = -1;
    return false;
}

QList<PemBlock> readPemBlocks(const QByteArray& data)
{
    QList<PemBlock> blocks;
    PemScanner scanner(data);
    PemBlock block;
    while (scanner.next(&block))
        blocks.append(block);
    return blocks;
}

} // namespace mtls
