#include "WorkBudget.h"

namespace mtls {

bool WorkBudget::spend(qint64& counter, qint64 amount, qint64 limit, Limit which)
{
    if (exhausted())
        return false;
    if (amount < 0 || amount > limit - counter) {
        m_exceeded = which;
        return false;
    }
    counter += amount;
    return true;
}

bool WorkBudget::spendKeyDerivation(quint64 work)
{
    if (exhausted())
        return false;
    if (work > m_limits.maxKeyDerivationWork - m_keyDerivation) {
        m_exceeded = Limit::KeyDerivation;
        return false;
    }
    m_keyDerivation += work;
    return true;
}

} // namespace mtls
