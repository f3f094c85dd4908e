#pragma once
// What a store holds, for `bostad check` (the same form for every store): versions, row counts per table, the last ingest runs, and
// stored text that looks like personal data (personnummer).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bostad::store {

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

/// A stored text value that looks like a personnummer (core/personnummer.hpp).
struct PersonalDataHit {
    std::string table;
    std::string column;
    std::optional<std::int64_t> row; ///< the row's rowid (fid) or id, when the table has one
    std::string masked;              ///< the number with its last four digits masked
};

/// Every stored text value checked for personnummer-like numbers: how many carry one, and the first few.
struct PersonalDataScan {
    static constexpr std::size_t k_samples = 20;
    std::int64_t values = 0;
    std::vector<PersonalDataHit> samples;
    /// Counts a hit, keeping it as a sample while there are fewer than k_samples.
    void add(PersonalDataHit hit);
};

/// How many rows of a table name an ingest run (in `column`) that is not in ingest_runs.
struct DanglingRuns {
    std::string table;
    std::string column;
    std::int64_t rows = 0;
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
    PersonalDataScan personal_data;
    std::vector<DanglingRuns> run_references; ///< every run column of store/schema.hpp, 0 rows when sound
    /// Rows, over all run columns, that name no run.
    std::int64_t dangling_runs() const;
};

} // namespace bostad::store
