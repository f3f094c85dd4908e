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

} // namespace bostad::store
