#include "aggregate/status_source.hpp"

#include "sqlite/database.hpp"

namespace bostad::aggregate {

std::vector<std::string> SqliteStatusSource::area_set_names() {
    std::vector<std::string> out;
    auto st = m_db.prepare("SELECT name FROM area_sets ORDER BY name");
    while (st.step()) out.push_back(st.column_text(0));
    return out;
}

std::optional<std::int64_t> SqliteStatusSource::find_area_set(const std::string& name) {
    return m_db.query_int("SELECT id FROM area_sets WHERE name = ?", name);
}

std::vector<AreaRow> SqliteStatusSource::areas(std::int64_t area_set_id) {
    std::vector<AreaRow> out;
    auto st = m_db.prepare("SELECT fid, area_id, coalesce(name, area_id), coalesce(municipality, '') FROM areas "
                           "WHERE area_set_id = ? ORDER BY area_id");
    st.bind(1, area_set_id);
    while (st.step()) out.push_back({st.column_int64(0), st.column_text(1), st.column_text(2), st.column_text(3)});
    return out;
}

PermitTally SqliteStatusSource::scan_permits(const ScanRequest& request) { return aggregate::scan_permits(m_db, request); }

std::unordered_map<std::int64_t, LegalPlan> SqliteStatusSource::legal_plans(const std::optional<std::string>& municipality,
                                                                            const Cutoffs<Text>& cut,
                                                                            const std::vector<std::int32_t>* capacity_use) {
    return aggregate::legal_plans(m_db, municipality, cut, capacity_use);
}

std::vector<PlanShare> SqliteStatusSource::plan_shares(std::int64_t area_set_id,
                                                       const std::unordered_map<std::int64_t, std::size_t>& area_index) {
    return aggregate::plan_shares(m_db, area_set_id, area_index);
}

} // namespace bostad::aggregate
