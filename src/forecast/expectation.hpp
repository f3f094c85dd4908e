#pragma once
// The point forecast (docs/forecast.md §4, §6): the expected dwellings to start and complete in each month to
// come, per area, kommun and in total, split by where they come from: the stage the permits in the pipeline are
// in now, and the permits not applied for yet (the trend). Permits without a dwelling count are expected as
// permits, apart, never as dwellings.

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "forecast/chain.hpp"
#include "forecast/reader.hpp"
#include "forecast/plans.hpp"
#include "forecast/trend.hpp"

namespace bostad::forecast {

/// Where expected dwellings come from: the permits in each stage of the pipeline now, the applications to come
/// in plans in force, and the other permits to come (the trend).
enum class Source { applied, granted, started, plans, trend };
inline constexpr std::size_t k_sources = 5;

/// Per source and month to come (index 0: the month after the forecast's).
using Months = std::vector<double>;
struct Expected {
    std::array<Months, k_sources> started, completed;                                     ///< dwellings
    std::array<Months, k_sources> started_unknown, completed_unknown; ///< permits without a dwelling count
    explicit Expected(int months = 0);
    /// Adds `weight` times the flow of a permit that is in the pipeline `shift` months into the months to come.
    void add(Source s, const Flow& f, double weight, bool unknown, std::size_t shift = 0);
    double total_started(std::size_t month) const;
    double total_completed(std::size_t month) const;
};

struct PipelineExpectation {
    int months = 0;
    std::vector<Expected> areas; ///< in the order of History::areas
    Expected unassigned;
    std::map<std::string, Expected> municipalities;
    Expected total;
};

/// The expected flows of every permit in the pipeline at the history's month, over `months` months to come.
PipelineExpectation expect_pipeline(const History& history, const Hazards& hazards, int months);

/// Adds the plans' expected applications, as new applications of the plan's group, over the plan's areas by
/// its shares (the rest in no area) (Source::plans).
void add_plans(PipelineExpectation& expected, const History& history, const Hazards& hazards, const PlanApplications& plans);

/// Adds the permits the trend expects in each month to come, entering the stage they enter by, spread over the
/// areas by the trend's shares (Source::trend).
void add_trend(PipelineExpectation& expected, const History& history, const Hazards& hazards, const Trend& trend);

} // namespace bostad::forecast
