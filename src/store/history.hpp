#pragma once
// The recorded history of one permit or plan (the same form for every store): when it was first ingested,
// its values now, and its events with their runs.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bostad::store {

struct HistoryEvent {
    std::int64_t run_id = 0;
    std::string run_started_at;
    std::string run_source;
    std::string kind;
    std::optional<std::string> field;
    std::optional<std::string> old_value;
    std::optional<std::string> new_value;
};

struct EntityHistory {
    std::string entity; ///< permit | plan
    std::string municipality;
    std::string key;
    std::int64_t first_run = 0;
    std::string first_run_at;
    std::string first_run_source;
    std::optional<std::int64_t> missing_since_run;
    std::vector<std::pair<std::string, std::optional<std::string>>> current; ///< field → value
    std::vector<HistoryEvent> events;
};

/// A row of the quarantine that names a case or plan: what `bostad history` says of a key that is only there.
struct RejectedEntry {
    std::string kind; ///< permits | plans | areas
    std::string municipality;
    std::string key;
    std::int64_t run_id = 0;
    std::string run_started_at;
    std::string source_file;
    std::int64_t source_row = 0;
    std::string reason_code;
    std::string message;
};

/// The tables a history reads and the fields it shows as current values.
struct HistoryTable {
    const char* entity;
    const char* table;
    const char* key_column;
    const char* extra_key_column; ///< permits: key_extra (the key is permit_id(case_id, key_extra)); else nullptr
    std::vector<const char*> fields;
};
const std::vector<HistoryTable>& history_tables();

} // namespace bostad::store
