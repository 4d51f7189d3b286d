#pragma once

#include "Command.h"

namespace mtls::cli {

// mtls-assistant-cli check: reads certificate material and reports what is wrong and how to fix it.
class CheckCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("check"); }
    QString summary() const override;
    void setup(QCommandLineParser& parser) const override;
    int run(const QCommandLineParser& parser) const override;
};

} // namespace mtls::cli
