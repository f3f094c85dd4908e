#include "example/map.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "geos/ops.hpp"

namespace bostad::example {

const MapArea& ExampleMap::municipality(const std::string& code) const {
    for (const auto& m : municipalities) {
        if (m.municipality == code) return m;
    }
    throw InternalError("example map has no municipality " + code);
}

ExampleMap build_map(const geos::Context& ctx) {
    ExampleMap map;
    for (const auto& shape : municipality_shapes()) {
        auto geom = geos::to_multipolygon(ctx, geos::make_polygon(ctx, shape.ring).get());
        auto prepared = geos::prepare(ctx, geom.get());
        map.municipalities.push_back({std::string(shape.code), std::string(shape.name), std::string(shape.code), nullptr,
                                      std::move(geom), std::move(prepared)});
    }
    for (const auto& m : map.municipalities) {
        std::vector<const Town*> seeds;
        geos::Coords points;
        for (const auto& t : towns()) {
            if (t.municipality != m.municipality) continue;
            seeds.push_back(&t);
            points.emplace_back(t.x, t.y);
        }
        const auto cells = geos::voronoi(ctx, geos::make_multipoint(ctx, points).get(), m.geom.get());
        const int n = geos::num_geometries(ctx, cells.get());
        int number = 0;
        for (const Town* seed : seeds) {
            // GEOS does not keep the input order of cells: find the cell that holds the seed.
            const auto at = geos::make_point(ctx, seed->x, seed->y);
            for (int i = 0; i < n; ++i) {
                const GEOSGeom_t* cell = geos::geometry_n(ctx, cells.get(), i);
                if (!geos::intersects(ctx, cell, at.get())) continue;
                auto clipped = geos::to_multipolygon(ctx, geos::intersection(ctx, cell, m.geom.get()).get());
                auto prepared = geos::prepare(ctx, clipped.get());
                map.districts.push_back({fmt::format("{}-{:02}", m.municipality, ++number), std::string(seed->district),
                                         m.municipality, seed, std::move(clipped), std::move(prepared)});
                break;
            }
        }
    }
    return map;
}

} // namespace bostad::example
