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

#include "store/gpkg/permit_columns.hpp"
#include "store/status_source.hpp"

namespace bostad::sqlite {
class Database;
}

namespace bostad::store::gpkg {

/// Keyed by plan fid. `capacity_use`, when given, holds per permit fid the dwellings that count against a
/// plan (from the status's permit pass over every permit); otherwise they are worked out here.
std::unordered_map<std::int64_t, LegalPlan> legal_plans(sqlite::Database& db, const std::optional<std::string>& municipality,
                                                        const Cutoffs<Text>& cut,
                                                        const std::vector<std::int32_t>* capacity_use = nullptr);

/// The shares of the plans in the areas of a set; a plan's rest (1 − Σ shares) lies in no area.
std::vector<PlanShare> plan_shares(sqlite::Database& db, std::int64_t area_set_id,
                                   const std::unordered_map<std::int64_t, std::size_t>& area_index);

} // namespace bostad::store::gpkg
