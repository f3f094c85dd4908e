#include "store/gpkg/status_source.hpp"

#include <fmt/format.h>

#include "sqlite/database.hpp"
#include "store/gpkg/permit_area_ids.hpp"
#include "store/gpkg/permit_columns.hpp"
#include "store/gpkg/permit_scan.hpp"
#include "store/gpkg/plan_capacity.hpp"

namespace bostad::store::gpkg {

std::vector<std::string> GpkgStatusSource::area_set_names() {
    std::vector<std::string> out;
    auto st = m_db.prepare("SELECT name FROM area_sets ORDER BY name");
    while (st.step()) out.push_back(st.column_text(0));
    return out;
}

std::optional<std::int64_t> GpkgStatusSource::find_area_set(const std::string& name) {
    return m_db.query_int("SELECT id FROM area_sets WHERE name = ?", name);
}

std::vector<AreaRow> GpkgStatusSource::areas(std::int64_t area_set_id) {
    std::vector<AreaRow> out;
    auto st = m_db.prepare("SELECT fid, area_id, coalesce(name, area_id), coalesce(municipality, '') FROM areas "
                           "WHERE area_set_id = ? ORDER BY area_id");
    st.bind(1, area_set_id);
    while (st.step()) out.push_back({st.column_int64(0), st.column_text(1), st.column_text(2), st.column_text(3)});
    return out;
}

PermitTally GpkgStatusSource::scan_permits(const ScanRequest& request) { return gpkg::scan_permits(m_db, request); }

std::vector<std::vector<ListedPermit>> GpkgStatusSource::list_permits(const ListRequest& req) {
    const Cutoffs<Text> cut = req.days.cutoffs();
    std::vector<const Rule*> rules;
    for (const Figure f : req.figures) rules.push_back(&figure_def(f).rule);
    const PermitAreaIds area_of(m_db, req.area_set_id);
    auto st = m_db.prepare(fmt::format("SELECT {}, p.case_id, coalesce(p.property, '') FROM permits p "
                                       "WHERE p.missing_since_run IS NULL AND (?1 IS NULL OR p.municipality = ?1) "
                                       "ORDER BY p.municipality, p.case_id",
                                       k_permit_columns));
    st.bind(1, req.municipality);
    std::vector<std::vector<ListedPermit>> out(rules.size());
    const auto s = [](const std::optional<Text>& t) { return t ? std::string(*t) : std::string(); };
    while (st.step()) {
        const StageDates<Text> dates = dates_at(st, k_first_date);
        const PipelineState state = state_at(dates, cut);
        for (std::size_t i = 0; i < rules.size(); ++i) {
            if (!holds(*rules[i], dates, cut, state)) continue;
            constexpr int k = k_permit_column_count; // case_id, property
            out[i].push_back({std::string(st.column_view(1)), st.column_text(k), st.column_text(k + 1), st.column_text(2),
                              st.column_text(3), st.column_optional_int64(4), s(area_of.of(st.column_int64(0))),
                              s(dates.applied), s(dates.granted), s(dates.started), s(dates.completed)});
        }
    }
    return out;
}

std::unordered_map<std::int64_t, LegalPlan> GpkgStatusSource::legal_plans(const std::optional<std::string>& municipality,
                                                                          const Cutoffs<Text>& cut,
                                                                          const std::vector<std::int32_t>* capacity_use) {
    return gpkg::legal_plans(m_db, municipality, cut, capacity_use);
}

std::vector<PlanShare> GpkgStatusSource::plan_shares(std::int64_t area_set_id,
                                                     const std::unordered_map<std::int64_t, std::size_t>& area_index) {
    return gpkg::plan_shares(m_db, area_set_id, area_index);
}

} // namespace bostad::store::gpkg
