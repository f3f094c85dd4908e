#include "forecast/hazards.hpp"

#include <algorithm>

namespace bostad::forecast {
namespace {

/// Adds one permit-month at risk to every bin from 0 through `last_month` (the tail bin takes each month from
/// k_tail on).
void add_at_risk(std::array<double, k_months>& at_risk, int last_month) {
    for (int k = 0; k <= std::min(last_month, k_tail - 1); ++k) at_risk[static_cast<std::size_t>(k)] += 1;
    if (last_month >= k_tail) at_risk[k_tail] += last_month - k_tail + 1;
}

/// Rates from counts; a bin nobody was at risk in takes the bin before it (none before: no chance of leaving).
StageHazards rates(const LifeTable& t) {
    StageHazards h;
    h.at_risk = t.at_risk;
    for (std::size_t k = 0; k < k_months; ++k) {
        if (t.at_risk[k] > 0) {
            for (std::size_t e = 0; e < k_exits; ++e) h.at[k][e] = t.events[k][e] / t.at_risk[k];
        } else if (k > 0) {
            h.at[k] = h.at[k - 1];
        }
    }
    return h;
}

/// A group's counts pooled with the whole store's rates: (events + w · rate) / (at risk + w).
StageHazards pooled(const LifeTable& t, const StageHazards& whole, double weight) {
    StageHazards h;
    h.at_risk = t.at_risk;
    for (std::size_t k = 0; k < k_months; ++k) {
        const double n = t.at_risk[k] + weight;
        for (std::size_t e = 0; e < k_exits; ++e) {
            h.at[k][e] = n > 0 ? (t.events[k][e] + weight * whole.at[k][e]) / n : whole.at[k][e];
        }
    }
    return h;
}

} // namespace

double StageHazards::leave(int k) const {
    double sum = 0;
    for (const double h : at[static_cast<std::size_t>(std::clamp(k, 0, k_tail))]) sum += h;
    return sum;
}

void LifeTable::add(const Stay& stay, MonthIndex observed_to) {
    if (stay.left && *stay.left <= observed_to) {
        const int months = *stay.left - stay.entered;
        if (months < 0) return; // dates out of order: ingest refuses them, so none should come
        add_at_risk(at_risk, months);
        events[static_cast<std::size_t>(std::min(months, k_tail))][static_cast<std::size_t>(stay.exit)] += 1;
        return;
    }
    // Still in the stage at the end of observation: seen for the months that ended, without leaving.
    add_at_risk(at_risk, observed_to - stay.entered);
}

Hazards::Hazards(const std::vector<Stay>& stays, std::size_t groups, MonthIndex observed_to, double pooling) {
    std::vector<std::array<LifeTable, k_stages>> tables(groups);
    std::array<LifeTable, k_stages> all;
    for (const Stay& s : stays) {
        const auto stage = static_cast<std::size_t>(s.stage);
        tables.at(s.group)[stage].add(s, observed_to);
        all[stage].add(s, observed_to);
    }
    for (std::size_t s = 0; s < k_stages; ++s) m_whole[s] = rates(all[s]);
    m_groups.resize(groups);
    for (std::size_t g = 0; g < groups; ++g) {
        for (std::size_t s = 0; s < k_stages; ++s) m_groups[g][s] = pooled(tables[g][s], m_whole[s], pooling);
    }
}

} // namespace bostad::forecast
