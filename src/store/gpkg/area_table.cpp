#include "store/gpkg/area_table.hpp"

#include "store/gpkg/codec.hpp"

namespace bostad::store::gpkg {

AreaTable::AreaTable(sqlite::Database& db) : m_db(db) {}

std::vector<AreaSetInfo> AreaTable::list() {
    std::vector<AreaSetInfo> out;
    auto st = m_db.prepare("SELECT s.id, s.name, coalesce(s.description, ''), coalesce(s.vintage, ''), s.loaded_run, "
                           "(SELECT count(*) FROM areas a WHERE a.area_set_id = s.id) FROM area_sets s ORDER BY s.name");
    while (st.step()) {
        out.push_back({st.column_int64(0), st.column_text(1), st.column_text(2), st.column_text(3),
                       st.column_optional_int64(4), st.column_int64(5)});
    }
    return out;
}

std::optional<AreaSetInfo> AreaTable::find(const std::string& name) {
    for (auto& s : list()) {
        if (s.name == name) return s;
    }
    return std::nullopt;
}

std::vector<AreaRecord> AreaTable::areas(std::int64_t set_id) {
    std::vector<AreaRecord> out;
    auto st = m_db.prepare("SELECT area_id, name, municipality, geom, geometry_repair FROM areas WHERE area_set_id = ? ORDER BY fid");
    st.bind(1, set_id);
    while (st.step()) {
        out.push_back({st.column_text(0), st.column_optional_text(1), st.column_optional_text(2), wkb_column(st, 3),
                       st.column_optional_text(4)});
    }
    return out;
}

std::int64_t AreaTable::replace(const std::string& name, const std::string& description, const std::string& vintage,
                                std::int64_t run, const std::vector<AreaRecord>& areas) {
    m_db.prepare("INSERT INTO area_sets (name, description, vintage, loaded_run) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (name) DO UPDATE SET description = excluded.description, vintage = excluded.vintage, "
                 "loaded_run = excluded.loaded_run")
        .bind_all(name, description, vintage, run)
        .run();
    const std::int64_t set_id = *m_db.query_int("SELECT id FROM area_sets WHERE name = ?", name);
    const std::int64_t before = *m_db.query_int("SELECT count(*) FROM areas WHERE area_set_id = ?", set_id);
    m_db.prepare("DELETE FROM areas WHERE area_set_id = ?").bind(1, set_id).run();
    // What lay in the old areas is assigned again to the new ones.
    m_db.prepare("DELETE FROM permit_areas WHERE area_set_id = ?").bind(1, set_id).run();
    m_db.prepare("DELETE FROM plan_area_shares WHERE area_set_id = ?").bind(1, set_id).run();
    m_db.prepare("INSERT OR IGNORE INTO assignment_queue (kind, fid) VALUES ('area_set', ?)").bind(1, set_id).run();
    auto insert = m_db.prepare("INSERT INTO areas (geom, area_set_id, area_id, name, municipality, geometry_repair) "
                               "VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& a : areas) {
        insert.reset();
        insert.bind(1, std::span<const std::uint8_t>(blob(a.geom))).bind(2, set_id).bind(3, a.area_id);
        insert.bind(4, a.name).bind(5, a.municipality).bind(6, a.geometry_repair).run();
    }
    return before;
}

} // namespace bostad::store::gpkg
