#pragma once

#include "deploy/ApplyProgress.h"

#include <QJsonArray>

#include <optional>

namespace mtls::cli {

// The steps of `apply` and `rollback`: printed as they happen (text mode) and collected for the JSON "steps" key.
// A failed step is printed once a rollback step follows it; the last one is the error the command prints anyway.
class ApplySteps
{
public:
    explicit ApplySteps(bool print)
        : m_print(print)
    {
    }
    ApplySteps(const ApplySteps&) = delete;
    ApplySteps& operator=(const ApplySteps&) = delete;

    // Valid while this object lives.
    ApplyProgressCallback callback();
    const QJsonArray& steps() const { return m_steps; }

private:
    void take(const ApplyProgress& step);

    bool m_print = false;
    QJsonArray m_steps;
    std::optional<ApplyProgress> m_heldFailure;
};

} // namespace mtls::cli
