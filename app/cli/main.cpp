#include "Command.h"
#include "Output.h"
#include "core/Version.h"

#include <QCoreApplication>

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("mtls::cli::main", text);
}

QString generalHelp(const std::vector<std::unique_ptr<mtls::cli::Command>>& commands)
{
    QStringList lines;
    lines << tr("mtls-assistant-cli %1: sets up HTTPS mutual TLS for Tencent Cloud Chat webhooks on Nginx and Apache.")
                 .arg(QStringLiteral(MTLS_VERSION))
          << QString() << tr("Usage: mtls-assistant-cli <command> [options]") << QString() << tr("Commands:");
    for (const auto& command : commands)
        lines << QStringLiteral("  %1 %2").arg(command->name().leftJustified(10), command->summary());
    lines << QString() << tr("Run 'mtls-assistant-cli <command> --help' for the options of one command.")
          << tr("Exit codes: 0 no error found, 1 an error finding, 2 usage error or failure to run.");
    return lines.join(QLatin1Char('\n'));
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mtls-assistant"));
    QCoreApplication::setOrganizationName(QStringLiteral("mtls-assistant"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MTLS_VERSION));

    using namespace mtls::cli;
    const auto commands = allCommands();
    const QStringList args = QCoreApplication::arguments();

    if (args.size() < 2 || args.at(1) == QLatin1String("--help") || args.at(1) == QLatin1String("-h")
        || args.at(1) == QLatin1String("help")) {
        if (args.size() >= 3 && args.at(1) == QLatin1String("help")) {
            // "help check" is "check --help"
            for (const auto& command : commands) {
                if (command->name() == args.at(2)) {
                    QCommandLineParser parser;
                    command->setup(parser);
                    Output::out(parser.helpText());
                    return ExitOk;
                }
            }
        }
        if (args.size() < 2) { // a usage error: help goes to stderr
            Output::err(generalHelp(commands));
            return ExitUsage;
        }
        Output::line(generalHelp(commands));
        return ExitOk;
    }
    if (args.at(1) == QLatin1String("--version") || args.at(1) == QLatin1String("-v")) {
        Output::line(QStringLiteral("mtls-assistant-cli %1").arg(QStringLiteral(MTLS_VERSION)));
        return ExitOk;
    }

    for (const auto& command : commands) {
        if (command->name() != args.at(1))
            continue;
        QCommandLineParser parser;
        parser.setApplicationDescription(command->summary());
        parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        const QCommandLineOption helpOption(QStringList {QStringLiteral("h"), QStringLiteral("help")},
                                            tr("Show this help."));
        parser.addOption(helpOption);
        command->setup(parser);
        QStringList commandArgs = args.mid(1);
        commandArgs[0] = QStringLiteral("mtls-assistant-cli %1").arg(command->name());
        if (!parser.parse(commandArgs))
            return Output::usageError(command->name(), parser.errorText());
        if (parser.isSet(helpOption)) {
            Output::out(parser.helpText());
            return ExitOk;
        }
        return command->run(parser);
    }
    return Output::usageError(args.at(1), tr("unknown command. Run 'mtls-assistant-cli --help' for the list."));
}
