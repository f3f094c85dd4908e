#pragma once
// The store's schema, the same for every store: its versions (one SQL file each in schemas/store/, the GeoPackage
// form; schemas/postgis/store.sql states the newest in PostgreSQL's types) and its tables.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bostad::store {

struct Migration {
    int version;
    std::string_view file; ///< path under schemas/, e.g. "store/002_pipeline.sql"
    std::string_view sql;
};

/// All migrations, in version order (1, 2, ...).
std::span<const Migration> migrations();

/// The newest schema version this build knows.
int current_schema_version();

/// The store's tables in the order a copy fills them (referenced tables first).
const std::vector<std::string>& store_tables();

/// A column that names an ingest run (ingest_runs.id). Neither store checks these row by row (a foreign key
/// per row made bulk loads five times slower); bostad writes each in its run's transaction and `bostad check`
/// verifies them.
struct RunReference {
    const char* table;
    const char* column;
};
std::span<const RunReference> run_references();

/// SQL that counts the rows of the reference's table whose run is named but not in ingest_runs.
std::string dangling_run_sql(const RunReference& r, std::string (*quote)(std::string_view));

} // namespace bostad::store
