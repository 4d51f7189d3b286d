#pragma once

#include "Command.h"

namespace mtls::cli {

// mtls-assistant-cli probe URL: the live test handshake against a webhook endpoint.
class ProbeCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("probe"); }
    QString summary() const override;
    void setup(QCommandLineParser& parser) const override;
    int run(const QCommandLineParser& parser) const override;
};

} // namespace mtls::cli
