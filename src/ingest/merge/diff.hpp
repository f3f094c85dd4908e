#pragma once
// What changed between a stored permit or plan and the delivered one: one change per field, classified
// so that suspicious changes (a date moving backwards or disappearing, a plan status going back) are flagged.

#include <optional>
#include <string>
#include <vector>

#include "core/records.hpp"

namespace bostad::ingest {

struct FieldChange {
    std::string field;
    std::optional<std::string> old_value;
    std::optional<std::string> new_value;
    std::string kind; ///< changed | date_moved_back | date_removed | status_moved_back
};

std::vector<FieldChange> compare(const PermitRecord& before, const PermitRecord& after);
std::vector<FieldChange> compare(const PlanRecord& before, const PlanRecord& after);

} // namespace bostad::ingest
