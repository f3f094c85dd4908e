#pragma once
// Geometries as ISO WKB (little-endian) for test files written with gdal::VectorWriter.

#include <cstdint>
#include <utility>
#include <vector>

namespace bostad::test {

std::vector<std::uint8_t> point_wkb(double x, double y);

/// A polygon of one ring; `ring` is closed (its last point repeats the first).
std::vector<std::uint8_t> polygon_wkb(const std::vector<std::pair<double, double>>& ring);

} // namespace bostad::test
