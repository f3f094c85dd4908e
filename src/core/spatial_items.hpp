#pragma once
// The geometries the area assignment works on: points (permits) and polygons (areas, plans) with their ids,
// as a store reads them and the spatial joins (aggregate/spatial_join.hpp) take them.

#include <cstdint>
#include <string>
#include <vector>

namespace bostad {

struct PointItem {
    std::int64_t id;
    double x;
    double y;
};

struct PolygonItem {
    std::int64_t id;
    std::string rank;              ///< orders polygons for the boundary rule (area_id)
    std::vector<std::uint8_t> wkb; ///< polygon or multipolygon, the points' CRS
};

} // namespace bostad
