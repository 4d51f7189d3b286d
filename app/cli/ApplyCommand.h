#pragma once

#include "Command.h"

namespace mtls::cli {

// mtls-assistant-cli apply: installs the certificate files and our configuration on this machine's server,
// tests and reloads it, and puts everything back when anything fails.
class ApplyCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("apply"); }
    QString summary() const override;
    void setup(QCommandLineParser& parser) const override;
    int run(const QCommandLineParser& parser) const override;
};

} // namespace mtls::cli
