#pragma once
// The recorded history of one permit or plan: when it was first ingested, its events, and the runs.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sqlite/database.hpp"

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

/// The tables a history reads and the fields it shows as current values.
struct HistoryTable {
    const char* entity;
    const char* table;
    const char* key_column;
    std::vector<const char*> fields;
};
const std::vector<HistoryTable>& history_tables();

/// Every permit and plan whose case_id or plan_id is `key` (optionally in one municipality).
std::vector<EntityHistory> find_history(sqlite::Database& db, const std::string& key,
                                        const std::optional<std::string>& municipality);

/// Stored case and plan ids close to `key`, for "did you mean".
std::vector<std::string> similar_keys(sqlite::Database& db, const std::string& key);

} // namespace bostad::store
