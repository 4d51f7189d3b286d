#include "TestZip.h"

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

bool writeTestZip(const QString& path, const QList<TestZipEntry>& entries)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate))
        return false;
    for (const TestZipEntry& entry : entries) {
        QuaZipFile file(&zip);
        QuaZipNewInfo info(entry.name);
        if (entry.symlink)
            info.externalAttr = quint32(0120777) << 16;
        else
            info.externalAttr = quint32(0100644) << 16;
        const char* password = entry.password.isEmpty() ? nullptr : entry.password.constData();
        if (!file.open(QIODevice::WriteOnly, info, password))
            return false;
        if (file.write(entry.data) != entry.data.size())
            return false;
        file.close();
        if (file.getZipError() != 0)
            return false;
    }
    zip.close();
    return zip.getZipError() == 0;
}
