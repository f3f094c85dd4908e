#pragma once
// Store locations: a GeoPackage path, or a PostGIS database named GDAL's way ("PG:dbname=x host=y",
// "PG:postgresql://..."; anything left out comes from the PG* environment variables, as libpq does).
// bostad reads one option of its own from the string, GDAL's `active_schema=NAME` (default public): the
// schema that holds the store's tables. It is removed before the rest goes to libpq.

#include <string>
#include <string_view>

namespace bostad::pg {

struct ConnInfo {
    std::string libpq;  ///< what libpq is given (keywords or URI), without active_schema
    std::string schema; ///< where the store's tables are
};

/// True for "PG:..." (the prefix as GDAL spells it, any case).
bool is_pg_location(std::string_view location);

/// Parses a "PG:" location. Throws UsageError naming the problem (no PG: prefix, unterminated quote, a schema
/// name that is not a plain identifier).
ConnInfo parse_location(std::string_view location);

/// The location with any password replaced by "***", for messages and logs.
std::string redacted(std::string_view location);

} // namespace bostad::pg
