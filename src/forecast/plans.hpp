#pragma once
// The plans in force with unused capacity (docs/forecast.md §5): the share of a plan's unused capacity applied
// for in a year after its laga kraft, estimated from the store's plans, and each plan's expected applications in
// the months to come (by that rate, or by the planner's programme in the config).

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "forecast/reader.hpp"

namespace bostad::forecast {

/// Dwellings of unused capacity that weigh as much as the whole store's rate when a kommun's own is pooled
/// with it.
inline constexpr double k_absorption_pooling = 100;

/// The share of a plan's unused capacity applied for in a year, per kommun and for the whole store.
struct Absorption {
    std::map<std::string, double> per_year;
    double whole = 0;
    double of(const std::string& municipality) const;
};

/// The unused capacity of each plan of the history at its month: its capacity less the dwellings of the
/// permits inside it (applied for or later, neither refused nor withdrawn), never below zero.
std::vector<double> unused_capacity(const History& history);

/// From every plan-year (the 12 months from laga kraft, and each 12 after) that ended by the history's month
/// within the last k_history_months months: the dwellings applied for in the plan in that year against its
/// unused capacity at the year's start (plan-years with none left out), summed per kommun and pooled.
Absorption estimate_absorption(const History& history);

/// Per plan of the history, the dwellings expected to be applied for in each month to come, and the group
/// whose hazards they follow (that of most of the plan's dwellings so far, else of its kommun's; none when
/// the kommun has no permits at all: then nothing can follow).
struct PlanApplications {
    std::vector<std::vector<double>> monthly;
    std::vector<std::optional<std::size_t>> group;
    std::vector<std::string> notes; ///< a programme that asks for more than is left, or names no plan in force
};

/// A plan applies each month for the monthly share of its unused capacity that the kommun's yearly rate gives
/// (1 − (1 − a)^(1/12)), which the applications reduce; a programme of the config replaces the rate for its
/// plan: its dwellings per year (or of each calendar year) a twelfth a month, never more than is left.
PlanApplications plan_applications(const History& history, const Absorption& absorption,
                                   const std::vector<config::PlanProgramme>& programmes, int months);

} // namespace bostad::forecast
