#include "ingest/check/extent.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

namespace bostad::ingest {
namespace {

struct Known {
    const char* code;
    const char* name;
    Box box;
};

// From SCB's generalised municipal boundaries (EPSG:3006), widened by 1 km.
constexpr Known k_known[] = {
    {"1290", "Kristianstad", {420497, 6178168, 467853, 6241367}},
    {"1293", "Hässleholm", {401092, 6200026, 439251, 6255456}},
};
constexpr Box k_sweden{200000, 6100000, 1000000, 7700000};

constexpr int k_candidates[] = {3006, 3008, 3021, 4326};

} // namespace

MunicipalityExtent extent_of(const std::string& code, const std::string& name) {
    for (const auto& k : k_known) {
        if (code == k.code) return {code, fmt::format("{} ({})", k.name, code), k.box};
    }
    const std::string label = name.empty() ? fmt::format("Sweden (no extent known for {})", code)
                                           : fmt::format("Sweden (no extent known for {} {})", name, code);
    return {code, label, k_sweden};
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
