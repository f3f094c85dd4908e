#pragma once
// The status as JSON (product.md, "bostad status --of json") and as CSV rows: the one form that status,
// export and report all read their numbers from.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aggregate/status.hpp"

namespace bostad::aggregate {

nlohmann::ordered_json status_json(const StatusResult& s);
nlohmann::ordered_json figures_json(const Figures& f);
nlohmann::ordered_json list_json(const StatusRequest& request, ListKind kind, const std::vector<ListedPermit>& permits);
nlohmann::ordered_json plan_list_json(const StatusRequest& request, const std::vector<ListedPlan>& plans);

/// The CSV header and one row per area, then "unassigned" and "total" (formula-safe text).
std::vector<std::vector<std::string>> status_csv_rows(const StatusResult& s);
/// The same for the lists (header first).
std::vector<std::vector<std::string>> list_csv_rows(const std::vector<ListedPermit>& permits);
std::vector<std::vector<std::string>> plan_list_csv_rows(const std::vector<ListedPlan>& plans);

std::string_view list_kind_name(ListKind kind);

} // namespace bostad::aggregate
