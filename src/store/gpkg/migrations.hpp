#pragma once
// A GeoPackage store's schema versions (store/schema.hpp) applied in order, in one transaction together with
// the bookkeeping (bostad_meta, bostad_schema_history, spatial indexes).

#include <cstdint>

#include "store/schema.hpp"

namespace bostad::sqlite {
class Database;
}

namespace bostad::store::gpkg {

inline constexpr std::int64_t k_gpkg_application_id = 0x47504B47; // "GPKG"

/// Applies migrations from+1 .. to inside the caller's transaction. `from` is 0 for a new file.
void apply_migrations(sqlite::Database& db, int from, int to);

} // namespace bostad::store::gpkg
