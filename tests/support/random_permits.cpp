#include "support/random_permits.hpp"

namespace bostad::test {

std::vector<StageDates<Date>> random_permits(std::size_t n, const std::vector<Date>& around, std::uint32_t seed) {
    std::mt19937 rng(seed);
    const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const auto chance = [&](int percent) { return pick(1, 100) <= percent; };
    std::vector<StageDates<Date>> out;
    for (std::size_t i = 0; i < n; ++i) {
        // A day near an edge (−1, 0, +1 day of a cutoff) or anywhere within 8 years of it.
        const Date edge = around[static_cast<std::size_t>(pick(0, static_cast<int>(around.size()) - 1))];
        Date day = chance(40) ? edge.plus_days(pick(-1, 1)) : edge.plus_days(pick(-2900, 400));
        StageDates<Date> p;
        const auto next = [&](int max_gap) {
            day = day.plus_days(pick(0, max_gap));
            return day;
        };
        if (chance(90)) p.applied = day;
        if (chance(75)) p.granted = next(200);
        if (p.granted && chance(70)) p.started = next(chance(20) ? 900 : 300);
        if (p.started && chance(60)) p.completed = next(chance(20) ? 2200 : 700);
        if (!p.granted && chance(15)) p.refused = next(150);
        if (chance(5)) p.withdrawn = next(400);
        // Some cases jump straight to a later edge date: a late-registered stage.
        if (chance(10) && p.started) p.started = edge.plus_days(pick(-1, 1));
        out.push_back(p);
    }
    return out;
}

std::vector<Cutoffs<Date>> month_cutoffs(Month first, int count, int stalled_months) {
    std::vector<Cutoffs<Date>> out;
    for (int i = 0; i < count; ++i) out.push_back(cutoffs_for(first.plus(i).last_day(), stalled_months));
    return out;
}

} // namespace bostad::test
