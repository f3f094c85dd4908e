#pragma once
// The one pass over the permits behind a status: each permit's stage, flags and flows at the end of the
// month, added to its area (looked up by fid in the area set's assignments, read once), to its municipality
// and to the splits by house type and tenure, with the lead-time samples and the completions that count for
// the targets. The permits are split by fid over the cores, each part read through its own read-only
// connection; when the store is not a file or the caller has a transaction open (whose changes other
// connections would not see), it is one pass on the caller's connection.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "aggregate/month_rules.hpp"
#include "aggregate/status.hpp"

namespace bostad::sqlite {
class Database;
}

namespace bostad::aggregate {

/// What the pass found for one municipality.
struct MunicipalityTally {
    Figures figures;
    std::vector<double> to_granted, to_started, to_completed; ///< days, steps ended in the last 12 months
    std::vector<std::int64_t> completed_since;                ///< per target: dwellings completed since its start
    /// applied→granted, granted→started, started→completed, when the store summarized the samples itself
    std::optional<std::tuple<LeadTime, LeadTime, LeadTime>> lead_times;
};

struct PermitTally {
    std::vector<Figures> areas; ///< in the order of ScanRequest::area_index
    Figures unassigned;
    std::map<std::string, MunicipalityTally> municipalities;
    /// Per permit fid: its dwellings when it counts against a plan's capacity (granted or later), else 0.
    std::vector<std::int32_t> capacity_use;
};

struct ScanRequest {
    std::int64_t area_set_id = -1;                            ///< -1: no area set
    std::unordered_map<std::int64_t, std::size_t> area_index; ///< area fid → index into PermitTally::areas
    std::optional<std::string> municipality;                  ///< only this municipality's permits
    MonthDays days;
    std::map<std::string, std::vector<std::string>> target_starts; ///< municipality → first day of each target
};

PermitTally scan_permits(sqlite::Database& db, const ScanRequest& request);

} // namespace bostad::aggregate
