#pragma once
// A forecast as `bostad forecast` prints it: JSON, CSV rows and a text table.

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forecast/forecast.hpp"

namespace bostad::forecast {

/// The name of a source in the outputs: applied, granted, started, plans, trend.
const char* source_key(Source s);

nlohmann::json forecast_json(const Forecast& f);
/// A header, then one row per unit, span and figure (started, completed).
std::vector<std::vector<std::string>> forecast_csv_rows(const Forecast& f);
void print_forecast(std::ostream& out, const Forecast& f);

} // namespace bostad::forecast
