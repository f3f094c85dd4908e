#pragma once
// From a geometry as delivered to one bostad can store: read it, check that its coordinates are finite,
// transform it to EPSG:3006, check that it lies in its municipality (naming swapped axes or another CRS
// when the numbers say so), and check validity — repairing a polygon with MakeValid (structure) only when
// its area changes less than the tolerance, and saying what the repair did.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/fields.hpp"
#include "gdal/srs.hpp"
#include "geos/context.hpp"
#include "ingest/check/extent.hpp"
#include "ingest/check/problem.hpp"
#include "sweden/outlines.hpp"

namespace bostad::ingest {

struct CheckedGeometry {
    std::vector<std::uint8_t> wkb; ///< EPSG:3006: a point for permits, a multipolygon for plans and areas
    double x = 0;                  ///< representative point (the point, or the point on surface), EPSG:3006
    double y = 0;
    std::vector<std::uint8_t> footprint; ///< permits delivered with a polygon: that polygon (multipolygon)
    std::optional<std::string> repair;   ///< what MakeValid did, when it did
    std::optional<std::string> near_border; ///< accepted, but outside its kommun's outline near another kommun: where
};

struct GeometryResult {
    std::optional<CheckedGeometry> ok;
    std::optional<Problem> problem;
    std::vector<std::uint8_t> quarantine_wkb; ///< EPSG:3006 geometry to show a rejected row on a map
    std::string raw_wkt;                      ///< the geometry as delivered, when it could not be transformed
};

/// The geometry a rejected row is shown with on a map (EPSG:3006): the checked geometry when it passed (the row
/// was rejected for another reason), else what could be transformed; empty when nothing could.
std::vector<std::uint8_t> map_geometry(const GeometryResult& g);

/// The most vertices one delivered geometry may have (a detailed kommun boundary has some 100 000).
inline constexpr int k_max_vertices = 1'000'000;

class GeometryChecker {
public:
    /// `source_crs_wkt`: the CRS of the coordinates as delivered; `crs_label` names it in messages. Points
    /// are judged against `outlines` with `tolerance_m` (sweden/placement.hpp).
    GeometryChecker(const std::string& source_crs_wkt, std::string crs_label, std::optional<int> source_epsg,
                    double max_repair_area_change, std::shared_ptr<const sweden::Outlines> outlines, double tolerance_m);
    GeometryChecker(const GeometryChecker&) = delete;
    GeometryChecker& operator=(const GeometryChecker&) = delete;

    /// A geometry delivered as WKB in the source CRS.
    GeometryResult check(DataKind kind, std::span<const std::uint8_t> wkb, const MunicipalityExtent& extent);
    /// A geometry delivered as WKT text in the source CRS.
    GeometryResult check_wkt(DataKind kind, const std::string& wkt, const MunicipalityExtent& extent);
    /// A point delivered as two numbers (x = easting, y = northing) in the source CRS.
    GeometryResult check_point(double x, double y, const MunicipalityExtent& extent);

    struct PointInput {
        double x;
        double y;
        const MunicipalityExtent* extent;
    };
    /// Many points at once: one call to PROJ for all of them (much faster than one call per point).
    std::vector<GeometryResult> check_points(std::span<const PointInput> points);

    sweden::Locator& locator() { return m_locator; }

private:
    /// Where a point lies: a problem when not in its kommun, or a note when near a border.
    struct Location {
        std::optional<Problem> problem;
        std::optional<std::string> near_border;
    };
    /// `source` gives the point's coordinates as delivered (needed only when it lies far off).
    template <typename Source>
    Location locate(Source source, double x, double y, const MunicipalityExtent& extent);
    GeometryResult polygonal(DataKind kind, const GEOSGeom_t* g, const MunicipalityExtent& extent);
    const CrsGuesser& guesser(const MunicipalityExtent& extent);

    geos::Context m_ctx;
    gdal::Transformer m_transform;
    std::string m_source_wkt;
    std::unique_ptr<gdal::Transformer> m_back; ///< EPSG:3006 → source, made when first needed
    std::string m_crs_label;
    std::optional<int> m_source_epsg;
    double m_max_change;
    sweden::Locator m_locator;
    double m_tolerance;
    std::map<std::string, std::unique_ptr<CrsGuesser>> m_guessers;
};

} // namespace bostad::ingest
