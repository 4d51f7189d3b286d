#pragma once

#include "Finding.h"

#include <QString>

#include <optional>
#include <utility>

namespace mtls {

// A failure to run (as opposed to a Finding, which is the outcome of a check).
// `message` is for the user; `detail` carries technical text (OpenSSL's error queue, a server's output).
struct Error
{
    Error() = default;
    Error(QString message_, QString detail_ = QString())
        : message(std::move(message_))
        , detail(std::move(detail_))
    {
    }

    QString message;
    QString detail;
    // When the failure is a refusal explained by findings (for example SERVER_NAME_CONFLICT before an apply):
    // those findings, shown and put in the JSON output like a check's.
    Findings findings;

    QString fullText() const { return detail.isEmpty() ? message : message + QStringLiteral("\n") + detail; }
};

// The engine's one error convention: a value or an Error. No exception leaves the engine.
template <typename T>
class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {
    }
    Result(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    T* operator->() { return &*m_value; }
    const T& operator*() const& { return *m_value; }

    const Error& error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template <>
class Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_failed(true)
        , m_error(std::move(error))
    {
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

using Status = Result<void>;

// A refusal explained by findings: the first one's message, and every finding in the Error.
inline Error refusedBy(const Findings& findings)
{
    Error error {findings.isEmpty() ? QString() : findings.first().message};
    error.findings = findings;
    return error;
}
inline Error refusedBy(const Finding& finding)
{
    return refusedBy(Findings {finding});
}

} // namespace mtls
