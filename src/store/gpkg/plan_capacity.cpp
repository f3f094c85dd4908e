#include "store/gpkg/plan_capacity.hpp"

#include <fmt/format.h>

#include "core/records.hpp"
#include "sqlite/database.hpp"

namespace bostad::store::gpkg {
namespace {

std::string capacity_source(const sqlite::Statement& st, int override_col, int delivered_col, int estimate_col) {
    if (!st.is_null(override_col)) return "override";
    if (!st.is_null(delivered_col)) return "delivered";
    if (!st.is_null(estimate_col)) return "estimate";
    return "none";
}

} // namespace

std::unordered_map<std::int64_t, LegalPlan> legal_plans(sqlite::Database& db, const std::optional<std::string>& municipality,
                                                        const Cutoffs<Text>& cut, const std::vector<std::int32_t>* capacity_use) {
    std::unordered_map<std::int64_t, LegalPlan> plans;
    auto st = db.prepare("SELECT fid, municipality, plan_id, coalesce(name, ''), legal_date, coalesce(implementation_end, ''), "
                         "capacity_override, planned_dwellings, capacity_estimate, coalesce(capacity_method, ''), "
                         "coalesce(capacity_note, '') FROM plans WHERE status = 'laga_kraft' AND legal_date <= ?1 "
                         "AND missing_since_run IS NULL AND (?2 IS NULL OR municipality = ?2) ORDER BY fid");
    st.bind(1, cut.day).bind(2, municipality);
    while (st.step()) {
        LegalPlan p{st.column_text(1), st.column_text(2), st.column_text(3), st.column_text(4), st.column_text(5),
                    plan_capacity(st.column_optional_int64(6), st.column_optional_int64(7), st.column_optional_double(8)),
                    capacity_source(st, 6, 7, 8), st.column_text(9), st.column_text(10), 0};
        plans.emplace(st.column_int64(0), std::move(p));
    }
    if (capacity_use) {
        auto pairs = db.prepare("SELECT plan_fid, permit_fid FROM permit_plans");
        while (pairs.step()) {
            const auto it = plans.find(pairs.column_int64(0));
            const auto fid = static_cast<std::size_t>(pairs.column_int64(1));
            if (it != plans.end() && fid < capacity_use->size()) it->second.used += (*capacity_use)[fid];
        }
        return plans;
    }
    auto used = db.prepare(fmt::format("SELECT pp.plan_fid, {} FROM permit_plans pp JOIN permits p ON p.fid = pp.permit_fid "
                                       "WHERE p.missing_since_run IS NULL",
                                       k_permit_columns));
    while (used.step()) {
        const auto it = plans.find(used.column_int64(0));
        if (it == plans.end()) continue;
        if (uses_capacity(state_at(dates_at(used, k_first_date + 1), cut))) it->second.used += used.column_int64(5);
    }
    return plans;
}

std::vector<PlanShare> plan_shares(sqlite::Database& db, std::int64_t area_set_id,
                                   const std::unordered_map<std::int64_t, std::size_t>& area_index) {
    std::vector<PlanShare> out;
    auto st = db.prepare("SELECT plan_fid, area_fid, share FROM plan_area_shares WHERE area_set_id = ? AND area_fid IS NOT NULL "
                         "ORDER BY plan_fid, area_fid");
    st.bind(1, area_set_id);
    while (st.step()) {
        const auto area = area_index.find(st.column_int64(1));
        if (area != area_index.end()) out.push_back({st.column_int64(0), area->second, st.column_double(2)});
    }
    return out;
}

} // namespace bostad::store::gpkg
