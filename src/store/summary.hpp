#pragma once
// What a store holds, for `bostad check`: versions, row counts per table, the last ingest runs.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bostad::store {

class Store;

struct TableCount {
    std::string table;
    std::int64_t rows = 0;
};

struct RunSummary {
    std::int64_t id = 0;
    std::string started_at;
    std::string kind;
    std::string source_path;
    std::optional<std::string> municipality;
    std::int64_t rows_read = 0;
    std::int64_t rows_inserted = 0;
    std::int64_t rows_updated = 0;
    std::int64_t rows_unchanged = 0;
    std::int64_t rows_rejected = 0;
};

struct StoreSummary {
    std::string path;
    int schema_version = 0;
    int tool_schema_version = 0; ///< the newest version this build knows
    std::string created_with;
    std::string created_at;
    std::string last_written_with;
    std::vector<TableCount> tables; ///< every table registered in gpkg_contents
    std::vector<RunSummary> last_runs;
};

StoreSummary summarize(Store& store, int last_runs);

} // namespace bostad::store
