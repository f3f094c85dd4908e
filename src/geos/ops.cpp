#include "geos/ops.hpp"

#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <fmt/format.h>

namespace bostad::geos {
namespace {

struct SeqDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSCoordSequence* s) const noexcept { GEOSCoordSeq_destroy_r(ctx, s); }
};

GEOSCoordSequence* make_sequence(const Context& ctx, const Coords& coords) {
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx.handle(), static_cast<unsigned>(coords.size()), 2);
    if (!seq) throw Error("GEOS coordinate sequence: " + ctx.last_message());
    std::unique_ptr<GEOSCoordSequence, SeqDeleter> owner(seq, {ctx.handle()});
    for (std::size_t i = 0; i < coords.size(); ++i) {
        if (!GEOSCoordSeq_setXY_r(ctx.handle(), seq, static_cast<unsigned>(i), coords[i].first, coords[i].second)) {
            throw Error("GEOS coordinate sequence: " + ctx.last_message());
        }
    }
    return owner.release();
}

bool predicate(const Context& ctx, char result, const char* what) {
    if (result == 2) throw Error(fmt::format("GEOS {} failed: {}", what, ctx.last_message()));
    return result == 1;
}

} // namespace

Geometry make_point(const Context& ctx, double x, double y) {
    return ctx.own(GEOSGeom_createPointFromXY_r(ctx.handle(), x, y), "point");
}

Geometry make_polygon(const Context& ctx, const Coords& shell, const std::vector<Coords>& holes) {
    Geometry ring = ctx.own(GEOSGeom_createLinearRing_r(ctx.handle(), make_sequence(ctx, shell)), "linear ring");
    std::vector<Geometry> hole_rings;
    for (const auto& h : holes) {
        hole_rings.push_back(ctx.own(GEOSGeom_createLinearRing_r(ctx.handle(), make_sequence(ctx, h)), "linear ring"));
    }
    std::vector<GEOSGeometry*> raw_holes;
    for (auto& h : hole_rings) raw_holes.push_back(h.get());
    GEOSGeometry* poly = GEOSGeom_createPolygon_r(ctx.handle(), ring.get(), raw_holes.data(),
                                                  static_cast<unsigned>(raw_holes.size()));
    if (!poly) throw Error("GEOS polygon: " + ctx.last_message());
    // The polygon took ownership of the rings.
    (void)ring.release();
    for (auto& h : hole_rings) (void)h.release();
    return ctx.own(poly, "polygon");
}

Geometry make_linestring(const Context& ctx, const Coords& points) {
    return ctx.own(GEOSGeom_createLineString_r(ctx.handle(), make_sequence(ctx, points)), "linestring");
}

Geometry make_multipoint(const Context& ctx, const Coords& points) {
    std::vector<GEOSGeometry*> parts;
    for (const auto& [x, y] : points) parts.push_back(make_point(ctx, x, y).release());
    GEOSGeometry* g = GEOSGeom_createCollection_r(ctx.handle(), GEOS_MULTIPOINT, parts.data(),
                                                  static_cast<unsigned>(parts.size()));
    if (!g) {
        for (auto* p : parts) GEOSGeom_destroy_r(ctx.handle(), p);
        throw Error("GEOS multipoint: " + ctx.last_message());
    }
    return ctx.own(g, "multipoint");
}

Geometry to_multipolygon(const Context& ctx, const GEOSGeom_t* g) {
    std::vector<GEOSGeometry*> parts;
    const auto collect = [&](const GEOSGeometry* part, auto&& self) -> void {
        const int type = GEOSGeomTypeId_r(ctx.handle(), part);
        if (type == GEOS_POLYGON) {
            if (!GEOSisEmpty_r(ctx.handle(), part)) parts.push_back(GEOSGeom_clone_r(ctx.handle(), part));
        } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
            const int n = GEOSGetNumGeometries_r(ctx.handle(), part);
            for (int i = 0; i < n; ++i) self(GEOSGetGeometryN_r(ctx.handle(), part, i), self);
        }
    };
    collect(g, collect);
    GEOSGeometry* out = GEOSGeom_createCollection_r(ctx.handle(), GEOS_MULTIPOLYGON, parts.data(),
                                                    static_cast<unsigned>(parts.size()));
    if (!out) {
        for (auto* p : parts) GEOSGeom_destroy_r(ctx.handle(), p);
    }
    return ctx.own(out, "multipolygon");
}

Geometry clone(const Context& ctx, const GEOSGeom_t* g) { return ctx.own(GEOSGeom_clone_r(ctx.handle(), g), "clone"); }

Geometry intersection(const Context& ctx, const GEOSGeom_t* a, const GEOSGeom_t* b) {
    return ctx.own(GEOSIntersection_r(ctx.handle(), a, b), "intersection");
}

Geometry clip_by_rect(const Context& ctx, const GEOSGeom_t* g, double min_x, double min_y, double max_x, double max_y) {
    return ctx.own(GEOSClipByRect_r(ctx.handle(), g, min_x, min_y, max_x, max_y), "clip by rectangle");
}

Geometry difference(const Context& ctx, const GEOSGeom_t* a, const GEOSGeom_t* b) {
    return ctx.own(GEOSDifference_r(ctx.handle(), a, b), "difference");
}

Geometry unary_union(const Context& ctx, const GEOSGeom_t* g) {
    return ctx.own(GEOSUnaryUnion_r(ctx.handle(), g), "union");
}

Geometry union_all(const Context& ctx, std::vector<Geometry> parts) {
    std::vector<GEOSGeom_t*> raw;
    raw.reserve(parts.size());
    for (auto& p : parts) raw.push_back(p.get());
    GEOSGeom_t* collection = GEOSGeom_createCollection_r(ctx.handle(), GEOS_GEOMETRYCOLLECTION, raw.data(),
                                                         static_cast<unsigned>(raw.size()));
    if (!collection) throw Error("GEOS collection: " + ctx.last_message());
    for (auto& p : parts) (void)p.release(); // now owned by the collection
    const Geometry owner = ctx.own(collection, "GEOS collection");
    return unary_union(ctx, owner.get());
}

Geometry union_of(const Context& ctx, const GEOSGeom_t* a, const GEOSGeom_t* b) {
    return ctx.own(GEOSUnion_r(ctx.handle(), a, b), "union");
}

Geometry point_on_surface(const Context& ctx, const GEOSGeom_t* g) {
    return ctx.own(GEOSPointOnSurface_r(ctx.handle(), g), "point on surface");
}

Geometry voronoi(const Context& ctx, const GEOSGeom_t* points, const GEOSGeom_t* envelope) {
    return ctx.own(GEOSVoronoiDiagram_r(ctx.handle(), points, envelope, 0.0, 0), "Voronoi diagram");
}

Geometry make_valid_structure(const Context& ctx, const GEOSGeom_t* g) {
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(ctx.handle());
    if (!params) throw Error("GEOS MakeValid parameters: " + ctx.last_message());
    GEOSMakeValidParams_setMethod_r(ctx.handle(), params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(ctx.handle(), params, 0);
    GEOSGeometry* out = GEOSMakeValidWithParams_r(ctx.handle(), g, params);
    GEOSMakeValidParams_destroy_r(ctx.handle(), params);
    return ctx.own(out, "MakeValid");
}

std::string validity_reason(const Context& ctx, const GEOSGeom_t* g) {
    char* reason = GEOSisValidReason_r(ctx.handle(), g);
    if (!reason) throw Error("GEOS isValidReason failed: " + ctx.last_message());
    std::string out(reason);
    GEOSFree_r(ctx.handle(), reason);
    return out;
}

int dimension(const Context& ctx, const GEOSGeom_t* g) {
    const int d = GEOSGeom_getDimensions_r(ctx.handle(), g);
    if (d < 0) throw Error("GEOS geometry dimension: " + ctx.last_message());
    return d;
}

int type_id(const Context& ctx, const GEOSGeom_t* g) {
    const int t = GEOSGeomTypeId_r(ctx.handle(), g);
    if (t < 0) throw Error("GEOS geometry type: " + ctx.last_message());
    return t;
}

double area(const Context& ctx, const GEOSGeom_t* g) {
    double a = 0;
    if (!GEOSArea_r(ctx.handle(), g, &a)) throw Error("GEOS area failed: " + ctx.last_message());
    return a;
}

double distance(const Context& ctx, const GEOSGeom_t* a, const GEOSGeom_t* b) {
    double d = 0;
    if (!GEOSDistance_r(ctx.handle(), a, b, &d)) throw Error("GEOS distance failed: " + ctx.last_message());
    return d;
}

Geometry boundary(const Context& ctx, const GEOSGeom_t* g) { return ctx.own(GEOSBoundary_r(ctx.handle(), g), "boundary"); }

bool intersects(const Context& ctx, const GEOSGeom_t* a, const GEOSGeom_t* b) {
    return predicate(ctx, GEOSIntersects_r(ctx.handle(), a, b), "intersects");
}

bool is_valid(const Context& ctx, const GEOSGeom_t* g) { return predicate(ctx, GEOSisValid_r(ctx.handle(), g), "isValid"); }

bool is_empty(const Context& ctx, const GEOSGeom_t* g) { return predicate(ctx, GEOSisEmpty_r(ctx.handle(), g), "isEmpty"); }

int num_geometries(const Context& ctx, const GEOSGeom_t* g) {
    const int n = GEOSGetNumGeometries_r(ctx.handle(), g);
    if (n < 0) throw Error("GEOS getNumGeometries failed: " + ctx.last_message());
    return n;
}

int num_coordinates(const Context& ctx, const GEOSGeom_t* g) {
    const int n = GEOSGetNumCoordinates_r(ctx.handle(), g);
    if (n < 0) throw Error("GEOS getNumCoordinates failed: " + ctx.last_message());
    return n;
}

const GEOSGeom_t* geometry_n(const Context& ctx, const GEOSGeom_t* g, int n) {
    const GEOSGeometry* part = GEOSGetGeometryN_r(ctx.handle(), g, n);
    if (!part) throw Error("GEOS getGeometryN failed: " + ctx.last_message());
    return part;
}

std::pair<double, double> point_xy(const Context& ctx, const GEOSGeom_t* point) {
    double x = 0;
    double y = 0;
    if (!GEOSGeomGetX_r(ctx.handle(), point, &x) || !GEOSGeomGetY_r(ctx.handle(), point, &y)) {
        throw Error("GEOS point coordinates: " + ctx.last_message());
    }
    return {x, y};
}

Prepared prepare(const Context& ctx, const GEOSGeom_t* g) {
    const GEOSPreparedGeometry* p = GEOSPrepare_r(ctx.handle(), g);
    if (!p) throw Error("GEOS prepare failed: " + ctx.last_message());
    return Prepared(p, PreparedDeleter{ctx.handle()});
}

bool prepared_contains(const Context& ctx, const GEOSPrepGeom_t* prepared, const GEOSGeom_t* g) {
    return predicate(ctx, GEOSPreparedContains_r(ctx.handle(), prepared, g), "prepared contains");
}

bool prepared_covers(const Context& ctx, const GEOSPrepGeom_t* prepared, const GEOSGeom_t* g) {
    return predicate(ctx, GEOSPreparedCovers_r(ctx.handle(), prepared, g), "prepared covers");
}

bool prepared_intersects(const Context& ctx, const GEOSPrepGeom_t* prepared, const GEOSGeom_t* g) {
    return predicate(ctx, GEOSPreparedIntersects_r(ctx.handle(), prepared, g), "prepared intersects");
}

double prepared_distance(const Context& ctx, const GEOSPrepGeom_t* prepared, const GEOSGeom_t* g) {
    double d = 0;
    if (!GEOSPreparedDistance_r(ctx.handle(), prepared, g, &d)) throw Error("GEOS prepared distance failed: " + ctx.last_message());
    return d;
}

} // namespace bostad::geos
