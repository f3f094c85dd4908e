#pragma once
// The forecast checked against what happened (docs/forecast.md §10): from each month of a range (an origin),
// the forecast of the dwellings completed in the next H months, made from the store as known then, against the
// completions the store records now, beside two naive forecasts.

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "forecast/forecast.hpp"

namespace bostad::forecast {

struct BacktestRequest {
    Month from, to; ///< the origins, both included
    int horizon = 12;
    /// What each origin's forecast covers (area set, kommun, config, draws); its month, spans and targets are
    /// the backtest's.
    ForecastRequest scope;
};

/// Mean absolute errors of the forecast and the two naive forecasts: the last 12 months' completions scaled
/// to the horizon, and the mean month of the last 36 months times the horizon.
struct Errors {
    double forecast = 0, last_12_months = 0, mean_36_months = 0;
};

/// One origin's forecast of one unit against its outcome.
struct Outcome {
    Month origin;
    double expected = 0, low = 0, high = 0; ///< the forecast's completions in the horizon
    double last_12_months = 0, mean_36_months = 0;
    double actual = 0;
    bool active = false; ///< the unit had a permit or a plan in force by the origin
    bool inside() const { return actual >= low && actual <= high; }
};

struct UnitBacktest {
    std::string id, name, municipality; ///< area: id ("" for no area); kommun: its code
    std::vector<Outcome> outcomes;      ///< per origin
    Errors mae() const;                 ///< over every origin
    /// The share of active origins whose outcome lies in the 80 % interval; none without any.
    std::optional<double> coverage() const;
};

struct Backtest {
    Month from, to;
    int horizon = 0;
    int origins = 0;
    Errors mae;                          ///< over all (origin, kommun) pairs
    std::optional<double> coverage_80;   ///< over all active (origin, area) pairs, "no area" included
    int coverage_pairs = 0;
    std::vector<UnitBacktest> municipalities;
    std::vector<UnitBacktest> areas; ///< of the set, then "no area" (id "")
};

/// Throws UsageError when the range is empty or its last horizon has not begun.
Backtest run_backtest(store::FeatureSource& features, store::StatusSource& status, const BacktestRequest& request);

} // namespace bostad::forecast
