#pragma once
// The CRS policy in one place (gis/crs-policy.md): every spatial reference is made here, always with the
// traditional GIS axis order (easting/longitude first), and transforms are owned objects.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

class OGRSpatialReference;
class OGRCoordinateTransformation;

namespace bostad::gdal {

/// The store's CRS: SWEREF 99 TM.
inline constexpr int k_store_epsg = 3006;

struct SrsDeleter {
    void operator()(OGRSpatialReference* srs) const noexcept;
};
using SpatialReference = std::unique_ptr<OGRSpatialReference, SrsDeleter>;

/// EPSG:n with traditional GIS axis order. Throws UsageError naming `what` when n is unknown.
SpatialReference make_srs(int epsg, const std::string& what = "CRS");

/// The WKT of EPSG:n (for readers of files that do not carry a CRS).
std::string srs_wkt(int epsg);

/// "EPSG:3008" for a WKT that identifies as an EPSG CRS, else its name ("unnamed CRS" when it has none).
std::string crs_name_of_wkt(const std::string& wkt);

/// Text in `encoding` (e.g. "ISO-8859-1", "CP1252") converted to UTF-8.
std::string recode_to_utf8(const std::string& text, const std::string& encoding);

/// A CRS from WKT (as a file declares it), with traditional GIS axis order.
SpatialReference make_srs_from_wkt(const std::string& wkt, const std::string& what = "CRS");

/// "EPSG:3008" → 3008; throws UsageError naming `what` when the text is not of that form.
int parse_epsg(const std::string& text, const std::string& what);

/// A coordinate transformation between two EPSG codes, in (x=easting/lon, y=northing/lat) order.
class Transformer {
public:
    Transformer(int from_epsg, int to_epsg);
    Transformer(const OGRSpatialReference& from, int to_epsg);
    /// From a CRS given as WKT.
    Transformer(const std::string& from_wkt, int to_epsg);
    /// To a CRS given as WKT.
    Transformer(int from_epsg, const std::string& to_wkt);
    Transformer(const Transformer&) = delete;
    Transformer& operator=(const Transformer&) = delete;
    ~Transformer();

    /// Transforms in place; false when PROJ cannot transform the point.
    bool transform(double& x, double& y) const;
    /// Transforms many points in place in one call; `ok[i]` says whether point i could be transformed.
    void transform_many(std::span<double> x, std::span<double> y, std::vector<bool>& ok) const;
    /// Transforms a geometry given as WKB; nullopt when PROJ cannot transform it.
    std::optional<std::vector<std::uint8_t>> transform_wkb(std::span<const std::uint8_t> wkb) const;
    OGRCoordinateTransformation* handle() const { return m_ct; }

private:
    OGRCoordinateTransformation* m_ct;
};

} // namespace bostad::gdal
