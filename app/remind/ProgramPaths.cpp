#include "ProgramPaths.h"

#include "core/ChildProcess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace mtls {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::ProgramPaths)
};

QString findProgram(const char* variable, const QString& name)
{
    const QString named = qEnvironmentVariable(variable);
    if (!named.isEmpty())
        return QFileInfo(named).absoluteFilePath();
#ifdef Q_OS_WIN
    const QString file = name + QStringLiteral(".exe");
#else
    const QString file = name;
#endif
    const QFileInfo beside(QDir(QCoreApplication::applicationDirPath()).filePath(file));
    if (beside.isExecutable() && beside.isFile())
        return beside.absoluteFilePath();
    return QStandardPaths::findExecutable(name);
}
} // namespace

QString commandLineProgram()
{
    return findProgram("MTLS_CLI", QStringLiteral("mtls-assistant-cli"));
}

QString wizardProgram()
{
    return findProgram("MTLS_GUI", QStringLiteral("mtls-assistant"));
}

Status startRenewalWizard(const QString& setupId)
{
    const QString program = wizardProgram();
    if (program.isEmpty())
        return Error(Text::tr("The wizard mtls-assistant is not installed: the renewal cannot be opened."));
    QProcess process;
    process.setProgram(program);
    process.setArguments({QStringLiteral("--renew"), setupId});
    prepareChild(process);
    if (!process.startDetached())
        return Error(Text::tr("The wizard %1 could not be started.").arg(program), process.errorString());
    return {};
}

} // namespace mtls
