#pragma once

#include "Command.h"

namespace mtls::cli {

// mtls-assistant-cli rollback: puts back what the last apply changed, tests and reloads the server.
class RollbackCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("rollback"); }
    QString summary() const override;
    void setup(QCommandLineParser& parser) const override;
    int run(const QCommandLineParser& parser) const override;
};

} // namespace mtls::cli
