#pragma once
// The permits not applied for yet (docs/forecast.md §6): how many enter the pipeline per month, per group and
// the stage they are first known in, as the recent past brought them, and in which areas they land.

#include <array>
#include <cstdint>
#include <map>
#include <vector>

#include "forecast/reader.hpp"

namespace bostad::forecast {

/// The window of months the level is taken over, and the half-life of a month's weight in it.
inline constexpr int k_trend_months = 36;
inline constexpr double k_trend_half_life = 6;

/// New permits of one group and entry stage per month: their dwellings, and the permits without a count.
struct Entries {
    double dwellings = 0;
    double unknown = 0;
};

struct Trend {
    /// Per group (History::groups) and stage of entry.
    std::vector<std::array<Entries, k_stages>> levels;
    /// Per group, each area's share (index into History::areas; -1: in no area) of the group's entries in the
    /// window; the shares of a group with entries add up to 1.
    std::vector<std::map<int, double>> area_shares;
    /// Per group, the dwellings of each of its entries with a count in the window, in plans or not (what a new
    /// permit's size is drawn from, §7).
    std::vector<std::vector<std::int64_t>> sizes;
    /// How many months of equal weight the window's weights are worth: (Σw)² / Σw² (how well a level is known).
    double effective_months = 0;
};

/// A permit enters the pipeline in the first stage it is known in (an application; a grant when the delivery
/// has no application dates; a start when it has neither). The level of a group and stage is the mean of its
/// monthly entries over the k_trend_months months up to the history's month, each month weighing half as much
/// as the one k_trend_half_life months after it; months before the store's first known entry are not
/// observed and left out. Permits with dwellings inside a plan in force when they entered are the plans' (§5)
/// and left out here. No entries, no trend.
Trend estimate_trend(const History& history);

} // namespace bostad::forecast
