#pragma once

#include "Command.h"

namespace mtls::cli {

// mtls-assistant-cli export: a bundle (folder or zip) for a server that is not this machine: the configuration,
// the certificate files, install.sh and a README.
class ExportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override;
    void setup(QCommandLineParser& parser) const override;
    int run(const QCommandLineParser& parser) const override;
};

} // namespace mtls::cli
