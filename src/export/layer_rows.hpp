#pragma once
// The features of each export layer, read from the store as of the end of a month and written in the field
// order of export/layer_schema.cpp. Rows are ordered by stable keys, so the same store and month give the
// same layer contents.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "aggregate/status.hpp"
#include "core/date.hpp"
#include "core/gpkg_blob.hpp"
#include "forecast/forecast.hpp"

namespace bostad::store {
class FeatureSource;
class StatusSource;
}
namespace bostad::gdal {
class LayerWriter;
}

namespace bostad::exports {

class RowSink;

struct ExportRequest {
    Month month;
    std::string area_set;     ///< the areas layer
    std::string boundary_set; ///< [boundaries] area_set: outlines the municipalities; empty: SCB's built in
    int stalled_months = 12;
    const config::Config* config = nullptr;
};

/// The point forecast (forecast/forecast.hpp) of completions in the 12 and the 36 months after the month, per area.
forecast::Forecast area_outlook(store::FeatureSource& features, store::StatusSource& status, const ExportRequest& req);

/// The forecast's expected completions of each area in the 12 and the 36 months (one decimal), by area_id; an
/// area the forecast does not name expects none.
class AreaOutlook {
public:
    explicit AreaOutlook(const forecast::Forecast& outlook);
    std::array<double, 2> of(std::string_view area_id) const;

private:
    std::map<std::string, std::array<double, 2>, std::less<>> m_expected;
};

/// The areas of the area set with the status figures and, when `outlook` is given, the forecast's expected
/// completions in 12 and 36 months (else those two columns are left empty, for the writer to fill in later);
/// returns their extent (none when there are no areas).
std::optional<Envelope> write_areas(store::FeatureSource& features, const ExportRequest& req, const aggregate::StatusResult& status,
                                    const AreaOutlook* outlook, gdal::LayerWriter& out);

/// One feature per municipality of the status, outlined by the project's outlines (aggregate/boundaries.hpp):
/// the boundary set's areas of the kommun dissolved, else SCB's built-in outline. A municipality without
/// either (a code SCB does not know, in a store from before codes were checked) has no geometry, and a
/// warning says so. `extent` grows by the outlines.
std::vector<std::string> write_municipalities(store::FeatureSource& features, const ExportRequest& req,
                                              const aggregate::StatusResult& status, gdal::LayerWriter& out,
                                              std::optional<Envelope>& extent);

/// Every permit applied for by the end of the month (and not missing from the latest full snapshot), with
/// its stage then; dates after the month are left out, as they were not known then.
void write_permits(store::FeatureSource& features, const ExportRequest& req, RowSink& out);

/// Every plan, with its status at the end of the month and, for plans with legal force, capacity, used and
/// remaining.
void write_plans(store::FeatureSource& features, store::StatusSource& status, const ExportRequest& req, gdal::LayerWriter& out);

/// The quarantined rows that have a geometry, split by dimension.
void write_rejected(store::FeatureSource& features, gdal::LayerWriter& points, gdal::LayerWriter& lines, gdal::LayerWriter& polygons);

/// A plan's status at the end of the month from its dates: laga_kraft from the day of legal force, antagen
/// from adoption; a plan stored as adopted or in force whose date comes after the month was still in
/// preparation then (påbörjad); otherwise the stored status.
std::string plan_status_at(std::string_view stored, const std::optional<std::string>& adopted,
                           const std::optional<std::string>& legal, const std::string& month_end);

} // namespace bostad::exports
