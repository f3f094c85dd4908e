#pragma once
// What export and report read from a store besides the status: the features of the layers and maps (areas,
// permits, plans, quarantined rows) and the bookkeeping they show (sources, runs, rejects). Every store gives
// the same rows in the same order (text in byte order), so that the files are the same whichever store they
// come from.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/pipeline.hpp"

namespace bostad::store {

struct AreaFeature {
    std::string area_id;
    std::string name; ///< empty when none
    std::optional<std::string> municipality;
    std::vector<std::uint8_t> wkb; ///< ISO WKB in EPSG:3006; empty when none
};

/// A permit, valid during the callback that receives it.
struct PermitFeature {
    std::string_view municipality, case_id;
    std::optional<std::string_view> property, house_type, tenure;
    std::optional<std::int64_t> dwellings; ///< nullopt: unknown
    std::int64_t dwellings_removed = 0;
    StageDates<std::string_view> dates; ///< ISO
    std::optional<std::string_view> area_id; ///< in the requested area set
    std::optional<std::string_view> assumed; ///< fields whose value came from the mapping's [defaults]
    std::span<const std::uint8_t> wkb;       ///< the point, ISO WKB; empty when not asked for
};

struct PlanFeature {
    std::string municipality, plan_id;
    std::optional<std::string> name;
    std::string status;
    std::optional<std::string> adopted_date, legal_date, implementation_end, geometry_repair;
    std::vector<std::uint8_t> wkb;
};

struct RejectedFeature {
    std::optional<std::int64_t> run_id, source_row;
    std::optional<std::string> kind, municipality, source_file, source_fid, reason_code, field, message, raw_attributes;
    std::vector<std::uint8_t> wkb; ///< never empty
};

/// The runs of one source.
struct SourceSummary {
    std::string path, kind;
    std::int64_t runs = 0;
    std::optional<std::string> last_finished; ///< none while a run is unfinished
};

/// One ingest run and its counts.
struct SourceRun {
    std::int64_t run_id = 0;
    std::string source;
    std::string kind;
    std::string finished_at;
    std::int64_t read = 0, inserted = 0, updated = 0, unchanged = 0, rejected = 0;
    std::int64_t skipped = 0; ///< rows outside the project (keep filters, other kommuner): not data-quality problems
};

/// A permit lying in a plan: the permit's municipality and case_id, the plan's municipality and plan_id.
struct PermitPlanLink {
    std::string_view municipality, case_id, plan_municipality, plan_id;
};

struct PermitQuery {
    std::optional<std::string> area_set; ///< area_id from this set
    bool geometry = false;               ///< read the points too
};

class FeatureSource {
public:
    virtual ~FeatureSource() = default;
    /// The areas of a set by name, ordered by area_id.
    virtual std::vector<AreaFeature> areas(const std::string& area_set) = 0;
    /// Every permit not missing from the latest full snapshot, ordered by municipality and case_id.
    virtual void permits(const PermitQuery& query, const std::function<void(const PermitFeature&)>& each) = 0;
    /// Every plan not missing from the latest full snapshot, ordered by municipality and plan_id.
    virtual void plans(const std::function<void(const PlanFeature&)>& each) = 0;
    /// Every plan each permit lies in (a permit may lie in several: an old plan and the one that replaced it),
    /// both not missing from the latest full snapshot, ordered by municipality, case_id, plan municipality and
    /// plan_id (bytewise).
    virtual void permit_plans(const std::function<void(const PermitPlanLink&)>& each) = 0;
    /// The quarantined rows that have a geometry, in the order they were rejected.
    virtual void rejected(const std::function<void(const RejectedFeature&)>& each) = 0;
    /// Every source with its runs, ordered by path and kind.
    virtual std::vector<SourceSummary> sources() = 0;
    /// The latest run of every source, ordered by kind and path.
    virtual std::vector<SourceRun> latest_runs() = 0;
    /// Rejected rows of the runs, by reason code.
    virtual std::map<std::string, std::int64_t> rejects_by_reason(const std::vector<std::int64_t>& runs) = 0;
    /// Dwellings completed from `first` to `last` (ISO, both included) in the municipality, of permits neither
    /// refused nor withdrawn.
    virtual std::int64_t completed_dwellings(const std::string& municipality, const std::string& first, const std::string& last) = 0;
    /// Per municipality with permits: the earliest stage date of any of its permits (ISO), where what the store
    /// knows of it begins. One pass over the permits.
    virtual std::map<std::string, std::string> first_dates() = 0;
};

} // namespace bostad::store
