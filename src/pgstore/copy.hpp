#pragma once
// Moves a GeoPackage store into an empty PostGIS store, table by table with COPY, in one transaction: every
// row and column, history and quarantine included, with the same ids (fid, run ids), so that events,
// assignments and quarantined rows keep pointing at the same things. Geometries go over as EWKB in
// EPSG:3006, numbers exactly (shortest round-trip text), booleans as booleans.

#include <cstdint>
#include <string>
#include <vector>

namespace bostad::sqlite {
class Database;
}
namespace bostad::pgstore {

class PgStore;

struct CopiedTable {
    std::string table;
    std::int64_t rows = 0;
};

/// Copies every store table; `to` must hold no data yet (UsageError otherwise). The caller commits.
std::vector<CopiedTable> copy_store(sqlite::Database& from, PgStore& to);

/// An ISO WKB geometry as hex EWKB with the SRID set, the form PostGIS reads from text.
std::string ewkb_hex(const std::uint8_t* wkb, std::size_t size, std::int32_t srid);

} // namespace bostad::pgstore
