#pragma once

#include "Command.h"

namespace mtls::cli {

// `watch`: follows the webhook access log on this machine and judges each call as it arrives.
class WatchCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("watch"); }
    QString summary() const override;
    void setup(QCommandLineParser& parser) const override;
    int run(const QCommandLineParser& parser) const override;
};

} // namespace mtls::cli
