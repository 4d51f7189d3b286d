#include "StatusCommand.h"

#include "Output.h"
#include "RemoteDeployCommands.h"
#include "setup/SetupStore.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace mtls::cli {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::StatusCommand)
};

} // namespace

QString daysText(qint64 days)
{
    if (days < 0)
        return Text::tr("expired %n day(s) ago", nullptr, static_cast<int>(-days));
    return Text::tr("%n day(s) left", nullptr, static_cast<int>(days));
}

QString StatusCommand::summary() const
{
    return Text::tr("List the saved setups with the days left before their certificates expire.");
}

void StatusCommand::setup(QCommandLineParser& parser) const
{
    parser.addOption({QStringLiteral("json"), Text::tr("Print one JSON object instead of the list.")});
    addRemoteOptions(parser, true);
}

int StatusCommand::run(const QCommandLineParser& parser) const
{
    if (!parser.positionalArguments().isEmpty())
        return Output::usageError(name(),
                                  Text::tr("unexpected argument \"%1\".").arg(parser.positionalArguments().first()));
    if (remoteRequested(parser))
        return runRemoteStatus(parser);
    if (const auto stop = rejectSshOptionsHere(parser, name()))
        return *stop;

    const SetupStore store;
    const Result<SetupStoreContent> content = store.load();
    if (!content)
        return Output::failure(content.error().message, content.error().detail);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    int expiring = 0;
    int sharedExpiring = 0; // of those, setups that share a website: its own manager renews the certificate
    QJsonArray setupsJson;
    QList<RememberedCertificate> served;
    for (const SavedSetup& setup : content->setups) {
        // A merge setup serves the site's certificate: as the site's file holds it now.
        served << servedCertificate(setup);
        const qint64 days = served.last().daysUntilExpiry(now);
        const bool soon = days <= kExpiryWarningDays;
        const bool shares = setup.mode == SetupMode::Merge;
        expiring += soon ? 1 : 0;
        sharedExpiring += soon && shares ? 1 : 0;
        QJsonObject object = setup.toJson();
        object.insert(QStringLiteral("days_left"), days);
        object.insert(QStringLiteral("expiring"), soon);
        object.insert(QStringLiteral("shares_site"), shares);
        object.insert(QStringLiteral("served_certificate"), served.last().toJson());
        setupsJson.append(object);
    }

    if (parser.isSet(QStringLiteral("json"))) {
        Output::json({{QStringLiteral("file"), store.filePath()},
                      {QStringLiteral("setups"), setupsJson},
                      {QStringLiteral("expiring"), expiring},
                      {QStringLiteral("warning_days"), kExpiryWarningDays}});
        return expiring > 0 ? ExitFindings : ExitOk;
    }

    if (content->setups.isEmpty()) {
        Output::line(Text::tr("No saved setup. Run mtls-assistant to set up a webhook server."));
        return ExitOk;
    }
    Output::line(Output::paint(Text::tr("%n saved setup(s)", nullptr, static_cast<int>(content->setups.size())),
                               Output::Colour::Bold));
    for (qsizetype i = 0; i < content->setups.size(); ++i) {
        const SavedSetup& setup = content->setups.at(i);
        const qint64 days = served.at(i).daysUntilExpiry(now);
        const QString when = QStringLiteral("%1 (%2)").arg(served.at(i).notAfter.toString(QStringLiteral("yyyy-MM-dd")),
                                                           daysText(days));
        const Output::Colour colour = days < 0 ? Output::Colour::Red
            : days <= kExpiryWarningDays       ? Output::Colour::Yellow
                                               : Output::Colour::Green;
        Output::line(QStringLiteral("  %1  %2  %3  %4")
                         .arg(Output::plain(setup.domain).leftJustified(28),
                              serverKindDisplayName(setup.server).leftJustified(7),
                              setup.target == SetupTarget::Export ? Text::tr("exported")
                                  : setup.target == SetupTarget::Ssh
                                  ? Text::tr("over SSH: %1").arg(Output::plain(setup.sshTarget))
                                  : Text::tr("this machine"),
                              Output::paint(when, colour)));
        if (setup.mode == SetupMode::Merge)
            Output::line(QStringLiteral("    ")
                         + Text::tr("shares the website at %1:%2 and serves its certificate, which whoever manages "
                                    "the site renews (certbot, the hosting panel)")
                               .arg(Output::plain(setup.siteFile))
                               .arg(setup.siteLine));
    }
    if (expiring > sharedExpiring)
        Output::line(Text::tr("%n setup(s) expire within %1 days or have expired: renew the certificate with "
                              "mtls-assistant.",
                              nullptr, expiring - sharedExpiring)
                         .arg(kExpiryWarningDays));
    if (sharedExpiring > 0)
        Output::line(Text::tr("The website certificate of %n setup(s) expires within %1 days or has expired: it is "
                              "renewed by whoever manages the site (certbot, the hosting panel), not by "
                              "mtls-assistant. Check that its renewal runs.",
                              nullptr, sharedExpiring)
                         .arg(kExpiryWarningDays));
    return expiring > 0 ? ExitFindings : ExitOk;
}

} // namespace mtls::cli
