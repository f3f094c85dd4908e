#include "store/gpkg/assignment_store.hpp"

#include <variant>

#include <fmt/format.h>

#include "core/gpkg_blob.hpp"
#include "sqlite/database.hpp"

namespace bostad::store::gpkg {
namespace {

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

BlockInsert::Value nullable(const std::optional<std::int64_t>& v) {
    return v ? BlockInsert::Value(*v) : BlockInsert::Value(std::monostate{});
}

} // namespace

AssignmentQueue GpkgAssignmentStore::read_queue() {
    AssignmentQueue q;
    auto st = m_db.prepare("SELECT kind, fid FROM assignment_queue");
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

bool GpkgAssignmentStore::pending() { return m_db.query_int("SELECT 1 FROM assignment_queue LIMIT 1").has_value(); }

std::vector<std::int64_t> GpkgAssignmentStore::area_set_ids() {
    std::vector<std::int64_t> sets;
    auto st = m_db.prepare("SELECT id FROM area_sets ORDER BY id");
    while (st.step()) sets.push_back(st.column_int64(0));
    return sets;
}

std::vector<PointItem> GpkgAssignmentStore::permit_points(const std::set<std::int64_t>* only) {
    std::vector<PointItem> out;
    const auto take = [&](sqlite::Statement& st) {
        if (const auto env = gpkg_blob_envelope(st.column_blob(1))) out.push_back({st.column_int64(0), env->min_x, env->min_y});
    };
    if (!only) {
        out.reserve(static_cast<std::size_t>(m_db.query_int("SELECT count(*) FROM permits").value_or(0)));
        auto st = m_db.prepare("SELECT fid, geom FROM permits WHERE geom IS NOT NULL ORDER BY fid");
        while (st.step()) take(st);
        return out;
    }
    auto st = m_db.prepare("SELECT fid, geom FROM permits WHERE fid = ? AND geom IS NOT NULL");
    for (const std::int64_t fid : *only) {
        st.reset();
        st.bind(1, fid);
        if (st.step()) take(st);
    }
    return out;
}

std::vector<PolygonItem> GpkgAssignmentStore::polygons(const char* sql, std::optional<std::int64_t> param) {
    std::vector<PolygonItem> out;
    auto st = m_db.prepare(sql);
    if (param) st.bind(1, *param);
    while (st.step()) {
        const auto wkb = gpkg_blob_wkb(st.column_blob(2));
        if (!wkb.empty()) out.push_back({st.column_int64(0), st.column_text(1), {wkb.begin(), wkb.end()}});
    }
    return out;
}

std::vector<PolygonItem> GpkgAssignmentStore::areas(std::int64_t area_set_id) {
    return polygons("SELECT fid, area_id, geom FROM areas WHERE area_set_id = ? ORDER BY fid", area_set_id);
}

std::vector<PolygonItem> GpkgAssignmentStore::plans(const std::set<std::int64_t>* only) {
    auto all = polygons("SELECT fid, plan_id, geom FROM plans ORDER BY fid", std::nullopt);
    if (!only) return all;
    std::vector<PolygonItem> some;
    for (auto& p : all) {
        if (only->contains(p.id)) some.push_back(std::move(p));
    }
    return some;
}

std::vector<PointItem> GpkgAssignmentStore::points_near(const std::vector<PolygonItem>& polygons) {
    std::set<std::int64_t> fids;
    auto st = m_db.prepare("SELECT id FROM rtree_permits_geom WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?");
    for (const auto& p : polygons) {
        const auto e = wkb_envelope(p.wkb);
        if (!e) continue;
        st.reset();
        st.bind_all(e->min_x, e->max_x, e->min_y, e->max_y);
        while (st.step()) fids.insert(st.column_int64(0));
    }
    return permit_points(&fids);
}

void GpkgAssignmentStore::replace_permit_areas(std::int64_t set, const std::vector<PointItem>* permits,
                                                 const std::vector<AreaRowOut>& rows) {
    if (!permits) {
        m_db.prepare("DELETE FROM permit_areas WHERE area_set_id = ?").bind(1, set).run();
    } else {
        auto del = m_db.prepare("DELETE FROM permit_areas WHERE area_set_id = ? AND permit_fid = ?");
        for (const auto& p : *permits) {
            del.reset();
            del.bind_all(set, p.id).run();
        }
    }
    BlockInsert insert(m_db, "permit_areas (area_set_id, permit_fid, area_fid)", 3);
    for (const auto& [permit, area] : rows) insert.add(set, permit, nullable(area));
    insert.flush();
}

void GpkgAssignmentStore::clear_permit_plans_of_permits(const std::vector<PointItem>* permits) {
    if (!permits) {
        m_db.exec("DELETE FROM permit_plans");
        return;
    }
    auto del = m_db.prepare("DELETE FROM permit_plans WHERE permit_fid = ?");
    for (const auto& p : *permits) {
        del.reset();
        del.bind(1, p.id).run();
    }
}

void GpkgAssignmentStore::clear_permit_plans_of_plans(const std::set<std::int64_t>& plans) {
    auto del = m_db.prepare("DELETE FROM permit_plans WHERE plan_fid = ?");
    for (const std::int64_t fid : plans) {
        del.reset();
        del.bind(1, fid).run();
    }
}

void GpkgAssignmentStore::add_permit_plans(const std::vector<std::pair<std::int64_t, std::int64_t>>& plan_permit) {
    BlockInsert insert(m_db, "permit_plans (plan_fid, permit_fid)", 2);
    for (const auto& [plan, permit] : plan_permit) insert.add(plan, permit);
    insert.flush();
}

void GpkgAssignmentStore::replace_plan_shares(std::int64_t set, const std::vector<PolygonItem>* plans,
                                                const std::vector<ShareRowOut>& rows) {
    if (!plans) {
        m_db.prepare("DELETE FROM plan_area_shares WHERE area_set_id = ?").bind(1, set).run();
    } else {
        auto del = m_db.prepare("DELETE FROM plan_area_shares WHERE area_set_id = ? AND plan_fid = ?");
        for (const auto& p : *plans) {
            del.reset();
            del.bind_all(set, p.id).run();
        }
    }
    BlockInsert insert(m_db, "plan_area_shares (area_set_id, plan_fid, area_fid, share)", 4);
    for (const auto& [plan, area, share] : rows) insert.add(set, plan, nullable(area), share);
    insert.flush();
}

void GpkgAssignmentStore::clear_queue() { m_db.exec("DELETE FROM assignment_queue"); }

} // namespace bostad::store::gpkg
