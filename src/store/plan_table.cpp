#include "store/plan_table.hpp"

#include "store/codec.hpp"

namespace bostad::store {
namespace {

void bind_attributes(sqlite::Statement& st, const PlanRecord& p) {
    st.bind(1, std::span<const std::uint8_t>(blob(p.geom)));
    st.bind(2, p.municipality).bind(3, p.plan_id).bind(4, p.name).bind(5, std::string(code(p.status)));
    st.bind(6, p.adopted).bind(7, p.legal).bind(8, p.implementation_end);
    st.bind(9, p.planned_dwellings).bind(10, p.geometry_repair);
}

} // namespace

PlanTable::PlanTable(sqlite::Database& db)
    : m_db(db),
      m_insert(db.prepare("INSERT INTO plans (geom, municipality, plan_id, name, status, adopted_date, legal_date, "
                          "implementation_end, planned_dwellings, geometry_repair, first_run, last_changed_run, "
                          "last_seen_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
      m_update(db.prepare("UPDATE plans SET geom = ?, municipality = ?, plan_id = ?, name = ?, status = ?, "
                          "adopted_date = ?, legal_date = ?, implementation_end = ?, planned_dwellings = ?, "
                          "geometry_repair = ?, last_changed_run = ?, last_seen_run = ? WHERE fid = ?")),
      m_seen(db.prepare("UPDATE plans SET last_seen_run = ? WHERE fid = ?")),
      m_missing(db.prepare("UPDATE plans SET missing_since_run = ? WHERE fid = ?")) {}

std::unordered_map<std::string, StoredPlan> PlanTable::load(const std::string& municipality) {
    std::unordered_map<std::string, StoredPlan> out;
    auto st = m_db.prepare("SELECT fid, geom, municipality, plan_id, name, status, adopted_date, legal_date, "
                           "implementation_end, planned_dwellings, geometry_repair, missing_since_run FROM plans "
                           "WHERE municipality = ?");
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
        out.emplace(p.plan_id, std::move(s));
    }
    return out;
}

std::int64_t PlanTable::insert(const PlanRecord& p, std::int64_t run) {
    m_insert.reset();
    bind_attributes(m_insert, p);
    m_insert.bind(11, run).bind(12, run).bind(13, run).run();
    return m_db.last_insert_rowid();
}

void PlanTable::update(std::int64_t fid, const PlanRecord& p, std::int64_t run) {
    m_update.reset();
    bind_attributes(m_update, p);
    m_update.bind(11, run).bind(12, run).bind(13, fid).run();
}

void PlanTable::seen(std::int64_t fid, std::int64_t run) {
    m_seen.reset();
    m_seen.bind_all(run, fid).run();
}

void PlanTable::set_missing(std::int64_t fid, std::optional<std::int64_t> run) {
    m_missing.reset();
    m_missing.bind_all(run, fid).run();
}

} // namespace bostad::store
