#pragma once
// The plans behind a status: those with legal force at the end of the month (laga kraft, legal date on or
// before it), the dwellings each counts for (override, else delivered, else estimated: core/records.hpp), what
// of it permits inside the plan have used (granted or later), and how both are shared out over the areas of
// a set (plan_area_shares, made at ingest).

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "aggregate/month_rules.hpp"

namespace bostad::sqlite {
class Database;
}

namespace bostad::aggregate {

struct LegalPlan {
    std::string municipality, plan_id, name, legal_date, implementation_end;
    std::optional<std::int64_t> capacity;
    std::string capacity_source; ///< override | delivered | estimate | none
    std::string capacity_method, capacity_note;
    std::int64_t used = 0;

    double counted() const { return static_cast<double>(capacity.value_or(0)); }
    double remaining() const { return static_cast<double>(std::max<std::int64_t>(0, capacity.value_or(0) - used)); }
};

/// Keyed by plan fid. `capacity_use`, when given, holds per permit fid the dwellings that count against a
/// plan (from the status's permit pass over every permit); otherwise they are worked out here.
std::unordered_map<std::int64_t, LegalPlan> legal_plans(sqlite::Database& db, const std::optional<std::string>& municipality,
                                                        const Cutoffs<Text>& cut,
                                                        const std::vector<std::int32_t>* capacity_use = nullptr);

/// One plan's share of an area (area index into the caller's areas).
struct PlanShare {
    std::int64_t plan_fid;
    std::size_t area;
    double share;
};

/// The shares of the plans in the areas of a set; a plan's rest (1 − Σ shares) lies in no area.
std::vector<PlanShare> plan_shares(sqlite::Database& db, std::int64_t area_set_id,
                                   const std::unordered_map<std::int64_t, std::size_t>& area_index);

} // namespace bostad::aggregate
