#include "Command.h"
#include "Output.h"
#include "core/SignalCleanup.h"
#include "core/Translations.h"
#include "core/Version.h"

#include <QCoreApplication>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(mtls::cli::main)
};

QString generalHelp(const std::vector<std::unique_ptr<mtls::cli::Command>>& commands)
{
    QStringList lines;
    lines << Text::tr(
                 "mtls-assistant-cli %1: sets up HTTPS mutual TLS for Tencent Cloud Chat webhooks on Nginx and Apache.")
                 .arg(QStringLiteral(MTLS_VERSION))
          << QString() << Text::tr("Usage: mtls-assistant-cli <command> [options]") << QString()
          << Text::tr("Commands:");
    for (const auto& command : commands)
        lines << QStringLiteral("  %1 %2").arg(mtls::cli::Output::padded(command->name(), 10), command->summary());
    lines << QString() << Text::tr("Run 'mtls-assistant-cli <command> --help' for the options of one command.")
          << Text::tr("Exit codes: 0 no error found, 1 an error finding, 2 usage error or failure to run.");
    return mtls::cli::Output::fittedHelp(lines.join(QLatin1Char('\n')));
}

} // namespace

// The parser of one command, with the options every command has.
void prepareParser(const mtls::cli::Command& command, QCommandLineParser& parser, const QCommandLineOption& helpOption)
{
    parser.setApplicationDescription(command.summary());
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption(helpOption);
    command.setup(parser);
}

// QCommandLineParser names the executable in its usage line; ours names the command too.
QString commandHelp(const mtls::cli::Command& command, const QCommandLineParser& parser)
{
    QString text = parser.helpText();
    const QString executable = QCoreApplication::arguments().constFirst();
    const qsizetype at = text.indexOf(executable);
    if (at >= 0)
        text.replace(at, executable.size(), QStringLiteral("mtls-assistant-cli ") + command.name());
    return mtls::cli::Output::fittedHelp(text);
}

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mtls-assistant"));
    QCoreApplication::setOrganizationName(QStringLiteral("mtls-assistant"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MTLS_VERSION));
    mtls::installTranslations(qEnvironmentVariable("MTLS_LANGUAGE")); // empty: the system's locale
    // Ctrl-C, kill or a closed terminal: throwaway servers and private temporary folders (key copies) go too.
    mtls::installCleanupOnSignals();

    using namespace mtls::cli;
    const auto commands = allCommands();
    const QStringList args = QCoreApplication::arguments();
    const QCommandLineOption helpOption(QStringList {QStringLiteral("h"), QStringLiteral("help")},
                                        Text::tr("Show this help."));
    const auto unknownCommand = [](const QString& name) {
        Output::err(
            Text::tr("mtls-assistant-cli: \"%1\" is not a command. Run 'mtls-assistant-cli --help' for the list.")
                .arg(name));
        return int(ExitUsage);
    };

    if (args.size() < 2) { // a usage error: help goes to stderr
        Output::err(generalHelp(commands));
        return ExitUsage;
    }
    const QString first = args.at(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        if (args.size() < 3 || first != QLatin1String("help")) {
            Output::line(generalHelp(commands));
            return ExitOk;
        }
        for (const auto& command : commands) { // "help check" is "check --help"
            if (command->name() == args.at(2)) {
                QCommandLineParser parser;
                prepareParser(*command, parser, helpOption);
                Output::out(commandHelp(*command, parser));
                return ExitOk;
            }
        }
        return unknownCommand(args.at(2));
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        Output::line(QStringLiteral("mtls-assistant-cli %1").arg(QStringLiteral(MTLS_VERSION)));
        return ExitOk;
    }

    for (const auto& command : commands) {
        if (command->name() != first)
            continue;
        QCommandLineParser parser;
        prepareParser(*command, parser, helpOption);
        if (!parser.parse(args.mid(1)))
            return Output::usageError(command->name(), parser.errorText());
        if (parser.isSet(helpOption)) {
            Output::out(commandHelp(*command, parser));
            return ExitOk;
        }
        return command->run(parser);
    }
    return unknownCommand(first);
}
