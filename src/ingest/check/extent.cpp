#include "ingest/check/extent.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "sweden/kommuner.hpp"

namespace bostad::ingest {
namespace {

constexpr int k_candidates[] = {3006, 3008, 3021, 4326};

} // namespace

MunicipalityExtent extent_of(const sweden::Outlines& outlines, const std::string& code, double margin_m) {
    if (const sweden::Outline* o = outlines.find(code)) {
        const Envelope& e = o->envelope;
        return {code, sweden::label(code), {e.min_x - margin_m, e.min_y - margin_m, e.max_x + margin_m, e.max_y + margin_m}, true};
    }
    return {code, code.empty() || code == "0000" ? "Sweden" : fmt::format("Sweden (no outline for {})", code), k_sweden_box, false};
}

CrsGuesser::CrsGuesser(const MunicipalityExtent& extent) {
    for (int epsg : k_candidates) {
        Box b{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
              std::numeric_limits<double>::lowest()};
        if (epsg == gdal::k_store_epsg) {
            b = extent.box;
        } else {
            const gdal::Transformer t(gdal::k_store_epsg, epsg);
            for (double fx : {0.0, 0.5, 1.0}) {
                for (double fy : {0.0, 0.5, 1.0}) {
                    double x = extent.box.min_x + fx * (extent.box.max_x - extent.box.min_x);
                    double y = extent.box.min_y + fy * (extent.box.max_y - extent.box.min_y);
                    if (!t.transform(x, y)) continue;
                    b = {std::min(b.min_x, x), std::min(b.min_y, y), std::max(b.max_x, x), std::max(b.max_y, y)};
                }
            }
        }
        m_candidates.push_back({epsg, b});
    }
}

std::optional<int> CrsGuesser::looks_like(double x, double y) const {
    for (const auto& c : m_candidates) {
        if (c.box.contains(x, y)) return c.epsg;
    }
    return std::nullopt;
}

std::string crs_label(int epsg) {
    switch (epsg) {
    case 3006: return "EPSG:3006 (SWEREF 99 TM)";
    case 3008: return "EPSG:3008 (SWEREF 99 13 30)";
    case 3021: return "EPSG:3021 (RT90 2.5 gon V)";
    case 4326: return "EPSG:4326 (WGS 84)";
    default: return fmt::format("EPSG:{}", epsg);
    }
}

} // namespace bostad::ingest
