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
        out.reserve(static_cast<std::size_t>(db.query_int("SELECT count(*) FROM permits").value_or(0)));
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

/// Inserts many rows of `columns` values, a block of rows per statement (the statement for a full block is
/// prepared once).
class BlockInsert {
public:
    using Value = std::variant<std::monostate, std::int64_t, double>;

    BlockInsert(sqlite::Database& db, std::string table, int columns) : m_db(db), m_table(std::move(table)), m_columns(columns) {}
    template <typename... Values>
    void add(const Values&... v) {
        (m_values.emplace_back(v), ...);
        if (m_values.size() == k_rows * static_cast<std::size_t>(m_columns)) {
            if (!m_full) m_full = m_db.prepare(sql(k_rows));
            write(*m_full);
        }
    }
    void flush() {
        if (m_values.empty()) return;
        auto st = m_db.prepare(sql(m_values.size() / static_cast<std::size_t>(m_columns)));
        write(st);
    }

private:
    static constexpr std::size_t k_rows = 256;

    std::string sql(std::size_t rows) const {
        std::string row = "(?";
        for (int c = 1; c < m_columns; ++c) row += ",?";
        row += ")";
        std::string text = fmt::format("INSERT INTO {} VALUES {}", m_table, row);
        for (std::size_t r = 1; r < rows; ++r) text += "," + row;
        return text;
    }
    void write(sqlite::Statement& st) {
        st.reset();
        int at = 0;
        for (const Value& v : m_values) {
            ++at;
            if (const auto* n = std::get_if<std::int64_t>(&v)) st.bind(at, *n);
            else if (const auto* d = std::get_if<double>(&v)) st.bind(at, *d);
            else st.bind(at, nullptr);
        }
        st.run();
        m_values.clear();
    }

    sqlite::Database& m_db;
    std::string m_table;
    int m_columns;
    std::vector<Value> m_values;
    std::optional<sqlite::Statement> m_full;
};

std::optional<std::int64_t> fid_at(const std::vector<PolygonItem>& items, int index) {
    if (index < 0) return std::nullopt;
    return items[static_cast<std::size_t>(index)].id;
}

/// The permits to (re)assign: all of them once, or only the queued ones.
class PermitPoints {
public:
    PermitPoints(sqlite::Database& db, const Queue& q) : m_db(db), m_queued(q.all_permits ? std::vector<PointItem>{} : load_points(db, &q.permits)) {}
    const std::vector<PointItem>& all() {
        if (!m_all) m_all = load_points(m_db, nullptr);
        return *m_all;
    }
    const std::vector<PointItem>& queued() const { return m_queued; }

private:
    sqlite::Database& m_db;
    std::vector<PointItem> m_queued;
    std::optional<std::vector<PointItem>> m_all;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Permits → the one area of each set that holds them (permit_areas).
std::int64_t assign_to_areas(sqlite::Database& db, const Queue& q, const std::vector<std::int64_t>& sets, PermitPoints& permits) {
    std::int64_t count = 0;
    for (const std::int64_t set : sets) {
        const bool whole = q.all_permits || q.area_sets.contains(set);
        const std::vector<PointItem>& points = whole ? permits.all() : permits.queued();
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
        count += static_cast<std::int64_t>(points.size());
    }
    return count;
}

/// Permits → every plan that holds them (permit_plans): the queued permits against every plan, and every
/// permit near a queued plan.
void assign_to_plans(sqlite::Database& db, const Queue& q, PermitPoints& permits) {
    const auto plans = load_plans(db, nullptr);
    const std::vector<PointItem>& points = q.all_permits ? permits.all() : permits.queued();
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
    if (q.all_permits || q.plans.empty()) return;
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

/// Plans → their shares of the areas of each set (plan_area_shares): every plan for a replaced set, the
/// queued plans for the others.
std::int64_t share_plans(sqlite::Database& db, const Queue& q, const std::vector<std::int64_t>& sets) {
    std::int64_t count = 0;
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
        count += static_cast<std::int64_t>(plans.size());
    }
    return count;
}

} // namespace

bool assignment_pending(sqlite::Database& db) { return db.query_int("SELECT 1 FROM assignment_queue LIMIT 1").has_value(); }

AssignmentSummary process_assignment_queue(sqlite::Database& db) {
    AssignmentSummary summary;
    const Queue q = read_queue(db);
    if (!q.all_permits && q.permits.empty() && q.plans.empty() && q.area_sets.empty()) return summary;
    std::vector<std::int64_t> sets;
    {
        auto st = db.prepare("SELECT id FROM area_sets ORDER BY id");
        while (st.step()) sets.push_back(st.column_int64(0));
    }
    summary.area_sets = static_cast<std::int64_t>(sets.size());

    auto start = std::chrono::steady_clock::now();
    PermitPoints permits(db, q);
    summary.permits = assign_to_areas(db, q, sets, permits);
    summary.permit_seconds = seconds_since(start);

    start = std::chrono::steady_clock::now();
    assign_to_plans(db, q, permits);
    summary.plans = share_plans(db, q, sets);
    summary.plan_seconds = seconds_since(start);
    db.exec("DELETE FROM assignment_queue");
    return summary;
}

} // namespace bostad::aggregate
