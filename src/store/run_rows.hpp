#pragma once
// The rows of the ingest bookkeeping (runs, events, quarantine), the same for every store.

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/delivery.hpp"

namespace bostad::store {

struct RunStart {
    Delivery delivery; ///< kind, files, layer, mapping, municipality, area set, snapshot, source name
    std::string source_path; ///< the files, "; "-separated
    std::string source_checksum;
    std::optional<std::string> source_crs;
};

struct RunCounts {
    std::int64_t read = 0;
    std::int64_t inserted = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::int64_t rejected = 0;
    std::int64_t skipped = 0;
    std::int64_t repeated = 0; ///< part of unchanged
    std::string notes_json = "{}";
};

struct EventRow {
    std::string entity; ///< permit | plan
    std::string municipality;
    std::string key;
    std::string kind; ///< changed | date_moved_back | date_removed | status_moved_back | missing_from_snapshot | reappeared
    std::optional<std::string> field;
    std::optional<std::string> old_value;
    std::optional<std::string> new_value;
};

struct RejectRow {
    std::string kind;
    std::optional<std::string> municipality;
    std::string source_file;
    std::int64_t source_row = 0;
    std::optional<std::string> source_fid;
    std::string reason_code;
    std::optional<std::string> field;
    std::string message;
    std::string raw_attributes; ///< JSON object
    std::span<const std::uint8_t> geometry_wkb; ///< EPSG:3006; empty when none
    std::optional<std::string> raw_geometry;
    std::string content_key; ///< what the row is (ingest/write/quarantine.hpp): the same key is the same row
    std::optional<std::string> entity_key; ///< case_id, plan_id or area_id as far as it could be read
};

/// Whether the run counts add up: read = inserted + updated + unchanged + skipped + rejected. Throws
/// InternalError naming the run when they do not (the run is then rolled back).
void check_run_counts(std::int64_t run, const RunCounts& c);

} // namespace bostad::store
