#pragma once

#include "Command.h"

namespace mtls::cli {

// mtls-assistant-cli remove --domain D: takes out everything the applies for D added, across the apply history, and
// puts back what they replaced; then tests, reloads and verifies the server.
class RemoveCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("remove"); }
    QString summary() const override;
    void setup(QCommandLineParser& parser) const override;
    int run(const QCommandLineParser& parser) const override;
};

} // namespace mtls::cli
