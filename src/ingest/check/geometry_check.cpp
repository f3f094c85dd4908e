#include "ingest/check/geometry_check.hpp"

#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "core/gpkg_blob.hpp"
#include "geos/ops.hpp"
#include "sweden/placement.hpp"

namespace bostad::ingest {
namespace {

GeometryResult rejected(Reason reason, std::string message) {
    GeometryResult r;
    r.problem = Problem{reason, "geometry", std::move(message)};
    return r;
}

std::string km(double v) { return fmt::format("{:.1f} km", v / 1000.0); }

std::string describe_box(const Box& b) {
    return fmt::format("E {}–{}, N {}–{}", km(b.min_x), km(b.max_x), km(b.min_y), km(b.max_y));
}

} // namespace

GeometryChecker::GeometryChecker(const std::string& source_crs_wkt, std::string crs_label, std::optional<int> source_epsg,
                                 double max_repair_area_change, std::shared_ptr<const sweden::Outlines> outlines, double tolerance_m)
    : m_transform(source_crs_wkt, gdal::k_store_epsg), m_source_wkt(source_crs_wkt), m_crs_label(std::move(crs_label)), m_source_epsg(source_epsg),
      m_max_change(max_repair_area_change), m_locator(std::move(outlines)), m_tolerance(tolerance_m) {}

const CrsGuesser& GeometryChecker::guesser(const MunicipalityExtent& extent) {
    auto& g = m_guessers[extent.code];
    if (!g) g = std::make_unique<CrsGuesser>(extent);
    return *g;
}

template <typename Source>
GeometryChecker::Location GeometryChecker::locate(Source source, double x, double y, const MunicipalityExtent& extent) {
    if (!extent.box.contains(x, y)) {
        // Far off: name the likely mistake from the raw numbers.
        const auto [sx, sy] = source();
        double swapped_x = sy;
        double swapped_y = sx;
        if (m_transform.transform(swapped_x, swapped_y) && extent.box.contains(swapped_x, swapped_y)) {
            return {Problem{Reason::swapped_axes, "geometry",
                            fmt::format("({:.2f}, {:.2f}) in {} lies outside {}; with easting and northing swapped "
                                        "it would be inside: the columns for x (easting) and y (northing) look swapped",
                                        sx, sy, m_crs_label, extent.label)}, {}};
        }
        if (const auto guess = guesser(extent).looks_like(sx, sy); guess && guess != m_source_epsg) {
            return {Problem{Reason::wrong_crs, "geometry",
                            fmt::format("({:.2f}, {:.2f}) lies outside {} in the declared {}; the numbers look like {}: "
                                        "check the file's CRS or --crs",
                                        sx, sy, extent.label, m_crs_label, crs_label(*guess))}, {}};
        }
        const bool in_sweden = k_sweden_box.contains(x, y);
        if (!extent.outlined || !in_sweden) {
            const std::string where = m_source_epsg == gdal::k_store_epsg
                                          ? fmt::format("({:.2f}, {:.2f}) in EPSG:3006", sx, sy)
                                          : fmt::format("({:.2f}, {:.2f}) in {} is ({:.1f}, {:.1f}) in EPSG:3006", sx, sy, m_crs_label, x, y);
            return {Problem{Reason::outside_municipality, "geometry",
                            fmt::format("{} lies outside {} ({})", where, in_sweden ? extent.label : "Sweden",
                                        describe_box(in_sweden ? extent.box : k_sweden_box))}, {}};
        }
    }
    if (!extent.outlined) return {};
    const sweden::Placement p = sweden::place(m_locator, extent.code, x, y, m_tolerance);
    if (p.verdict == sweden::Placement::Verdict::wrong) {
        return {Problem{Reason::wrong_municipality, "geometry",
                        fmt::format("({:.1f}, {:.1f}) in EPSG:3006 {}, not in {} (tolerance {:g} km)", x, y, p.message,
                                    extent.label, m_tolerance / 1000)}, {}};
    }
    if (p.verdict == sweden::Placement::Verdict::near_border) return {{}, p.message};
    return {};
}

GeometryResult GeometryChecker::check_point(double sx, double sy, const MunicipalityExtent& extent) {
    const PointInput one{sx, sy, &extent};
    return std::move(check_points(std::span(&one, 1)).front());
}

std::vector<GeometryResult> GeometryChecker::check_points(std::span<const PointInput> points) {
    std::vector<double> xs(points.size());
    std::vector<double> ys(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        xs[i] = points[i].x;
        ys[i] = points[i].y;
    }
    std::vector<bool> ok;
    m_transform.transform_many(xs, ys, ok);
    std::vector<GeometryResult> out(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double sx = points[i].x;
        const double sy = points[i].y;
        GeometryResult& r = out[i];
        if (!std::isfinite(sx) || !std::isfinite(sy)) {
            r = rejected(Reason::invalid_geometry, "coordinates are not finite numbers");
        } else if (!ok[i] || !std::isfinite(xs[i]) || !std::isfinite(ys[i])) {
            r = rejected(Reason::transform_failed,
                         fmt::format("({:.2f}, {:.2f}) cannot be transformed from {} to EPSG:3006", sx, sy, m_crs_label));
            r.raw_wkt = fmt::format("POINT ({} {})", sx, sy);
        } else {
            Location at = locate([&] { return std::pair{sx, sy}; }, xs[i], ys[i], *points[i].extent);
            if (at.problem) {
                r.problem = std::move(at.problem);
                r.quarantine_wkb = wkb_point(xs[i], ys[i]);
            } else {
                CheckedGeometry g; // points are stored from x and y; no WKB needed
                g.x = xs[i];
                g.y = ys[i];
                g.near_border = std::move(at.near_border);
                r.ok = std::move(g);
            }
        }
    }
    return out;
}

std::vector<std::uint8_t> map_geometry(const GeometryResult& g) {
    if (!g.ok) return g.quarantine_wkb;
    return g.ok->wkb.empty() ? wkb_point(g.ok->x, g.ok->y) : g.ok->wkb;
}

GeometryResult GeometryChecker::check_wkt(DataKind kind, const std::string& wkt, const MunicipalityExtent& extent) {
    geos::Geometry g;
    try {
        g = m_ctx.from_wkt(wkt);
    } catch (const geos::Error&) {
        GeometryResult r = rejected(Reason::invalid_geometry, fmt::format("WKT '{}' cannot be read: {}",
                                                                          wkt.substr(0, 80), m_ctx.last_message()));
        r.raw_wkt = wkt;
        return r;
    }
    GeometryResult r = check(kind, m_ctx.to_wkb(g.get()), extent);
    if (r.problem) r.raw_wkt = wkt;
    return r;
}

GeometryResult GeometryChecker::check(DataKind kind, std::span<const std::uint8_t> wkb, const MunicipalityExtent& extent) {
    if (wkb.empty()) return rejected(Reason::missing_geometry, "the row has no geometry");
    if (!wkb_all_finite(wkb)) return rejected(Reason::invalid_geometry, "the geometry has NaN or infinite coordinates");
    geos::Geometry source;
    try {
        source = m_ctx.from_wkb(wkb);
    } catch (const geos::Error& e) {
        return rejected(Reason::invalid_geometry, fmt::format("the geometry cannot be read: {}", m_ctx.last_message()));
    }
    if (geos::is_empty(m_ctx, source.get())) return rejected(Reason::missing_geometry, "the geometry is empty");
    if (const int vertices = geos::num_coordinates(m_ctx, source.get()); vertices > k_max_vertices) {
        // Checked, repaired and indexed, such a polygon would take minutes and gigabytes: refused as it is.
        return rejected(Reason::invalid_geometry,
                        fmt::format("the geometry has {} vertices; bostad takes at most {} in one geometry: simplify "
                                    "it in the source (it is left out of the quarantine layer)",
                                    vertices, k_max_vertices));
    }
    const int type = geos::type_id(m_ctx, source.get());
    const bool point = type == geos::k_point || (type == geos::k_multipoint && geos::num_geometries(m_ctx, source.get()) == 1);
    const bool polygon = type == geos::k_polygon || type == geos::k_multipolygon;
    if (kind == DataKind::permits && point) {
        const GEOSGeom_t* p = type == geos::k_point ? source.get() : geos::geometry_n(m_ctx, source.get(), 0);
        const auto [sx, sy] = geos::point_xy(m_ctx, p);
        return check_point(sx, sy, extent);
    }
    if (!polygon) {
        static const char* const k_names[] = {"point", "line", "ring", "polygon", "multipoint", "multiline", "multipolygon", "collection"};
        const std::string got = type >= 0 && type <= 7 ? k_names[type] : "geometry";
        return rejected(Reason::wrong_geometry_type,
                        fmt::format("a {} where {} expected", got,
                                    kind == DataKind::permits ? "a point or a footprint polygon is" : "a polygon is"));
    }
    const auto transformed = m_transform.transform_wkb(wkb);
    if (!transformed) {
        GeometryResult r = rejected(Reason::transform_failed, fmt::format("the polygon cannot be transformed from {} to EPSG:3006", m_crs_label));
        r.raw_wkt = m_ctx.to_wkt(source.get(), 3);
        return r;
    }
    return polygonal(kind, m_ctx.from_wkb(*transformed).get(), extent);
}

GeometryResult GeometryChecker::polygonal(DataKind kind, const GEOSGeom_t* g, const MunicipalityExtent& extent) {
    GeometryResult r;
    r.quarantine_wkb = m_ctx.to_wkb(g);
    geos::Geometry valid;
    std::optional<std::string> repair;
    if (!geos::is_valid(m_ctx, g)) {
        const std::string why = geos::validity_reason(m_ctx, g);
        const double before = geos::area(m_ctx, g);
        valid = geos::to_multipolygon(m_ctx, geos::make_valid_structure(m_ctx, g).get());
        const double after = geos::area(m_ctx, valid.get());
        const double change = before > 0 ? std::abs(after - before) / before : (after > 0 ? std::numeric_limits<double>::infinity() : 0.0);
        if (geos::is_empty(m_ctx, valid.get()) || !(change <= m_max_change)) {
            r.problem = Problem{Reason::unrepairable_geometry, "geometry",
                                fmt::format("invalid polygon ({}); MakeValid would change its area from {:.1f} to {:.1f} m² "
                                            "(more than the {:g} % allowed): fix it in the source",
                                            why, before, after, m_max_change * 100)};
            return r;
        }
        repair = fmt::format("MakeValid(structure): {}; area {:.1f} → {:.1f} m² ({:+.3f} %)", why, before, after,
                             before > 0 ? (after - before) / before * 100 : 0.0);
    } else {
        valid = geos::to_multipolygon(m_ctx, g);
    }
    const auto surface = geos::point_on_surface(m_ctx, valid.get());
    const auto point = geos::point_xy(m_ctx, surface.get());
    const double x = point.first, y = point.second; // named, for the lambda below (clang captures no bindings)
    // The source coordinates of the representative point, for the diagnosis of a misplaced polygon.
    const auto source = [&] {
        if (!m_back) m_back = std::make_unique<gdal::Transformer>(gdal::k_store_epsg, m_source_wkt);
        double sx = x;
        double sy = y;
        m_back->transform(sx, sy);
        return std::pair{sx, sy};
    };
    Location at = locate(source, x, y, extent);
    if (at.problem) {
        r.problem = std::move(at.problem);
        return r;
    }
    CheckedGeometry out;
    out.x = x;
    out.y = y;
    out.repair = repair;
    out.near_border = std::move(at.near_border);
    if (kind == DataKind::permits) {
        out.footprint = m_ctx.to_wkb(valid.get());
        out.wkb = m_ctx.to_wkb(surface.get());
    } else {
        out.wkb = m_ctx.to_wkb(valid.get());
    }
    r.ok = std::move(out);
    return r;
}

} // namespace bostad::ingest
