#include "forecast/trend.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

namespace bostad::forecast {

Trend estimate_trend(const History& history) {
    Trend t;
    t.levels.resize(history.groups.size());
    t.area_shares.resize(history.groups.size());
    t.sizes.resize(history.groups.size());
    const MonthIndex month = history.month.index();
    std::optional<MonthIndex> first;
    for (const ReadPermit& p : history.permits) {
        if (const auto e = entry_of(p.known)) first = std::min(first.value_or(e->second), e->second);
    }
    if (!first) return t;
    const MonthIndex from = std::max(*first, month - (k_trend_months - 1));
    const auto weight = [&](MonthIndex m) { return std::exp2(-static_cast<double>(month - m) / k_trend_half_life); };
    double weights = 0, squares = 0;
    for (MonthIndex m = from; m <= month; ++m) {
        weights += weight(m);
        squares += weight(m) * weight(m);
    }
    t.effective_months = weights * weights / squares;
    std::vector<double> counts(history.groups.size(), 0.0);
    for (const ReadPermit& p : history.permits) {
        const auto e = entry_of(p.known);
        if (!e || e->second < from || e->second > month) continue;
        if (p.dwellings) t.sizes.at(p.known.group).push_back(*p.dwellings);
        if (p.plan >= 0 && p.dwellings) continue; // the plan's own applications (§5)
        Entries& level = t.levels.at(p.known.group)[static_cast<std::size_t>(e->first)];
        const double w = weight(e->second) / weights;
        if (p.dwellings) {
            level.dwellings += w * static_cast<double>(*p.dwellings);
        } else {
            level.unknown += w;
        }
        t.area_shares.at(p.known.group)[p.area] += 1;
        counts.at(p.known.group) += 1;
    }
    for (std::size_t g = 0; g < counts.size(); ++g) {
        for (auto& [area, share] : t.area_shares[g]) share /= counts[g];
    }
    return t;
}

} // namespace bostad::forecast
