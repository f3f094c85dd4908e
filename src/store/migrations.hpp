#pragma once
// The store's schema versions: each is one SQL file in schemas/store/, applied in order, in one
// transaction together with the bookkeeping (bostad_meta, bostad_schema_history, spatial indexes).

#include <cstdint>
#include <span>
#include <string_view>

namespace bostad::sqlite {
class Database;
}

namespace bostad::store {

inline constexpr std::int64_t k_gpkg_application_id = 0x47504B47; // "GPKG"

struct Migration {
    int version;
    std::string_view file; ///< path under schemas/, e.g. "store/002_pipeline.sql"
    std::string_view sql;
};

/// All migrations, in version order (1, 2, ...).
std::span<const Migration> migrations();

/// The newest schema version this build knows.
int current_schema_version();

/// Applies migrations from+1 .. to inside the caller's transaction. `from` is 0 for a new file.
void apply_migrations(sqlite::Database& db, int from, int to);

} // namespace bostad::store
