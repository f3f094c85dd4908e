#pragma once
// What a status reads from a store: its area sets and areas, one pass over its permits (counted by area,
// municipality, house type and tenure, by the figures of core/figures.hpp), the permits behind a figure, its
// plans with legal force and their shares of the areas. The GeoPackage store answers with a pass in C++ over
// SQLite; the PostGIS store with SQL written from the same rules that counts in the database.
// aggregate::compute_status() puts the answers together the same way for every store.

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/figures.hpp"

namespace bostad::store {

struct AreaRow {
    std::int64_t fid = 0;
    std::string area_id, name, municipality;
};

/// Days between two stage dates, for the lead times of the last 12 months.
struct LeadTime {
    std::int64_t count = 0;
    std::optional<double> median_days;
    std::optional<double> p90_days;
    std::optional<double> share_within_10_weeks; ///< applied → granted only
};

/// What the pass found for one municipality.
struct MunicipalityTally {
    Figures figures;
    std::vector<double> to_granted, to_started, to_completed; ///< days, steps ended in the last 12 months
    std::vector<std::int64_t> completed_since;                ///< per target: dwellings completed since its start
    /// Per month of the series (ScanRequest::series_months, oldest first): the dwellings of every figure that
    /// counts a date inside its month (the flows: applied, granted, started, completed in the month) — what the
    /// status of each of those months would count, from this one pass.
    std::vector<Counts> series;
    /// ScanRequest::earlier: the dwellings of every figure at the end of that month, as its own status counts them.
    Counts earlier;
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
    std::vector<std::string> municipalities;                  ///< only these (sorted; empty: every one)
    MonthDays days;
    std::map<std::string, std::vector<std::string>> target_starts; ///< municipality → first day of each target
    int series_months = 0; ///< > 0: the monthly flows of this many months up to the month (MunicipalityTally::series)
    std::optional<MonthDays> earlier; ///< also the figures at the end of this earlier month (MunicipalityTally::earlier)
};

/// A plan with legal force at the end of the month: its capacity and what permits inside it have used.
struct LegalPlan {
    std::string municipality, plan_id, name, legal_date, implementation_end;
    std::optional<std::int64_t> capacity;
    std::string capacity_source; ///< override | delivered | estimate | none
    std::string capacity_method, capacity_note;
    std::int64_t used = 0;

    double counted() const { return static_cast<double>(capacity.value_or(0)); }
    double remaining() const { return static_cast<double>(std::max<std::int64_t>(0, capacity.value_or(0) - used)); }
};

/// One plan's share of an area (area index into the caller's areas).
struct PlanShare {
    std::int64_t plan_fid;
    std::size_t area;
    double share;
};

/// The permits behind figures at the end of a month (several lists from one pass over the permits).
struct ListRequest {
    std::int64_t area_set_id = -1; ///< the area_id of each permit is its area in this set
    std::optional<std::string> municipality;
    MonthDays days;
    std::vector<Figure> figures; ///< one list each
};

/// A permit as the lists show it (dates as stored, ISO).
struct ListedPermit {
    std::string municipality;
    std::string case_id;
    std::string property;
    std::string house_type;
    std::string tenure;
    std::optional<std::int64_t> dwellings; ///< nullopt: unknown
    std::string area_id; ///< in the requested area set; empty when unassigned
    std::string applied;
    std::string granted;
    std::string started;
    std::string completed;
};

class StatusSource {
public:
    virtual ~StatusSource() = default;
    virtual std::vector<std::string> area_set_names() = 0;
    virtual std::optional<std::int64_t> find_area_set(const std::string& name) = 0;
    /// The areas of a set, ordered by area_id (name falls back to the id).
    virtual std::vector<AreaRow> areas(std::int64_t area_set_id) = 0;
    virtual PermitTally scan_permits(const ScanRequest& request) = 0;
    /// One list per requested figure, in the request's order, each ordered by municipality and case_id (byte order).
    virtual std::vector<std::vector<ListedPermit>> list_permits(const ListRequest& request) = 0;
    /// Keyed by plan fid. `capacity_use`, when given, holds per permit fid the dwellings that count against a
    /// plan (from the status's permit pass over every permit); a source may ignore it and work the use out.
    virtual std::unordered_map<std::int64_t, LegalPlan> legal_plans(const std::optional<std::string>& municipality,
                                                                    const Cutoffs<std::string_view>& cut,
                                                                    const std::vector<std::int32_t>* capacity_use) = 0;
    /// The shares of the plans in the areas of a set; a plan's rest (1 − Σ shares) lies in no area.
    virtual std::vector<PlanShare> plan_shares(std::int64_t area_set_id,
                                               const std::unordered_map<std::int64_t, std::size_t>& area_index) = 0;
};

} // namespace bostad::store
