#include "gdal/srs.hpp"

#include <charconv>

#include <fmt/format.h>
#include <cpl_conv.h>
#include <cpl_string.h>
#include <ogr_geometry.h>
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

std::string srs_wkt(int epsg) {
    const SpatialReference srs = make_srs(epsg);
    char* wkt = nullptr;
    srs->exportToWkt(&wkt);
    std::string out = wkt ? wkt : "";
    CPLFree(wkt);
    return out;
}

std::string crs_name_of_wkt(const std::string& wkt) {
    SpatialReference srs = make_srs_from_wkt(wkt);
    ErrorCollector quiet;
    if (!srs->GetAuthorityCode(nullptr)) srs->AutoIdentifyEPSG();
    const char* auth = srs->GetAuthorityName(nullptr);
    const char* code = srs->GetAuthorityCode(nullptr);
    if (auth && code) return fmt::format("{}:{}", auth, code);
    return srs->GetName() ? srs->GetName() : "unnamed CRS";
}

std::string recode_to_utf8(const std::string& text, const std::string& encoding) {
    char* utf8 = CPLRecode(text.c_str(), encoding.c_str(), CPL_ENC_UTF8);
    std::string out = utf8 ? utf8 : "";
    CPLFree(utf8);
    return out;
}

SpatialReference make_srs_from_wkt(const std::string& wkt, const std::string& what) {
    ensure_initialized();
    ErrorCollector quiet;
    SpatialReference srs(new OGRSpatialReference());
    if (srs->importFromWkt(wkt.c_str()) != OGRERR_NONE) throw InputError(fmt::format("{}: cannot read its CRS definition", what));
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

OGRCoordinateTransformation* make_transform(const OGRSpatialReference& from, const OGRSpatialReference& to) {
    ErrorCollector errors;
    OGRCoordinateTransformation* ct = OGRCreateCoordinateTransformation(&from, &to);
    if (!ct) throw IoError("cannot create a coordinate transformation: " + errors.last_or("PROJ gave no reason"));
    return ct;
}

} // namespace

Transformer::Transformer(int from_epsg, int to_epsg) : m_ct(make_transform(*make_srs(from_epsg), *make_srs(to_epsg))) {}

Transformer::Transformer(const OGRSpatialReference& from, int to_epsg) : m_ct(make_transform(from, *make_srs(to_epsg))) {}

Transformer::Transformer(const std::string& from_wkt, int to_epsg)
    : m_ct(make_transform(*make_srs_from_wkt(from_wkt), *make_srs(to_epsg))) {}

Transformer::Transformer(int from_epsg, const std::string& to_wkt)
    : m_ct(make_transform(*make_srs(from_epsg), *make_srs_from_wkt(to_wkt))) {}

Transformer::~Transformer() { OGRCoordinateTransformation::DestroyCT(m_ct); }

bool Transformer::transform(double& x, double& y) const {
    ErrorCollector quiet; // "Point outside of projection domain" is the answer false, not a message for the user
    return m_ct->Transform(1, &x, &y) == TRUE;
}

void Transformer::transform_many(std::span<double> x, std::span<double> y, std::vector<bool>& ok) const {
    const std::size_t n = std::min(x.size(), y.size());
    std::vector<int> success(n, FALSE);
    ErrorCollector quiet;
    if (n > 0) m_ct->Transform(static_cast<int>(n), x.data(), y.data(), nullptr, success.data());
    ok.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) ok[i] = success[i] == TRUE;
}

std::optional<std::vector<std::uint8_t>> Transformer::transform_wkb(std::span<const std::uint8_t> wkb) const {
    ErrorCollector quiet;
    OGRGeometry* raw = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &raw, wkb.size(), wkbVariantIso) != OGRERR_NONE || !raw) {
        return std::nullopt;
    }
    std::unique_ptr<OGRGeometry> g(raw);
    if (g->transform(m_ct) != OGRERR_NONE) return std::nullopt;
    std::vector<std::uint8_t> out(static_cast<std::size_t>(g->WkbSize()));
    g->exportToWkb(wkbNDR, out.data(), wkbVariantIso);
    return out;
}

} // namespace bostad::gdal
