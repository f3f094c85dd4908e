#include "aggregate/spatial_join.hpp"

#include <algorithm>
#include <cmath>
#include <future>
#include <limits>
#include <span>

#include "core/gpkg_blob.hpp"
#include "core/parallel.hpp"
#include "geos/ops.hpp"

namespace bostad::aggregate {
namespace {

/// A uniform grid over the points: each cell lists the indexes of its points.
class PointGrid {
public:
    explicit PointGrid(const std::vector<PointItem>& points) : m_points(points) {
        if (points.empty()) return;
        m_min_x = m_min_y = std::numeric_limits<double>::max();
        double max_x = std::numeric_limits<double>::lowest();
        double max_y = max_x;
        for (const auto& p : points) {
            m_min_x = std::min(m_min_x, p.x);
            m_min_y = std::min(m_min_y, p.y);
            max_x = std::max(max_x, p.x);
            max_y = std::max(max_y, p.y);
        }
        // About eight points per cell.
        const double cells = std::max(1.0, static_cast<double>(points.size()) / 8.0);
        const double w = std::max(max_x - m_min_x, 1.0);
        const double h = std::max(max_y - m_min_y, 1.0);
        m_size = std::max(std::sqrt(w * h / cells), 1.0);
        m_cols = static_cast<std::size_t>(w / m_size) + 1;
        m_rows = static_cast<std::size_t>(h / m_size) + 1;
        std::vector<std::uint32_t> counts(m_cols * m_rows + 1, 0);
        for (const auto& p : points) ++counts[cell(p.x, p.y) + 1];
        for (std::size_t i = 1; i < counts.size(); ++i) counts[i] += counts[i - 1];
        m_start = counts;
        m_index.resize(points.size());
        for (std::uint32_t i = 0; i < points.size(); ++i) m_index[counts[cell(points[i].x, points[i].y)]++] = i;
    }

    /// Calls f(point index) for every point inside the envelope.
    template <typename F>
    void within(const Envelope& e, F&& f) const {
        if (m_points.empty()) return;
        const auto col = [&](double x) { return std::min(m_cols - 1, static_cast<std::size_t>(std::max(0.0, (x - m_min_x) / m_size))); };
        const auto row = [&](double y) { return std::min(m_rows - 1, static_cast<std::size_t>(std::max(0.0, (y - m_min_y) / m_size))); };
        if (e.max_x < m_min_x || e.max_y < m_min_y) return;
        for (std::size_t r = row(e.min_y); r <= row(e.max_y); ++r) {
            for (std::size_t c = col(e.min_x); c <= col(e.max_x); ++c) {
                const std::size_t k = r * m_cols + c;
                for (std::uint32_t i = m_start[k]; i < m_start[k + 1]; ++i) {
                    const PointItem& p = m_points[m_index[i]];
                    if (p.x >= e.min_x && p.x <= e.max_x && p.y >= e.min_y && p.y <= e.max_y) f(m_index[i]);
                }
            }
        }
    }

private:
    std::size_t cell(double x, double y) const {
        const auto c = std::min(m_cols - 1, static_cast<std::size_t>((x - m_min_x) / m_size));
        const auto r = std::min(m_rows - 1, static_cast<std::size_t>((y - m_min_y) / m_size));
        return r * m_cols + c;
    }

    const std::vector<PointItem>& m_points;
    double m_min_x = 0;
    double m_min_y = 0;
    double m_size = 1;
    std::size_t m_cols = 1;
    std::size_t m_rows = 1;
    std::vector<std::uint32_t> m_start;
    std::vector<std::uint32_t> m_index;
};

/// A uniform grid over polygon envelopes: each cell lists, in rank order, the polygons whose envelope meets it.
class PolygonGrid {
public:
    explicit PolygonGrid(const std::vector<PolygonItem>& polygons) {
        std::vector<std::uint32_t> order(polygons.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return polygons[a].rank < polygons[b].rank; });
        m_envelopes.resize(polygons.size(), Envelope{1, 0, 1, 0}); // an empty polygon's box holds no point
        bool any = false;
        for (std::size_t i = 0; i < polygons.size(); ++i) {
            const auto e = wkb_envelope(polygons[i].wkb);
            if (!e) continue;
            m_envelopes[i] = *e;
            if (any) m_bounds.expand(*e);
            else m_bounds = *e;
            any = true;
        }
        if (!any) return;
        // About one polygon per cell.
        const double w = std::max(m_bounds.max_x - m_bounds.min_x, 1.0);
        const double h = std::max(m_bounds.max_y - m_bounds.min_y, 1.0);
        m_size = std::max(std::sqrt(w * h / static_cast<double>(polygons.size())), 1.0);
        m_cols = static_cast<std::size_t>(w / m_size) + 1;
        m_rows = static_cast<std::size_t>(h / m_size) + 1;
        m_cells.resize(m_cols * m_rows);
        for (const std::uint32_t i : order) {
            const Envelope& e = m_envelopes[i];
            if (e.min_x > e.max_x) continue;
            for (std::size_t r = row(e.min_y); r <= row(e.max_y); ++r) {
                for (std::size_t c = col(e.min_x); c <= col(e.max_x); ++c) m_cells[r * m_cols + c].push_back(i);
            }
        }
    }

    /// The polygons whose envelope may hold the point, in rank order.
    std::span<const std::uint32_t> candidates(double x, double y) const {
        if (m_cells.empty() || x < m_bounds.min_x || x > m_bounds.max_x || y < m_bounds.min_y || y > m_bounds.max_y) return {};
        return m_cells[row(y) * m_cols + col(x)];
    }
    const Envelope& envelope(std::uint32_t i) const { return m_envelopes[i]; }

    /// The indexes of the points inside the grid, ordered by cell (a counting sort).
    std::vector<std::uint32_t> cell_order(const std::vector<PointItem>& points) const {
        std::vector<std::uint32_t> start(m_cells.size() + 1, 0);
        std::vector<std::size_t> cell_of(points.size(), m_cells.size());
        for (std::size_t i = 0; i < points.size(); ++i) {
            const PointItem& p = points[i];
            if (m_cells.empty() || !m_bounds.contains(p.x, p.y)) continue;
            cell_of[i] = row(p.y) * m_cols + col(p.x);
            ++start[cell_of[i] + 1];
        }
        for (std::size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
        std::vector<std::uint32_t> out(start.back());
        for (std::size_t i = 0; i < points.size(); ++i) {
            if (cell_of[i] < m_cells.size()) out[start[cell_of[i]]++] = static_cast<std::uint32_t>(i);
        }
        return out;
    }

private:
    std::size_t col(double x) const { return std::min(m_cols - 1, static_cast<std::size_t>(std::max(0.0, (x - m_bounds.min_x) / m_size))); }
    std::size_t row(double y) const { return std::min(m_rows - 1, static_cast<std::size_t>(std::max(0.0, (y - m_bounds.min_y) / m_size))); }

    std::vector<Envelope> m_envelopes;
    Envelope m_bounds{0, 0, 0, 0};
    double m_size = 1;
    std::size_t m_cols = 0;
    std::size_t m_rows = 0;
    std::vector<std::vector<std::uint32_t>> m_cells;
};

/// Tests the points of one polygon's envelope against the prepared polygon.
template <typename F>
void covered_points(const geos::Context& ctx, const PolygonItem& poly, const std::vector<PointItem>& points,
                    const PointGrid& grid, F&& found) {
    const auto env = wkb_envelope(poly.wkb);
    if (!env) return;
    const auto g = ctx.from_wkb(poly.wkb);
    const auto prepared = geos::prepare(ctx, g.get());
    grid.within(*env, [&](std::uint32_t i) {
        const auto pt = geos::make_point(ctx, points[i].x, points[i].y);
        if (geos::prepared_covers(ctx, prepared.get(), pt.get())) found(i);
    });
}

} // namespace

std::vector<int> assign_points(const std::vector<PointItem>& points, const std::vector<PolygonItem>& polygons) {
    std::vector<int> out(points.size(), -1);
    const PolygonGrid grid(polygons);
    // Points in slices over the cores; each worker parses and prepares the polygons it meets (GEOS prepared
    // geometries build their index lazily and are not shared between threads). A point's candidates come in
    // rank order, so the first polygon that covers it is the one the boundary rule picks.
    // Points taken cell by cell, so that one polygon's index stays in the cache for its neighbouring points.
    const std::vector<std::uint32_t> order = grid.cell_order(points);
    in_parallel(order.size(), [&](std::size_t first, std::size_t last) {
        const geos::Context ctx;
        std::vector<geos::Geometry> geoms(polygons.size());
        std::vector<geos::Prepared> prepared(polygons.size());
        for (std::size_t k = first; k < last; ++k) {
            const std::uint32_t i = order[k];
            const PointItem& p = points[i];
            geos::Geometry pt;
            for (const std::uint32_t a : grid.candidates(p.x, p.y)) {
                if (!grid.envelope(a).contains(p.x, p.y)) continue;
                if (!prepared[a]) {
                    geoms[a] = ctx.from_wkb(polygons[a].wkb);
                    prepared[a] = geos::prepare(ctx, geoms[a].get());
                }
                if (!pt) pt = geos::make_point(ctx, p.x, p.y);
                if (geos::prepared_covers(ctx, prepared[a].get(), pt.get())) {
                    out[i] = static_cast<int>(a);
                    break;
                }
            }
        }
    });
    return out;
}

std::vector<std::pair<std::size_t, std::size_t>> points_in_polygons(const std::vector<PointItem>& points,
                                                                   const std::vector<PolygonItem>& polygons) {
    const PointGrid grid(points);
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> partial(workers());
    std::vector<std::future<void>> jobs;
    const unsigned k = workers();
    const std::size_t step = (polygons.size() + k - 1) / std::max(1u, k);
    for (unsigned w = 0; w < k && step > 0; ++w) {
        jobs.push_back(std::async(std::launch::async, [&, w] {
            const geos::Context ctx;
            for (std::size_t a = w * step; a < std::min(polygons.size(), (w + 1) * step); ++a) {
                covered_points(ctx, polygons[a], points, grid, [&](std::uint32_t i) { partial[w].emplace_back(i, a); });
            }
        }));
    }
    for (auto& j : jobs) j.get();
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (auto& p : partial) out.insert(out.end(), p.begin(), p.end());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<Share> area_shares(const std::vector<PolygonItem>& parts, const std::vector<PolygonItem>& areas) {
    std::vector<Envelope> area_env;
    for (const auto& a : areas) area_env.push_back(wkb_envelope(a.wkb).value_or(Envelope{1, 0, 1, 0}));
    std::vector<std::vector<Share>> per_part(parts.size());
    in_parallel(parts.size(), [&](std::size_t first, std::size_t last) {
        const geos::Context ctx;
        std::vector<geos::Geometry> area_geoms(areas.size());
        for (std::size_t p = first; p < last; ++p) {
            std::vector<Share>& out = per_part[p];
            const auto env = wkb_envelope(parts[p].wkb);
            const auto part = ctx.from_wkb(parts[p].wkb);
            const double total = geos::area(ctx, part.get());
            double assigned = 0;
            const double box_area = env ? (env->max_x - env->min_x) * (env->max_y - env->min_y) : 0;
            if (env && total > 0) {
                for (std::size_t a = 0; a < areas.size(); ++a) {
                    const Envelope& e = area_env[a];
                    if (e.max_x < env->min_x || e.min_x > env->max_x || e.max_y < env->min_y || e.min_y > env->max_y) continue;
                    if (!area_geoms[a]) area_geoms[a] = ctx.from_wkb(areas[a].wkb);
                    // The area cut to the plan's box first: most plans lie wholly inside one area (the cut is
                    // then the whole box) or miss it (the cut is empty), and need no overlay; the others are
                    // overlaid with a few vertices instead of hundreds.
                    const auto near = geos::clip_by_rect(ctx, area_geoms[a].get(), env->min_x, env->min_y, env->max_x, env->max_y);
                    const double near_area = geos::area(ctx, near.get());
                    if (near_area <= 0) continue;
                    double share = 1;
                    if (near_area < box_area * (1 - 1e-12)) {
                        const auto overlap = geos::intersection(ctx, near.get(), part.get());
                        share = geos::area(ctx, overlap.get()) / total;
                    }
                    if (share <= 0) continue;
                    out.push_back({p, static_cast<int>(a), share});
                    assigned += share;
                }
            }
            // Overlapping areas (over 1: nothing is counted twice) and rounding (just under 1): the shares
            // are scaled to add up to 1.
            constexpr double k_rounding = 1e-9;
            if (assigned > 1 - k_rounding) {
                for (auto& s : out) s.share /= assigned;
                assigned = 1;
            }
            if (total <= 0 || assigned < 1) out.push_back({p, -1, total > 0 ? 1 - assigned : 1.0});
        }
    });
    std::vector<Share> all;
    for (auto& v : per_part) all.insert(all.end(), v.begin(), v.end());
    return all;
}

} // namespace bostad::aggregate
