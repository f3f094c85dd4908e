#pragma once
// What one ingest is asked to do, and what it did.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/delivery.hpp"
#include "core/fields.hpp"

namespace bostad::sweden {
class Outlines;
}

namespace bostad::ingest {

/// A delivery (what, which files, how to read them) and how to ingest it.
struct IngestRequest : Delivery {
    bool dry_run = false;
    double max_repair_area_change = 0.01; ///< MakeValid may change a polygon's area by at most this fraction
    /// The kommun outlines rows are judged against (none: SCB's, built in), and the tolerance for their
    /// coarseness (sweden/placement.hpp).
    std::shared_ptr<const sweden::Outlines> outlines;
    double boundary_tolerance_m = 5000;
};

struct RejectSample {
    std::string file;
    std::int64_t row = 0;
    std::string key;
    std::string reason;
    std::string field;
    std::string message;
};

struct IngestReport {
    std::optional<std::int64_t> run_id; ///< nullopt for a dry run
    bool dry_run = false;
    DataKind kind = DataKind::permits;
    std::vector<std::string> files;
    std::string crs;     ///< the CRS the coordinates were read in
    std::string mapping; ///< empty when none
    std::int64_t read = 0;
    std::int64_t inserted = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::int64_t rejected = 0;
    std::int64_t rejected_known = 0; ///< of the rejected, rows already in the quarantine (moved to this run)
    std::int64_t skipped = 0;  ///< rows the project did not ask for (keep filters, other kommuner): not rejected
    std::int64_t repeated = 0; ///< identical repeats, counted once (in unchanged)
    std::int64_t recognized = 0; ///< unchanged rows recognised by their digest, not decoded again (in unchanged)
    std::map<std::string, std::int64_t> rejected_by_reason;
    std::map<std::string, std::int64_t> skipped_by_reason;
    std::int64_t events = 0;
    std::int64_t missing_from_snapshot = 0;
    std::int64_t reappeared = 0;
    std::int64_t dates_moved_back = 0;
    std::int64_t repaired_geometries = 0;
    std::int64_t replaced_areas = 0; ///< areas: how many the set had before
    std::int64_t near_border = 0;    ///< accepted rows outside their kommun's outline, near another kommun
    std::vector<std::string> near_border_samples; ///< the first of them, where they lie
    std::map<std::string, std::int64_t> placed_by_location; ///< areas without a kommun, given one by location
    std::vector<std::string> split_areas;                   ///< of those, the ones split across kommuner
    std::map<std::string, std::int64_t> outside_project;    ///< areas: accepted areas of kommuner the project does not cover
    std::vector<RejectSample> samples; ///< the first rejected rows, for the summary
    std::vector<RejectSample> skip_samples; ///< the first skipped rows (field empty)
    std::map<std::string, double> seconds; ///< time per step: read, dedupe, write, index
};

} // namespace bostad::ingest
