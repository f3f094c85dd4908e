#pragma once
// The forecast of one month (docs/forecast.md): expected dwellings started and completed per area, "no area",
// kommun and total, in the rest of the month's year and each of the next years, by source, with 80 % intervals,
// and each kommun's targets with the chance of reaching them. Read through the store's seam, so both stores give
// the same forecast.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "forecast/draws.hpp"
#include "forecast/expectation.hpp"

namespace bostad::config {
struct Config;
}
namespace bostad::store {
class FeatureSource;
class StatusSource;
} // namespace bostad::store

namespace bostad::forecast {

/// A span of months the forecast reports (by default the rest of the month's year, then whole calendar years).
struct Span {
    Month first, last;
    std::string label() const; ///< "2027", or "2026-11..2026-12" for a part of a year
};

struct ForecastRequest {
    Month month;
    int years = 3;                           ///< calendar years after the month's own
    std::optional<std::string> area_set;     ///< none: every permit in "no area"
    std::optional<std::string> municipality; ///< only this kommun (code)
    int stalled_months = 12;
    const config::Config* config = nullptr; ///< kommuner covered, targets, plan programmes
    int draws = k_default_draws; ///< 0: the point forecast alone (no intervals, no targets)
    std::vector<Span> spans; ///< the spans to report; none: the rest of the month's year and `years` years
    bool targets = true;     ///< the config's targets too
};

/// Expected dwellings started or completed in one span, by source, with the 80 % interval of their sum.
struct Band {
    std::array<double, k_sources> by_source{};
    double expected = 0, low = 0, high = 0; ///< low and high 0 without draws
    double unknown_permits = 0; ///< expected permits without a dwelling count (not in the dwellings)
};

/// The calendar years of history a forecast shows beside itself: this many before the month's year, and the
/// month's year up to the month.
inline constexpr int k_history_years = 5;

struct UnitForecast {
    std::string id, name, municipality; ///< area id (empty for "no area", the kommun code for a kommun, "" for the total)
    std::vector<Band> started, completed; ///< per span
    /// Dwellings completed per calendar year from k_history_years years before the month's year to the month
    /// (the last year so far), as the store knows them at the month.
    std::map<int, double> completed_by_year;
};

/// A kommun's target: D dwellings completed from `from` to `to`.
struct TargetOutlook {
    std::string municipality, description;
    Month from, to;
    std::int64_t dwellings = 0;
    std::int64_t completed_so_far = 0; ///< from `from` to the month
    double expected_by_end = 0;        ///< completed so far + expected completions to `to`
    double probability = 0;            ///< of reaching the target by `to` (share of draws)
    double expected_shortfall = 0;     ///< mean of max(0, D − completed by `to`) over the draws
};

struct Forecast {
    Month month;
    std::optional<std::string> area_set;
    int draws = 0;
    std::uint64_t seed = 0;
    std::vector<Span> spans;
    std::vector<UnitForecast> areas; ///< of the set, ordered by area_id (of the kommun asked for)
    UnitForecast unassigned;
    std::vector<UnitForecast> municipalities;
    UnitForecast total;
    std::vector<TargetOutlook> targets;
    std::vector<std::string> notes;
    /// A kommun's name by its code (the code when the forecast has no such kommun).
    std::string name_of(const std::string& code) const;
};

/// Whether the request covers the kommun: one of the config's (all without a config) and the one asked for.
bool covers(const ForecastRequest& request, std::string_view code);

Forecast make_forecast(store::FeatureSource& features, store::StatusSource& status, const ForecastRequest& request);

} // namespace bostad::forecast
