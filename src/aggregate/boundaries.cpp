#include "aggregate/boundaries.hpp"

#include <map>

#include <fmt/format.h>

#include "core/domain.hpp"
#include "geos/ops.hpp"
#include "store/feature_source.hpp"
#include "sweden/kommuner.hpp"

namespace bostad::aggregate {

namespace {
constexpr const char* k_built_in = "SCB's generalised outlines (built in)";
constexpr const char* k_built_in_sv = "SCB:s generaliserade kommungränser (inbyggda)";
}

ProjectOutlines project_outlines(store::FeatureSource& features, const std::string& boundary_set) {
    if (boundary_set.empty()) return {sweden::Outlines::built_in(), k_built_in, k_built_in_sv};
    const geos::Context ctx;
    std::map<std::string, std::vector<geos::Geometry>> parts;
    for (const auto& a : features.areas(boundary_set)) {
        const std::string code = a.municipality.value_or(a.area_id);
        if (!sweden::find_kommun(code) || a.wkb.empty()) continue;
        parts[code].push_back(ctx.from_wkb(a.wkb));
    }
    if (parts.empty()) {
        return {sweden::Outlines::built_in(),
                fmt::format("{} (the boundary area set '{}' has no area of a kommun in the store yet)", k_built_in, boundary_set),
                fmt::format("{} (områdesindelningen '{}' för gränserna har ännu ingen kommun i databasen)", k_built_in_sv, boundary_set)};
    }
    std::vector<sweden::Outline> own;
    for (auto& [code, geoms] : parts) {
        const geos::Geometry whole = geos::union_all(ctx, std::move(geoms));
        own.push_back({code, ctx.to_wkb(geos::to_multipolygon(ctx, whole.get()).get()), {}, false});
    }
    return {sweden::Outlines::with(std::move(own)),
            fmt::format("area set '{}' ({} kommuner), SCB's built-in outlines for the others", boundary_set, parts.size()),
            fmt::format("områdesindelningen '{}' ({} kommuner), SCB:s inbyggda för övriga", boundary_set, parts.size())};
}

} // namespace bostad::aggregate
