#pragma once

#include "Command.h"

namespace mtls::cli {

// "12 days left", "expired 3 days ago": the days a certificate has left, as status and remind print them.
QString daysText(qint64 days);

// mtls-assistant-cli status: the saved setups with days to expiry; exit 1 when one expires within 30 days
// (for a scheduled job).
class StatusCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("status"); }
    QString summary() const override;
    void setup(QCommandLineParser& parser) const override;
    int run(const QCommandLineParser& parser) const override;
};

} // namespace mtls::cli
