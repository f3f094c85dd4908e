#pragma once
// The forecast's intervals (docs/forecast.md §7): seeded draws of what the months to come may bring. Each draw
// moves every permit in the pipeline by chance through its group's hazards, and draws the new permits of the
// plans and the trend as Poisson counts (the trend's level itself drawn around its estimate); the 10th and 90th
// percentiles of a figure over the draws bound its 80 % interval.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "forecast/plans.hpp"
#include "forecast/trend.hpp"

namespace bostad::forecast {

inline constexpr int k_default_draws = 1000;

/// The units a forecast reports: each area of the history, then "no area", each kommun (in the order of
/// `municipalities`), and the total.
struct Units {
    std::size_t areas = 0;
    std::vector<std::string> municipalities;
    std::size_t unassigned() const { return areas; }
    std::size_t municipality(std::size_t i) const { return areas + 1 + i; }
    std::size_t total() const { return areas + 1 + municipalities.size(); }
    std::size_t size() const { return total() + 1; }
};

/// Dwellings started and completed per unit and span of months to come, in each draw.
struct DrawnSums {
    std::size_t draws = 0, spans = 0, units = 0;
    /// [(draw × units + unit) × spans + span]: one draw's sums lie together (a draw adds to many units).
    std::vector<float> started, completed;
    std::size_t index(std::size_t unit, std::size_t span, std::size_t draw) const { return (draw * units + unit) * spans + span; }
    float& at(std::vector<float>& v, std::size_t unit, std::size_t span, std::size_t draw) const { return v[index(unit, span, draw)]; }
    /// Per draw, one unit's sum over the spans `first` to `last` (both included).
    std::vector<double> over(const std::vector<float>& v, std::size_t unit, std::size_t first, std::size_t last) const;
    /// The q-quantile (0…1) of one unit's and span's draws.
    double quantile(const std::vector<float>& v, std::size_t unit, std::size_t span, double q) const;
};

/// The q-quantile (0…1) of `xs`, linear between order statistics (R's and NumPy's default); 0 when empty.
double quantile(std::vector<double> xs, double q);

struct DrawRequest {
    int draws = k_default_draws;
    std::uint64_t seed = 0;
    /// The spans the sums are kept for: span_of_month[t] for each month to come t (its size is the months
    /// drawn), -1 for a month in none.
    std::vector<int> span_of_month;
    std::size_t spans = 0;
};

/// The draws of the history's future: the permits in the pipeline, the plans' applications and the trend.
DrawnSums draw(const History& history, const Hazards& hazards, const Trend& trend, const PlanApplications& plans,
               const Units& units, const DrawRequest& request);

} // namespace bostad::forecast
