#pragma once
// A PostGIS store written out as a GeoPackage store: every table and row with the same ids and values (the
// way back of copy.hpp), read in the caller's snapshot. Used by `bostad copy --from PG:... --to FILE.gpkg`
// and to give export and report one consistent local snapshot of a PostGIS store.

#include <string>
#include <vector>

#include "pgstore/copy.hpp"

namespace bostad::pgstore {

class PgStore;

/// Creates a GeoPackage store at `path` (which must not exist) holding the PostGIS store's rows. Run it
/// inside a REPEATABLE READ transaction on `from` for a consistent copy.
std::vector<CopiedTable> copy_to_geopackage(PgStore& from, const std::string& path);

} // namespace bostad::pgstore
