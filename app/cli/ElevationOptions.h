#pragma once

// The options of apply and rollback for running as an administrator: --elevate (ask the platform's prompt when the
// server's files are not the user's), and --request-fd (or --request FILE)/--result-file, with which the elevated run
// reads what the unprivileged one prepared and writes back its outcome (see server/Elevation.h).

#include "core/Result.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace mtls::cli {

void addElevationOptions(QCommandLineParser& parser);

// The elevated side: the request object from --request-fd or --request, after the language it names was installed. An
// exit code when the command must stop (the error was printed and, when --result-file is set, written there).
std::optional<int> readElevatedRequest(const QCommandLineParser& parser, const QString& command, QJsonObject& request);
// Writes `result` to --result-file (never through an existing file or link). False, with a message, when it cannot.
bool writeElevatedResult(const QCommandLineParser& parser, const QJsonObject& result);
// Stops an elevated run with `error`: written to --result-file as {"ok": false, ...} and printed. Returns ExitUsage.
int failElevated(const QCommandLineParser& parser, const Error& error, const QJsonArray& steps = {});

} // namespace mtls::cli
