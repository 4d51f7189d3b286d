#include "ApplySteps.h"

#include "Output.h"

namespace mtls::cli {

ApplyProgressCallback ApplySteps::callback()
{
    return [this](const ApplyProgress& step) { take(step); };
}

void ApplySteps::take(const ApplyProgress& step)
{
    m_steps.append(step.toJson());
    if (!m_print)
        return;
    if (m_heldFailure) {
        Output::line(Output::paint(m_heldFailure->text, Output::Colour::Red));
        m_heldFailure.reset();
    }
    if (step.kind == ApplyProgress::Kind::Failed)
        m_heldFailure = step;
    else
        Output::line(step.text);
}

} // namespace mtls::cli
