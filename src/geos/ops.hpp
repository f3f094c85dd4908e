#pragma once
// GEOS operations used by bostad, each checking GEOS's return value (predicates return 2 on error).

#include <string>
#include <utility>
#include <vector>

#include "geos/context.hpp"

namespace bostad::geos {

using Coords = std::vector<std::pair<double, double>>;

Geometry make_point(const Context& ctx, double x, double y);
/// A polygon from a closed ring (first == last) and optional closed holes.
Geometry make_polygon(const Context& ctx, const Coords& shell, const std::vector<Coords>& holes = {});
Geometry make_multipoint(const Context& ctx, const Coords& points);
Geometry make_linestring(const Context& ctx, const Coords& points);
/// Collects polygons (and the polygons of multipolygons) into one MultiPolygon; other parts are dropped.
Geometry to_multipolygon(const Context& ctx, const GEOSGeom_t* g);

Geometry clone(const Context& ctx, const GEOSGeom_t* g);
Geometry intersection(const Context& ctx, const GEOSGeom_t* a, const GEOSGeom_t* b);
/// The part of `g` inside the rectangle (fast; the result may be invalid only along the rectangle's edges).
Geometry clip_by_rect(const Context& ctx, const GEOSGeom_t* g, double min_x, double min_y, double max_x, double max_y);
Geometry difference(const Context& ctx, const GEOSGeom_t* a, const GEOSGeom_t* b);
Geometry unary_union(const Context& ctx, const GEOSGeom_t* g);
/// The union of all the geometries at once (GEOS's cascaded union): far faster than one by one.
Geometry union_all(const Context& ctx, std::vector<Geometry> parts);
Geometry union_of(const Context& ctx, const GEOSGeom_t* a, const GEOSGeom_t* b);
Geometry point_on_surface(const Context& ctx, const GEOSGeom_t* g);
/// Voronoi cells of the points, extended to cover `envelope`.
Geometry voronoi(const Context& ctx, const GEOSGeom_t* points, const GEOSGeom_t* envelope);

/// GEOS's MakeValid with the "structure" method (keeps polygons polygons; collapsed parts dropped).
Geometry make_valid_structure(const Context& ctx, const GEOSGeom_t* g);
/// Why a geometry is invalid ("Self-intersection[440100 6200100]"), or "Valid Geometry".
std::string validity_reason(const Context& ctx, const GEOSGeom_t* g);

/// 0 for points, 1 for lines, 2 for polygons; a collection has the highest dimension of its parts.
int dimension(const Context& ctx, const GEOSGeom_t* g);

/// Geometry type ids as GEOS numbers them (GEOS_POINT = 0, ..., GEOS_MULTIPOLYGON = 6).
int type_id(const Context& ctx, const GEOSGeom_t* g);
inline constexpr int k_point = 0;
inline constexpr int k_linestring = 1;
inline constexpr int k_linearring = 2;
inline constexpr int k_polygon = 3;
inline constexpr int k_multipoint = 4;
inline constexpr int k_multilinestring = 5;
inline constexpr int k_multipolygon = 6;
inline constexpr int k_collection = 7;

double area(const Context& ctx, const GEOSGeom_t* g);
/// The shortest distance between the two (0 when they touch or overlap).
double distance(const Context& ctx, const GEOSGeom_t* a, const GEOSGeom_t* b);
/// The boundary: a polygon's rings as lines.
Geometry boundary(const Context& ctx, const GEOSGeom_t* g);
bool intersects(const Context& ctx, const GEOSGeom_t* a, const GEOSGeom_t* b);
bool is_valid(const Context& ctx, const GEOSGeom_t* g);
bool is_empty(const Context& ctx, const GEOSGeom_t* g);
int num_geometries(const Context& ctx, const GEOSGeom_t* g);
/// How many coordinates (vertices) the geometry has in all its parts.
int num_coordinates(const Context& ctx, const GEOSGeom_t* g);
const GEOSGeom_t* geometry_n(const Context& ctx, const GEOSGeom_t* g, int n);
std::pair<double, double> point_xy(const Context& ctx, const GEOSGeom_t* point);

Prepared prepare(const Context& ctx, const GEOSGeom_t* g);
bool prepared_contains(const Context& ctx, const GEOSPrepGeom_t* prepared, const GEOSGeom_t* g);
bool prepared_covers(const Context& ctx, const GEOSPrepGeom_t* prepared, const GEOSGeom_t* g);
bool prepared_intersects(const Context& ctx, const GEOSPrepGeom_t* prepared, const GEOSGeom_t* g);
/// distance() from a prepared geometry (indexed: fast for many points against one polygon).
double prepared_distance(const Context& ctx, const GEOSPrepGeom_t* prepared, const GEOSGeom_t* g);

} // namespace bostad::geos
