#pragma once

#include "Command.h"

namespace mtls::cli {

// mtls-assistant-cli sandbox: the whole job on this computer, with nothing to prepare.
class SandboxCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("sandbox"); }
    QString summary() const override;
    void setup(QCommandLineParser& parser) const override;
    int run(const QCommandLineParser& parser) const override;
};

} // namespace mtls::cli
