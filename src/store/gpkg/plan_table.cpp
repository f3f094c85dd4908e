#include "store/gpkg/plan_table.hpp"

#include "store/gpkg/codec.hpp"

namespace bostad::store::gpkg {
namespace {

void bind_attributes(sqlite::Statement& st, const PlanRecord& p) {
    st.bind(1, std::span<const std::uint8_t>(blob(p.geom)));
    st.bind(2, p.municipality).bind(3, p.plan_id).bind(4, p.name).bind(5, std::string(code(p.status)));
    st.bind(6, p.adopted).bind(7, p.legal).bind(8, p.implementation_end);
    st.bind(9, p.planned_dwellings).bind(10, p.geometry_repair);
    st.bind(11, p.source_format).bind(12, p.capacity_estimate).bind(13, p.capacity_method);
    st.bind(14, p.capacity_override).bind(15, p.capacity_note).bind(16, p.year_only);
}

/// The columns after geometry_repair, in bind_attributes() order (parameters 11 to 16).
constexpr const char* k_capacity_columns =
    "source_format, capacity_estimate, capacity_method, capacity_override, capacity_note, year_only";

} // namespace

PlanTable::PlanTable(sqlite::Database& db)
    : m_db(db),
      m_insert(db.prepare(std::string("INSERT INTO plans (geom, municipality, plan_id, name, status, adopted_date, legal_date, "
                                      "implementation_end, planned_dwellings, geometry_repair, ") +
                          k_capacity_columns +
                          ", first_run, last_changed_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
      m_update(db.prepare("UPDATE plans SET geom = ?, municipality = ?, plan_id = ?, name = ?, status = ?, "
                          "adopted_date = ?, legal_date = ?, implementation_end = ?, planned_dwellings = ?, "
                          "geometry_repair = ?, source_format = ?, capacity_estimate = ?, capacity_method = ?, "
                          "capacity_override = ?, capacity_note = ?, year_only = ?, last_changed_run = ? WHERE fid = ?")),
      m_areas_delete(db.prepare("DELETE FROM plan_areas WHERE plan_fid = ?")),
      m_areas_insert(db.prepare("INSERT INTO plan_areas (geom, plan_fid, area_key, uses, use_codes, residential, regulations, "
                                "area_m2, capacity_estimate, capacity_method, geometry_repair) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
      m_missing(db.prepare("UPDATE plans SET missing_since_run = ? WHERE fid = ?")),
      m_digests(db, "plan_digests"), m_seen(db, "plan_seen") {}

std::unordered_map<std::string, StoredPlan> PlanTable::load(const std::string& municipality) {
    std::unordered_map<std::string, StoredPlan> out;
    auto st = m_db.prepare(std::string("SELECT fid, geom, municipality, plan_id, name, status, adopted_date, legal_date, "
                                       "implementation_end, planned_dwellings, geometry_repair, missing_since_run, ") +
                           k_capacity_columns + " FROM plans WHERE municipality = ?");
    st.bind(1, municipality);
    while (st.step()) {
        StoredPlan s;
        s.fid = st.column_int64(0);
        PlanRecord& p = s.record;
        p.geom = wkb_column(st, 1);
        p.municipality = st.column_text(2);
        p.plan_id = st.column_text(3);
        p.name = st.column_optional_text(4);
        p.status = from_code(plan_status_codes(), st.column_text(5)).value_or(PlanStatus::paborjad);
        p.adopted = date_column(st, 6);
        p.legal = date_column(st, 7);
        p.implementation_end = date_column(st, 8);
        p.planned_dwellings = st.column_optional_int64(9);
        p.geometry_repair = st.column_optional_text(10);
        s.missing_since_run = st.column_optional_int64(11);
        p.source_format = st.column_optional_text(12).value_or("");
        p.capacity_estimate = st.column_optional_double(13);
        p.capacity_method = st.column_optional_text(14);
        p.capacity_override = st.column_optional_int64(15);
        p.capacity_note = st.column_optional_text(16);
        p.year_only = st.column_optional_text(17);
        out.emplace(p.plan_id, std::move(s));
    }
    auto areas = m_db.prepare("SELECT area_key, uses, use_codes, residential, regulations, geom, area_m2, capacity_estimate, "
                              "capacity_method, geometry_repair FROM plan_areas WHERE plan_fid = ? ORDER BY fid");
    for (auto& [key, plan] : out) {
        areas.reset();
        areas.bind(1, plan.fid);
        while (areas.step()) {
            plan.record.areas.push_back({areas.column_text(0), areas.column_text(1), areas.column_text(2),
                                         areas.column_int64(3) != 0, areas.column_text(4), wkb_column(areas, 5),
                                         areas.column_double(6), areas.column_optional_double(7),
                                         areas.column_optional_text(8), areas.column_optional_text(9)});
        }
    }
    return out;
}

std::int64_t PlanTable::insert(const PlanRecord& p, std::int64_t run) {
    m_insert.reset();
    bind_attributes(m_insert, p);
    m_insert.bind(17, run).bind(18, run).run();
    const std::int64_t fid = m_db.last_insert_rowid();
    write_areas(fid, p);
    return fid;
}

void PlanTable::update(std::int64_t fid, const PlanRecord& p, std::int64_t run) {
    m_update.reset();
    bind_attributes(m_update, p);
    m_update.bind(17, run).bind(18, fid).run();
    write_areas(fid, p);
}

void PlanTable::write_areas(std::int64_t fid, const PlanRecord& p) {
    m_db.prepare("INSERT OR IGNORE INTO assignment_queue (kind, fid) VALUES ('plan', ?)").bind(1, fid).run();
    m_areas_delete.reset();
    m_areas_delete.bind(1, fid).run();
    for (const auto& a : p.areas) {
        m_areas_insert.reset();
        m_areas_insert.bind(1, std::span<const std::uint8_t>(blob(a.geom))).bind(2, fid).bind(3, a.area_key).bind(4, a.uses);
        m_areas_insert.bind(5, a.use_codes).bind(6, a.residential ? 1 : 0).bind(7, a.regulations).bind(8, a.area_m2);
        m_areas_insert.bind(9, a.capacity_estimate).bind(10, a.capacity_method).bind(11, a.geometry_repair).run();
    }
}

void PlanTable::seen(std::int64_t fid, std::int64_t run) { m_seen.seen(fid, run); }

void PlanTable::set_missing(std::int64_t fid, std::optional<std::int64_t> run) {
    m_missing.reset();
    m_missing.bind_all(run, fid).run();
    if (run) m_digests.forget(fid);
}

void PlanTable::seen_all(std::span<const std::int64_t> fids, std::int64_t run) { m_seen.seen_all(fids, run); }

std::int64_t PlanTable::present(const std::string& municipality) {
    return m_db.query_int("SELECT count(*) FROM plans WHERE municipality = ? AND missing_since_run IS NULL", municipality)
        .value_or(0);
}

} // namespace bostad::store::gpkg
