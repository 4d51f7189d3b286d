#pragma once

#include "ProbeTypes.h"
#include "core/Result.h"

#include <atomic>
#include <functional>

namespace mtls {

// The live test handshake: connects to a webhook URL the way Chat's servers will, without and with a client
// certificate, sends a real HTTP request, and judges the answers. Built on OpenSSL directly (the CA names of a
// CertificateRequest are not visible through QSslSocket).
//
// run() blocks (call it off the UI thread, see ProbeWorker); cancel() may be called from any thread and makes
// run() return within about 50 ms. The whole run is bounded by options.timeoutMs.
class Prober
{
public:
    // Called on the probing thread when a step starts.
    using StepCallback = std::function<void(ProbeStep step)>;

    explicit Prober(ProbeOptions options);

    void setStepCallback(StepCallback callback) { m_onStep = std::move(callback); }
    void cancel() { m_cancelled.store(true); }
    bool isCancelled() const { return m_cancelled.load(); }

    // A report (whose findings say what is wrong), or an Error when the probe could not run
    // (invalid URL, unusable client key, cancelled).
    Result<ProbeReport> run();

    // Checks options without connecting (also used by the command line before it starts).
    static Status validate(const ProbeOptions& options);

private:
    void step(ProbeStep which) const;

    ProbeOptions m_options;
    StepCallback m_onStep;
    std::atomic<bool> m_cancelled {false};
};

} // namespace mtls
