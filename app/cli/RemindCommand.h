#pragma once

#include "Command.h"

namespace mtls::cli {

// mtls-assistant-cli remind --install | --remove | --run: the daily reminder job outside the app (remind/).
// --run is what the job executes: each saved setup's expiry and live URL, a desktop notification when there is
// something to say (30, 14 and 7 days before expiry, then daily; another certificate served; strangers accepted).
class RemindCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("remind"); }
    QString summary() const override;
    void setup(QCommandLineParser& parser) const override;
    int run(const QCommandLineParser& parser) const override;

private:
    int runChecks(const QCommandLineParser& parser) const;
    int changeSchedule(const QCommandLineParser& parser, bool install) const;
};

} // namespace mtls::cli
