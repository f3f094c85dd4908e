#pragma once
// The report's pictures as inline SVG: maps drawn from the store's geometries in the colours of
// gis/palette.json (the same as the QGIS styles), the monthly chart with its cumulative line against the
// target path, and the pipeline funnel.

#include <optional>
#include <string>

#include "report/report_data.hpp"
#include "report/tables.hpp"

namespace bostad::report {

/// A map of the areas (coloured by unused capacity) and the permits (by stage) of one municipality, or of
/// all for code "".
std::string svg_map(const ReportData& d, const std::string& municipality, Lang lang);

/// Bars of started and completed dwellings per month, the cumulative completions since the target's start
/// and the target's straight path (when the headline has a target).
std::string svg_chart(const Headline& h, Lang lang);

/// Completed dwellings per year: the last years' as the store knows them, then the forecast's expected
/// completions per span with their 80 % interval as a whisker, and the pace of the kommun's first running
/// target (its dwellings spread evenly over its years) as a dashed line. `code` "" is the total.
std::string svg_forecast(const forecast::Forecast& f, const std::string& code, Lang lang);

/// Planned → applied → granted → started → completed (last 12 months), as horizontal bars.
std::string svg_funnel(const Headline& h, Lang lang);

} // namespace bostad::report
