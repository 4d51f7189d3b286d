#pragma once

// The apply request and its outcome as JSON, for the elevated re-run: the front end (GUI, or the CLI without
// rights) writes the request to a private file, runs `mtls-assistant-cli apply --request FILE --result-file OUT`
// with the platform's elevation, and reads the outcome back. The result object is the `apply --json` output.

#include "ApplyService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace mtls {

QJsonObject applyRequestToJson(const ApplyRequest& request);
Result<ApplyRequest> applyRequestFromJson(const QJsonObject& object);

Result<ServerInstallation> installationFromJson(const QJsonObject& object);

// {"ok": true, "site_file", "changed", "recovered", "installation", "findings", "steps"}
QJsonObject applyResultToJson(const ApplyResult& result, const ServerInstallation& installation,
                              const Findings& findings, const QJsonArray& steps = {});
// {"ok": false, "error", "detail", "needs_elevation", "findings" (why it was refused, when findings say it), "steps"}
QJsonObject applyErrorToJson(const Error& error, const QJsonArray& steps = {});
// Reports the "steps" of such an object to `progress` (when set), in order.
void replaySteps(const QJsonObject& object, const ApplyProgressCallback& progress);
// Back from either: the changed files, findings and recovery text, or the Error. `config` and `siteFile` are not in
// the JSON: the caller takes them from planApply(), which is deterministic.
Result<ApplyResult> applyResultFromJson(const QJsonObject& object);

Result<Finding> findingFromJson(const QJsonObject& object);

} // namespace mtls
