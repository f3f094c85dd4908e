#pragma once
// A forecast and a backtest as `bostad forecast` prints them: JSON, CSV rows and text.

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forecast/backtest.hpp"
#include "forecast/forecast.hpp"

namespace bostad::forecast {

/// The name of a source in the outputs: applied, granted, started, plans, trend.
const char* source_key(Source s);

nlohmann::json forecast_json(const Forecast& f);
/// A header, then one row per unit, span and figure (started, completed).
std::vector<std::vector<std::string>> forecast_csv_rows(const Forecast& f);
void print_forecast(std::ostream& out, const Forecast& f);

nlohmann::json backtest_json(const Backtest& b);
/// A header, then one row per unit and origin.
std::vector<std::vector<std::string>> backtest_csv_rows(const Backtest& b);
void print_backtest(std::ostream& out, const Backtest& b);

} // namespace bostad::forecast
