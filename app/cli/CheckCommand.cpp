#include "CheckCommand.h"

#include "Output.h"

#include <QCoreApplication>

namespace mtls::cli {

QString CheckCommand::summary() const
{
    return QCoreApplication::translate("mtls::cli::CheckCommand",
                                       "Check a server certificate, its key and chain, and the Chat client CA.");
}

void CheckCommand::setup(QCommandLineParser& parser) const
{
    Q_UNUSED(parser)
}

int CheckCommand::run(const QCommandLineParser& parser) const
{
    Q_UNUSED(parser)
    return Output::failure(QStringLiteral("not yet available"));
}

} // namespace mtls::cli
