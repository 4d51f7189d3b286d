#pragma once

#include <QtGlobal>

namespace mtls {

// What reading one input may cost, whatever it nests: zips inside zips, PKCS#12 bags inside bags, PEM blocks in
// zip entries. One budget serves one file from start to end, so a hostile file cannot multiply a limit by nesting.
struct WorkLimits
{
    qint64 maxInflatedBytes = 64 * 1024 * 1024; // unpacked from archives, all levels together
    qint64 maxItems = 20'000; // PEM blocks, archive entries, PKCS#12 bags
    // Key derivation, in PBKDF2 rounds (scrypt counts N·r·p, a PKCS#12 MAC its iterations): every encrypted item
    // at any depth, and every passphrase tried. What the heaviest legitimate package needs, a PKCS#12 from a
    // Windows export (MAC, key bag and certificate safe at 600,000 iterations each: 1,800,000), and 100,000 more for
    // ordinary encrypted keys (2,048 to 10,000 rounds) beside it in a package: no file costs much more than that.
    quint64 maxKeyDerivationWork = 1'900'000;
};

class WorkBudget
{
public:
    enum class Limit { None, InflatedBytes, Items, KeyDerivation };

    explicit WorkBudget(const WorkLimits& limits = WorkLimits())
        : m_limits(limits)
    {
    }

    // Each spends and says whether the budget still holds. The first call that would pass a limit refuses,
    // spends nothing, and leaves the budget exhausted: every later call refuses too (the read stops).
    bool spendInflated(qint64 bytes)
    {
        return spend(m_inflated, bytes, m_limits.maxInflatedBytes, Limit::InflatedBytes);
    }
    bool spendItems(qint64 count = 1) { return spend(m_items, count, m_limits.maxItems, Limit::Items); }
    bool spendKeyDerivation(quint64 work);

    bool exhausted() const { return m_exceeded != Limit::None; }
    Limit exceeded() const { return m_exceeded; }
    const WorkLimits& limits() const { return m_limits; }
    qint64 inflatedBytes() const { return m_inflated; }

private:
    bool spend(qint64& counter, qint64 amount, qint64 limit, Limit which);

    WorkLimits m_limits;
    qint64 m_inflated = 0;
    qint64 m_items = 0;
    quint64 m_keyDerivation = 0;
    Limit m_exceeded = Limit::None;
};

} // namespace mtls
