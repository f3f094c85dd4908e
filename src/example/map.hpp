#pragma once
// The example's areas: the two municipalities and districts covering each of them completely
// (Voronoi cells of the towns, clipped to the municipality).

#include <string>
#include <vector>

#include "example/geography.hpp"
#include "geos/context.hpp"

namespace bostad::example {

struct MapArea {
    std::string area_id;
    std::string name;
    std::string municipality;
    const Town* town = nullptr; ///< the seeding town (districts only)
    geos::Geometry geom;        ///< MultiPolygon, EPSG:3006
    geos::Prepared prepared;
};

struct ExampleMap {
    std::vector<MapArea> municipalities;
    std::vector<MapArea> districts;

    const MapArea& municipality(const std::string& code) const;
};

ExampleMap build_map(const geos::Context& ctx);

} // namespace bostad::example
