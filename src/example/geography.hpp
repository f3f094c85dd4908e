#pragma once
// Hand-drawn geography of the example: coarse outlines of Kristianstad (1290) and Hässleholm (1293) with a
// shared border, and the towns that seed the example's districts. Coordinates are EPSG:3006 metres,
// drawn from the real extent of the two municipalities (rounded, simplified; not SCB's vertices).

#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace bostad::example {

struct MunicipalityShape {
    std::string_view code;
    std::string_view name;
    std::vector<std::pair<double, double>> ring; ///< closed, counter-clockwise
};

struct Town {
    std::string_view municipality;
    std::string_view district; ///< district name
    std::string_view tract;    ///< trakt used in property designations (fastighetsbeteckning)
    double x;                  ///< EPSG:3006 easting
    double y;                  ///< EPSG:3006 northing
    double weight;             ///< share of building activity within its municipality
    double spread;             ///< metres: how far from the centre new houses are built
};

const std::vector<MunicipalityShape>& municipality_shapes();
std::span<const Town> towns();

} // namespace bostad::example
