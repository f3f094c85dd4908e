#include "gdal/srs.hpp"

#include <charconv>

#include <fmt/format.h>
#include <ogr_spatialref.h>

#include "core/error.hpp"
#include "gdal/runtime.hpp"

namespace bostad::gdal {

void SrsDeleter::operator()(OGRSpatialReference* srs) const noexcept { OGRSpatialReference::DestroySpatialReference(srs); }

SpatialReference make_srs(int epsg, const std::string& what) {
    ensure_initialized();
    ErrorCollector quiet;
    SpatialReference srs(new OGRSpatialReference());
    if (srs->importFromEPSG(epsg) != OGRERR_NONE) {
        throw UsageError(fmt::format("{}: 'EPSG:{}' is not a known CRS", what, epsg));
    }
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

int parse_epsg(const std::string& text, const std::string& what) {
    const std::string prefix = "EPSG:";
    int code = 0;
    if (text.size() > prefix.size() && text.compare(0, prefix.size(), prefix) == 0) {
        const char* b = text.data() + prefix.size();
        const char* e = text.data() + text.size();
        auto [ptr, ec] = std::from_chars(b, e, code);
        if (ec == std::errc{} && ptr == e && code > 0) return code;
    }
    throw UsageError(fmt::format("{}: '{}' is not a CRS of the form EPSG:n (e.g. EPSG:3006, EPSG:3008)", what, text));
}

namespace {

OGRCoordinateTransformation* make_transform(const OGRSpatialReference& from, int to_epsg) {
    const SpatialReference to = make_srs(to_epsg);
    ErrorCollector errors;
    OGRCoordinateTransformation* ct = OGRCreateCoordinateTransformation(&from, to.get());
    if (!ct) throw IoError("cannot create a coordinate transformation: " + errors.last_or("PROJ gave no reason"));
    return ct;
}

} // namespace

Transformer::Transformer(int from_epsg, int to_epsg) : m_ct(make_transform(*make_srs(from_epsg), to_epsg)) {}

Transformer::Transformer(const OGRSpatialReference& from, int to_epsg) : m_ct(make_transform(from, to_epsg)) {}

Transformer::~Transformer() { OGRCoordinateTransformation::DestroyCT(m_ct); }

bool Transformer::transform(double& x, double& y) const { return m_ct->Transform(1, &x, &y) == TRUE; }

} // namespace bostad::gdal
