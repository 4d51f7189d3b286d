#pragma once

#include "Command.h"

namespace mtls::cli {

// mtls-assistant-cli rehearse --upstream URL: sends the webhook application realistic Chat callbacks on its own
// address and judges the answers the way Chat does (probe/WebhookRehearsal.h).
class RehearseCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("rehearse"); }
    QString summary() const override;
    void setup(QCommandLineParser& parser) const override;
    int run(const QCommandLineParser& parser) const override;
};

} // namespace mtls::cli
