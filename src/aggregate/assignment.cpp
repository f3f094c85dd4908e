#include "aggregate/assignment.hpp"

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <variant>

#include <fmt/format.h>

#include "aggregate/spatial_join.hpp"
#include "core/gpkg_blob.hpp"
#include "sqlite/database.hpp"

namespace bostad::aggregate {
namespace {

struct Queue {
    bool all_permits = false;
    std::set<std::int64_t> permits;
    std::set<std::int64_t> plans;
    std::set<std::int64_t> area_sets;
};

Queue read_queue(sqlite::Database& db) {
    Queue q;
    auto st = db.prepare("SELECT kind, fid FROM assignment_queue");
    while (st.step()) {
        const std::string kind = st.column_text(0);
        const std::int64_t fid = st.column_int64(1);
        if (kind == "all_permits") q.all_permits = true;
        else if (kind == "permit") q.permits.insert(fid);
        else if (kind == "plan") q.plans.insert(fid);
        else if (kind == "area_set") q.area_sets.insert(fid);
    }
    return q;
}

/// Permit locations: all of them, or the listed ones.
std::vector<PointItem> load_points(sqlite::Database& db, const std::set<std::int64_t>* only) {
    std::vector<PointItem> out;
    const auto take = [&](sqlite::Statement& st) {
        if (const auto env = gpkg_blob_envelope(st.column_blob(1))) out.push_back({st.column_int64(0), env->min_x, env->min_y});
    };
    if (!only) {
        auto st = db.prepare("SELECT fid, geom FROM permits WHERE geom IS NOT NULL ORDER BY fid");
        while (st.step()) take(st);
        return out;
    }
    auto st = db.prepare("SELECT fid, geom FROM permits WHERE fid = ? AND geom IS NOT NULL");
    for (const std::int64_t fid : *only) {
        st.reset();
        st.bind(1, fid);
        if (st.step()) take(st);
    }
    return out;
}

std::vector<PolygonItem> load_polygons(sqlite::Database& db, const std::string& sql, std::optional<std::int64_t> param) {
    std::vector<PolygonItem> out;
    auto st = db.prepare(sql);
    if (param) st.bind(1, *param);
    while (st.step()) {
        const auto wkb = gpkg_blob_wkb(st.column_blob(2));
        if (!wkb.empty()) out.push_back({st.column_int64(0), st.column_text(1), {wkb.begin(), wkb.end()}});
    }
    return out;
}

std::vector<PolygonItem> load_areas(sqlite::Database& db, std::int64_t set) {
    return load_polygons(db, "SELECT fid, area_id, geom FROM areas WHERE area_set_id = ? ORDER BY fid", set);
}

std::vector<PolygonItem> load_plans(sqlite::Database& db, const std::set<std::int64_t>* only) {
    auto all = load_polygons(db, "SELECT fid, plan_id, geom FROM plans ORDER BY fid", std::nullopt);
    if (!only) return all;
    std::vector<PolygonItem> some;
    for (auto& p : all) {
        if (only->contains(p.id)) some.push_back(std::move(p));
    }
    return some;
}

/// Permits in the envelopes of the given plans (through the permits' R-tree).
std::vector<PointItem> points_near(sqlite::Database& db, const std::vector<PolygonItem>& plans) {
    std::set<std::int64_t> fids;
    auto st = db.prepare("SELECT id FROM rtree_permits_geom WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?");
    for (const auto& p : plans) {
        const auto e = wkb_envelope(p.wkb);
        if (!e) continue;
        st.reset();
        st.bind_all(e->min_x, e->max_x, e->min_y, e->max_y);
        while (st.step()) fids.insert(st.column_int64(0));
    }
    return load_points(db, &fids);
}

/// Inserts many rows of `columns` values with one statement per block.
class BlockInsert {
public:
    BlockInsert(sqlite::Database& db, const std::string& table, int columns) : m_db(db), m_table(table), m_columns(columns) {}
    template <typename... Values>
    void add(const Values&... v) {
        (m_values.emplace_back(v), ...);
        if (m_values.size() == k_rows * static_cast<std::size_t>(m_columns)) flush();
    }
    void flush() {
        if (m_values.empty()) return;
        const std::size_t rows = m_values.size() / static_cast<std::size_t>(m_columns);
        std::string row = "(?";
        for (int c = 1; c < m_columns; ++c) row += ",?";
        row += ")";
        std::string sql = fmt::format("INSERT INTO {} VALUES {}", m_table, row);
        for (std::size_t r = 1; r < rows; ++r) sql += "," + row;
        auto st = m_db.prepare(sql);
        for (std::size_t i = 0; i < m_values.size(); ++i) {
            const auto& v = m_values[i];
            const int at = static_cast<int>(i) + 1;
            if (const auto* n = std::get_if<std::int64_t>(&v)) st.bind(at, *n);
            else if (const auto* d = std::get_if<double>(&v)) st.bind(at, *d);
            else st.bind(at, nullptr);
        }
        st.run();
        m_values.clear();
    }

private:
    static constexpr std::size_t k_rows = 256;
    sqlite::Database& m_db;
    std::string m_table;
    int m_columns;
    std::vector<std::variant<std::monostate, std::int64_t, double>> m_values;
};

std::optional<std::int64_t> fid_at(const std::vector<PolygonItem>& items, int index) {
    if (index < 0) return std::nullopt;
    return items[static_cast<std::size_t>(index)].id;
}

} // namespace

bool assignment_pending(sqlite::Database& db) { return db.query_int("SELECT 1 FROM assignment_queue LIMIT 1").has_value(); }

AssignmentSummary process_assignment_queue(sqlite::Database& db) {
    const auto start = std::chrono::steady_clock::now();
    AssignmentSummary summary;
    const Queue q = read_queue(db);
    if (!q.all_permits && q.permits.empty() && q.plans.empty() && q.area_sets.empty()) return summary;

    std::vector<std::int64_t> sets;
    {
        auto st = db.prepare("SELECT id FROM area_sets ORDER BY id");
        while (st.step()) sets.push_back(st.column_int64(0));
    }
    summary.area_sets = static_cast<std::int64_t>(sets.size());
    std::vector<PointItem> all_points;
    bool have_all = false;
    const auto every_permit = [&]() -> const std::vector<PointItem>& {
        if (!have_all) {
            all_points = load_points(db, nullptr);
            have_all = true;
        }
        return all_points;
    };
    const std::vector<PointItem> queued = q.all_permits ? std::vector<PointItem>{} : load_points(db, &q.permits);

    // Permits → areas, per area set.
    for (const std::int64_t set : sets) {
        const bool whole = q.all_permits || q.area_sets.contains(set);
        const std::vector<PointItem>& points = whole ? every_permit() : queued;
        if (points.empty()) continue;
        const auto areas = load_areas(db, set);
        const auto assigned = assign_points(points, areas);
        if (whole) {
            db.prepare("DELETE FROM permit_areas WHERE area_set_id = ?").bind(1, set).run();
        } else {
            auto del = db.prepare("DELETE FROM permit_areas WHERE area_set_id = ? AND permit_fid = ?");
            for (const auto& p : points) {
                del.reset();
                del.bind_all(set, p.id).run();
            }
        }
        BlockInsert insert(db, "permit_areas (area_set_id, permit_fid, area_fid)", 3);
        for (std::size_t i = 0; i < points.size(); ++i) {
            const auto area = fid_at(areas, assigned[i]);
            if (area) insert.add(set, points[i].id, *area);
            else insert.add(set, points[i].id, std::monostate{});
        }
        insert.flush();
        summary.permits += static_cast<std::int64_t>(points.size());
    }

    // Permits → plans: the queued permits against every plan, and every permit near a queued plan.
    {
        const auto plans = load_plans(db, nullptr);
        const std::vector<PointItem>& points = q.all_permits ? every_permit() : queued;
        BlockInsert insert(db, "permit_plans (plan_fid, permit_fid)", 2);
        if (q.all_permits) {
            db.exec("DELETE FROM permit_plans");
        } else {
            auto del = db.prepare("DELETE FROM permit_plans WHERE permit_fid = ?");
            for (const auto& p : points) {
                del.reset();
                del.bind(1, p.id).run();
            }
        }
        for (const auto& [point, plan] : points_in_polygons(points, plans)) insert.add(plans[plan].id, points[point].id);
        insert.flush();
        if (!q.all_permits && !q.plans.empty()) {
            const auto changed = load_plans(db, &q.plans);
            auto del = db.prepare("DELETE FROM permit_plans WHERE plan_fid = ?");
            for (const std::int64_t fid : q.plans) {
                del.reset();
                del.bind(1, fid).run();
            }
            const auto near = points_near(db, changed);
            for (const auto& [point, plan] : points_in_polygons(near, changed)) insert.add(changed[plan].id, near[point].id);
            insert.flush();
        }
    }

    // Plans → shares of areas, per area set.
    for (const std::int64_t set : sets) {
        const bool whole = q.area_sets.contains(set);
        if (!whole && q.plans.empty()) continue;
        const auto plans = load_plans(db, whole ? nullptr : &q.plans);
        if (whole) {
            db.prepare("DELETE FROM plan_area_shares WHERE area_set_id = ?").bind(1, set).run();
        } else {
            auto del = db.prepare("DELETE FROM plan_area_shares WHERE area_set_id = ? AND plan_fid = ?");
            for (const auto& p : plans) {
                del.reset();
                del.bind_all(set, p.id).run();
            }
        }
        const auto areas = load_areas(db, set);
        BlockInsert insert(db, "plan_area_shares (area_set_id, plan_fid, area_fid, share)", 4);
        for (const auto& s : area_shares(plans, areas)) {
            const auto area = fid_at(areas, s.area);
            if (area) insert.add(set, plans[s.part].id, *area, s.share);
            else insert.add(set, plans[s.part].id, std::monostate{}, s.share);
        }
        insert.flush();
        summary.plans += static_cast<std::int64_t>(plans.size());
    }
    db.exec("DELETE FROM assignment_queue");
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

} // namespace bostad::aggregate
