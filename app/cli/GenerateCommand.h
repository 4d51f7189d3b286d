#pragma once

#include "Command.h"

namespace mtls::cli {

// mtls-assistant-cli generate: writes the nginx or Apache two-way authentication configuration, after the same
// checks as `check`, proven with the real server binary when it is installed.
class GenerateCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("generate"); }
    QString summary() const override;
    void setup(QCommandLineParser& parser) const override;
    int run(const QCommandLineParser& parser) const override;
};

} // namespace mtls::cli
