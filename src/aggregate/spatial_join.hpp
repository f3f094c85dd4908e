#pragma once
// The spatial joins behind the status: points to the one area that covers them, points to every plan that
// covers them, and the shares of plan polygons in areas. Polygons are prepared once and tested against the
// points that fall in their envelope (found through a grid index of the points): polygons in the outer loop,
// the fast way round (gis-notes.md). The work is split over the machine's cores.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/spatial_items.hpp"

namespace bostad::aggregate {

using bostad::PointItem;
using bostad::PolygonItem;

/// For each point, the index of the polygon that covers it, or -1. A point on the boundary of several
/// polygons (a shared edge or vertex) goes to the one with the smallest rank: one documented rule, the same
/// answer every time.
std::vector<int> assign_points(const std::vector<PointItem>& points, const std::vector<PolygonItem>& polygons);

/// Every (point index, polygon index) where the polygon covers the point.
std::vector<std::pair<std::size_t, std::size_t>> points_in_polygons(const std::vector<PointItem>& points,
                                                                   const std::vector<PolygonItem>& polygons);

struct Share {
    std::size_t part;  ///< index into the parts (plans)
    int area;          ///< index into the areas, -1 for the share in no area
    double share;      ///< of the part's own area; the shares of one part add up to 1
};

/// How each part's area is shared out over the areas. When areas overlap, the shares are scaled down so
/// that they still add up to 1 (nothing counted twice).
std::vector<Share> area_shares(const std::vector<PolygonItem>& parts, const std::vector<PolygonItem>& areas);

} // namespace bostad::aggregate
