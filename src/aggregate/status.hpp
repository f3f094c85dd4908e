#pragma once
// The status of the housing pipeline per area and month (product.md, issue 5): dwellings at each stage at
// the end of the month, the month's flows, the year so far, the planned capacity of plans with legal force
// and what of it is unused, flags (lapsed, overdue, stalled), splits by house type and tenure, lead times
// and targets per municipality. Computed from the store's assignments (permit → area, plan → area shares),
// so a status never joins geometries.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/figures.hpp"
#include "store/status_source.hpp"

namespace bostad::config {
struct Config;
}

namespace bostad::aggregate {

using bostad::Counts;
using bostad::Figures;

struct AreaStatus {
    std::string area_id;
    std::string name;
    std::string municipality;
    Figures figures;
};

using store::LeadTime;
using store::ListedPermit;
using store::StatusSource;

struct TargetProgress {
    std::string description;
    Month from;
    Month to;
    std::int64_t dwellings = 0;
    double expected_by_now = 0;       ///< on the straight path from `from` to `to`
    std::int64_t completed_since_from = 0;
};

struct MunicipalityStatus {
    std::string code;
    std::string name;
    Figures figures;
    LeadTime applied_to_granted;
    LeadTime granted_to_started;
    LeadTime started_to_completed;
    std::vector<TargetProgress> targets;
    std::int64_t plans_with_legal_force = 0;
    std::int64_t plans_without_capacity = 0; ///< counted with 0: no number delivered, estimated or given
    std::map<std::string, double> planned_by_source; ///< capacity by where it comes from (capacity_source)
    /// StatusRequest::series_months months up to the month, oldest first: the dwellings of the flow figures (in
    /// the month) as each month's own status counts them; empty when not asked for.
    std::vector<Counts> series;
    Counts earlier; ///< StatusRequest::earlier: the dwellings of each figure at the end of that month
};

struct StatusRequest {
    Month month;
    std::optional<std::string> area_set;     ///< none: every permit is unassigned
    std::optional<std::string> municipality; ///< only this municipality's areas, permits and plans
    int stalled_months = 12;
    int series_months = 0; ///< > 0: also each municipality's monthly flows of this many months (one pass)
    /// Also the dwellings of each figure at the end of this earlier month (StatusResult::earlier), from the same
    /// pass: what that month's status would count, without its plans.
    std::optional<Month> earlier;
    /// Municipality names and targets, and the kommuner the project covers: a status leaves out the areas,
    /// permits and plans of any other kommun (they stay in the store).
    const config::Config* config = nullptr;
};

struct StatusResult {
    Month month;
    std::string area_set;
    std::vector<AreaStatus> areas;
    Figures unassigned;
    Figures total;
    std::vector<MunicipalityStatus> municipalities;
    std::int64_t areas_left_out = 0;  ///< areas of the set in kommuner outside the scope
    std::optional<Counts> earlier;    ///< StatusRequest::earlier: the total's dwellings at the end of that month
};

/// Throws UsageError for a month after the current one, or an area set the store does not have.
StatusResult compute_status(StatusSource& source, const StatusRequest& request);
/// UsageError for a month that has not begun.
void check_month(Month month);
/// The id of the requested area set, -1 for none; UsageError naming the sets there are for an unknown one.
std::int64_t resolve_area_set(StatusSource& source, const StatusRequest& request);

enum class ListKind { lapsed, overdue, stalled, new_permits, completed };

/// The figure whose permits a list names: lapsed, overdue, stalled, applied in the month (new), completed in it.
Figure list_figure(ListKind kind);

/// The permits behind a flag or flow of the month: lapsed, overdue, stalled (at the end of the month), new
/// (applied in the month) or completed (in the month).
std::vector<ListedPermit> list_permits(StatusSource& source, const StatusRequest& request, ListKind kind);
/// Several lists from one pass over the permits, in the order of `kinds`.
std::vector<std::vector<ListedPermit>> list_permits(StatusSource& source, const StatusRequest& request, const std::vector<ListKind>& kinds);

/// A plan with legal force at the end of the month, with where its capacity comes from.
struct ListedPlan {
    std::string municipality;
    std::string plan_id;
    std::string name;
    std::string legal_date;
    std::string implementation_end;
    std::optional<std::int64_t> capacity;
    std::string capacity_source; ///< override (config) | delivered (planned_dwellings) | estimate | none
    std::string capacity_method; ///< how an estimate was made
    std::string capacity_note;   ///< the planner's note of an override
    std::int64_t used = 0;       ///< dwellings of permits inside it that reached granted or later
    std::int64_t remaining = 0;  ///< capacity − used, never below zero
};

std::vector<ListedPlan> list_plans(StatusSource& source, const StatusRequest& request);

} // namespace bostad::aggregate
