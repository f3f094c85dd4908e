#pragma once
// Everything the monthly housing status report shows, gathered once from the store: the status of the
// month (the same computation as `bostad status`), the monthly flows of the last 24 months, the lists,
// data quality, SCB's official figures and the forecast (the same as `bostad forecast`). The HTML, PDF, XLSX and CSV outputs only format this.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/status.hpp"
#include "core/date.hpp"
#include "core/gpkg_blob.hpp"
#include "forecast/forecast.hpp"
#include "store/feature_source.hpp"

namespace bostad::store {
class Store;
}

namespace bostad::report {

struct ReportRequest {
    Month month;
    std::string area_set;
    std::string boundary_set; ///< [boundaries] area_set: outlines the kommuner; empty: SCB's built-in outlines
    int stalled_months = 12;
    const config::Config* config = nullptr;
};

inline constexpr int k_series_months = 24;
/// The forecast in the report: its years after the month's own, and its draws (fewer than the command's 1 000:
/// a national report stays quick, and the percentiles move by a dwelling or two).
inline constexpr int k_forecast_years = 3;
inline constexpr int k_forecast_draws = 400;

/// Dwellings started and completed in one month.
struct MonthFlow {
    Month month;
    std::int64_t started = 0;
    std::int64_t completed = 0;
};

/// Headline figures of both municipalities together (code "") or of one.
struct Headline {
    std::string code;
    std::string name;
    MonthFlow this_month;
    std::int64_t started_ytd = 0, completed_ytd = 0;
    std::int64_t started_12m = 0, completed_12m = 0;
    aggregate::Figures figures; ///< the month's status
    std::vector<aggregate::TargetProgress> targets;
    std::vector<MonthFlow> series; ///< the last k_series_months months, oldest first
};

/// A granted permit whose 2 years to start run out within 6 months of the month's end.
struct LapsingPermit {
    aggregate::ListedPermit permit;
    std::string deadline; ///< the last day to start
};

using store::SourceRun;

/// How far before a year the store's permits of a kommun must begin for the year's completions to be known:
/// a dwelling completed in a year was mostly applied for in the two years before (a history that begins in
/// November 2019 misses most of 2020's completions, whose permits it never saw).
inline constexpr int k_coverage_years = 2;

/// A year of SCB's completions that the store covers: the year has ended by the month's end, and the store's
/// permits of the kommun begin k_coverage_years before it.
struct OfficialYear {
    std::string code;
    std::string name;
    int year = 0;
    std::int64_t official = 0; ///< SCB
    std::int64_t bostad = 0;   ///< completed in the year by the store's permits
};

/// The years of SCB's figures the store does not cover, per kommun: compared with nothing, only named.
struct UncoveredYears {
    std::string code;
    std::string name;
    std::vector<int> years;
    std::optional<std::string> first_date; ///< where the store's permits of the kommun begin; none: no permits
};

/// Geometry for the maps, in EPSG:3006.
struct MapArea {
    std::string area_id;
    std::string name;
    std::string municipality;
    double remaining_capacity = 0;
    std::vector<std::uint8_t> wkb;
};
struct MapPermit {
    double x = 0, y = 0;
    std::string municipality;
    std::string stage;
};
struct MapOutline {
    std::string code;
    std::vector<std::uint8_t> wkb;
    Envelope envelope;
    bool neighbour = false; ///< a kommun outside the report, drawn faintly so the reader knows where the map lies
};
/// A tätort, to name on the maps.
struct MapPlace {
    std::string name;
    double x = 0, y = 0;
    std::int64_t population = 0;
};
/// A permit of the maps that lies outside its kommun's outline, within the boundary tolerance of another.
struct BorderPermit {
    std::string municipality, case_id;
    std::string where; ///< "lies in Hässleholm (1293), 0.4 km inside its boundary"
};

struct ReportData {
    ReportRequest request;
    aggregate::StatusResult status;
    /// Per kommun of the report with permits: its earliest stage date, where the store's history of it begins.
    std::map<std::string, std::string> first_dates;
    std::optional<std::string> first_date; ///< the earliest of them
    std::vector<Headline> headlines; ///< both together first, then each municipality
    std::vector<aggregate::ListedPermit> new_permits, completed, stalled;
    std::vector<LapsingPermit> lapsing;
    std::vector<aggregate::ListedPlan> plans_ending; ///< genomförandetid ends within 12 months, capacity left
    std::vector<SourceRun> runs;                     ///< the latest run of every source
    std::map<std::string, std::int64_t> rejects_by_reason; ///< in those runs
    std::vector<OfficialYear> official;
    std::vector<UncoveredYears> official_not_covered;
    std::vector<MapArea> areas;
    std::vector<MapPermit> permits; ///< the pipeline and the last 12 months' completions
    std::vector<MapOutline> outlines;   ///< the report's kommuner, then their neighbours
    std::string outlines_source, outlines_source_sv; ///< where the outlines come from, for the maps' note
    std::vector<MapPlace> places;       ///< tätorter in the report's kommuner and around them, largest first
    std::vector<BorderPermit> near_border;
    std::optional<forecast::Forecast> forecast;
};

/// Throws UsageError for a month not yet begun or an unknown area set (as status does).
/// Reads the store through its seam; the caller holds a read snapshot for the whole gathering.
/// `meanwhile`, when given, is called with the data once everything but the forecast is in (the forecast, the
/// slowest part, is still being made beside it then), so that the caller can write what does not need it.
ReportData gather(store::Store& store, const ReportRequest& request,
                  const std::function<void(const ReportData&)>& meanwhile = {});

} // namespace bostad::report
