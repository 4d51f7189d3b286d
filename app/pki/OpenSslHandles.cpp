#include "OpenSslHandles.h"

#include <QStringList>

#include <openssl/err.h>

namespace mtls {

QString drainOpenSslErrors()
{
    QStringList lines;
    const char* data = nullptr;
    int flags = 0;
    unsigned long code = 0;
    while ((code = ERR_get_error_all(nullptr, nullptr, nullptr, &data, &flags)) != 0) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        QString line = QString::fromLatin1(buffer);
        if (data && (flags & ERR_TXT_STRING) && *data)
            line += QStringLiteral(" (%1)").arg(QString::fromUtf8(data));
        if (!lines.contains(line))
            lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

void clearOpenSslErrors()
{
    ERR_clear_error();
}

BioPtr memoryBio(const QByteArray& data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), static_cast<int>(data.size())));
}

QByteArray bioContents(BIO* bio)
{
    char* ptr = nullptr;
    const long len = BIO_get_mem_data(bio, &ptr);
    return len > 0 ? QByteArray(ptr, static_cast<qsizetype>(len)) : QByteArray();
}

} // namespace mtls
